#include "drivers/scanner/keyboard_burst_detector.h"

namespace kiosk::scanner {

namespace {

size_t count_code_points(std::string_view utf8) {
    size_t count = 0;
    for (char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

}  // namespace

KeyboardBurstDetector::KeyboardBurstDetector(BurstOptions options) : options_(options) {}

std::vector<BurstOutput> KeyboardBurstDetector::on_text(std::string_view utf8, Millis at) {
    std::vector<BurstOutput> out = poll(at);  // a long gap first releases what was held
    if (utf8.empty()) return out;
    held_.append(utf8);
    held_chars_ += count_code_points(utf8);
    last_key_ = at;
    if (held_chars_ > options_.max_chars) {  // no scanner sends this much: treat as typing
        out.push_back({BurstOutput::Kind::Typed, std::move(held_)});
        held_.clear();
        held_chars_ = 0;
    }
    return out;
}

std::vector<BurstOutput> KeyboardBurstDetector::on_enter(Millis at) {
    std::vector<BurstOutput> out = poll(at);
    if (!held_.empty() && held_chars_ >= options_.min_chars) {
        out.push_back({BurstOutput::Kind::Scan, std::move(held_)});
    } else {
        if (!held_.empty()) out.push_back({BurstOutput::Kind::Typed, std::move(held_)});
        out.push_back({BurstOutput::Kind::Enter, {}});
    }
    held_.clear();
    held_chars_ = 0;
    return out;
}

std::vector<BurstOutput> KeyboardBurstDetector::poll(Millis now) {
    std::vector<BurstOutput> out;
    if (!held_.empty() && now - last_key_ > options_.max_gap) {
        out.push_back({BurstOutput::Kind::Typed, std::move(held_)});
        held_.clear();
        held_chars_ = 0;
    }
    return out;
}

std::optional<KeyboardBurstDetector::Millis> KeyboardBurstDetector::next_deadline() const {
    if (held_.empty()) return std::nullopt;
    return last_key_ + options_.max_gap + Millis(1);
}

void KeyboardBurstDetector::reset() {
    held_.clear();
    held_chars_ = 0;
}

}  // namespace kiosk::scanner
