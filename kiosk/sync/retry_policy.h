#pragma once
// When to try again: exponential backoff with jitter, and the server's Retry-After.
#include <chrono>
#include <optional>
#include <random>
#include <string>

#include "kiosk/core/clock.h"

namespace kiosk::sync {

struct RetryPolicy {
    int max_attempts = 3;  // per call, including the first
    std::chrono::milliseconds base{200};
    std::chrono::milliseconds cap{30000};
};

// Delay before retry number `failures` (1 = after the first failure): a random value in
// [d/2, d] with d = min(cap, base * 2^(failures-1)) — spread so kiosks do not retry in step.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int failures,
                                        std::mt19937_64& rng);

// Retry-After as delta-seconds or an IMF-fixdate ("Fri, 27 Nov 2026 08:00:00 GMT"); capped at
// one hour; nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value, TimePoint now);

}  // namespace kiosk::sync
