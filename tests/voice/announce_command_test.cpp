#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "drivers/audio/clip_sequence.h"
#include "drivers/audio/recording_audio_output.h"
#include "drivers/audio/wav_file.h"
#include "kiosk/app/admin_commands.h"
#include "kiosk/app/announce_command.h"
#include "kiosk/core/announcement.h"
#include "support/temp_dir.h"
#include "voice_test_paths.h"

using namespace kiosk;
using namespace kiosk::app;

namespace {

struct Run {
    int code;
    std::string out, err;
};

Run run(AnnounceCommandOptions options) {
    if (options.default_clips_dir.empty()) options.default_clips_dir = test::default_voice_dir();
    std::ostringstream out, err;
    const int code = announce_command(options, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("announce --wav prints the words and writes the call") {
    test::TempDir dir("announce");
    AnnounceCommandOptions o;
    o.number = "1005";
    o.counter = 3;
    o.wav_path = dir.file("call.wav");
    const auto r = run(o);
    CHECK(r.code == kExitOk);
    CHECK(r.err.empty());
    CHECK(r.out.find("Xin mời công dân có số thứ tự một nghìn không trăm linh năm đến quầy số ba\n"
                     "clips: chime invite digit-1 nghin digit-0 tram linh digit-5 to-counter "
                     "digit-3\n") == 0);
    CHECK(r.out.find("wrote " + o.wav_path + " (") != std::string::npos);

    audio::ClipLibrary library({"", test::default_voice_dir(), 22050});
    const auto call = build_announcement({"1005", 3}, {});
    const auto expected = audio::assemble_clips(call.announcement->clip_ids, library, {80, 700});
    CHECK(audio::read_wav(o.wav_path).samples == expected.samples);
}

TEST_CASE("announce with the digits and southern readings") {
    AnnounceCommandOptions o;
    o.number = "1005";
    o.counter = 2;
    audio::RecordingAudioOutput speaker(22050);
    o.output = &speaker;
    o.reading = NumberReading::Digits;
    auto r = run(o);
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("số thứ tự một không không năm đến quầy số hai\n") != std::string::npos);
    CHECK(r.out.find("played ") != std::string::npos);
    REQUIRE(speaker.enqueued().size() == 1);

    o.reading = NumberReading::South;
    r = run(o);
    CHECK(r.out.find("một ngàn không trăm lẻ năm") != std::string::npos);
    CHECK(speaker.enqueued().size() == 2);
}

TEST_CASE("office recordings are used and marked") {
    test::TempDir office("office"), dir("announce");
    audio::AudioBuffer custom;
    custom.samples.assign(500, 777);
    audio::write_wav(office.file("invite.wav"), custom);
    AnnounceCommandOptions o;
    o.number = "7";
    o.counter = 1;
    o.clips_dir = office.path().string();
    o.wav_path = dir.file("call.wav");
    const auto r = run(o);
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("clips: chime invite* digit-7 to-counter digit-1\n") != std::string::npos);
    CHECK(r.out.find("(* = office recording from " + o.clips_dir + ")") != std::string::npos);
    const auto samples = audio::read_wav(o.wav_path).samples;
    CHECK(std::search_n(samples.begin(), samples.end(), 500, 777) != samples.end());
}

TEST_CASE("announce refuses what it cannot say, and names missing clips") {
    AnnounceCommandOptions o;
    o.number = "1005";
    o.counter = 0;
    auto r = run(o);
    CHECK(r.code == kExitBadConfig);
    CHECK(r.err == "announce: counter 0: must be between 1 and 999\n");

    o.counter = 1;
    o.number = "1?";
    r = run(o);
    CHECK(r.code == kExitBadConfig);
    CHECK(r.err.find("announce: ticket number '1?': byte 0x3F at position 1") == 0);

    test::TempDir empty("empty"), dir("announce");
    o.number = "12";
    o.default_clips_dir = empty.path().string();
    o.wav_path = dir.file("x.wav");
    r = run(o);
    CHECK(r.code == kExitFailure);
    CHECK(r.err ==
          "announce: missing voice clips: chime.wav invite.wav muoi-ten.wav digit-2.wav "
          "to-counter.wav digit-1.wav (looked in " +
              empty.path().string() + ")\n");
}
