#pragma once
// Shared by the voice suites: where the build put the default clips, and an independent reader
// for the canonical 44-byte WAV files our writer produces (so expected audio does not come from
// the decoder under test).
#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::test {

inline std::string default_voice_dir() {
    return std::string(KIOSK_BINARY_DIR) + "/assets/voice/vi";
}

inline std::string read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Samples of a canonical mono 16-bit WAV: bytes 44.. as little-endian int16.
inline std::vector<std::int16_t> canonical_wav_samples(const std::string& path) {
    const std::string b = read_file_bytes(path);
    if (b.size() < 44 || b.compare(0, 4, "RIFF") != 0 || b.compare(36, 4, "data") != 0) {
        throw std::runtime_error(path + " is not a canonical 44-byte-header WAV");
    }
    std::vector<std::int16_t> out;
    for (std::size_t i = 44; i + 1 < b.size(); i += 2) {
        out.push_back(static_cast<std::int16_t>(static_cast<unsigned char>(b[i]) |
                                                static_cast<unsigned char>(b[i + 1]) << 8));
    }
    return out;
}

}  // namespace kiosk::test
