#include "screen_test_support.h"

#include <cstdlib>
#include <fstream>

#include <utf8proc.h>

#include "kiosk/ui/draw_kiosk.h"

namespace kiosk::test {

std::string to_nfc(const std::string& s) {
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                static_cast<utf8proc_ssize_t>(s.size()), &out,
                                static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    REQUIRE_MESSAGE(n >= 0, "invalid UTF-8: ", s);
    std::string r(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    std::free(out);
    return r;
}

std::string shot_name(const std::string& prefix, const std::string& shot, Size size) {
    return prefix + shot + "-" + std::to_string(size.w) + "x" + std::to_string(size.h);
}

void FixedScreenClient::on_frame(platform::FrameContext& frame) {
    ui::draw_kiosk(vm_, frame.fonts, frame.output);
    widgets = frame.output.widgets;
    for (const ui::Action& a : frame.output.actions)
        if (a.type != ui::ActionType::UserActivity) actions.push_back(a);
}

platform::RunResult run_script(platform::RunnerClient& client, const std::filesystem::path& out_dir,
                               const std::string& name, const std::string& script, Size size,
                               std::chrono::milliseconds timeout) {
    std::filesystem::create_directories(out_dir);
    const auto path = out_dir / (name + ".txt");
    std::ofstream(path) << script;
    platform::RunnerOptions o;
    o.headless = true;
    o.display.width = size.w;
    o.display.height = size.h;
    o.script_path = path.string();
    o.out_dir = out_dir.string();
    o.script_timeout = timeout;
    platform::Runner runner(o);
    return runner.run(client);
}

void check_screenshot(FixedScreenClient& client, const std::filesystem::path& out_dir,
                      const std::string& name, Size size) {
    const auto png = out_dir / (name + ".png");
    std::filesystem::remove(png);
    const auto r = run_script(client, out_dir, name, "screenshot " + name + "\n", size);
    CHECK_MESSAGE(r.exit_code == 0, r.message);
    CHECK(std::filesystem::file_size(png) > 10000);
}

bool shown(const std::vector<ui::DrawnWidget>& widgets, const std::string& text) {
    for (const auto& w : widgets)
        if (w.text.find(text) != std::string::npos) return true;
    return false;
}

int check_widgets(const std::vector<ui::DrawnWidget>& widgets, Size size, const std::string& name,
                  WidgetChecks checks) {
    int buttons = 0;
    for (const auto& w : widgets) {
        INFO(name, ": ", w.text);
        if (checks.nfc_text) CHECK(to_nfc(w.text) == w.text);
        CHECK(w.rect.x0 >= 0.0f);
        CHECK(w.rect.y0 >= 0.0f);
        CHECK(w.rect.x1 <= static_cast<float>(size.w) + 0.5f);
        CHECK(w.rect.y1 <= static_cast<float>(size.h) + 0.5f);
        if (!w.clickable || !w.enabled || w.clipped) continue;
        ++buttons;
        CHECK(w.rect.height() >= 120.0f);
        CHECK(w.rect.width() >= 120.0f);
    }
    return buttons;
}

void check_bilingual(const char* vi, const char* en) {
    CHECK(std::string(vi).size() > 0);
    CHECK(std::string(en).size() > 0);
    CHECK(to_nfc(vi) == vi);
    CHECK(to_nfc(en) == en);
}

}  // namespace kiosk::test
