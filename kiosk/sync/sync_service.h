#pragma once
// The kiosk's link to the dossier server, offline first. Two threads of its own, each with its
// own HTTPS connection: the background thread drains the outbox in batches, refreshes the
// catalogue (If-None-Match; validated whole, last good kept in SQLite) and sends heartbeats;
// the lookup thread answers citizens' dossier lookups so they never wait behind an outage.
// Results reach the app only through the callbacks (called on those threads: copy and wake the
// UI, do not block).
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/core/catalog_cache.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/outbox.h"
#include "kiosk/sync/api_client.h"

namespace kiosk::sync {

struct SyncOptions {
    ApiClientOptions api;         // base URL, TLS, token, kiosk id, retries
    int batch_size = 200;         // events per POST (1-500)
    int catalog_refresh_s = 300;  // revalidate the catalogue this often
    int heartbeat_s = 60;
    std::chrono::milliseconds max_backoff{60000};  // between failed drain rounds
    int lookup_timeout_ms = 5000;  // a citizen is waiting: shorter than background calls
    // Acknowledged events are kept this long (for support questions), then deleted; checked at
    // start and every hour. Rejected events stay until a technician looks at them.
    std::chrono::hours keep_sent{24 * 30};
};

struct SyncStatus {
    std::optional<TimePoint> last_success;  // last reply from the server that we accepted
    std::optional<TimePoint> last_error_at;
    std::string last_error;  // for the staff screen and logs (no token, no personal data)
    int64_t outbox_depth = 0;
    int64_t rejected_events = 0;
    int64_t events_acked = 0;  // since start
    int64_t catalog_version = 0;
    bool online = false;                     // the last exchange succeeded
    bool tls_problem = false;                // certificate / pin refused: needs a technician
    std::optional<int64_t> clock_offset_ms;  // server − kiosk, from /time or heartbeat
};

struct LookupResult {
    enum class Kind {
        Found,
        NeedsFactor,
        FactorMismatch,
        NotFound,
        InvalidCode,
        RateLimited,
        Unavailable
    };
    Kind kind = Kind::Unavailable;
    std::optional<Dossier> dossier;
    std::vector<std::string> factors;  // for NeedsFactor / FactorMismatch
    std::string message;               // the server's Vietnamese message, if any
    std::string detail;                // for logs
};

struct SyncCallbacks {
    std::function<void(const Catalog&)> on_catalog;    // from the cache at start, then each new one
    std::function<void(const SyncStatus&)> on_status;  // after every exchange
    std::function<KioskHealth()> health;               // printer/paper for heartbeats
};

class SyncService {
  public:
    SyncService(SyncOptions options, std::string db_path, const Clock& clock,
                SyncCallbacks callbacks);
    ~SyncService();  // stop()
    SyncService(const SyncService&) = delete;
    SyncService& operator=(const SyncService&) = delete;

    void start();
    void stop();  // cancels transfers in flight; returns when both threads have ended

    void notify_outbox();    // events were committed: drain now (unless backing off)
    void refresh_catalog();  // revalidate now
    // Answer arrives on the lookup thread through `done`.
    void lookup(std::string code, std::string factor_kind, std::string factor,
                std::function<void(const LookupResult&)> done);

    SyncStatus status() const;
    // The cached catalogue (parsed), without touching the network.
    static std::optional<Catalog> load_cached_catalog(const std::string& db_path);

  private:
    struct Lookup {
        std::string code, kind, factor;
        std::function<void(const LookupResult&)> done;
    };
    void background_loop();
    void lookup_loop();
    enum class Drain { Idle, Sent, Failed };
    Drain drain_once(ApiClient& api, Outbox& outbox,
                     std::optional<std::chrono::milliseconds>& retry_after);
    void fetch_catalog(ApiClient& api, CatalogCache& cache);
    void send_heartbeat(ApiClient& api, Outbox& outbox);
    void note_success(std::optional<int64_t> depth = std::nullopt);
    void note_failure(const std::string& what, CallFailure failure, const std::string& detail);
    void publish_status();
    bool wait_until(std::chrono::steady_clock::time_point until);  // false when stopping

    SyncOptions options_;
    std::string db_path_;
    const Clock& clock_;
    SyncCallbacks callbacks_;

    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    bool drain_requested_ = true, catalog_requested_ = true;
    int batch_size_ = 200;  // halved on 413, background thread only
    std::deque<Lookup> lookups_;
    SyncStatus status_;
    std::thread background_, lookup_thread_;
};

}  // namespace kiosk::sync
