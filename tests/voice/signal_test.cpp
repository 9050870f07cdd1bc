#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "drivers/audio/chime.h"
#include "drivers/audio/resample.h"
#include "drivers/audio/silence_trim.h"

using namespace kiosk::audio;

TEST_CASE("resampling keeps level and duration") {
    AudioBuffer in;
    in.sample_rate = 44100;
    in.samples.assign(44100, 1000);
    const auto out = resample_linear(in, 22050);
    CHECK(out.sample_rate == 22050);
    CHECK(out.samples.size() == 22050);
    CHECK(std::all_of(out.samples.begin(), out.samples.end(), [](auto s) { return s == 1000; }));

    AudioBuffer ramp;
    ramp.sample_rate = 11025;
    for (int i = 0; i < 100; ++i)
        ramp.samples.push_back(static_cast<std::int16_t>(i * 100));
    const auto up = resample_linear(ramp, 22050);
    REQUIRE(up.samples.size() == 200);
    CHECK(up.samples[0] == 0);
    CHECK(up.samples[1] == 50);  // halfway between 0 and 100
    CHECK(up.samples[2] == 100);
    CHECK(up.samples[199] == 9900);  // last input sample held

    CHECK(resample_linear(ramp, 11025).samples == ramp.samples);
    CHECK_THROWS_AS(resample_linear(ramp, 0), AudioError);
}

TEST_CASE("silence is trimmed down to the margin") {
    AudioBuffer a;
    a.sample_rate = 1000;  // 1 sample per ms: margins are easy to count
    a.samples.assign(100, 0);
    a.samples.insert(a.samples.end(), {1000, -2000, 5, 1000});
    a.samples.insert(a.samples.end(), 100, 50);  // quiet hiss counts as silence
    const auto t = trim_silence(a, {300, 20});
    REQUIRE(t.samples.size() == 20 + 4 + 20);
    CHECK(t.samples[20] == 1000);
    CHECK(t.samples[23] == 1000);
    CHECK(t.samples.front() == 0);
    CHECK(t.samples.back() == 50);

    AudioBuffer quiet;
    quiet.samples.assign(500, 100);
    CHECK(trim_silence(quiet).samples.empty());
}

TEST_CASE("the chime is audible, bounded, deterministic and ends in silence") {
    const auto a = synthesise_chime(22050);
    const auto b = synthesise_chime(22050);
    CHECK(a.samples == b.samples);
    CHECK(a.sample_rate == 22050);
    CHECK(a.seconds() == doctest::Approx(1.5).epsilon(0.01));
    int peak = 0;
    for (auto s : a.samples)
        peak = std::max(peak, std::abs(static_cast<int>(s)));
    CHECK(peak > 8000);
    CHECK(peak < 0.5 * 32767);
    CHECK(a.samples.front() == 0);
    CHECK(a.samples.back() == 0);
}
