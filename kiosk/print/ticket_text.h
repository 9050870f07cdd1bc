#pragma once
// The wording printed on a queue ticket (Vietnamese first, one short English line), kept apart
// from the layout so it can be checked and changed without touching pixels.
#include <string>
#include <vector>

namespace kiosk::print::ticket_text {

// "Label: value". Printed on one line when it fits, else the value moves whole to the next line
// (never "khoảng" / "40 phút" split across lines).
struct Labelled {
    std::string label;  // "Thời gian chờ dự kiến:"
    std::string value;  // "khoảng 40 phút" (may be empty)
    std::string line() const { return value.empty() ? label : label + " " + value; }
    bool empty() const { return label.empty() && value.empty(); }
};

inline constexpr const char* kHeading = "SỐ THỨ TỰ";
inline constexpr const char* kHeadingEn = "Your number";
inline constexpr const char* kPriority = "ƯU TIÊN";
inline constexpr const char* kPriorityEn = "Priority";
inline constexpr const char* kReprint = "BẢN IN LẠI";
inline constexpr const char* kReprintEn = "Reprint";
inline constexpr const char* kQrHint = "Quét mã để theo dõi lượt";
inline constexpr const char* kQrHintEn = "Scan to follow your turn";

// "Quầy: 1, 2"; "" when no counter is known.
std::string counters_vi(const std::vector<int>& counters);
// "Số người chờ trước bạn: 5"; 0 (or less) → "Bạn là người tiếp theo".
Labelled people_ahead_vi(int people_ahead);
// "Thời gian chờ dự kiến: khoảng 40 phút" / "… khoảng 1 giờ 20 phút"; empty when nobody is
// ahead.
Labelled wait_vi(int people_ahead, int minutes);
// "Thời gian in vé: 27/11/2026 14:05:09"; empty when the time is unknown.
Labelled issued_at_vi(const std::string& issued_at_text);
// One line for foreigners, as segments to join with " · " (wrapped between segments):
// {"Counters 1, 2", "5 people ahead", "about 40 min"}.
std::vector<std::string> summary_en(const std::vector<int>& counters, int people_ahead,
                                    int minutes);
inline constexpr const char* kSummarySeparator = " · ";

}  // namespace kiosk::print::ticket_text
