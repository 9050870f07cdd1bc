#include <doctest/doctest.h>

#include "kiosk/core/clock.h"

using namespace kiosk;
using namespace std::chrono;

TEST_CASE("local time is UTC+7 all year and midnight falls at 17:00 UTC") {
    // 2026-11-27 16:59:59 UTC = 23:59:59 local; one second later it is the next local day.
    const TimePoint before = sys_days{2026y / 11 / 27} + 16h + 59min + 59s;
    CHECK(local_date_iso(before) == "2026-11-27");
    CHECK(local_datetime_vn(before) == "27/11/2026 23:59:59");
    CHECK(local_date_iso(before + 1s) == "2026-11-28");
    CHECK(next_local_midnight(before) == before + 1s);
    CHECK(iso8601_local(before) == "2026-11-27T23:59:59+07:00");
    CHECK(to_local(before).weekday == 5);  // Friday
    // June is no different (no daylight saving).
    CHECK(local_time_hm(sys_days{2026y / 6 / 1} + 0h) == "07:00");
}

TEST_CASE("from_local inverts to_local") {
    for (int64_t s : {int64_t{0}, int64_t{951782400}, int64_t{1798761599}, int64_t{4102444800}}) {
        const TimePoint t{seconds(s)};
        CHECK(from_local(to_local(t)) == t);
    }
}

TEST_CASE("ISO dates are validated") {
    int y, m, d;
    CHECK(parse_iso_date("2024-02-29", y, m, d));
    CHECK_FALSE(parse_iso_date("2025-02-29", y, m, d));
    CHECK_FALSE(parse_iso_date("2025-13-01", y, m, d));
    CHECK_FALSE(parse_iso_date("2025-1-01", y, m, d));
    CHECK_FALSE(parse_iso_date("20251101", y, m, d));
}

TEST_CASE("ManualClock moves only when told") {
    ManualClock c(sys_days{2026y / 1 / 1});
    const auto t0 = c.now();
    c.advance(90s);
    CHECK(c.now() - t0 == 90s);
}
