#include "kiosk/sync/api_client.h"

#include <nlohmann/json.hpp>

#include <thread>

#include "kiosk/core/clock.h"
#include "kiosk/sync/reply_parsers.h"

namespace kiosk::sync {

using namespace std::chrono;

const char* to_string(CallFailure f) {
    switch (f) {
        case CallFailure::None:
            return "none";
        case CallFailure::Tls:
            return "TLS verification failed";
        case CallFailure::Unavailable:
            return "server unavailable";
        case CallFailure::RateLimited:
            return "rate limited";
        case CallFailure::Rejected:
            return "request rejected";
        case CallFailure::Malformed:
            return "malformed reply";
        case CallFailure::Cancelled:
            return "cancelled";
    }
    return "?";
}

ApiClient::ApiClient(ApiClientOptions options, const std::atomic<bool>* cancel, Sleeper sleeper)
    : options_(std::move(options)),
      cancel_(cancel),
      sleeper_(std::move(sleeper)),
      http_(options_.http, cancel),
      rng_(std::random_device{}()) {
    if (!sleeper_)
        sleeper_ = [this](milliseconds d) {
            // Sleep in slices so a stop request is noticed quickly.
            const auto until = steady_clock::now() + d;
            while (steady_clock::now() < until) {
                if (cancel_ && cancel_->load()) return false;
                std::this_thread::sleep_for(std::min<steady_clock::duration>(
                    milliseconds(20), until - steady_clock::now()));
            }
            return !(cancel_ && cancel_->load());
        };
}

ApiClient::Raw ApiClient::call(HttpRequest request) {
    request.headers.push_back("Authorization: Bearer " + options_.token);
    request.headers.push_back("Accept: application/json");
    Raw raw;
    for (int attempt = 1;; ++attempt) {
        raw = Raw{};
        raw.attempts = attempt;
        raw.response = http_.perform(request);
        const HttpResponse& r = raw.response;
        bool transient = false;
        if (r.failure != HttpFailure::None) {
            raw.detail = std::string(to_string(r.failure)) + ": " + r.error;
            switch (r.failure) {
                case HttpFailure::Tls:
                    raw.failure = CallFailure::Tls;
                    break;
                case HttpFailure::Cancelled:
                    raw.failure = CallFailure::Cancelled;
                    break;
                case HttpFailure::TooLarge:
                    raw.failure = CallFailure::Malformed;
                    break;
                default:
                    raw.failure = CallFailure::Unavailable;
                    transient = true;
            }
        } else if (r.status >= 200 && r.status < 300) {
            return raw;
        } else if (r.status == 304) {
            return raw;
        } else {
            if (auto e = parse_api_error(r.body); e.ok()) raw.error = *e.value;
            raw.detail = "HTTP " + std::to_string(r.status) +
                         (raw.error.code.empty() ? "" : " " + raw.error.code);
            raw.retry_after = parse_retry_after(r.retry_after, system_clock::now());
            if (r.status == 429) {
                raw.failure = CallFailure::RateLimited;
                transient = true;
            } else if (r.status >= 500 || r.status == 408) {
                raw.failure = CallFailure::Unavailable;
                transient = true;
            } else {
                raw.failure = CallFailure::Rejected;
            }
        }
        if (!transient || attempt >= options_.retry.max_attempts) return raw;
        milliseconds wait = backoff_delay(options_.retry, attempt, rng_);
        if (raw.retry_after) wait = std::max(wait, *raw.retry_after);
        if (wait > options_.retry.cap)
            return raw;  // the server asks for longer: the caller reschedules
        if (!sleeper_(wait)) {
            raw.failure = CallFailure::Cancelled;
            return raw;
        }
    }
}

template <class T>
ApiResult<T> ApiClient::fail_from(const Raw& raw) {
    ApiResult<T> out;
    out.failure = raw.failure;
    out.http_status = raw.response.status;
    out.error = raw.error;
    out.detail = raw.detail;
    out.retry_after = raw.retry_after;
    out.attempts = raw.attempts;
    return out;
}

namespace {
template <class T, class P>
void parse_into(ApiResult<T>& out, const std::string& body, P parser, const char* what) {
    auto parsed = parser(body);
    if (parsed.ok()) {
        out.value = std::move(*parsed.value);
        out.failure = CallFailure::None;
    } else {
        out.failure = CallFailure::Malformed;
        out.detail = std::string(what) + ": " + parsed.error;
    }
}
}  // namespace

ApiResult<CatalogFetch> ApiClient::get_catalog(const std::string& etag) {
    HttpRequest req;
    req.path = "/api/v1/catalog";
    req.max_reply_bytes = kMaxCatalogBytes;
    if (!etag.empty()) req.headers.push_back("If-None-Match: " + etag);
    const Raw raw = call(req);
    auto out = fail_from<CatalogFetch>(raw);
    if (raw.failure != CallFailure::None) return out;
    CatalogFetch fetch;
    fetch.etag = raw.response.etag;
    if (raw.response.status == 304) {
        fetch.not_modified = true;
        fetch.etag = etag;
        out.value = std::move(fetch);
        return out;
    }
    auto parsed = parse_catalog(raw.response.body);
    if (!parsed.ok()) {
        out.failure = CallFailure::Malformed;
        out.detail = "catalog rejected whole: " + parsed.error;
        return out;
    }
    fetch.body = raw.response.body;
    fetch.catalog = std::move(parsed.value);
    out.value = std::move(fetch);
    return out;
}

ApiResult<Dossier> ApiClient::get_dossier(const std::string& code, const std::string& kind,
                                          const std::string& factor) {
    HttpRequest req;
    if (!is_dossier_code(code)) {
        ApiResult<Dossier> out;
        out.failure = CallFailure::Rejected;
        out.error.code = "bad_request";
        out.detail = "not a dossier code";
        return out;
    }
    req.path = "/api/v1/dossiers/" + code;  // the pattern admits only URL-safe characters
    if (!factor.empty()) {
        // Header values must not carry line breaks (header injection); factors are short ASCII.
        for (unsigned char c : kind + factor)
            if (c < 0x20 || c > 0x7e) {
                ApiResult<Dossier> out;
                out.failure = CallFailure::Rejected;
                out.error.code = "bad_request";
                out.detail = "second factor contains non-printable characters";
                return out;
            }
        req.headers.push_back("X-Second-Factor-Kind: " + kind);
        req.headers.push_back("X-Second-Factor: " + factor);
    }
    const Raw raw = call(req);
    auto out = fail_from<Dossier>(raw);
    if (raw.failure == CallFailure::None)
        parse_into(out, raw.response.body, parse_dossier, "dossier");
    return out;
}

ApiResult<std::vector<EventAck>> ApiClient::post_events(const std::vector<OutboxEvent>& events) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : events) {
        nlohmann::json payload = nlohmann::json::parse(e.payload, nullptr, false);
        if (payload.is_discarded() || !payload.is_object())
            payload = {{"unreadable_payload", true}};
        list.push_back({{"id", e.uuid},
                        {"seq", e.seq},
                        {"type", e.type},
                        {"at", iso8601_local(e.created_at)},
                        {"payload", std::move(payload)}});
    }
    HttpRequest req;
    req.method = "POST";
    req.path = "/api/v1/events";
    req.body = nlohmann::json{{"kiosk_id", options_.kiosk_id}, {"events", std::move(list)}}.dump();
    const Raw raw = call(req);
    auto out = fail_from<std::vector<EventAck>>(raw);
    if (raw.failure == CallFailure::None)
        parse_into(out, raw.response.body, parse_event_acks, "event acks");
    return out;
}

ApiResult<ServerTime> ApiClient::get_time() {
    HttpRequest req;
    req.path = "/api/v1/time";
    const Raw raw = call(req);
    auto out = fail_from<ServerTime>(raw);
    if (raw.failure == CallFailure::None)
        parse_into(out, raw.response.body, parse_server_time, "time");
    return out;
}

ApiResult<ServerTime> ApiClient::heartbeat(const KioskHealth& h) {
    HttpRequest req;
    req.method = "POST";
    req.path = "/api/v1/heartbeat";
    req.body = nlohmann::json{{"kiosk_id", options_.kiosk_id},
                              {"version", h.version},
                              {"at", h.at},
                              {"printer", h.printer},
                              {"paper", h.paper},
                              {"outbox_depth", h.outbox_depth},
                              {"catalog_version", h.catalog_version}}
                   .dump();
    const Raw raw = call(req);
    auto out = fail_from<ServerTime>(raw);
    if (raw.failure == CallFailure::None)
        parse_into(out, raw.response.body, parse_server_time, "heartbeat");
    return out;
}

}  // namespace kiosk::sync
