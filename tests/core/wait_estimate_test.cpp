#include <doctest/doctest.h>

#include "kiosk/core/wait_estimate.h"

using kiosk::estimate_wait_minutes;

TEST_CASE("wait estimate") {
    CHECK(estimate_wait_minutes(0, std::nullopt, 8, 2) == 0);
    CHECK(estimate_wait_minutes(5, std::nullopt, 8, 1) == 40);  // default before data
    CHECK(estimate_wait_minutes(5, std::nullopt, 8, 2) == 20);  // two counters share the line
    CHECK(estimate_wait_minutes(3, 300.0, 8, 1) == 15);         // measured 5 min each
    CHECK(estimate_wait_minutes(1, 20.0, 8, 4) == 1);  // never "0 minutes" with someone ahead
    CHECK(estimate_wait_minutes(2, std::nullopt, 8, 0) == 16);  // no counter data: treat as one
}
