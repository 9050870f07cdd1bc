#include "kiosk/platform/script.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <SDL.h>

#include "kiosk/platform/text_match.h"

namespace kiosk::platform {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
    s = trim(s);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

// "@120,300" → (120, 300)
bool parse_point(std::string_view s, float& x, float& y) {
    if (s.empty() || s.front() != '@') return false;
    s.remove_prefix(1);
    const auto comma = s.find(',');
    if (comma == std::string_view::npos) return false;
    int xi = 0, yi = 0;
    if (!parse_number(s.substr(0, comma), xi) || !parse_number(s.substr(comma + 1), yi))
        return false;
    if (xi < 0 || yi < 0) return false;
    x = static_cast<float>(xi);
    y = static_cast<float>(yi);
    return true;
}

bool valid_screenshot_name(std::string_view name) {
    return !name.empty() && name.find('/') == std::string_view::npos &&
           name.find('\\') == std::string_view::npos && name != "." && name != "..";
}

}  // namespace

ParsedScript parse_script(std::string_view text, const std::string& file_name) {
    ParsedScript result;
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto nl = text.find('\n', pos);
        const std::string_view raw =
            text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        ++line_no;
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;

        const auto space = line.find_first_of(" \t");
        const std::string_view verb = line.substr(0, space);
        const std::string_view arg =
            space == std::string_view::npos ? std::string_view{} : trim(line.substr(space));
        ScriptCommand c;
        c.line = line_no;
        c.source = std::string(line);
        c.arg = std::string(arg);
        const auto error = [&](const std::string& what) {
            result.errors.push_back(file_name + ":" + std::to_string(line_no) + ": " + what +
                                    " in \"" + std::string(line) + "\"");
        };
        if (verb == "tap") {
            if (arg.empty()) {
                error("tap needs a label or @X,Y");
                continue;
            }
            if (arg.front() == '@') {
                if (!parse_point(arg, c.x, c.y)) {
                    error("tap @X,Y needs two non-negative integers like @540,960");
                    continue;
                }
                c.kind = ScriptCommand::Kind::TapAt;
            } else {
                c.kind = ScriptCommand::Kind::Tap;
            }
        } else if (verb == "type") {
            if (arg.empty()) {
                error("type needs text");
                continue;
            }
            c.kind = ScriptCommand::Kind::Type;
        } else if (verb == "wait") {
            if (!parse_number(arg, c.ms) || c.ms < 0) {
                error("wait needs milliseconds (a non-negative integer)");
                continue;
            }
            c.kind = ScriptCommand::Kind::Wait;
        } else if (verb == "expect") {
            if (arg.empty()) {
                error("expect needs text");
                continue;
            }
            c.kind = ScriptCommand::Kind::Expect;
        } else if (verb == "screenshot") {
            if (!valid_screenshot_name(arg)) {
                error("screenshot needs a file name without '/' (written as OUT_DIR/<name>.png)");
                continue;
            }
            c.kind = ScriptCommand::Kind::Screenshot;
        } else if (verb == "scan") {
            if (arg.empty()) {
                error("scan needs the payload a scanner would read");
                continue;
            }
            c.kind = ScriptCommand::Kind::Scan;
        } else if (verb == "key") {
            const std::string name = arg == "Enter" ? "Return" : std::string(arg);
            c.scancode = arg.empty() ? 0 : static_cast<int>(SDL_GetScancodeFromName(name.c_str()));
            if (c.scancode == SDL_SCANCODE_UNKNOWN) {
                error("key needs an SDL key name such as F1, Escape, Return or Backspace");
                continue;
            }
            c.kind = ScriptCommand::Kind::Key;
        } else {
            error("unknown command \"" + std::string(verb) +
                  "\" (expected tap, type, wait, expect, screenshot, key or scan)");
            continue;
        }
        result.commands.push_back(std::move(c));
    }
    return result;
}

ParsedScript load_script(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ParsedScript r;
        r.errors.push_back(path.string() + ": cannot open script: " + std::strerror(errno));
        return r;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_script(text.str(), path.string());
}

ScriptRunner::ScriptRunner(std::vector<ScriptCommand> commands, std::string file_name,
                           std::filesystem::path out_dir, std::chrono::milliseconds timeout)
    : commands_(std::move(commands)),
      file_name_(std::move(file_name)),
      out_dir_(std::move(out_dir)),
      timeout_(timeout) {
    finished_ = commands_.empty();
}

std::string ScriptRunner::where(const ScriptCommand& c) const {
    return file_name_ + ":" + std::to_string(c.line) + ": \"" + c.source + "\"";
}

void ScriptRunner::fail(const std::string& message) {
    finished_ = true;
    exit_code_ = 1;
    message_ = message;
}

void ScriptRunner::advance() {
    ++index_;
    started_ = false;
    frames_in_command_ = 0;
    if (index_ >= commands_.size()) finished_ = true;
}

ScriptRequests ScriptRunner::after_frame(const std::vector<ui::DrawnWidget>& widgets,
                                         bool pointer_busy, Clock::time_point now) {
    ScriptRequests req;
    // A tap is complete once all its frames (move, press, release, away) have been played.
    if (finished_ || pointer_busy) return req;
    const ScriptCommand& c = commands_[index_];
    if (!started_) {
        started_ = true;
        command_start_ = now;
    }
    ++frames_in_command_;
    const bool timed_out = now - command_start_ > timeout_;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", static_cast<double>(timeout_.count()) / 1000.0);

    switch (c.kind) {
        case ScriptCommand::Kind::Tap:
            if (const ui::DrawnWidget* w = find_tap_target(widgets, c.arg)) {
                req.tap = {(w->rect.x0 + w->rect.x1) * 0.5f, (w->rect.y0 + w->rect.y1) * 0.5f};
                advance();
            } else if (timed_out) {
                fail(where(c) + ": no visible enabled button labelled \"" + c.arg + "\" within " +
                     std::string(seconds) + " s. On screen: " + describe_screen(widgets));
            }
            break;
        case ScriptCommand::Kind::TapAt:
            req.tap = {c.x, c.y};
            advance();
            break;
        case ScriptCommand::Kind::Type:
            req.type_text = c.arg;
            advance();
            break;
        case ScriptCommand::Kind::Wait:
            if (now - command_start_ >= std::chrono::milliseconds(c.ms)) advance();
            break;
        case ScriptCommand::Kind::Expect:
            if (screen_contains(widgets, c.arg)) {
                advance();
            } else if (timed_out) {
                fail(where(c) + ": no visible text containing \"" + c.arg + "\" within " +
                     std::string(seconds) + " s. On screen: " + describe_screen(widgets));
            }
            break;
        case ScriptCommand::Kind::Key:
            // Down on one frame, up on the next: ImGui 1.86 sees a press only when the key is
            // down at a NewFrame.
            if (frames_in_command_ == 1) {
                req.key_down = c.scancode;
            } else {
                req.key_up = c.scancode;
                advance();
            }
            break;
        case ScriptCommand::Kind::Scan:
            req.scan_payload = c.arg;
            advance();
            break;
        case ScriptCommand::Kind::Screenshot:
            if (frames_in_command_ > kScreenshotSettleFrames) {
                req.screenshot_path = (out_dir_ / (c.arg + ".png")).string();
                advance();
            }
            break;
    }
    return req;
}

}  // namespace kiosk::platform
