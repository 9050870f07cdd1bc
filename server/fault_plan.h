#pragma once
// Misbehaviour on demand, for tests and demos: counted faults hit the next N API requests (so a
// test knows exactly what happens), percentages hit at random (demos). Thread-safe.
#include <mutex>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

namespace dossier {

struct FaultPlan {
    int latency_ms = 0;  // every API request waits this long first
    int slow_count = 0;  // the next N requests wait slow_ms (client timeouts)
    int slow_ms = 0;
    int fail_count = 0;  // the next N requests answer fail_status without doing anything
    int fail_status = 503;
    int retry_after_s = -1;   // ≥ 0: send Retry-After with the failures
    int drop_count = 0;       // the next N replies are cut off mid-body (after the work is done)
    int malformed_count = 0;  // the next N replies carry a malformed body instead (work is done)
    int drip_count = 0;       // the next N replies trickle out 8 bytes every drip_ms
    int drip_ms = 0;
    int fail_percent = 0;  // random 5xx (demo)
};

FaultPlan fault_plan_from_json(const nlohmann::json& j);  // throws on unknown keys / wrong types
nlohmann::json to_json(const FaultPlan& p);

// What to do to one request, decided before and after the handler runs.
struct FaultDecision {
    int delay_ms = 0;
    int fail_status = 0;  // 0 = no failure
    int retry_after_s = -1;
    bool drop = false;
    int malformed_kind = -1;  // ≥ 0: which malformed body (see malformed_body)
    int drip_ms = 0;
};

class FaultInjector {
  public:
    void set(const FaultPlan& plan);
    FaultPlan get();
    FaultDecision
    next();  // consumes the counted faults in the order slow, fail, drop, malformed, drip

  private:
    std::mutex mutex_;
    FaultPlan plan_;
    int malformed_served_ = 0;
    std::mt19937 rng_{20261127};
};

// Kinds of broken bodies, cycled: truncated JSON, HTML, wrong types, invalid UTF-8, huge, empty,
// deep nesting, NUL bytes.
std::string malformed_body(int kind);
inline constexpr int kMalformedKinds = 8;

}  // namespace dossier
