#include "silence_trim.h"

#include <algorithm>
#include <cstdlib>

namespace kiosk::audio {

AudioBuffer trim_silence(const AudioBuffer& audio, const TrimSettings& settings) {
    const auto loud = [&](std::int16_t s) {
        return std::abs(static_cast<int>(s)) > settings.threshold;
    };
    const auto& s = audio.samples;
    const auto first = std::find_if(s.begin(), s.end(), loud);
    AudioBuffer out;
    out.sample_rate = audio.sample_rate;
    if (first == s.end()) return out;
    const auto last = std::find_if(s.rbegin(), s.rend(), loud).base();  // one past the last loud
    const auto margin =
        static_cast<std::ptrdiff_t>(samples_for_ms(audio.sample_rate, settings.margin_ms));
    const auto begin = first - std::min(margin, first - s.begin());
    const auto end = last + std::min(margin, s.end() - last);
    out.samples.assign(begin, end);
    return out;
}

}  // namespace kiosk::audio
