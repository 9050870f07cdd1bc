#include "dossier_api.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <regex>
#include <set>

#include "kiosk/core/unicode.h"

namespace dossier {
namespace {

using nlohmann::json;
using namespace std::chrono;

constexpr size_t kMaxBatch = 500;
constexpr size_t kMaxPayloadBytes = 16 * 1024;
constexpr int kMaxFactorFailures = 5;
constexpr auto kFailureWindow = minutes(15);

const std::set<std::string>& event_types() {
    static const std::set<std::string> types = {
        "ticket.issued",    "ticket.voided",  "ticket.called",      "ticket.recalled",
        "ticket.no_show",   "ticket.held",    "ticket.transferred", "ticket.served",
        "ticket.reprinted", "counter.paused", "counter.resumed",    "rating.submitted",
        "printer.status"};
    return types;
}

ApiReply json_reply(int status, const json& body) {
    return {status, body.dump(), {}};
}

size_t utf8_char_len(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

bool is_int_in(const json& v, int64_t lo, int64_t hi) {
    return v.is_number_integer() && v.get<int64_t>() >= lo && v.get<int64_t>() <= hi;
}

// docs/sync-api.md §4 "rating.submitted": what is wrong with the payload, or "" when it is valid.
std::string rating_payload_problem(const json& p) {
    static const std::regex date_re(R"(^\d{4}-\d{2}-\d{2}$)");
    static const std::regex number_re(R"(^[0-9A-Z]{1,16}$)");
    static const std::set<std::string> reasons = {"long_wait", "staff_attitude", "unclear_guidance",
                                                  "complex_procedure"};
    static const char* const codes[] = {"", "RKHL", "KHL", "BT", "HL", "RHL"};
    auto str = [&](const char* key) { return p.contains(key) && p[key].is_string(); };
    if (!str("target") || p["target"] != "ticket") return "rating: 'target' must be \"ticket\"";
    if (!p.contains("ticket_id") || !is_int_in(p["ticket_id"], 1, INT64_MAX))
        return "rating: 'ticket_id' must be a positive integer";
    if (!str("business_date") || !std::regex_match(p["business_date"].get<std::string>(), date_re))
        return "rating: 'business_date' must be YYYY-MM-DD";
    if (!str("number") || !std::regex_match(p["number"].get<std::string>(), number_re))
        return "rating: 'number' must be 1-16 characters 0-9 A-Z";
    if (!str("service_id") || p["service_id"].get<std::string>().empty() ||
        p["service_id"].get<std::string>().size() > 64)
        return "rating: 'service_id' must be a string of 1-64 bytes";
    if (!p.contains("counter") || !is_int_in(p["counter"], 1, 999))
        return "rating: 'counter' must be an integer 1-999";
    if (!p.contains("level") || !is_int_in(p["level"], 1, 5))
        return "rating: 'level' must be an integer 1-5";
    const int64_t level = p["level"].get<int64_t>();
    if (!str("level_code") || p["level_code"] != codes[level])
        return std::string("rating: 'level_code' must be \"") + codes[level] + "\" for level " +
               std::to_string(level);
    if (p.contains("reason")) {
        if (!p["reason"].is_string() || !reasons.count(p["reason"].get<std::string>()))
            return "rating: 'reason' must be one of long_wait, staff_attitude, "
                   "unclear_guidance, complex_procedure";
        if (level > 2) return "rating: 'reason' is only sent with level 1 or 2";
    }
    if (p.contains("comment")) {
        if (!p["comment"].is_string()) return "rating: 'comment' must be a string";
        const std::string c = p["comment"].get<std::string>();
        if (c.size() > 500) return "rating: 'comment' longer than 500 bytes";
        if (!kiosk::is_valid_utf8(c) || !kiosk::is_nfc(c))
            return "rating: 'comment' must be NFC UTF-8";
    }
    if (!str("source") || (p["source"] != "kiosk" && p["source"] != "lan"))
        return "rating: 'source' must be \"kiosk\" or \"lan\"";
    for (const char* key : {"served_at", "at"})
        if (!str(key) || !is_iso8601_with_offset(p[key].get<std::string>()))
            return std::string("rating: '") + key + "' must be ISO-8601 with an offset";
    return {};
}

}  // namespace

ApiReply error_reply(int status, const std::string& code, const std::string& message,
                     bool retryable) {
    return json_reply(
        status, {{"error", {{"code", code}, {"message", message}, {"retryable", retryable}}}});
}

std::string mask_name(const std::string& full_name) {
    std::vector<std::string> words;
    std::string current;
    for (char c : full_name) {
        if (c == ' ') {
            if (!current.empty()) words.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) words.push_back(current);
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        const std::string first = w.substr(0, utf8_char_len(static_cast<unsigned char>(w[0])));
        if (!out.empty()) out += ' ';
        out += first + (i + 1 < words.size() ? "." : "**");
    }
    return out;
}

bool is_dossier_code(const std::string& code) {
    static const std::regex re(
        R"(^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}(?:\.\d{2,3}){0,3})-(\d{6})-(\d{4,7})$)");
    return code.size() <= 64 && std::regex_match(code, re);
}

bool is_uuid(const std::string& s) {
    static const std::regex re("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    return s.size() == 36 && std::regex_match(s, re);
}

bool is_iso8601_with_offset(const std::string& s) {
    static const std::regex re(
        R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2}|Z)$)");
    return s.size() <= 40 && std::regex_match(s, re);
}

DossierApi::DossierApi(DossierDb& db, const kiosk::Clock& clock) : db_(db), clock_(clock) {}

ApiReply DossierApi::catalog(const std::string& if_none_match) {
    const std::string etag = db_.catalog_etag();
    if (!if_none_match.empty() && if_none_match == etag) return {304, "", {{"ETag", etag}}};
    return {200, db_.catalog_json(), {{"ETag", etag}}};
}

bool DossierApi::too_many_failures(const std::string& code) {
    std::lock_guard lock(mutex_);
    auto& times = failures_[code];
    const auto now = clock_.now();
    while (!times.empty() && now - times.front() > kFailureWindow)
        times.pop_front();
    return times.size() >= static_cast<size_t>(kMaxFactorFailures);
}

void DossierApi::note_failure(const std::string& code) {
    std::lock_guard lock(mutex_);
    failures_[code].push_back(clock_.now());
}

ApiReply DossierApi::dossier(const std::string& code, const std::string& kind,
                             const std::string& factor) {
    if (!is_dossier_code(code))
        return error_reply(400, "bad_request",
                           "Mã hồ sơ không đúng định dạng (ví dụ 000.00.00.H41-261120-0007)");
    const auto d = db_.dossier(code);
    if (!d) return error_reply(404, "dossier_not_found", "Không tìm thấy hồ sơ có mã " + code);
    if (d->requires_factor) {
        if (too_many_failures(code)) {
            ApiReply r = error_reply(429, "rate_limited",
                                     "Nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.", true);
            r.headers.push_back({"Retry-After", "900"});
            return r;
        }
        const json factors = {"id_number", "lookup_code"};
        if (factor.empty()) {
            json body = {
                {"error",
                 {{"code", "second_factor_required"},
                  {"message", "Nhập số CCCD của chủ hồ sơ hoặc mã tra cứu trên giấy biên nhận"},
                  {"retryable", false},
                  {"factors", factors}}}};
            return json_reply(403, body);
        }
        const bool ok = (kind == "id_number" && factor == d->id_number) ||
                        (kind == "lookup_code" && factor == d->lookup_code);
        if (!ok) {
            note_failure(code);
            json body = {{"error",
                          {{"code", "second_factor_mismatch"},
                           {"message", "Thông tin xác thực không khớp với hồ sơ"},
                           {"retryable", false},
                           {"factors", factors}}}};
            return json_reply(403, body);
        }
    }
    json body = json::parse(d->public_json);
    body["owner_masked"] = mask_name(d->owner_name);
    return json_reply(200, body);
}

ApiReply DossierApi::post_events(const std::string& kiosk_id, const std::string& text) {
    json body;
    try {
        body = json::parse(text);
    } catch (const json::exception& e) {
        return error_reply(400, "bad_request", std::string("body is not JSON: ") + e.what());
    }
    if (!body.is_object() || !body.contains("events") || !body["events"].is_array())
        return error_reply(400, "bad_request", "body must be an object with an 'events' array");
    if (body.contains("kiosk_id") &&
        (!body["kiosk_id"].is_string() || body["kiosk_id"] != kiosk_id))
        return error_reply(400, "bad_request", "kiosk_id does not match the token's kiosk");
    const json& events = body["events"];
    if (events.empty() || events.size() > kMaxBatch)
        return error_reply(400, "bad_request",
                           "a batch carries 1-500 events, got " + std::to_string(events.size()));

    // Validate each event; rejected ones get their reason, the rest are stored in one transaction.
    std::vector<json> acks(events.size());
    std::vector<IncomingEvent> valid;
    std::vector<size_t> valid_index;
    for (size_t i = 0; i < events.size(); ++i) {
        const json& e = events[i];
        std::string id = e.is_object() && e.contains("id") && e["id"].is_string()
                             ? e["id"].get<std::string>()
                             : "";
        auto reject = [&](const std::string& why) {
            acks[i] = {{"id", id}, {"result", "rejected"}, {"reason", why}};
        };
        if (!is_uuid(id)) {
            reject("id must be a lower-case UUID");
            continue;
        }
        if (!e.contains("type") || !e["type"].is_string() ||
            !event_types().count(e["type"].get<std::string>())) {
            reject("unknown type " +
                   (e.contains("type") ? e["type"].dump() : std::string("(missing)")));
            continue;
        }
        if (!e.contains("at") || !e["at"].is_string() ||
            !is_iso8601_with_offset(e["at"].get<std::string>())) {
            reject("'at' must be ISO-8601 with an offset");
            continue;
        }
        if (!e.contains("seq") || !e["seq"].is_number_integer() || e["seq"].get<int64_t>() < 0) {
            reject("'seq' must be a non-negative integer");
            continue;
        }
        if (!e.contains("payload") || !e["payload"].is_object()) {
            reject("'payload' must be an object");
            continue;
        }
        std::string payload = e["payload"].dump();
        if (payload.size() > kMaxPayloadBytes) {
            reject("payload larger than 16 KiB");
            continue;
        }
        if (e["type"] == "rating.submitted") {
            if (std::string why = rating_payload_problem(e["payload"]); !why.empty()) {
                reject(why);
                continue;
            }
        }
        valid.push_back({id, e["type"].get<std::string>(), e["at"].get<std::string>(),
                         std::move(payload), e["seq"].get<int64_t>()});
        valid_index.push_back(i);
    }
    const auto outcomes = db_.store_events(kiosk_id, valid);
    for (size_t k = 0; k < outcomes.size(); ++k)
        acks[valid_index[k]] = {
            {"id", valid[k].uuid},
            {"result", outcomes[k] == StoreOutcome::Stored ? "stored" : "duplicate"}};
    return json_reply(200, {{"acks", acks}});
}

ApiReply DossierApi::time() {
    const auto now = clock_.now();
    return json_reply(200,
                      {{"now", kiosk::iso8601_local(now)},
                       {"unix_ms", duration_cast<milliseconds>(now.time_since_epoch()).count()}});
}

ApiReply DossierApi::heartbeat(const std::string& kiosk_id, const std::string& text) {
    json body;
    try {
        body = json::parse(text);
    } catch (const json::exception& e) {
        return error_reply(400, "bad_request", std::string("body is not JSON: ") + e.what());
    }
    if (!body.is_object())
        return error_reply(400, "bad_request", "heartbeat must be a JSON object");
    db_.record_heartbeat(kiosk_id, body.dump());
    return time();
}

}  // namespace dossier
