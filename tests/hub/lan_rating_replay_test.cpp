// The fuzz body of fuzz_lan_rating on hand-made bodies (plain g++ builds run it too): wrong
// types, out-of-range levels, reasons on high levels, huge and non-NFC comments, dates, and valid
// ratings that must each add one outbox event.
#include <doctest/doctest.h>

#include "hub/lan_rating_fuzz_body.h"

TEST_CASE("LAN rating bodies of every shape keep the hub's promises") {
    kiosk::test::LanRatingFuzzBody body;
    const char* const inputs[] = {
        "{}",
        "[]",
        "null",
        "42",
        R"({"number":1001,"level":5})",
        R"({"number":"1001","level":"5"})",
        R"({"number":"1001","level":0})",
        R"({"number":"1001","level":6})",
        R"({"number":"1001","level":5.5})",
        R"({"number":"1001","level":-2147483649})",
        R"({"number":"1001","level":5,"reason":"long_wait"})",
        R"({"number":"1001","level":1,"reason":"nope"})",
        R"({"number":"1001","level":1,"reason":7})",
        R"({"number":"1001","level":2,"comment":"e\u0301"})",
        R"({"number":"1001","level":2,"business_date":"2026-02-30"})",
        R"({"number":"1001","level":2,"business_date":"x"})",
        R"({"number":"../../etc","level":3})",
        R"({"number":"","level":3})",
        R"({"number":"1001","level":5})",
        R"({"number":"1001","level":5})",  // already rated
        R"({"number":"1002","level":1,"reason":"long_wait","comment":"Chờ lâu quá"})",
        R"({"number":"9999","level":4})",
    };
    for (const char* in : inputs) {
        INFO(in);
        CHECK(body.run(in).empty());
    }
    CHECK(body.run(std::string(R"({"number":"1003","level":3,"comment":")") +
                   std::string(100000, 'a') + "\"}")
              .empty());
    // Exactly the two well-formed ratings of served, unrated tickets went through: 1001 (once)
    // and 1002 with its reason.
    CHECK(body.accepted() == 2);
}
