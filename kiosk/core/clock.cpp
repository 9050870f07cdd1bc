#include "clock.h"

#include <cstdio>

namespace kiosk {
namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's civil-from-days
// algorithm).
int64_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (m <= 2));
}

int64_t floor_div(int64_t a, int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

std::string printf_string(const char* fmt, int a, int b, int c, int d = 0, int e = 0, int f = 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, a, b, c, d, e, f);
    return buf;
}

}  // namespace

LocalDateTime to_local(TimePoint t) {
    using namespace std::chrono;
    const int64_t secs =
        duration_cast<seconds>(t.time_since_epoch()).count() + kVietnamUtcOffset.count();
    const int64_t days = floor_div(secs, 86400);
    const int64_t sod = secs - days * 86400;
    LocalDateTime l;
    civil_from_days(days, l.year, l.month, l.day);
    l.hour = static_cast<int>(sod / 3600);
    l.minute = static_cast<int>(sod / 60 % 60);
    l.second = static_cast<int>(sod % 60);
    l.weekday =
        static_cast<int>(floor_div(days + 4, 7) * -7 + days + 4);  // 1970-01-01 was a Thursday
    return l;
}

TimePoint from_local(const LocalDateTime& l) {
    const int64_t days =
        days_from_civil(l.year, static_cast<unsigned>(l.month), static_cast<unsigned>(l.day));
    const int64_t secs =
        days * 86400 + l.hour * 3600 + l.minute * 60 + l.second - kVietnamUtcOffset.count();
    return TimePoint(std::chrono::seconds(secs));
}

std::string local_date_iso(TimePoint t) {
    const auto l = to_local(t);
    return printf_string("%04d-%02d-%02d", l.year, l.month, l.day);
}

std::string local_date_compact(TimePoint t) {
    const auto l = to_local(t);
    return printf_string("%04d%02d%02d", l.year, l.month, l.day);
}

std::string local_datetime_vn(TimePoint t) {
    const auto l = to_local(t);
    return printf_string("%02d/%02d/%04d %02d:%02d:%02d", l.day, l.month, l.year, l.hour, l.minute,
                         l.second);
}

std::string local_date_vn(TimePoint t) {
    const auto l = to_local(t);
    return printf_string("%02d/%02d/%04d", l.day, l.month, l.year);
}

std::string local_time_hm(TimePoint t) {
    const auto l = to_local(t);
    return printf_string("%02d:%02d", l.hour, l.minute, 0);
}

std::string iso8601_local(TimePoint t) {
    const auto l = to_local(t);
    return printf_string("%04d-%02d-%02dT%02d:%02d:%02d+07:00", l.year, l.month, l.day, l.hour,
                         l.minute, l.second);
}

TimePoint next_local_midnight(TimePoint t) {
    auto l = to_local(t);
    l.hour = l.minute = l.second = 0;
    return from_local(l) + std::chrono::hours(24);
}

bool parse_iso_date(const std::string& text, int& y, int& m, int& d) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    y = std::stoi(text.substr(0, 4));
    m = std::stoi(text.substr(5, 2));
    d = std::stoi(text.substr(8, 2));
    return y >= 1970 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

bool parse_iso8601(const std::string& text, TimePoint& out) {
    // YYYY-MM-DDTHH:MM:SS then Z or ±HH:MM.
    if (text.size() < 20 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
        text[16] != ':')
        return false;
    int y = 0, mo = 0, d = 0;
    if (!parse_iso_date(text.substr(0, 10), y, mo, d)) return false;
    auto two = [&](size_t at, int& v) {
        if (text[at] < '0' || text[at] > '9' || text[at + 1] < '0' || text[at + 1] > '9')
            return false;
        v = (text[at] - '0') * 10 + (text[at + 1] - '0');
        return true;
    };
    int h = 0, mi = 0, se = 0;
    if (!two(11, h) || !two(14, mi) || !two(17, se) || h > 23 || mi > 59 || se > 59) return false;
    int offset_s = 0;
    const std::string zone = text.substr(19);
    if (zone == "Z") {
        offset_s = 0;
    } else {
        int oh = 0, om = 0;
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
            !two(20, oh) || !two(23, om) || oh > 14 || om > 59)
            return false;
        offset_s = (zone[0] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    }
    const int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    out = TimePoint(std::chrono::seconds(days * 86400 + h * 3600 + mi * 60 + se - offset_s));
    return true;
}

}  // namespace kiosk
