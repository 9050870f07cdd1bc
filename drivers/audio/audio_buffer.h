#pragma once
// The one sample format of the voice pipeline: mono, signed 16-bit, at a known rate. Clips are
// converted to it when loaded (wav_file.h, resample.h); outputs receive nothing else.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::audio {

inline constexpr int kVoiceSampleRate = 22050;  // espeak-ng's native rate; plenty for speech

struct AudioBuffer {
    int sample_rate = kVoiceSampleRate;
    std::vector<std::int16_t> samples;

    double seconds() const {
        return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0;
    }
};

// Samples of silence lasting `ms` at `sample_rate` (rounded down to whole samples).
inline std::size_t samples_for_ms(int sample_rate, int ms) {
    return static_cast<std::size_t>(static_cast<std::int64_t>(sample_rate) * ms / 1000);
}

// Every failure of a file, clip or device: the message says what, where (path, clip id, device)
// and why.
class AudioError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace kiosk::audio
