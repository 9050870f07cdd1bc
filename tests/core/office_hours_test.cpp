// Opening hours from the catalogue (office_hours.h), in local time UTC+07:00.
#include <doctest/doctest.h>

#include "kiosk/core/office_hours.h"

using namespace kiosk;
using std::chrono::minutes;

namespace {

TimePoint local(int y, int mo, int d, int h, int mi) {
    LocalDateTime l;
    l.year = y;
    l.month = mo;
    l.day = d;
    l.hour = h;
    l.minute = mi;
    return from_local(l);
}

// The demo office: Monday–Friday 07:00–11:30 and 13:30–17:00, Saturday morning only.
std::vector<OpeningDay> office_week() {
    std::vector<OpeningDay> week;
    for (int wd = 1; wd <= 6; ++wd) {
        OpeningDay d{wd, {{"07:00", "11:30"}}};
        if (wd <= 5) d.sessions.push_back({"13:30", "17:00"});
        week.push_back(d);
    }
    return week;
}

const std::vector<Holiday> kHolidays = {{"2026-09-02", "Quốc khánh"}};

OfficeHoursState at(TimePoint t, const std::vector<Holiday>& holidays = kHolidays,
                    int margin_min = 15) {
    return office_hours_at(office_week(), holidays, t, minutes(margin_min));
}

}  // namespace

TEST_CASE("weekday morning: open and issuing until the margin, then the afternoon") {
    const TimePoint now = local(2026, 11, 30, 9, 0);  // Monday
    const OfficeHoursState s = at(now);
    CHECK(s.known);
    CHECK(s.open);
    CHECK(s.issuing);
    REQUIRE(s.closes_at);
    CHECK(*s.closes_at == local(2026, 11, 30, 11, 30));
    CHECK(s.next_change == local(2026, 11, 30, 11, 15));
    REQUIRE(s.next_open);
    CHECK(*s.next_open == local(2026, 11, 30, 13, 30));
    CHECK(closed_message(s, now).vi.empty());
}

TEST_CASE("the last minutes before closing: open, but no new numbers") {
    const TimePoint now = local(2026, 11, 30, 11, 15);
    const OfficeHoursState s = at(now);
    CHECK(s.open);
    CHECK_FALSE(s.issuing);
    CHECK(s.next_change == local(2026, 11, 30, 11, 30));
    const HoursMessage m = closed_message(s, now);
    CHECK(m.vi == "Đã hết giờ lấy số buổi này. Mời Quý khách quay lại lúc 13:30.");
    CHECK(m.en == "No more numbers for this session. Please come back at 13:30.");
    CHECK(at(local(2026, 11, 30, 11, 14)).issuing);
    CHECK(at(local(2026, 11, 30, 11, 29), kHolidays, 0).issuing);  // margin 0
}

TEST_CASE("lunch gap: closed until 13:30 the same day") {
    const TimePoint now = local(2026, 11, 30, 12, 0);
    const OfficeHoursState s = at(now);
    CHECK_FALSE(s.open);
    CHECK_FALSE(s.issuing);
    CHECK(s.next_change == local(2026, 11, 30, 13, 30));
    const HoursMessage m = closed_message(s, now);
    CHECK(m.vi == "Ngoài giờ tiếp nhận. Mời Quý khách quay lại lúc 13:30.");
    CHECK(m.en == "Outside reception hours. Please come back at 13:30.");
}

TEST_CASE("weekday afternoon: open until 17:00, then the next morning") {
    const OfficeHoursState s = at(local(2026, 12, 1, 14, 0));  // Tuesday
    CHECK(s.issuing);
    CHECK(*s.closes_at == local(2026, 12, 1, 17, 0));
    CHECK(*s.next_open == local(2026, 12, 2, 7, 0));
    const TimePoint evening = local(2026, 12, 1, 18, 0);
    const HoursMessage m = closed_message(at(evening), evening);
    CHECK(m.vi == "Ngoài giờ tiếp nhận. Mời Quý khách quay lại lúc 07:00, Thứ Tư 02/12.");
    CHECK(m.en == "Outside reception hours. Please come back at 07:00 on Wednesday 02/12.");
}

TEST_CASE("Saturday: morning only, the afternoon points to Monday") {
    CHECK(at(local(2026, 11, 28, 9, 0)).issuing);
    const TimePoint afternoon = local(2026, 11, 28, 14, 0);
    const OfficeHoursState s = at(afternoon);
    CHECK_FALSE(s.open);
    CHECK(*s.next_open == local(2026, 11, 30, 7, 0));
    CHECK(closed_message(s, afternoon).vi ==
          "Ngoài giờ tiếp nhận. Mời Quý khách quay lại lúc 07:00, Thứ Hai 30/11.");
}

TEST_CASE("Sunday: closed all day, next Monday 07:00") {
    const TimePoint now = local(2026, 11, 29, 10, 0);
    const OfficeHoursState s = at(now);
    CHECK_FALSE(s.open);
    CHECK(s.holiday.empty());
    CHECK(s.next_change == local(2026, 11, 30, 7, 0));
    CHECK(closed_message(s, now).en ==
          "Outside reception hours. Please come back at 07:00 on Monday 30/11.");
}

TEST_CASE("a single holiday on a weekday says so and points to the next working day") {
    const TimePoint now = local(2026, 9, 2, 9, 0);  // Wednesday, Quốc khánh
    const OfficeHoursState s = at(now);
    CHECK_FALSE(s.open);
    CHECK(s.holiday == "Quốc khánh");
    CHECK(*s.next_open == local(2026, 9, 3, 7, 0));
    const HoursMessage m = closed_message(s, now);
    CHECK(m.vi == "Hôm nay nghỉ lễ: Quốc khánh. Mời Quý khách quay lại lúc 07:00, Thứ Năm 03/09.");
    CHECK(m.en ==
          "Today is a public holiday (Quốc khánh). Please come back at 07:00 on Thursday 03/09.");
    // The day before closes normally and points past the holiday.
    const OfficeHoursState before = at(local(2026, 9, 1, 17, 30));
    CHECK(*before.next_open == local(2026, 9, 3, 7, 0));
}

TEST_CASE("a multi-day Tết holiday is skipped as a whole") {
    std::vector<Holiday> tet;
    for (int d = 16; d <= 20; ++d)
        tet.push_back({"2026-02-" + std::to_string(d), "Tết Nguyên đán"});
    const OfficeHoursState s = at(local(2026, 2, 16, 9, 0), tet);  // Monday, first day
    CHECK(s.holiday == "Tết Nguyên đán");
    CHECK(*s.next_open == local(2026, 2, 21, 7, 0));  // Saturday morning after Tết
    CHECK(*at(local(2026, 2, 13, 17, 30), tet).next_open == local(2026, 2, 14, 7, 0));
    CHECK(*at(local(2026, 2, 14, 12, 0), tet).next_open == local(2026, 2, 21, 7, 0));
}

TEST_CASE("week wrap: from Sunday back to Monday, and a Monday-only office") {
    std::vector<OpeningDay> sunday_office = {{7, {{"08:00", "11:00"}}}};
    const OfficeHoursState sat =
        office_hours_at(sunday_office, {}, local(2026, 11, 28, 20, 0), minutes(15));
    CHECK(*sat.next_open == local(2026, 11, 29, 8, 0));  // weekday 7 is Sunday
    CHECK(office_hours_at(sunday_office, {}, local(2026, 11, 29, 9, 0), minutes(15)).issuing);
    std::vector<OpeningDay> monday_office = {{1, {{"07:00", "11:00"}}}};
    const OfficeHoursState tue =
        office_hours_at(monday_office, {}, local(2026, 12, 1, 8, 0), minutes(15));
    CHECK(*tue.next_open == local(2026, 12, 7, 7, 0));
    const OfficeHoursState mon_late =
        office_hours_at(monday_office, {}, local(2026, 11, 30, 10, 50), minutes(15));
    CHECK(mon_late.open);
    CHECK_FALSE(mon_late.issuing);
    CHECK(*mon_late.next_open == local(2026, 12, 7, 7, 0));
}

TEST_CASE("no opening hours in the catalogue: always issuing") {
    const OfficeHoursState s = office_hours_at({}, {}, local(2026, 11, 29, 3, 0), minutes(15));
    CHECK_FALSE(s.known);
    CHECK(s.issuing);
}

TEST_CASE("parse_iso8601 reads offsets and rejects junk") {
    TimePoint t;
    REQUIRE(parse_iso8601("2026-11-30T09:00:00+07:00", t));
    CHECK(t == local(2026, 11, 30, 9, 0));
    REQUIRE(parse_iso8601("2026-11-30T02:00:00Z", t));
    CHECK(t == local(2026, 11, 30, 9, 0));
    CHECK_FALSE(parse_iso8601("2026-11-30 09:00", t));
    CHECK_FALSE(parse_iso8601("2026-13-30T09:00:00+07:00", t));
    CHECK_FALSE(parse_iso8601("2026-11-30T25:00:00+07:00", t));
}
