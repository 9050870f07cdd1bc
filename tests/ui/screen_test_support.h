#pragma once
// Shared machinery of the headless screen tests (lookup, procedures, rating, headless UI): a
// client that draws one fixed ViewModel, a script runner writing into a test's output folder, and
// the checks every screen owes (NFC text, nothing off screen, touch targets, bilingual strings).
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "kiosk/platform/runner.h"
#include "kiosk/ui/view_model.h"

namespace kiosk::test {

// The text in NFC, by utf8proc (independent of the product's own normaliser); invalid UTF-8 fails
// the test.
std::string to_nfc(const std::string& s);

struct Size {
    int w, h;
};
constexpr Size kPortrait{1080, 1920};
constexpr Size kLandscape{1920, 1080};
constexpr Size kBothOrientations[] = {kPortrait, kLandscape};

// "<prefix><shot>-<w>x<h>", the name of a screenshot and of its script.
std::string shot_name(const std::string& prefix, const std::string& shot, Size size);

// Draws a fixed ViewModel and records what the screens emit (no state machine of its own).
class FixedScreenClient final : public platform::RunnerClient {
  public:
    explicit FixedScreenClient(ui::ViewModel vm) : vm_(std::move(vm)) {}
    void on_frame(platform::FrameContext& frame) override;
    void on_scan(const std::string& payload) override { scans.push_back(payload); }

    std::vector<ui::Action> actions;       // every action except UserActivity, in order
    std::vector<std::string> scans;        // payloads of the script's `scan` lines
    std::vector<ui::DrawnWidget> widgets;  // the automation registry of the last frame

  private:
    ui::ViewModel vm_;
};

// Writes `script` to <out_dir>/<name>.txt and runs it through the real Runner, headless.
platform::RunResult run_script(platform::RunnerClient& client, const std::filesystem::path& out_dir,
                               const std::string& name, const std::string& script, Size size,
                               std::chrono::milliseconds timeout = std::chrono::milliseconds(3000));

// Runs "screenshot <name>" (an old PNG removed first) and checks the run and the PNG's size.
void check_screenshot(FixedScreenClient& client, const std::filesystem::path& out_dir,
                      const std::string& name, Size size);

// Some drawn text contains `text`.
bool shown(const std::vector<ui::DrawnWidget>& widgets, const std::string& text);

struct WidgetChecks {
    bool nfc_text = true;  // every drawn text is NFC
};
// Every widget inside the screen; every enabled, unclipped button at least 120×120 px.
// Returns how many such buttons there are.
int check_widgets(const std::vector<ui::DrawnWidget>& widgets, Size size, const std::string& name,
                  WidgetChecks checks = {});

// Both texts of a string present and in NFC.
void check_bilingual(const char* vi, const char* en);

// A screen's string table (entries with key, vi, en): unique keys, both languages, NFC.
template <class Table>
void check_string_table(const Table& table) {
    std::set<std::string> keys;
    for (const auto& s : table) {
        INFO("string ", s.key);
        CHECK(keys.insert(s.key).second);
        check_bilingual(s.vi, s.en);
    }
}

}  // namespace kiosk::test
