// The runner's pure parts: script parsing and stepping, pointer frames, frame pacing, NFC label
// matching, frame statistics. No window needed.
#include <cfloat>
#include <chrono>

#include <doctest/doctest.h>

#include "kiosk/platform/frame_pacer.h"
#include "kiosk/platform/frame_stats.h"
#include "kiosk/platform/pointer_input.h"
#include "kiosk/platform/script.h"
#include "kiosk/platform/text_match.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

TEST_CASE("script parsing: commands, comments, errors with line numbers") {
    const auto parsed = parse_script(
        "# demo\n"
        "\n"
        "tap Lấy số thứ tự\n"
        "  tap @540,960  \r\n"
        "type 0123\n"
        "wait 250\n"
        "expect Chọn lĩnh vực\n"
        "screenshot picker\n",
        "demo.txt");
    REQUIRE(parsed.ok());
    REQUIRE(parsed.commands.size() == 6);
    CHECK(parsed.commands[0].kind == ScriptCommand::Kind::Tap);
    CHECK(parsed.commands[0].arg == "Lấy số thứ tự");
    CHECK(parsed.commands[0].line == 3);
    CHECK(parsed.commands[1].kind == ScriptCommand::Kind::TapAt);
    CHECK(parsed.commands[1].x == 540.0f);
    CHECK(parsed.commands[1].y == 960.0f);
    CHECK(parsed.commands[2].kind == ScriptCommand::Kind::Type);
    CHECK(parsed.commands[3].ms == 250);
    CHECK(parsed.commands[4].arg == "Chọn lĩnh vực");
    CHECK(parsed.commands[5].kind == ScriptCommand::Kind::Screenshot);

    const auto bad =
        parse_script("tapp x\nwait soon\ntap @1\nscreenshot ../x\nexpect\n", "bad.txt");
    REQUIRE(bad.errors.size() == 5);
    CHECK(bad.errors[0].find("bad.txt:1: unknown command \"tapp\"") == 0);
    CHECK(bad.errors[1].find("bad.txt:2: wait needs milliseconds") == 0);
    CHECK(bad.errors[2].find("bad.txt:3:") == 0);
    CHECK(bad.errors[3].find("bad.txt:4:") == 0);
    CHECK(bad.errors[4].find("bad.txt:5: expect needs text") == 0);

    const auto missing = load_script("/nonexistent/script.txt");
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].find("/nonexistent/script.txt: cannot open script") == 0);
}

TEST_CASE("script runner: tap resolves labels, expect times out with a precise message") {
    const std::vector<ui::DrawnWidget> screen{
        {"Lấy số thứ tự", {100, 200, 300, 400}, true, true},
        {"Tra cứu hồ sơ", {100, 500, 300, 600}, true, false},
        {"Sắp có", {120, 550, 200, 590}, false, true},
    };
    auto parsed = parse_script("tap Lấy số thứ tự\nexpect Sắp\ntap Tra cứu hồ sơ\n", "s.txt");
    REQUIRE(parsed.ok());
    ScriptRunner run(parsed.commands, "s.txt", "/tmp", 100ms);
    auto t = ScriptRunner::Clock::now();
    auto req = run.after_frame(screen, false, t);
    REQUIRE(req.tap.has_value());
    CHECK(req.tap->first == 200.0f);
    CHECK(req.tap->second == 300.0f);
    // While the tap's frames play, the script waits.
    CHECK_FALSE(run.after_frame(screen, true, t).tap.has_value());
    run.after_frame(screen, false, t);  // expect "Sắp" → found (substring of "Sắp có")
    CHECK_FALSE(run.finished());
    // A disabled button is never a tap target: times out.
    run.after_frame(screen, false, t);
    CHECK_FALSE(run.finished());
    run.after_frame(screen, false, t + 200ms);
    REQUIRE(run.finished());
    CHECK(run.exit_code() == 1);
    CHECK(run.message().find("s.txt:3: \"tap Tra cứu hồ sơ\"") == 0);
    CHECK(run.message().find("\"Tra cứu hồ sơ\" [disabled button]") != std::string::npos);
}

TEST_CASE("script runner: screenshot waits for settled frames; wait uses real time") {
    auto parsed = parse_script("wait 50\nscreenshot home\n", "s.txt");
    ScriptRunner run(parsed.commands, "s.txt", "/out", 1s);
    const auto t = ScriptRunner::Clock::now();
    run.after_frame({}, false, t);
    run.after_frame({}, false, t + 10ms);
    CHECK_FALSE(run.finished());
    run.after_frame({}, false, t + 60ms);  // wait done
    std::string shot;
    for (int i = 0; i < 5 && shot.empty(); ++i)
        shot = run.after_frame({}, false, t + 70ms).screenshot_path;
    CHECK(shot == "/out/home.png");
    CHECK(run.finished());
    CHECK(run.exit_code() == 0);
}

TEST_CASE("script key: SDL key names, pressed on one frame and released on the next") {
    const auto parsed = parse_script("key F1\nkey Enter\nkey Escape\n", "k.txt");
    REQUIRE(parsed.ok());
    REQUIRE(parsed.commands.size() == 3);
    CHECK(parsed.commands[0].kind == ScriptCommand::Kind::Key);
    CHECK(parsed.commands[0].scancode == 58);  // SDL_SCANCODE_F1 (USB HID usage id)
    CHECK(parsed.commands[1].scancode == 40);  // Return
    CHECK(parsed.commands[2].scancode == 41);  // Escape
    const auto bad = parse_script("key\nkey NoSuchKey\n", "k.txt");
    REQUIRE(bad.errors.size() == 2);
    CHECK(bad.errors[1].find("k.txt:2: key needs an SDL key name") == 0);

    ScriptRunner run(parsed.commands, "k.txt", "/tmp", 1s);
    const auto t = ScriptRunner::Clock::now();
    auto down = run.after_frame({}, false, t);
    CHECK(down.key_down == 58);
    CHECK(down.key_up == 0);
    auto up = run.after_frame({}, false, t);
    CHECK(up.key_down == 0);
    CHECK(up.key_up == 58);
    CHECK(run.after_frame({}, false, t).key_down == 40);
}

TEST_CASE("labels match across NFC and NFD") {
    const std::string nfd_label =
        "La\xCC\x82\xCC\x81y so\xCC\x82\xCC\x81 thu\xCC\x9B\xCC\x81 tu\xCC\x9B\xCC\xA3";
    CHECK(nfc(nfd_label) == "Lấy số thứ tự");
    const std::vector<ui::DrawnWidget> screen{{"Lấy số thứ tự", {0, 0, 10, 10}, true, true}};
    CHECK(find_tap_target(screen, nfd_label) != nullptr);
    CHECK(find_tap_target(screen, "Lấy số") == nullptr);  // taps need the exact label
    CHECK(screen_contains(screen, "số thứ"));
    CHECK_FALSE(screen_contains(screen, "Tra cứu"));
}

TEST_CASE("pointer: a tap is move, press, release, then no pointer (no hover left behind)") {
    PointerInput pointer;
    ImGuiIO io;
    pointer.queue_tap(100, 200);
    std::vector<std::tuple<float, float, bool>> frames;
    while (pointer.busy()) {
        pointer.apply(io);
        frames.emplace_back(io.MousePos.x, io.MousePos.y, io.MouseDown[0]);
    }
    REQUIRE(frames.size() == 4);
    CHECK(frames[0] == std::make_tuple(100.0f, 200.0f, false));  // move first (1.86 teleport fix)
    CHECK(frames[1] == std::make_tuple(100.0f, 200.0f, true));
    CHECK(frames[2] == std::make_tuple(100.0f, 200.0f, false));
    CHECK(std::get<0>(frames[3]) == -FLT_MAX);  // hover-release rule
    pointer.apply(io);                          // stays away
    CHECK(io.MousePos.x == -FLT_MAX);
}

TEST_CASE("pointer: finger events drive the pointer; drags coalesce; second finger ignored") {
    PointerInput pointer;
    ImGuiIO io;
    SDL_Event e{};
    e.type = SDL_FINGERDOWN;
    e.tfinger.fingerId = 7;
    e.tfinger.x = 0.5f;
    e.tfinger.y = 0.25f;
    CHECK(pointer.handle_event(e, 1080, 1920));
    SDL_Event other = e;
    other.tfinger.fingerId = 8;
    other.tfinger.x = 0.9f;
    pointer.handle_event(other, 1080, 1920);  // ignored
    e.type = SDL_FINGERMOTION;
    e.tfinger.y = 0.30f;
    pointer.handle_event(e, 1080, 1920);
    e.tfinger.y = 0.35f;
    pointer.handle_event(e, 1080, 1920);  // coalesces with the previous drag
    e.type = SDL_FINGERUP;
    pointer.handle_event(e, 1080, 1920);
    std::vector<std::pair<ImVec2, bool>> frames;
    while (pointer.busy()) {
        pointer.apply(io);
        frames.emplace_back(io.MousePos, io.MouseDown[0]);
    }
    REQUIRE(frames.size() == 5);  // move, press, drag, release, away
    CHECK(frames[0].first.x == 540.0f);
    CHECK_FALSE(frames[0].second);
    CHECK(frames[1].second);
    CHECK(frames[2].first.y == doctest::Approx(0.35 * 1920));
    CHECK(frames[2].second);
    CHECK_FALSE(frames[3].second);
    CHECK(frames[4].first.x == -FLT_MAX);
}

TEST_CASE("frame pacer: three frames after input, one per deadline, then block") {
    FramePacer pacer(3, 5000ms);
    const auto t = FramePacer::Clock::now();
    CHECK(pacer.wait_ms(t) == 5000);  // nothing pending, no deadline: the cap
    pacer.on_input();
    int frames = 0;
    while (pacer.should_render()) {
        pacer.frame_rendered();
        ++frames;
    }
    CHECK(frames == 3);
    pacer.set_next_change(t, 1500ms);
    CHECK(pacer.wait_ms(t) == 1500);
    CHECK(pacer.wait_ms(t + 1499ms) == 1);
    CHECK_FALSE(pacer.deadline_passed(t + 1499ms));
    CHECK(pacer.deadline_passed(t + 1500ms));
    pacer.on_deadline();
    CHECK(pacer.should_render());
    pacer.frame_rendered();
    CHECK_FALSE(pacer.should_render());
    pacer.set_next_change(t, std::nullopt);
    CHECK(pacer.wait_ms(t) == 5000);
}

TEST_CASE("frame statistics") {
    FrameStats stats;
    for (int i = 1; i <= 100; ++i)
        stats.add(i);
    const auto s = stats.summary();
    CHECK(s.frames == 100);
    CHECK(s.mean_ms == doctest::Approx(50.5));
    CHECK(s.p50_ms == doctest::Approx(50));
    CHECK(s.p95_ms == doctest::Approx(95));
    CHECK(s.max_ms == 100);
}
