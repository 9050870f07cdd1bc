#include "dossier_db.h"

#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "demo_seed.h"

namespace dossier {

using kiosk::Statement;

std::string sha256_hex(const std::string& data) {
    unsigned char digest[32];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

DossierDb::DossierDb(const std::string& path, const kiosk::Clock& clock)
    : clock_(clock), db_(path) {
    db_.exec(R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dossiers(
  code TEXT PRIMARY KEY, public_json TEXT NOT NULL, owner_name TEXT NOT NULL,
  id_number TEXT NOT NULL, lookup_code TEXT NOT NULL, requires_factor INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events(
  uuid TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
  at TEXT NOT NULL, payload TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS heartbeats(kiosk_id TEXT PRIMARY KEY, body TEXT NOT NULL, received_at TEXT NOT NULL);
)SQL");
    seed_if_empty();
}

void DossierDb::seed_if_empty() {
    kiosk::Transaction tx(db_);
    Statement q(db_, "SELECT COUNT(*) FROM meta WHERE key='catalog'");
    q.step();
    if (q.column_int(0) > 0) return;
    const auto now = clock_.now();
    Statement(db_, "INSERT INTO meta(key, value) VALUES('catalog', ?1)")
        .bind(1, demo_catalog(now).dump())
        .run();
    for (const SeedDossier& d : demo_dossiers(now))
        Statement(db_,
                  "INSERT INTO dossiers(code, public_json, owner_name, id_number, lookup_code, "
                  "requires_factor) "
                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
            .bind(1, d.code)
            .bind(2, d.public_part.dump())
            .bind(3, d.owner_name)
            .bind(4, d.id_number)
            .bind(5, d.lookup_code)
            .bind(6, int64_t{d.requires_factor})
            .run();
    tx.commit();
}

std::string DossierDb::catalog_json() {
    std::lock_guard lock(mutex_);
    if (catalog_cache_.empty()) {
        Statement q(db_, "SELECT value FROM meta WHERE key='catalog'");
        if (q.step()) catalog_cache_ = q.column_text(0);
        etag_cache_ = "\"" + sha256_hex(catalog_cache_) + "\"";
    }
    return catalog_cache_;
}

std::string DossierDb::catalog_etag() {
    catalog_json();
    std::lock_guard lock(mutex_);
    return etag_cache_;
}

void DossierDb::set_catalog_json(const std::string& text) {
    std::lock_guard lock(mutex_);
    Statement(db_,
              "INSERT INTO meta(key, value) VALUES('catalog', ?1) ON CONFLICT(key) DO UPDATE SET "
              "value=excluded.value")
        .bind(1, text)
        .run();
    catalog_cache_.clear();
}

std::optional<DossierRecord> DossierDb::dossier(const std::string& code) {
    std::lock_guard lock(mutex_);
    Statement q(db_,
                "SELECT code, public_json, owner_name, id_number, lookup_code, requires_factor "
                "FROM dossiers "
                "WHERE code=?1");
    q.bind(1, code);
    if (!q.step()) return std::nullopt;
    return DossierRecord{q.column_text(0), q.column_text(1), q.column_text(2),
                         q.column_text(3), q.column_text(4), q.column_int(5) != 0};
}

std::vector<std::string> DossierDb::dossier_codes() {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    Statement q(db_, "SELECT code FROM dossiers ORDER BY code");
    while (q.step())
        out.push_back(q.column_text(0));
    return out;
}

std::vector<StoreOutcome> DossierDb::store_events(const std::string& kiosk_id,
                                                  const std::vector<IncomingEvent>& events) {
    std::lock_guard lock(mutex_);
    std::vector<StoreOutcome> out;
    const std::string received = kiosk::iso8601_local(clock_.now());
    kiosk::Transaction tx(db_);
    for (const auto& e : events) {
        Statement(
            db_,
            "INSERT OR IGNORE INTO events(uuid, kiosk_id, seq, type, at, payload, received_at) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .bind(1, e.uuid)
            .bind(2, kiosk_id)
            .bind(3, e.seq)
            .bind(4, e.type)
            .bind(5, e.at)
            .bind(6, e.payload_json)
            .bind(7, received)
            .run();
        out.push_back(sqlite3_changes(db_.handle()) == 1 ? StoreOutcome::Stored
                                                         : StoreOutcome::Duplicate);
    }
    tx.commit();
    return out;
}

std::vector<StoredEvent> DossierDb::events() {
    std::lock_guard lock(mutex_);
    std::vector<StoredEvent> out;
    Statement q(db_,
                "SELECT uuid, kiosk_id, type, at, payload, received_at, seq FROM events ORDER BY "
                "kiosk_id, seq, "
                "rowid");
    while (q.step())
        out.push_back({q.column_text(0), q.column_text(1), q.column_text(2), q.column_text(3),
                       q.column_text(4), q.column_text(5), q.column_int(6)});
    return out;
}

int64_t DossierDb::event_count() {
    std::lock_guard lock(mutex_);
    Statement q(db_, "SELECT COUNT(*) FROM events");
    q.step();
    return q.column_int(0);
}

void DossierDb::record_heartbeat(const std::string& kiosk_id, const std::string& body_json) {
    std::lock_guard lock(mutex_);
    Statement(db_,
              "INSERT INTO heartbeats(kiosk_id, body, received_at) VALUES(?1, ?2, ?3) ON "
              "CONFLICT(kiosk_id) "
              "DO UPDATE SET body=excluded.body, received_at=excluded.received_at")
        .bind(1, kiosk_id)
        .bind(2, body_json)
        .bind(3, kiosk::iso8601_local(clock_.now()))
        .run();
}

void DossierDb::dump(std::ostream& out) {
    const auto catalog = nlohmann::json::parse(catalog_json());
    out << "catalog: version " << catalog.value("version", 0) << ", ETag " << catalog_etag() << ", "
        << catalog["procedures"].size() << " procedures, " << catalog["counters"].size()
        << " counters\n";
    for (const auto& p : catalog["procedures"])
        out << "  procedure " << p["code"].get<std::string>() << "  "
            << p["name"].get<std::string>() << "\n";
    std::lock_guard lock(mutex_);
    {
        Statement q(db_, "SELECT code, public_json, requires_factor FROM dossiers ORDER BY code");
        out << "dossiers:\n";
        while (q.step()) {
            const auto pub = nlohmann::json::parse(q.column_text(1));
            out << "  " << q.column_text(0) << "  status " << pub["status"]["code"].get<int>()
                << " (" << pub["status"]["national_label"].get<std::string>() << ")"
                << (q.column_int(2) ? "  [second factor]" : "") << "\n";
        }
    }
    {
        Statement q(db_,
                    "SELECT kiosk_id, COUNT(*), MIN(seq), MAX(seq) FROM events GROUP BY kiosk_id "
                    "ORDER BY kiosk_id");
        out << "events:\n";
        while (q.step())
            out << "  " << q.column_text(0) << ": " << q.column_int(1) << " events, seq "
                << q.column_int(2) << "–" << q.column_int(3) << "\n";
        Statement t(db_, "SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type");
        while (t.step())
            out << "    " << t.column_text(0) << ": " << t.column_int(1) << "\n";
    }
    {
        Statement q(db_, "SELECT kiosk_id, received_at, body FROM heartbeats ORDER BY kiosk_id");
        out << "heartbeats:\n";
        while (q.step())
            out << "  " << q.column_text(0) << " at " << q.column_text(1) << ": "
                << q.column_text(2) << "\n";
    }
}

}  // namespace dossier
