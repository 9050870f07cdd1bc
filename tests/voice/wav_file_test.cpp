#include <doctest/doctest.h>

#include "drivers/audio/wav_file.h"
#include "support/temp_dir.h"
#include "voice_test_paths.h"

using namespace kiosk::audio;

namespace {

void put16(std::string& s, int v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
    put16(s, static_cast<int>(v & 0xFFFF));
    put16(s, static_cast<int>(v >> 16));
}

// A hand-built WAV with an odd-sized chunk before 'fmt ' and a LIST chunk before 'data'.
std::string wav_bytes(int tag, int channels, int rate, int bits, const std::vector<int>& samples,
                      std::uint32_t data_size_override = 0, bool extensible = false) {
    std::string fmt;
    put16(fmt, extensible ? 0xFFFE : tag);
    put16(fmt, channels);
    put32(fmt, static_cast<std::uint32_t>(rate));
    put32(fmt, static_cast<std::uint32_t>(rate * channels * bits / 8));
    put16(fmt, channels * bits / 8);
    put16(fmt, bits);
    if (extensible) {
        put16(fmt, 22);
        put16(fmt, bits);
        put32(fmt, 0x4);
        put16(fmt, tag);  // sub-format GUID starts with the format tag
        fmt += std::string("\x00\x00\x00\x00\x10\x00\x80\x00\x00\xAA\x00\x38\x9B\x71", 14);
    }
    std::string data;
    for (int s : samples)
        put16(data, s);
    std::string body = "WAVE";
    body += "junk";
    put32(body, 3);
    body += std::string("abc") + '\0';  // pad byte
    body += "fmt ";
    put32(body, static_cast<std::uint32_t>(fmt.size()));
    body += fmt;
    body += "LIST";
    put32(body, 4);
    body += "INFO";
    body += "data";
    put32(body, data_size_override ? data_size_override : static_cast<std::uint32_t>(data.size()));
    body += data;
    std::string out = "RIFF";
    put32(out, static_cast<std::uint32_t>(body.size()));
    return out + body;
}

std::string decode_error(const std::string& bytes) {
    try {
        decode_wav(bytes, "clip.wav");
    } catch (const AudioError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("encode then decode gives the same samples") {
    AudioBuffer a;
    a.sample_rate = 22050;
    a.samples = {0, 1, -1, 32767, -32768, 1234, -4321};
    const std::string bytes = encode_wav(a);
    CHECK(bytes.size() == 44 + 2 * a.samples.size());
    const AudioBuffer b = decode_wav(bytes, "mem");
    CHECK(b.sample_rate == 22050);
    CHECK(b.samples == a.samples);
}

TEST_CASE("chunks are skipped, padded, and stereo is averaged to mono") {
    const auto mono = decode_wav(wav_bytes(1, 1, 16000, 16, {5, -5, 300}), "m");
    CHECK(mono.sample_rate == 16000);
    CHECK(mono.samples == std::vector<std::int16_t>{5, -5, 300});

    const auto stereo =
        decode_wav(wav_bytes(1, 2, 44100, 16, {100, 200, -32768, -32768, 3, 4}), "s");
    CHECK(stereo.sample_rate == 44100);
    CHECK(stereo.samples == std::vector<std::int16_t>{150, -32768, 3});

    const auto ext = decode_wav(wav_bytes(1, 1, 48000, 16, {7, 8}, 0, true), "e");
    CHECK(ext.samples == std::vector<std::int16_t>{7, 8});
}

TEST_CASE("streamed size placeholder takes the data that is there") {
    const auto a = decode_wav(wav_bytes(1, 1, 22050, 16, {1, 2, 3}, 0x7FFFF000u), "espeak");
    CHECK(a.samples == std::vector<std::int16_t>{1, 2, 3});
}

TEST_CASE("unsupported or broken files say what is wrong") {
    CHECK(decode_error("hello") == "clip.wav: not a RIFF/WAVE file");
    CHECK(decode_error(wav_bytes(3, 1, 22050, 32, {})).find("clip.wav: encoding 3 is not PCM") ==
          0);
    CHECK(
        decode_error(wav_bytes(1, 1, 22050, 8, {})).find("clip.wav: 8-bit samples, need 16-bit") ==
        0);
    CHECK(decode_error(wav_bytes(1, 6, 22050, 16, {})).find("6 channels, need mono or stereo") !=
          std::string::npos);
    CHECK(decode_error(wav_bytes(1, 1, 4000, 16, {})).find("sample rate 4000 Hz") !=
          std::string::npos);
    CHECK(decode_error(wav_bytes(1, 1, 22050, 16, {1, 2}, 1000)) ==
          "clip.wav: truncated: 'data' chunk says 1000 bytes, file has 4");
    CHECK(decode_error(std::string("RIFF\x04\x00\x00\x00WAVE", 12)) == "clip.wav: no 'fmt ' chunk");
    // Every message names the conversion that fixes it.
    CHECK(decode_error(wav_bytes(1, 1, 22050, 24, {})).find("sox IN.wav -b 16 -c 1 -r 22050") !=
          std::string::npos);
    // Arbitrary prefixes of a valid file never crash.
    const std::string good = wav_bytes(1, 2, 22050, 16, {1, 2, 3, 4});
    for (std::size_t n = 0; n < good.size(); ++n) {
        try {
            decode_wav(good.substr(0, n), "cut");
        } catch (const AudioError&) {
        }
    }
}

TEST_CASE("write_wav and read_wav on disk") {
    kiosk::test::TempDir dir("wav");
    AudioBuffer a;
    a.sample_rate = 8000;
    a.samples = {10, 20, 30};
    write_wav(dir.file("a.wav"), a);
    CHECK(read_wav(dir.file("a.wav")).samples == a.samples);
    CHECK(kiosk::test::canonical_wav_samples(dir.file("a.wav")) == a.samples);
    CHECK_THROWS_WITH_AS(read_wav(dir.file("missing.wav")),
                         (dir.file("missing.wav") + ": cannot open for reading").c_str(),
                         AudioError);
    CHECK_THROWS_AS(write_wav(dir.file("no/such/dir/a.wav"), a), AudioError);
}
