#pragma once
// How often `needle` occurs in `haystack` (overlapping matches count), e.g. lines in a log.
#include <cstddef>
#include <string>

namespace kiosk::test {

inline std::size_t count_occurrences(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1))
        ++n;
    return n;
}

}  // namespace kiosk::test
