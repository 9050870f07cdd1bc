#pragma once
// The smallest valid kiosk config (one office, a file printer, one service): config tests add or
// replace tables in it to check one thing at a time.
#include <string>

namespace kiosk::test {

inline const std::string kMinimalConfig = R"(
[office]
id = "test"
name_vi = "Bộ phận Một cửa"
name_en = "One-stop desk"
ticket_url = "https://example.gov.vn/q/{office}/{date}/{number}"
[printer]
uri = "file:p.bin"
[[services]]
id = "ho-tich"
name_vi = "Hộ tịch"
name_en = "Civil status"
prefix = "1"
counters = [1]
)";

}  // namespace kiosk::test
