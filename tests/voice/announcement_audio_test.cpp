// The assembled announcement equals the expected clip sequence sample for sample; expected audio
// is built straight from the clip files' bytes, not through the decoder or the mixer under test.
#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "drivers/audio/announcement_player.h"
#include "drivers/audio/clip_sequence.h"
#include "drivers/audio/recording_audio_output.h"
#include "drivers/audio/wav_file.h"
#include "kiosk/core/announcement.h"
#include "support/temp_dir.h"
#include "voice_test_paths.h"

using namespace kiosk;
using Samples = std::vector<std::int16_t>;

namespace {

void append_silence(Samples& s, int ms) {
    s.insert(s.end(), 22050u * ms / 1000, 0);
}

// Clip files back to back, `gap_ms` between words, `pause_ms` for the pause id.
Samples expected_audio(const std::vector<std::string>& ids, const std::string& dir, int gap_ms,
                       int pause_ms) {
    Samples out;
    bool after_clip = false;
    for (const auto& id : ids) {
        if (id == "pause") {
            append_silence(out, pause_ms);
            after_clip = false;
            continue;
        }
        if (after_clip) append_silence(out, gap_ms);
        const Samples clip = test::canonical_wav_samples(dir + "/" + id + ".wav");
        REQUIRE(!clip.empty());
        out.insert(out.end(), clip.begin(), clip.end());
        after_clip = true;
    }
    return out;
}

Announcement announce(const char* number, int counter, int repeat = 1) {
    auto r = build_announcement({number, counter}, {NumberReading::North, repeat});
    REQUIRE(r.ok());
    return *r.announcement;
}

}  // namespace

TEST_CASE("the announcement for 1005 at counter 3 is the expected clip sequence, sample exact") {
    audio::ClipLibrary library({"", test::default_voice_dir(), 22050});
    const auto call = announce("1005", 3);
    const auto mixed = audio::assemble_clips(call.clip_ids, library, {80, 700});
    const Samples expected = expected_audio(call.clip_ids, test::default_voice_dir(), 80, 700);
    CHECK(mixed.sample_rate == 22050);
    CHECK(mixed.samples.size() == expected.size());
    CHECK(mixed.samples == expected);
    CHECK(mixed.seconds() > 2.0);  // chime 1.5 s + ten words

    // Written as a WAV, the same samples come back.
    test::TempDir dir("announce");
    audio::write_wav(dir.file("call.wav"), mixed);
    CHECK(test::canonical_wav_samples(dir.file("call.wav")) == expected);
}

TEST_CASE("repetitions are separated by the pause, not the gap") {
    audio::ClipLibrary library({"", test::default_voice_dir(), 22050});
    const auto call = announce("A012", 5, 2);
    const auto mixed = audio::assemble_clips(call.clip_ids, library, {50, 600});
    CHECK(mixed.samples == expected_audio(call.clip_ids, test::default_voice_dir(), 50, 600));
    const auto once = audio::assemble_clips(announce("A012", 5, 1).clip_ids, library, {50, 600});
    const auto chime = library.clip("chime").samples.size() + 22050u * 50 / 1000;
    // chime + gap + sentence + pause + sentence
    CHECK(mixed.samples.size() ==
          once.samples.size() + 22050u * 600 / 1000 + (once.samples.size() - chime));
}

TEST_CASE("an office recording replaces one clip in the assembled call") {
    test::TempDir office("office");
    audio::AudioBuffer custom;
    custom.samples.assign(1000, 1234);
    audio::write_wav(office.file("to-counter.wav"), custom);
    audio::ClipLibrary library({office.path().string(), test::default_voice_dir(), 22050});
    const auto call = announce("7", 2);
    const auto mixed = audio::assemble_clips(call.clip_ids, library, {80, 700});

    Samples expected;
    for (const auto& id : call.clip_ids) {
        if (!expected.empty()) append_silence(expected, 80);
        const auto clip = test::canonical_wav_samples(
            (id == "to-counter" ? office.path().string() : test::default_voice_dir()) + "/" + id +
            ".wav");
        expected.insert(expected.end(), clip.begin(), clip.end());
    }
    CHECK(mixed.samples == expected);
}

TEST_CASE("call and recall queue one after the other on the output, never overlapping") {
    audio::ClipLibrary library({"", test::default_voice_dir(), 22050});
    audio::RecordingAudioOutput output(22050);
    audio::AnnouncementPlayer player(library, output, {{80, 700}, 1000});
    const auto call = announce("2021", 4);
    const auto first = player.play(call.clip_ids);
    const auto recall = player.play(call.clip_ids);
    CHECK(first.samples == recall.samples);

    Samples expected = expected_audio(call.clip_ids, test::default_voice_dir(), 80, 700);
    append_silence(expected, 1000);
    Samples twice = expected;
    twice.insert(twice.end(), expected.begin(), expected.end());
    CHECK(output.enqueued().size() == 2);
    CHECK(output.played().samples == twice);
}

TEST_CASE("announcements played from several threads stay whole") {
    audio::ClipLibrary library({"", test::default_voice_dir(), 22050});
    audio::RecordingAudioOutput output(22050);
    audio::AnnouncementPlayer player(library, output, {{80, 700}, 200});
    std::vector<std::thread> threads;
    for (int counter = 1; counter <= 6; ++counter) {
        threads.emplace_back([&, counter] { player.play(announce("15", counter).clip_ids); });
    }
    for (auto& t : threads)
        t.join();
    const auto enqueued = output.enqueued();
    REQUIRE(enqueued.size() == 6);
    std::vector<Samples> wanted;
    for (int counter = 1; counter <= 6; ++counter) {
        Samples s =
            expected_audio(announce("15", counter).clip_ids, test::default_voice_dir(), 80, 700);
        append_silence(s, 200);
        wanted.push_back(s);
    }
    for (const auto& buffer : enqueued) {
        CHECK(std::find(wanted.begin(), wanted.end(), buffer.samples) != wanted.end());
    }
}

TEST_CASE("player and output rates must match; missing clips queue nothing") {
    audio::ClipLibrary library({"", test::default_voice_dir(), 22050});
    audio::RecordingAudioOutput output48(48000);
    CHECK_THROWS_WITH_AS(audio::AnnouncementPlayer(library, output48),
                         "announcement player: clips at 22050 Hz, output at 48000 Hz",
                         audio::AudioError);
    audio::RecordingAudioOutput output(22050);
    audio::AnnouncementPlayer player(library, output);
    CHECK_THROWS_AS(player.play({"chime", "no-such-clip"}), audio::AudioError);
    CHECK(output.enqueued().empty());
    audio::AudioBuffer wrong;
    wrong.sample_rate = 8000;
    CHECK_THROWS_AS(output.enqueue(wrong), audio::AudioError);
}
