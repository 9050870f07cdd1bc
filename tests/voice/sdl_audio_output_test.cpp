// The real SDL2 output, on SDL's "disk" driver: it writes what the device plays to a raw file, so
// the test can check that a queued call and its recall reach the device whole and in order.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "drivers/audio/announcement_player.h"
#include "drivers/audio/sdl_audio_output.h"
#include "kiosk/core/announcement.h"
#include "support/temp_dir.h"
#include "voice_test_paths.h"

using namespace kiosk;
using Samples = std::vector<std::int16_t>;

namespace {

Samples raw_samples(const std::string& path) {
    const std::string b = test::read_file_bytes(path);
    Samples out(b.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = static_cast<std::int16_t>(static_cast<unsigned char>(b[2 * i]) |
                                           static_cast<unsigned char>(b[2 * i + 1]) << 8);
    }
    return out;
}

// The stretch from the first to the last non-zero sample.
Samples audible(const Samples& s) {
    const auto nonzero = [](std::int16_t v) { return v != 0; };
    const auto first = std::find_if(s.begin(), s.end(), nonzero);
    if (first == s.end()) return {};
    const auto last = std::find_if(s.rbegin(), s.rend(), nonzero).base();
    return Samples(first, last);
}

void use_disk_driver(const std::string& file) {
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
    // The disk driver sleeps this many ms per device buffer (46 ms of audio) to pace like a
    // sound card; 5 ms plays ~9x faster than real time and keeps the silence after it small.
    setenv("SDL_DISKAUDIODELAY", "5", 1);
}

}  // namespace

TEST_CASE("a call and its recall reach SDL's disk audio device sample for sample") {
    test::TempDir dir("sdl-audio");
    const std::string raw = dir.file("device.raw");
    use_disk_driver(raw);

    const auto call = build_announcement({"A012", 5}, {NumberReading::North, 1});
    REQUIRE(call.ok());
    audio::ClipLibrary library({"", test::default_voice_dir(), audio::kVoiceSampleRate});
    audio::AudioBuffer speech;
    Samples expected;
    {
        audio::SdlAudioOutput output(audio::kVoiceSampleRate);
        CHECK(output.driver_name() == "disk");
        audio::AnnouncementPlayer player(library, output, {{80, 700}, 300});
        speech = player.play(call.announcement->clip_ids);
        player.play(call.announcement->clip_ids);  // recall: queued behind, never mixed in
        CHECK(output.queued_seconds() > 0);
        CHECK(output.wait_until_played(std::chrono::seconds(60)));
        CHECK(output.queued_seconds() == 0);

        expected = speech.samples;
        expected.insert(expected.end(), 22050u * 300 / 1000, 0);
        expected.insert(expected.end(), speech.samples.begin(), speech.samples.end());
        // The device thread may still be writing the last buffer on a loaded machine: wait (not
        // a timing assertion) until the file holds as much audio as was queued.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (audible(raw_samples(raw)).size() < audible(expected).size() &&
               std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }  // closing the device closes the file

    const Samples device = raw_samples(raw);
    CHECK(device.size() >= expected.size());
    const Samples heard = audible(device);
    CHECK(heard.size() == audible(expected).size());
    CHECK(heard == audible(expected));
}

TEST_CASE("buffers at another rate are refused by the SDL output") {
    test::TempDir dir("sdl-audio");
    use_disk_driver(dir.file("device.raw"));
    audio::SdlAudioOutput output(audio::kVoiceSampleRate);
    audio::AudioBuffer wrong;
    wrong.sample_rate = 44100;
    wrong.samples.assign(10, 1);
    CHECK_THROWS_WITH_AS(output.enqueue(wrong),
                         "SDL audio: buffer at 44100 Hz, device opened at 22050 Hz",
                         audio::AudioError);
}

TEST_CASE("an unknown SDL audio driver is a clear error") {
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    try {
        audio::SdlAudioOutput output(audio::kVoiceSampleRate);
        FAIL("opened an audio device on a driver that does not exist");
    } catch (const audio::AudioError& e) {
        CHECK(std::string(e.what()).find("SDL audio: cannot") == 0);
    }
}
