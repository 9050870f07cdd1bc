#include "kiosk/sync/retry_policy.h"

#include <cstring>
#include <ctime>

namespace kiosk::sync {

using namespace std::chrono;

milliseconds backoff_delay(const RetryPolicy& policy, int failures, std::mt19937_64& rng) {
    int64_t d = policy.base.count();
    for (int i = 1; i < failures && d < policy.cap.count(); ++i)
        d *= 2;
    d = std::min<int64_t>(d, policy.cap.count());
    std::uniform_int_distribution<int64_t> jitter(d / 2, d);
    return milliseconds(jitter(rng));
}

std::optional<milliseconds> parse_retry_after(const std::string& value, TimePoint now) {
    constexpr auto kCap = hours(1);
    if (value.empty()) return std::nullopt;
    if (value.find_first_not_of("0123456789") == std::string::npos) {
        if (value.size() > 6) return kCap;
        return std::min<milliseconds>(seconds(std::stoll(value)), kCap);
    }
    std::tm tm{};
    const char* end = strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (!end || *end != '\0') return std::nullopt;
    const TimePoint when = system_clock::from_time_t(timegm(&tm));
    if (when <= now) return milliseconds(0);
    return std::min<milliseconds>(duration_cast<milliseconds>(when - now), kCap);
}

}  // namespace kiosk::sync
