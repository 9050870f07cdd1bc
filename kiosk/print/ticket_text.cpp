#include "kiosk/print/ticket_text.h"

#include <algorithm>

namespace kiosk::print::ticket_text {
namespace {

std::string join(const std::vector<int>& numbers) {
    std::string out;
    for (size_t i = 0; i < numbers.size(); ++i) {
        if (i > 0) out += ", ";
        out += std::to_string(numbers[i]);
    }
    return out;
}

// A wait is never printed as "0 minutes" while someone is ahead.
int shown_minutes(int minutes) {
    return std::max(1, minutes);
}

std::string duration_vi(int minutes) {
    const int m = shown_minutes(minutes);
    if (m < 60) return std::to_string(m) + " phút";
    const int h = m / 60, rest = m % 60;
    return std::to_string(h) + " giờ" + (rest ? " " + std::to_string(rest) + " phút" : "");
}

std::string duration_en(int minutes) {
    const int m = shown_minutes(minutes);
    if (m < 60) return std::to_string(m) + " min";
    const int h = m / 60, rest = m % 60;
    return std::to_string(h) + " h" + (rest ? " " + std::to_string(rest) + " min" : "");
}

}  // namespace

std::string counters_vi(const std::vector<int>& counters) {
    return counters.empty() ? std::string() : "Quầy: " + join(counters);
}

Labelled people_ahead_vi(int people_ahead) {
    if (people_ahead <= 0) return {"Bạn là người tiếp theo", ""};
    return {"Số người chờ trước bạn:", std::to_string(people_ahead)};
}

Labelled wait_vi(int people_ahead, int minutes) {
    if (people_ahead <= 0) return {};
    return {"Thời gian chờ dự kiến:", "khoảng " + duration_vi(minutes)};
}

Labelled issued_at_vi(const std::string& issued_at_text) {
    if (issued_at_text.empty()) return {};
    return {"Thời gian in vé:", issued_at_text};
}

std::vector<std::string> summary_en(const std::vector<int>& counters, int people_ahead,
                                    int minutes) {
    std::vector<std::string> out;
    if (!counters.empty())
        out.push_back((counters.size() == 1 ? "Counter " : "Counters ") + join(counters));
    if (people_ahead <= 0) {
        out.push_back("You are next");
        return out;
    }
    out.push_back(std::to_string(people_ahead) + (people_ahead == 1 ? " person" : " people") +
                  " ahead");
    out.push_back("about " + duration_en(minutes));
    return out;
}

}  // namespace kiosk::print::ticket_text
