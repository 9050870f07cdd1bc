#pragma once
// Percentiles and the table every benchmark prints.
#include <string>
#include <vector>

namespace kiosk::bench {

struct Stats {
    double median = 0, p99 = 0, max = 0;
    size_t n = 0;
};
Stats summarize(std::vector<double> samples);

struct Row {
    std::string metric;
    std::string value;   // "12.3 ms (p99 20.1)"
    std::string target;  // "≤ 50 ms"
    bool met = false;
    std::string anchor;  // a reference measured in the same run
};

void print_table(const std::string& title, const std::vector<Row>& rows);
std::string fmt_ms(double ms);

}  // namespace kiosk::bench
