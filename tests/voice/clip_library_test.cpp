#include <doctest/doctest.h>

#include <fstream>

#include "drivers/audio/clip_library.h"
#include "drivers/audio/wav_file.h"
#include "support/temp_dir.h"

using namespace kiosk::audio;

namespace {

AudioBuffer constant(int rate, std::size_t n, std::int16_t value) {
    AudioBuffer a;
    a.sample_rate = rate;
    a.samples.assign(n, value);
    return a;
}

}  // namespace

TEST_CASE("office recordings override the defaults clip by clip") {
    kiosk::test::TempDir office("office"), defaults("defaults");
    write_wav(defaults.file("digit-1.wav"), constant(22050, 10, 1));
    write_wav(defaults.file("digit-2.wav"), constant(22050, 10, 2));
    write_wav(office.file("digit-2.wav"), constant(22050, 5, 22));

    ClipLibrary library({office.path().string(), defaults.path().string(), 22050});
    CHECK(library.path_of("digit-1") == defaults.file("digit-1.wav"));
    CHECK(library.path_of("digit-2") == office.file("digit-2.wav"));
    CHECK(library.path_of("digit-3").empty());
    CHECK(library.clip("digit-1").samples == std::vector<std::int16_t>(10, 1));
    CHECK(library.clip("digit-2").samples == std::vector<std::int16_t>(5, 22));
    CHECK(library.missing({"digit-1", "digit-3", "digit-2", "tram"}) ==
          std::vector<std::string>{"digit-3", "tram"});
}

TEST_CASE("clips at other rates are converted to the library rate") {
    kiosk::test::TempDir office("office");
    write_wav(office.file("invite.wav"), constant(44100, 4410, 500));  // 100 ms at 44.1 kHz
    ClipLibrary library({office.path().string(), "", 22050});
    const auto& clip = library.clip("invite");
    CHECK(clip.sample_rate == 22050);
    CHECK(clip.samples.size() == 2205);
    CHECK(clip.samples.front() == 500);
    CHECK(&library.clip("invite") == &clip);  // cached
}

TEST_CASE("missing, invalid and broken clips are reported precisely") {
    kiosk::test::TempDir office("office"), defaults("defaults");
    ClipLibrary library({office.path().string(), defaults.path().string(), 22050});
    CHECK_THROWS_WITH_AS(library.clip("tram"),
                         ("voice clip 'tram' not found (tried " + office.file("tram.wav") + ", " +
                          defaults.file("tram.wav") + ")")
                             .c_str(),
                         AudioError);
    CHECK_THROWS_WITH_AS(library.clip("../etc/passwd"),
                         "voice clip id '../etc/passwd' is invalid (a-z, 0-9, '-', '_' only)",
                         AudioError);
    { std::ofstream(office.file("linh.wav")) << "not audio"; }
    CHECK_THROWS_WITH_AS(library.clip("linh"),
                         (office.file("linh.wav") + ": not a RIFF/WAVE file").c_str(), AudioError);
    ClipLibrary none({"", "", 22050});
    CHECK_THROWS_WITH_AS(none.clip("tram"),
                         "voice clip 'tram' not found (tried no directory configured)", AudioError);
    CHECK_THROWS_AS(ClipLibrary({"", "", 100}), AudioError);
}
