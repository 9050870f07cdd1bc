#pragma once
// RIFF/WAVE reading and writing. Reads PCM 16-bit (format 1, or WAVE_FORMAT_EXTENSIBLE with a PCM
// sub-format), mono or stereo, any rate from 8 kHz to 192 kHz; stereo is averaged to mono (the
// caller resamples, see resample.h). Other encodings (8/24/32-bit, float, ADPCM, MP3) are refused
// with a message that says what the file is and how to convert it (sox). Writes mono 16-bit PCM.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/audio/audio_buffer.h"

namespace kiosk::audio {

// `source` names the data in error messages (usually the path). Throws AudioError.
AudioBuffer decode_wav(std::string_view bytes, const std::string& source);
AudioBuffer read_wav(const std::string& path);

// 44-byte canonical header + samples (little-endian).
std::string encode_wav(const AudioBuffer& audio);
// Writes through a temporary file renamed into place, so readers never see half a file.
void write_wav(const std::string& path, const AudioBuffer& audio);

}  // namespace kiosk::audio
