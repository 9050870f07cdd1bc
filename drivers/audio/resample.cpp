#include "resample.h"

#include <cmath>

namespace kiosk::audio {

AudioBuffer resample_linear(const AudioBuffer& audio, int target_rate) {
    if (audio.sample_rate <= 0 || target_rate <= 0) {
        throw AudioError("resample: invalid rate " + std::to_string(audio.sample_rate) + " -> " +
                         std::to_string(target_rate) + " Hz");
    }
    if (audio.sample_rate == target_rate || audio.samples.empty()) {
        AudioBuffer same = audio;
        same.sample_rate = target_rate;
        return same;
    }
    const auto& in = audio.samples;
    const auto out_count = static_cast<std::size_t>(static_cast<std::int64_t>(in.size()) *
                                                    target_rate / audio.sample_rate);
    const double step = static_cast<double>(audio.sample_rate) / target_rate;
    AudioBuffer out;
    out.sample_rate = target_rate;
    out.samples.resize(out_count);
    for (std::size_t i = 0; i < out_count; ++i) {
        const double pos = static_cast<double>(i) * step;
        const auto index = static_cast<std::size_t>(pos);
        const double frac = pos - static_cast<double>(index);
        const double a = in[index];
        const double b = index + 1 < in.size() ? in[index + 1] : a;
        out.samples[i] = static_cast<std::int16_t>(std::lround(a + (b - a) * frac));
    }
    return out;
}

}  // namespace kiosk::audio
