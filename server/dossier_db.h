#pragma once
// The reference server's storage (SQLite): the catalogue document, dossiers with their owner
// data (kept server-side; only the masked name ever leaves), received events keyed by UUID so a
// replay is recognised, and the last heartbeat of each kiosk. Thread-safe (one connection under
// a mutex); seeded with the demo office when the file is new.
#include <cstdint>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/sqlite_db.h"

namespace dossier {

struct DossierRecord {
    std::string code;
    std::string public_json;  // reply fields except owner_masked
    std::string owner_name;
    std::string id_number;
    std::string lookup_code;
    bool requires_factor = true;
};

struct IncomingEvent {
    std::string uuid, type, at, payload_json;
    int64_t seq = 0;
};

enum class StoreOutcome { Stored, Duplicate };

struct StoredEvent {
    std::string uuid, kiosk_id, type, at, payload_json, received_at;
    int64_t seq = 0;
};

class DossierDb {
  public:
    DossierDb(const std::string& path, const kiosk::Clock& clock);

    std::string catalog_json();
    std::string catalog_etag();                      // quoted SHA-256 hex of catalog_json()
    void set_catalog_json(const std::string& text);  // publish a new catalogue (tests, admin)
    std::optional<DossierRecord> dossier(const std::string& code);
    std::vector<std::string> dossier_codes();

    // One transaction for the batch; each UUID is stored at most once, ever.
    std::vector<StoreOutcome> store_events(const std::string& kiosk_id,
                                           const std::vector<IncomingEvent>& events);
    std::vector<StoredEvent> events();
    int64_t event_count();
    void record_heartbeat(const std::string& kiosk_id, const std::string& body_json);

    // Human-readable listing of everything held (the `dump` subcommand).
    void dump(std::ostream& out);

  private:
    void seed_if_empty();

    std::mutex mutex_;
    const kiosk::Clock& clock_;
    kiosk::SqliteDb db_;
    std::string catalog_cache_, etag_cache_;
};

std::string sha256_hex(const std::string& data);

}  // namespace dossier
