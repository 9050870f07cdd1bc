#include "fault_plan.h"

#include <stdexcept>

namespace dossier {

namespace {
struct Field {
    const char* name;
    int FaultPlan::*member;
};
constexpr Field kFields[] = {
    {"latency_ms", &FaultPlan::latency_ms},     {"slow_count", &FaultPlan::slow_count},
    {"slow_ms", &FaultPlan::slow_ms},           {"fail_count", &FaultPlan::fail_count},
    {"fail_status", &FaultPlan::fail_status},   {"retry_after_s", &FaultPlan::retry_after_s},
    {"drop_count", &FaultPlan::drop_count},     {"malformed_count", &FaultPlan::malformed_count},
    {"drip_count", &FaultPlan::drip_count},     {"drip_ms", &FaultPlan::drip_ms},
    {"fail_percent", &FaultPlan::fail_percent},
};
}  // namespace

FaultPlan fault_plan_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw std::invalid_argument("fault plan must be a JSON object");
    FaultPlan p;
    for (const auto& [key, value] : j.items()) {
        bool known = false;
        for (const Field& f : kFields) {
            if (key != f.name) continue;
            if (!value.is_number_integer())
                throw std::invalid_argument("fault '" + key + "' must be an integer");
            p.*f.member = value.get<int>();
            known = true;
        }
        if (!known) throw std::invalid_argument("unknown fault '" + key + "'");
    }
    if (p.fail_status < 500 || p.fail_status > 599)
        throw std::invalid_argument("fail_status must be 500-599");
    return p;
}

nlohmann::json to_json(const FaultPlan& p) {
    nlohmann::json j = nlohmann::json::object();
    for (const Field& f : kFields)
        j[f.name] = p.*f.member;
    return j;
}

void FaultInjector::set(const FaultPlan& plan) {
    std::lock_guard lock(mutex_);
    plan_ = plan;
}

FaultPlan FaultInjector::get() {
    std::lock_guard lock(mutex_);
    return plan_;
}

FaultDecision FaultInjector::next() {
    std::lock_guard lock(mutex_);
    FaultDecision d;
    d.delay_ms = plan_.latency_ms;
    if (plan_.slow_count > 0) {
        --plan_.slow_count;
        d.delay_ms += plan_.slow_ms;
        return d;
    }
    if (plan_.fail_count > 0 ||
        (plan_.fail_percent > 0 && static_cast<int>(rng_() % 100) < plan_.fail_percent)) {
        if (plan_.fail_count > 0) --plan_.fail_count;
        d.fail_status = plan_.fail_status;
        d.retry_after_s = plan_.retry_after_s;
        return d;
    }
    if (plan_.drop_count > 0) {
        --plan_.drop_count;
        d.drop = true;
    } else if (plan_.malformed_count > 0) {
        --plan_.malformed_count;
        d.malformed_kind = malformed_served_++ % kMalformedKinds;
    } else if (plan_.drip_count > 0) {
        --plan_.drip_count;
        d.drip_ms = plan_.drip_ms;
    }
    return d;
}

std::string malformed_body(int kind) {
    switch (kind) {
        case 0:
            return R"({"acks": [{"id": "0b6d)";
        case 1:
            return "<html><body><h1>502 Bad Gateway</h1></body></html>";
        case 2:
            return R"({"acks": "all good", "version": "seven", "status": {"code": "4"}, "now": 12})";
        case 3:
            return std::string(
                "{\"now\": \"2026-11-27T08:00:00+07:00\", \"name\": \"Nguy\xE1\xBB\"}");
        case 4:
            return "[" + std::string(6 * 1024 * 1024, ' ') + "]";
        case 5:
            return "";
        case 6:
            return std::string(100000, '[') + std::string(100000, ']');
        default:
            return std::string("{\"acks\": [\0\0\0]}", 16);
    }
}

}  // namespace dossier
