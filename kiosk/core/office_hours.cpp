#include "office_hours.h"

#include <algorithm>
#include <cstdio>

namespace kiosk {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

// How far ahead the next opening is searched: a long Tết break plus weekends fits easily.
constexpr int kSearchDays = 400;

bool parse_hm(const std::string& text, int& h, int& m) {
    if (text.size() != 5 || text[2] != ':') return false;
    for (size_t i : {0, 1, 3, 4})
        if (text[i] < '0' || text[i] > '9') return false;
    h = (text[0] - '0') * 10 + (text[1] - '0');
    m = (text[3] - '0') * 10 + (text[4] - '0');
    return h <= 24 && m <= 59;
}

TimePoint at(const LocalDateTime& day, int h, int m) {
    LocalDateTime l = day;
    l.hour = h;
    l.minute = m;
    l.second = 0;
    return from_local(l);
}

struct Span {
    TimePoint open, close;
};

// The sessions of one local day, sorted; none on a holiday or a day without hours.
std::vector<Span> sessions_on(const std::vector<OpeningDay>& hours_by_day,
                              const std::vector<Holiday>& holidays, const LocalDateTime& day,
                              std::string* holiday_name) {
    std::vector<Span> out;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", day.year, day.month, day.day);
    for (const Holiday& h : holidays)
        if (h.date == date) {
            if (holiday_name) *holiday_name = h.name;
            return out;
        }
    const int weekday = day.weekday == 0 ? 7 : day.weekday;  // catalogue: 1 = Monday … 7 = Sunday
    for (const OpeningDay& d : hours_by_day) {
        if (d.weekday != weekday) continue;
        for (const Session& s : d.sessions) {
            int oh = 0, om = 0, ch = 0, cm = 0;
            if (!parse_hm(s.open, oh, om) || !parse_hm(s.close, ch, cm)) continue;
            const Span span{at(day, oh, om), at(day, ch, cm)};
            if (span.open < span.close) out.push_back(span);
        }
    }
    std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) { return a.open < b.open; });
    return out;
}

LocalDateTime local_day(TimePoint t) {
    LocalDateTime l = to_local(t);
    l.hour = l.minute = l.second = 0;
    return l;
}

// The first session opening strictly after `after`.
std::optional<TimePoint> next_opening(const std::vector<OpeningDay>& hours_by_day,
                                      const std::vector<Holiday>& holidays, TimePoint after) {
    const TimePoint start_of_day = from_local(local_day(after));
    for (int i = 0; i < kSearchDays; ++i) {
        // Noon avoids any doubt about which local day a midnight instant belongs to.
        const LocalDateTime day = local_day(start_of_day + hours(24 * i + 12));
        for (const Span& s : sessions_on(hours_by_day, holidays, day, nullptr))
            if (s.open > after) return s.open;
    }
    return std::nullopt;
}

std::string hm(TimePoint t) {
    return local_time_hm(t);
}

}  // namespace

const char* weekday_name_vi(int weekday) {
    static const char* const names[] = {"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                        "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
    return names[((weekday % 7) + 7) % 7];
}

const char* weekday_name_en(int weekday) {
    static const char* const names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
    return names[((weekday % 7) + 7) % 7];
}

OfficeHoursState office_hours_at(const std::vector<OpeningDay>& hours_by_day,
                                 const std::vector<Holiday>& holidays, TimePoint now,
                                 minutes last_ticket_margin) {
    OfficeHoursState st;
    st.known = std::any_of(hours_by_day.begin(), hours_by_day.end(),
                           [](const OpeningDay& d) { return !d.sessions.empty(); });
    if (!st.known) {
        st.open = st.issuing = true;
        st.next_change = now + hours(24);
        return st;
    }
    const LocalDateTime today = local_day(now);
    for (const Span& s : sessions_on(hours_by_day, holidays, today, &st.holiday)) {
        if (now < s.open || now >= s.close) continue;
        st.open = true;
        st.closes_at = s.close;
        const TimePoint last_ticket = s.close - last_ticket_margin;
        st.issuing = now < last_ticket;
        st.next_change = st.issuing ? last_ticket : s.close;
        st.next_open = next_opening(hours_by_day, holidays, s.close - std::chrono::seconds(1));
        if (st.next_open && *st.next_open <= s.close) {
            // Back-to-back sessions: the office stays open across the boundary.
            st.next_open = next_opening(hours_by_day, holidays, *st.next_open);
        }
        return st;
    }
    st.next_open = next_opening(hours_by_day, holidays, now);
    st.next_change = st.next_open ? *st.next_open : now + hours(24);
    return st;
}

HoursMessage closed_message(const OfficeHoursState& st, TimePoint now) {
    if (st.issuing) return {};
    HoursMessage m;
    if (!st.holiday.empty()) {
        m.vi = "Hôm nay nghỉ lễ: " + st.holiday + ". ";
        m.en = "Today is a public holiday (" + st.holiday + "). ";
    } else if (st.open) {
        m.vi = "Đã hết giờ lấy số buổi này. ";
        m.en = "No more numbers for this session. ";
    } else {
        m.vi = "Ngoài giờ tiếp nhận. ";
        m.en = "Outside reception hours. ";
    }
    if (!st.next_open) {
        m.vi += "Vui lòng hỏi cán bộ tiếp nhận.";
        m.en += "Please ask the reception staff.";
        return m;
    }
    const TimePoint when = *st.next_open;
    if (local_date_iso(when) == local_date_iso(now)) {
        m.vi += "Mời Quý khách quay lại lúc " + hm(when) + ".";
        m.en += "Please come back at " + hm(when) + ".";
        return m;
    }
    const LocalDateTime l = to_local(when);
    char date[8];
    std::snprintf(date, sizeof date, "%02d/%02d", l.day % 100, l.month % 100);
    m.vi += "Mời Quý khách quay lại lúc " + hm(when) + ", " + weekday_name_vi(l.weekday) + " " +
            date + ".";
    m.en +=
        "Please come back at " + hm(when) + " on " + weekday_name_en(l.weekday) + " " + date + ".";
    return m;
}

}  // namespace kiosk
