#include "wav_file.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

namespace kiosk::audio {

namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;
constexpr std::size_t kMaxWavBytes = 64u << 20;  // a voice clip is a few hundred KiB
constexpr std::size_t kStreamedSizePlaceholder = 0x7FFF0000u;

std::uint16_t le16(std::string_view b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                      static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t le32(std::string_view b, std::size_t at) {
    return static_cast<std::uint32_t>(le16(b, at)) | static_cast<std::uint32_t>(le16(b, at + 2))
                                                         << 16;
}
void put16(std::string& out, std::uint16_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>(v >> 8);
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, static_cast<std::uint16_t>(v & 0xFFFF));
    put16(out, static_cast<std::uint16_t>(v >> 16));
}

struct Format {
    std::uint16_t tag = 0;
    std::uint16_t channels = 0;
    std::uint32_t rate = 0;
    std::uint16_t bits = 0;
    bool seen = false;
};

[[noreturn]] void fail(const std::string& source, const std::string& why) {
    throw AudioError(source + ": " + why);
}

Format parse_format(std::string_view chunk, const std::string& source) {
    if (chunk.size() < 16)
        fail(source,
             "'fmt ' chunk is " + std::to_string(chunk.size()) + " bytes, needs at least 16");
    Format f;
    f.tag = le16(chunk, 0);
    f.channels = le16(chunk, 2);
    f.rate = le32(chunk, 4);
    f.bits = le16(chunk, 14);
    f.seen = true;
    if (f.tag == kFormatExtensible) {
        // cbSize(2) validBits(2) channelMask(4) then the sub-format GUID, whose first two bytes
        // are the classic format tag.
        if (chunk.size() < 26) fail(source, "WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is truncated");
        f.tag = le16(chunk, 24);
    }
    const std::string convert = " (convert with: sox IN.wav -b 16 -c 1 -r 22050 OUT.wav)";
    if (f.tag != kFormatPcm) {
        fail(source, "encoding " + std::to_string(f.tag) + " is not PCM" + convert);
    }
    if (f.bits != 16) fail(source, std::to_string(f.bits) + "-bit samples, need 16-bit" + convert);
    if (f.channels != 1 && f.channels != 2) {
        fail(source, std::to_string(f.channels) + " channels, need mono or stereo" + convert);
    }
    if (f.rate < 8000 || f.rate > 192000) {
        fail(source,
             "sample rate " + std::to_string(f.rate) + " Hz is outside 8000-192000" + convert);
    }
    return f;
}

}  // namespace

AudioBuffer decode_wav(std::string_view bytes, const std::string& source) {
    if (bytes.size() < 12 || bytes.substr(0, 4) != "RIFF" || bytes.substr(8, 4) != "WAVE") {
        fail(source, "not a RIFF/WAVE file");
    }
    Format format;
    std::size_t at = 12;
    while (at + 8 <= bytes.size()) {
        const std::string_view id = bytes.substr(at, 4);
        std::size_t size = le32(bytes, at + 4);
        const std::size_t body = at + 8;
        const std::size_t left = bytes.size() - body;
        if (id == "data") {
            if (!format.seen) fail(source, "'data' chunk before the 'fmt ' chunk");
            if (size > left) {
                // Writers streaming to a pipe cannot know the size and put a huge placeholder
                // (espeak-ng --stdout: 0x7FFFF000; others 0xFFFFFFFF): take what is there.
                if (size < kStreamedSizePlaceholder) {
                    fail(source, "truncated: 'data' chunk says " + std::to_string(size) +
                                     " bytes, file has " + std::to_string(left));
                }
                size = left;
            }
            const std::size_t frame = 2u * format.channels;
            AudioBuffer audio;
            audio.sample_rate = static_cast<int>(format.rate);
            audio.samples.reserve(size / frame);
            for (std::size_t p = body; p + frame <= body + size; p += frame) {
                const auto left_sample = static_cast<std::int16_t>(le16(bytes, p));
                if (format.channels == 1) {
                    audio.samples.push_back(left_sample);
                } else {
                    const auto right = static_cast<std::int16_t>(le16(bytes, p + 2));
                    audio.samples.push_back(static_cast<std::int16_t>((left_sample + right) / 2));
                }
            }
            return audio;
        }
        if (size > left) {
            fail(source, "truncated: chunk '" + std::string(id) + "' at byte " +
                             std::to_string(at) + " runs past the end");
        }
        if (id == "fmt ") format = parse_format(bytes.substr(body, size), source);
        at = body + size + (size & 1);  // chunks are padded to even sizes
    }
    fail(source, format.seen ? "no 'data' chunk" : "no 'fmt ' chunk");
}

AudioBuffer read_wav(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot open for reading");
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(in.tellg());
    if (size > kMaxWavBytes) {
        fail(path, std::to_string(size) + " bytes is too large for a voice clip (limit " +
                       std::to_string(kMaxWavBytes) + ")");
    }
    in.seekg(0);
    std::string bytes(size, '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) fail(path, "read failed");
    return decode_wav(bytes, path);
}

std::string encode_wav(const AudioBuffer& audio) {
    const auto data_bytes = static_cast<std::uint32_t>(audio.samples.size() * 2);
    std::string out;
    out.reserve(44 + data_bytes);
    out += "RIFF";
    put32(out, 36 + data_bytes);
    out += "WAVEfmt ";
    put32(out, 16);
    put16(out, kFormatPcm);
    put16(out, 1);  // mono
    put32(out, static_cast<std::uint32_t>(audio.sample_rate));
    put32(out, static_cast<std::uint32_t>(audio.sample_rate) * 2);  // byte rate
    put16(out, 2);                                                  // block align
    put16(out, 16);
    out += "data";
    put32(out, data_bytes);
    for (std::int16_t s : audio.samples)
        put16(out, static_cast<std::uint16_t>(s));
    return out;
}

void write_wav(const std::string& path, const AudioBuffer& audio) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) fail(path, "cannot open " + tmp + " for writing");
        const std::string bytes = encode_wav(audio);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) fail(path, "write failed (disk full?)");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        fail(path, "cannot rename " + tmp + " into place");
    }
}

}  // namespace kiosk::audio
