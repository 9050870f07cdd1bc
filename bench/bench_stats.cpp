#include "bench_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::bench {

Stats summarize(std::vector<double> s) {
    Stats st;
    st.n = s.size();
    if (s.empty()) return st;
    std::sort(s.begin(), s.end());
    auto at = [&](double q) {
        return s[std::min(s.size() - 1, static_cast<size_t>(std::ceil(q * s.size())) - 1)];
    };
    st.median = at(0.5);
    st.p99 = at(0.99);
    st.max = s.back();
    return st;
}

std::string fmt_ms(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    return buf;
}

void print_table(const std::string& title, const std::vector<Row>& rows) {
    std::printf(
        "\n%s\n\n| metric | measured | target | met | anchor (same run) |\n|---|---|---|---|---|\n",
        title.c_str());
    for (const Row& r : rows)
        std::printf("| %s | %s | %s | %s | %s |\n", r.metric.c_str(), r.value.c_str(),
                    r.target.c_str(), r.met ? "yes" : "NO", r.anchor.c_str());
    std::fflush(stdout);
}

}  // namespace kiosk::bench
