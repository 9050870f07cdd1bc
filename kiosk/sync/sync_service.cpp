#include "kiosk/sync/sync_service.h"

#include <spdlog/spdlog.h>

#include <set>

#include "kiosk/sync/reply_parsers.h"

namespace kiosk::sync {

using namespace std::chrono;
using steady = steady_clock;

SyncService::SyncService(SyncOptions options, std::string db_path, const Clock& clock,
                         SyncCallbacks callbacks)
    : options_(std::move(options)),
      db_path_(std::move(db_path)),
      clock_(clock),
      callbacks_(std::move(callbacks)) {
    batch_size_ = std::clamp(options_.batch_size, 1, 500);
}

SyncService::~SyncService() {
    stop();
}

void SyncService::start() {
    stopping_ = false;
    background_ = std::thread([this] { background_loop(); });
    lookup_thread_ = std::thread([this] { lookup_loop(); });
}

void SyncService::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (background_.joinable()) background_.join();
    if (lookup_thread_.joinable()) lookup_thread_.join();
    // Lookups nobody will answer now still get a reply, so no screen waits forever.
    std::deque<Lookup> left;
    {
        std::lock_guard lock(mutex_);
        left.swap(lookups_);
    }
    for (auto& l : left) {
        LookupResult r;
        r.detail = "sync stopped";
        if (l.done) l.done(r);
    }
}

void SyncService::notify_outbox() {
    {
        std::lock_guard lock(mutex_);
        drain_requested_ = true;
    }
    cv_.notify_all();
}

void SyncService::refresh_catalog() {
    {
        std::lock_guard lock(mutex_);
        catalog_requested_ = true;
    }
    cv_.notify_all();
}

void SyncService::lookup(std::string code, std::string kind, std::string factor,
                         std::function<void(const LookupResult&)> done) {
    {
        std::lock_guard lock(mutex_);
        lookups_.push_back({std::move(code), std::move(kind), std::move(factor), std::move(done)});
    }
    cv_.notify_all();
}

SyncStatus SyncService::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

std::optional<Catalog> SyncService::load_cached_catalog(const std::string& db_path) {
    CatalogCache cache(db_path);
    const auto cached = cache.load();
    if (!cached) return std::nullopt;
    auto parsed = parse_catalog(cached->body);
    if (!parsed.ok()) {
        spdlog::error("sync: cached catalogue no longer validates ({}); ignoring it", parsed.error);
        return std::nullopt;
    }
    return std::move(parsed.value);
}

bool SyncService::wait_until(steady::time_point until) {
    std::unique_lock lock(mutex_);
    cv_.wait_until(lock, until,
                   [&] { return stopping_.load() || drain_requested_ || catalog_requested_; });
    return !stopping_;
}

void SyncService::publish_status() {
    SyncStatus s = status();
    if (callbacks_.on_status) callbacks_.on_status(s);
}

void SyncService::note_success(std::optional<int64_t> depth) {
    {
        std::lock_guard lock(mutex_);
        status_.last_success = clock_.now();
        status_.online = true;
        status_.tls_problem = false;
        if (depth) status_.outbox_depth = *depth;
    }
    publish_status();
}

void SyncService::note_failure(const std::string& what, CallFailure failure,
                               const std::string& detail) {
    const std::string message =
        what + ": " + to_string(failure) + (detail.empty() ? "" : " (" + detail + ")");
    {
        std::lock_guard lock(mutex_);
        const bool repeated = status_.last_error == message;
        status_.last_error = message;
        status_.last_error_at = clock_.now();
        status_.online = false;
        status_.tls_problem = failure == CallFailure::Tls;
        if (!repeated)
            spdlog::warn("sync: {}", message);  // one line per new problem, not per retry
    }
    publish_status();
}

SyncService::Drain SyncService::drain_once(ApiClient& api, Outbox& outbox,
                                           std::optional<milliseconds>& retry_after) {
    const auto events = outbox.pending(batch_size_);
    if (events.empty()) return Drain::Idle;
    auto r = api.post_events(events);
    if (!r.ok()) {
        retry_after = r.retry_after;
        if (r.http_status == 413 && batch_size_ > 1) batch_size_ = std::max(1, batch_size_ / 2);
        note_failure("sending " + std::to_string(events.size()) + " events", r.failure, r.detail);
        return Drain::Failed;
    }
    std::set<std::string> sent;
    for (const auto& e : events)
        sent.insert(e.uuid);
    std::vector<OutboxAck> acks;
    int rejected = 0;
    for (const auto& a : *r.value) {
        if (!sent.count(a.id)) continue;  // an ack for something we did not send: ignore
        const bool rej = a.result == EventAck::Result::Rejected;
        rejected += rej;
        if (rej) spdlog::error("sync: server rejected event {} for good: {}", a.id, a.reason);
        acks.push_back({a.id, rej, a.reason});
    }
    if (acks.empty()) {
        note_failure(
            "sending events", CallFailure::Malformed,
            "server acknowledged none of the " + std::to_string(events.size()) + " events sent");
        return Drain::Failed;
    }
    const int done = outbox.mark_done(acks, clock_.now());
    const int64_t depth = outbox.depth();
    {
        std::lock_guard lock(mutex_);
        status_.events_acked += done;
        status_.rejected_events += rejected;
    }
    note_success(depth);
    return Drain::Sent;
}

void SyncService::fetch_catalog(ApiClient& api, CatalogCache& cache) {
    const auto cached = cache.load();
    auto r = api.get_catalog(cached ? cached->etag : "");
    if (!r.ok()) {
        note_failure("catalogue", r.failure, r.detail);  // the last good one stays in use
        return;
    }
    const TimePoint now = clock_.now();
    if (r.value->not_modified) {
        cache.mark_checked(now);
    } else {
        const Catalog& c = *r.value->catalog;
        cache.store({r.value->etag, r.value->body, c.version, now, now});
        {
            std::lock_guard lock(mutex_);
            status_.catalog_version = c.version;
        }
        spdlog::info("sync: catalogue version {} ({} procedures) accepted", c.version,
                     c.procedures.size());
        if (callbacks_.on_catalog) callbacks_.on_catalog(c);
    }
    note_success();
}

void SyncService::send_heartbeat(ApiClient& api, Outbox& outbox) {
    KioskHealth h = callbacks_.health ? callbacks_.health() : KioskHealth{};
    h.outbox_depth = outbox.depth();
    h.at = iso8601_local(clock_.now());
    {
        std::lock_guard lock(mutex_);
        h.catalog_version = status_.catalog_version;
    }
    const auto sent = steady::now();
    auto r = api.heartbeat(h);
    if (!r.ok()) {
        note_failure("heartbeat", r.failure, r.detail);
        return;
    }
    const auto rtt = duration_cast<milliseconds>(steady::now() - sent);
    const int64_t local_ms = duration_cast<milliseconds>(clock_.now().time_since_epoch()).count();
    {
        std::lock_guard lock(mutex_);
        status_.clock_offset_ms = r.value->unix_ms + rtt.count() / 2 - local_ms;
    }
    note_success(h.outbox_depth);
}

void SyncService::background_loop() {
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<CatalogCache> cache;
    try {
        outbox = std::make_unique<Outbox>(db_path_);
        cache = std::make_unique<CatalogCache>(db_path_);
        {
            std::lock_guard lock(mutex_);
            status_.outbox_depth = outbox->depth();
            status_.rejected_events = outbox->rejected_count();
        }
        if (auto cached = load_cached_catalog(db_path_)) {
            {
                std::lock_guard lock(mutex_);
                status_.catalog_version = cached->version;
            }
            if (callbacks_.on_catalog) callbacks_.on_catalog(*cached);
        }
    } catch (const std::exception& e) {
        spdlog::error("sync: cannot open the kiosk store: {}", e.what());
        std::lock_guard lock(mutex_);
        status_.last_error = std::string("kiosk store: ") + e.what();
        return;
    }
    publish_status();

    ApiClient api(options_.api, &stopping_, [this](milliseconds d) {
        std::unique_lock lock(mutex_);
        return !cv_.wait_for(lock, d, [&] { return stopping_.load(); });
    });
    std::mt19937_64 rng(std::random_device{}());
    const RetryPolicy round_backoff{0, milliseconds(500), options_.max_backoff};
    int failures = 0;
    auto next_drain = steady::now(), next_catalog = steady::now(), next_heartbeat = steady::now();
    auto next_prune = steady::now();
    while (!stopping_) {
        bool drain_now = false, catalog_now = false;
        {
            std::lock_guard lock(mutex_);
            drain_now = drain_requested_ && failures == 0;  // while backing off, the timer decides
            catalog_now = catalog_requested_;
            drain_requested_ = catalog_requested_ = false;
        }
        auto now = steady::now();
        if (drain_now) next_drain = now;
        try {
            if (catalog_now || now >= next_catalog) {
                fetch_catalog(api, *cache);
                next_catalog = steady::now() + seconds(options_.catalog_refresh_s);
            }
            if (now >= next_prune) {
                const int64_t pruned = outbox->prune_sent(clock_.now() - options_.keep_sent);
                if (pruned > 0)
                    spdlog::info("sync: deleted {} acknowledged event(s) older than {} days",
                                 pruned, options_.keep_sent.count() / 24);
                next_prune = steady::now() + hours(1);
            }
            if (now >= next_heartbeat) {
                send_heartbeat(api, *outbox);
                next_heartbeat = steady::now() + seconds(options_.heartbeat_s);
            }
            // Drain while batches keep going through; stop early for stop requests.
            while (!stopping_ && steady::now() >= next_drain) {
                std::optional<milliseconds> retry_after;
                const Drain d = drain_once(api, *outbox, retry_after);
                if (d == Drain::Sent) {
                    failures = 0;
                    continue;
                }
                if (d == Drain::Idle) {
                    failures = 0;
                    next_drain = steady::time_point::max();
                } else {
                    ++failures;
                    milliseconds wait = backoff_delay(round_backoff, failures, rng);
                    if (retry_after)
                        wait = std::max(wait, std::min(*retry_after, options_.max_backoff * 10));
                    next_drain = steady::now() + wait;
                }
                break;
            }
        } catch (const std::exception& e) {  // store trouble: report, wait, try again
            note_failure("kiosk store", CallFailure::Unavailable, e.what());
            ++failures;
            next_drain = steady::now() + backoff_delay(round_backoff, failures, rng);
        }
        wait_until(std::min({next_drain, next_catalog, next_heartbeat, next_prune}));
    }
}

void SyncService::lookup_loop() {
    ApiClientOptions opts = options_.api;
    opts.http.total_timeout_ms = options_.lookup_timeout_ms;
    opts.retry = RetryPolicy{2, milliseconds(200), milliseconds(1000)};
    std::optional<ApiClient> api;
    while (true) {
        Lookup job;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [&] { return stopping_.load() || !lookups_.empty(); });
            if (stopping_) return;
            job = std::move(lookups_.front());
            lookups_.pop_front();
        }
        LookupResult result;
        try {
            if (!api) api.emplace(opts, &stopping_);
            auto r = api->get_dossier(job.code, job.kind, job.factor);
            result.message = r.error.message;
            result.factors = r.error.factors;
            result.detail = r.detail;
            using K = LookupResult::Kind;
            if (r.ok()) {
                result.kind = K::Found;
                result.dossier = std::move(r.value);
                note_success();
            } else if (r.failure == CallFailure::Rejected) {
                const std::string& code = r.error.code;
                result.kind = code == "second_factor_required"                ? K::NeedsFactor
                              : code == "second_factor_mismatch"              ? K::FactorMismatch
                              : r.http_status == 404                          ? K::NotFound
                              : r.http_status == 400 || code == "bad_request" ? K::InvalidCode
                                                                              : K::Unavailable;
                if (r.http_status == 401) note_failure("dossier lookup", r.failure, r.detail);
            } else if (r.failure == CallFailure::RateLimited) {
                result.kind = K::RateLimited;
            } else {
                result.kind = K::Unavailable;
                if (r.failure != CallFailure::Cancelled)
                    note_failure("dossier lookup", r.failure, r.detail);
            }
        } catch (const std::exception& e) {
            result.kind = LookupResult::Kind::Unavailable;
            result.detail = e.what();
        }
        if (job.done) job.done(result);
    }
}

}  // namespace kiosk::sync
