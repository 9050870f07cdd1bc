#include "sync_link.h"

#include <spdlog/spdlog.h>

#include "kiosk/sync/token_file.h"

namespace kiosk::app {

sync::SyncOptions sync_options_from(const SyncConfig& c) {
    sync::SyncOptions o;
    o.api.http.base_url = c.server_url;
    o.api.http.ca_file = c.ca_file;
    o.api.http.pinned_public_key = c.pinned_public_key;
    o.api.http.client_cert = c.client_cert;
    o.api.http.client_key = c.client_key;
    o.api.http.connect_timeout_ms = c.connect_timeout_ms;
    o.api.http.total_timeout_ms = c.request_timeout_ms;
    o.api.kiosk_id = c.kiosk_id;
    o.batch_size = c.batch_size;
    o.catalog_refresh_s = c.catalog_refresh_s;
    o.heartbeat_s = c.heartbeat_s;
    o.max_backoff = std::chrono::seconds(c.max_backoff_s);
    o.lookup_timeout_ms = c.lookup_timeout_ms;
    o.keep_sent = std::chrono::hours(24 * c.keep_sent_days);
    return o;
}

SyncLink::SyncLink(const SyncConfig& config, const std::string& db_path, const Clock& clock,
                   std::function<sync::KioskHealth()> health) {
    sync::SyncOptions options = sync_options_from(config);
    options.api.token = sync::load_token_file(config.token_file);
    sync::SyncCallbacks callbacks;
    callbacks.health = std::move(health);
    callbacks.on_status = [this](const sync::SyncStatus& s) { on_status(s); };
    callbacks.on_catalog = [this](const sync::Catalog& catalog) { on_catalog(catalog); };
    service_ = std::make_unique<sync::SyncService>(std::move(options), db_path, clock,
                                                   std::move(callbacks));
    spdlog::info("sync: server {} as kiosk {}", config.server_url, config.kiosk_id);
}

SyncLink::~SyncLink() {
    service_->stop();
}

void SyncLink::set_catalog_listener(std::function<void(std::shared_ptr<const Catalog>)> listener) {
    std::lock_guard lock(mutex_);
    catalog_listener_ = std::move(listener);
}

void SyncLink::on_catalog(const Catalog& catalog) {
    std::function<void(std::shared_ptr<const Catalog>)> listener;
    {
        std::lock_guard lock(mutex_);
        if (catalog.version != last_catalog_version_)
            spdlog::info("sync: catalogue version {} in use", catalog.version);
        last_catalog_version_ = catalog.version;
        listener = catalog_listener_;
    }
    if (listener) listener(std::make_shared<const Catalog>(catalog));
}

void SyncLink::on_status(const sync::SyncStatus& s) {
    // Log transitions only: the link reports after every exchange.
    std::lock_guard lock(mutex_);
    if (s.online && !was_online_)
        spdlog::info("sync: online, outbox {} event(s) waiting", s.outbox_depth);
    if (!s.online && !s.last_error.empty() && s.last_error != last_logged_error_)
        spdlog::warn("sync: offline ({}), outbox {} event(s) kept{}", s.last_error, s.outbox_depth,
                     s.tls_problem ? " — TLS refused: check ca_file / pin" : "");
    was_online_ = s.online;
    last_logged_error_ = s.online ? std::string() : s.last_error;
}

}  // namespace kiosk::app
