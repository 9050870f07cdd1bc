#pragma once
// The kiosk's link to the dossier server as the app uses it: SyncService built from [sync],
// status changes logged (the staff screen reads status()), woken after every outbox write.
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"
#include "kiosk/sync/sync_service.h"

namespace kiosk::app {

class SyncLink {
  public:
    // Throws std::runtime_error (e.g. an unreadable token file: the message names the file and
    // the problem, never the token).
    // `health` (optional, any thread) gives the printer and paper words for heartbeats.
    SyncLink(const SyncConfig& config, const std::string& db_path, const Clock& clock,
             std::function<sync::KioskHealth()> health = {});
    ~SyncLink();

    void start() { service_->start(); }
    void stop() { service_->stop(); }
    void notify_outbox() { service_->notify_outbox(); }
    // A citizen's dossier lookup; answered on the sync lookup thread through `done`.
    void lookup(std::string code, std::string factor_kind, std::string factor,
                std::function<void(const sync::LookupResult&)> done) {
        service_->lookup(std::move(code), std::move(factor_kind), std::move(factor),
                         std::move(done));
    }
    sync::SyncStatus status() const { return service_->status(); }
    // Each catalogue the link accepts (from the cache at start, then every new version), on the
    // sync thread. Set before start().
    void set_catalog_listener(std::function<void(std::shared_ptr<const Catalog>)> listener);

  private:
    void on_status(const sync::SyncStatus& status);
    void on_catalog(const Catalog& catalog);

    std::mutex mutex_;
    bool was_online_ = false;
    std::string last_logged_error_;
    int64_t last_catalog_version_ = 0;
    std::function<void(std::shared_ptr<const Catalog>)> catalog_listener_;
    std::unique_ptr<sync::SyncService> service_;
};

sync::SyncOptions sync_options_from(const SyncConfig& config);  // token not loaded

}  // namespace kiosk::app
