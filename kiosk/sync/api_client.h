#pragma once
// Typed calls of docs/sync-api.md over one reused HttpClient: bearer token, retries with
// backoff + jitter for transient failures (5xx, 429, timeouts, dropped connections — never TLS
// refusals or other 4xx), Retry-After honoured, every reply validated. Use from one thread.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "kiosk/core/outbox.h"
#include "kiosk/sync/api_types.h"
#include "kiosk/sync/http_client.h"
#include "kiosk/sync/retry_policy.h"

namespace kiosk::sync {

struct ApiClientOptions {
    HttpOptions http;
    std::string token;     // bearer token (never logged)
    std::string kiosk_id;  // sent with events and heartbeats
    RetryPolicy retry;
};

enum class CallFailure {
    None,
    Tls,          // refused certificate / host / pin
    Unavailable,  // transport failure, timeout or 5xx after all retries
    RateLimited,  // 429 after all retries
    Rejected,     // 4xx: the server says no (see error)
    Malformed,    // the reply failed validation
    Cancelled,
};

template <class T>
struct ApiResult {
    std::optional<T> value;
    CallFailure failure = CallFailure::None;
    long http_status = 0;
    ApiError error;      // server's error body (4xx/5xx) when it had one
    std::string detail;  // for logs: what went wrong, precisely (no token, no personal data)
    std::optional<std::chrono::milliseconds> retry_after;
    int attempts = 0;
    bool ok() const { return value.has_value(); }
};

struct CatalogFetch {
    bool not_modified = false;  // 304: the cached body is current
    std::string etag;
    std::string body;  // validated text (empty when not_modified)
    std::optional<Catalog> catalog;
};

struct KioskHealth {
    std::string version = "0.1.0";
    std::string printer = "ready";  // ready | offline | error
    std::string paper = "ok";       // ok | low | out | unknown
    int64_t outbox_depth = 0;
    int64_t catalog_version = 0;
    std::string at;  // ISO-8601 +07:00
};

class ApiClient {
  public:
    // `sleeper` waits between retries and returns false when the wait was cancelled.
    using Sleeper = std::function<bool(std::chrono::milliseconds)>;
    ApiClient(ApiClientOptions options, const std::atomic<bool>* cancel = nullptr,
              Sleeper sleeper = {});

    ApiResult<CatalogFetch> get_catalog(const std::string& etag);
    ApiResult<Dossier> get_dossier(const std::string& code, const std::string& factor_kind = "",
                                   const std::string& factor = "");
    ApiResult<std::vector<EventAck>> post_events(const std::vector<OutboxEvent>& events);
    ApiResult<ServerTime> get_time();
    ApiResult<ServerTime> heartbeat(const KioskHealth& health);

    void set_retry(const RetryPolicy& retry) { options_.retry = retry; }

  private:
    struct Raw {
        HttpResponse response;
        CallFailure failure = CallFailure::None;
        ApiError error;
        std::string detail;
        std::optional<std::chrono::milliseconds> retry_after;
        int attempts = 0;
    };
    Raw call(HttpRequest request);
    template <class T>
    ApiResult<T> fail_from(const Raw& raw);

    ApiClientOptions options_;
    const std::atomic<bool>* cancel_;
    Sleeper sleeper_;
    HttpClient http_;
    std::mt19937_64 rng_;
};

const char* to_string(CallFailure f);

}  // namespace kiosk::sync
