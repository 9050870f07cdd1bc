#pragma once
// What the calling board draws, a snapshot the controller makes each frame. Numbers and counters
// only: no names, no dossier codes (domain notes §6).
#include <string>
#include <vector>

namespace kiosk::board {

struct BoardCallView {
    std::string number;  // "1005"
    int counter = 0;
    bool recall = false;
    bool priority = false;
};

struct BoardFieldView {
    std::string name_vi;
    std::string name_en;
    int waiting = 0;
};

enum class BoardLink { Connecting, Connected, Reconnecting };

struct BoardViewModel {
    std::string office_name_vi;
    std::string office_name_en;
    int year = 2026, month = 1, day = 1, weekday = 0, hour = 0, minute = 0;
    bool has_latest = false;
    BoardCallView latest;
    bool highlight = false;              // the latest call is new: blink for a few seconds
    std::vector<BoardCallView> recent;   // the calls before the latest, newest first
    std::vector<BoardFieldView> fields;  // waiting counts, in the office's order
    std::string notice_vi;
    std::string notice_en;
    BoardLink link = BoardLink::Connecting;
};

}  // namespace kiosk::board
