#include "chime.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::audio {

namespace {

struct Note {
    double start_s;
    double frequency_hz;
};

constexpr Note kNotes[] = {{0.0, 783.99}, {0.45, 659.25}};  // G5, E5
constexpr double kLengthS = 1.5;
constexpr double kDecayS = 0.35;    // time constant of each note's fade
constexpr double kAttackS = 0.005;  // avoids a click at the onset
constexpr double kPeak = 0.45;      // of full scale: leaves headroom next to speech clips

}  // namespace

AudioBuffer synthesise_chime(int sample_rate) {
    AudioBuffer out;
    out.sample_rate = sample_rate;
    out.samples.resize(static_cast<std::size_t>(kLengthS * sample_rate));
    for (std::size_t i = 0; i < out.samples.size(); ++i) {
        const double t = static_cast<double>(i) / sample_rate;
        double value = 0;
        for (const auto& note : kNotes) {
            const double local = t - note.start_s;
            if (local < 0) continue;
            const double envelope = std::min(1.0, local / kAttackS) * std::exp(-local / kDecayS);
            const double phase = 2 * std::numbers::pi * note.frequency_hz * local;
            value += envelope *
                     (std::sin(phase) + 0.3 * std::sin(2 * phase) + 0.1 * std::sin(3 * phase)) /
                     1.4;
        }
        // Fade the last 50 ms to exact silence so the gap after the chime starts clean.
        const double tail = (kLengthS - t) / 0.05;
        if (tail < 1) value *= std::max(0.0, tail);
        out.samples[i] = static_cast<std::int16_t>(std::lround(value * kPeak * 32767));
    }
    return out;
}

}  // namespace kiosk::audio
