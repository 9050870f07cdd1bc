#pragma once
// Headless automation: a script file, one command per line, executed frame by frame against the
// UI's automation registry.
//   tap <label>        wait ≤ timeout for a visible enabled button labelled exactly <label>, tap it
//   tap @X,Y           tap at pixel X,Y
//   type <text>        send text input
//   wait <ms>          let real time pass (worker threads finish) while frames keep running
//   expect <text>      wait ≤ timeout for visible text containing <text>
//   screenshot <name>  write OUT_DIR/<name>.png of a settled frame
//   key <name>         press and release a key (SDL key name: F1, Escape, Return, Backspace)
//   scan <payload>     a scanner read of <payload> (the rest of the line, as written)
// Blank lines and lines starting with '#' are ignored. Labels and texts are NFC-compared.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/frame_output.h"

namespace kiosk::platform {

struct ScriptCommand {
    enum class Kind { Tap, TapAt, Type, Wait, Expect, Screenshot, Key, Scan };
    Kind kind = Kind::Wait;
    std::string arg;     // label, text or screenshot name
    float x = 0, y = 0;  // TapAt
    int ms = 0;          // Wait
    int scancode = 0;    // Key (SDL_Scancode)
    int line = 0;        // 1-based line in the script file
    std::string source;  // the line as written (for messages)
};

struct ParsedScript {
    std::vector<ScriptCommand> commands;
    std::vector<std::string> errors;  // "demo.txt:3: unknown command "tapp" (expected …)"
    bool ok() const { return errors.empty(); }
};

ParsedScript parse_script(std::string_view text, const std::string& file_name);
// Reads and parses a file; a missing file is reported as an error.
ParsedScript load_script(const std::filesystem::path& path);

// What the script wants done this frame (the runner carries it out).
struct ScriptRequests {
    std::optional<std::pair<float, float>> tap;  // queue a tap at this point
    std::string type_text;                       // io.AddInputCharactersUTF8
    std::string screenshot_path;                 // capture this frame before present
    std::string scan_payload;                    // RunnerClient::on_scan (script `scan`)
    int key_down = 0;  // push SDL_KEYDOWN for this scancode (released on a later frame)
    int key_up = 0;    // push SDL_KEYUP for this scancode
};

class ScriptRunner {
  public:
    using Clock = std::chrono::steady_clock;

    ScriptRunner(std::vector<ScriptCommand> commands, std::string file_name,
                 std::filesystem::path out_dir,
                 std::chrono::milliseconds timeout = std::chrono::seconds(5));

    // Called once per rendered frame, after the UI has drawn (its registry is complete) and
    // before present. `pointer_busy`: an earlier tap's frames are still being played.
    ScriptRequests after_frame(const std::vector<ui::DrawnWidget>& widgets, bool pointer_busy,
                               Clock::time_point now);
    // The runner reports a failed screenshot; the script ends with exit code 1.
    void fail(const std::string& message);

    bool finished() const { return finished_; }
    int exit_code() const { return exit_code_; }
    const std::string& message() const { return message_; }

    // Frames a screenshot waits after its command becomes current (layout settles).
    static constexpr int kScreenshotSettleFrames = 2;

  private:
    std::string where(const ScriptCommand& c) const;
    void advance();

    std::vector<ScriptCommand> commands_;
    std::string file_name_;
    std::filesystem::path out_dir_;
    std::chrono::milliseconds timeout_;
    std::size_t index_ = 0;
    bool started_ = false;  // the current command's start time is set
    Clock::time_point command_start_{};
    int frames_in_command_ = 0;
    bool finished_ = false;
    int exit_code_ = 0;
    std::string message_;
};

}  // namespace kiosk::platform
