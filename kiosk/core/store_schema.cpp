#include "store_schema.h"

#include "ticket_store.h"
#include "uuid.h"

namespace kiosk {
namespace {

constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE IF NOT EXISTS sequences(
  business_date TEXT NOT NULL,
  service_id    TEXT NOT NULL,
  last_seq      INTEGER NOT NULL,
  PRIMARY KEY (business_date, service_id));
CREATE TABLE IF NOT EXISTS tickets(
  id                INTEGER PRIMARY KEY,
  business_date     TEXT NOT NULL,
  service_id        TEXT NOT NULL,
  sequence          INTEGER NOT NULL,
  number            TEXT NOT NULL,
  priority          INTEGER NOT NULL,
  state             TEXT NOT NULL,
  reserved_at_us    INTEGER NOT NULL,
  issued_at_us      INTEGER,
  called_at_us      INTEGER,
  served_at_us      INTEGER,
  void_reason       TEXT NOT NULL DEFAULT '',
  print_unconfirmed INTEGER NOT NULL DEFAULT 0,
  UNIQUE (business_date, service_id, sequence),
  UNIQUE (business_date, number));
CREATE INDEX IF NOT EXISTS tickets_by_state ON tickets(business_date, service_id, state);
CREATE TABLE IF NOT EXISTS outbox(
  seq           INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  type          TEXT NOT NULL,
  payload       TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  sent_at_us    INTEGER);
)SQL";

// v1 → v2: the sync worker needs to park events the server rejects for good, find pending events
// without scanning 100k sent ones, and keep the last good catalogue.
constexpr const char* kUpgradeToV2 = R"SQL(
ALTER TABLE outbox ADD COLUMN reject_reason TEXT;
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(seq) WHERE sent_at_us IS NULL;
CREATE TABLE IF NOT EXISTS catalog_cache(
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  etag          TEXT NOT NULL,
  body          TEXT NOT NULL,
  version       INTEGER NOT NULL,
  fetched_at_us INTEGER NOT NULL,
  checked_at_us INTEGER NOT NULL);
)SQL";

// v2 → v3: staff call tickets at counters (CallQueue). Tickets gain their counter columns and lose
// UNIQUE(business_date, service_id, sequence): a transfer moves a ticket to another field under its
// own number, so (date, number) is the key now (numbers were always unique per day). SQLite cannot
// drop a constraint, hence the copy. `counters` keeps each counter's pause state, current ticket
// and interleave streak; `calls` is the board's history and the resume point of the hub's event
// stream; `dossier_cache` keeps the last dossier replies.
constexpr const char* kUpgradeToV3 = R"SQL(
CREATE TABLE tickets_v3(
  id                INTEGER PRIMARY KEY,
  business_date     TEXT NOT NULL,
  service_id        TEXT NOT NULL,
  sequence          INTEGER NOT NULL,
  number            TEXT NOT NULL,
  priority          INTEGER NOT NULL,
  state             TEXT NOT NULL,
  reserved_at_us    INTEGER NOT NULL,
  issued_at_us      INTEGER,
  called_at_us      INTEGER,
  served_at_us      INTEGER,
  void_reason       TEXT NOT NULL DEFAULT '',
  print_unconfirmed INTEGER NOT NULL DEFAULT 0,
  counter           INTEGER NOT NULL DEFAULT 0,
  no_shows          INTEGER NOT NULL DEFAULT 0,
  recalls           INTEGER NOT NULL DEFAULT 0,
  target_counter    INTEGER NOT NULL DEFAULT 0,
  origin_service_id TEXT NOT NULL DEFAULT '',
  UNIQUE (business_date, number));
INSERT INTO tickets_v3(id, business_date, service_id, sequence, number, priority, state,
  reserved_at_us, issued_at_us, called_at_us, served_at_us, void_reason, print_unconfirmed)
  SELECT id, business_date, service_id, sequence, number, priority, state, reserved_at_us,
  issued_at_us, called_at_us, served_at_us, void_reason, print_unconfirmed FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_v3 RENAME TO tickets;
CREATE INDEX IF NOT EXISTS tickets_by_state ON tickets(business_date, service_id, state);
CREATE INDEX IF NOT EXISTS tickets_waiting
  ON tickets(business_date, service_id, state, target_counter, priority, issued_at_us, id);
CREATE INDEX IF NOT EXISTS tickets_for_counter
  ON tickets(business_date, target_counter, state, issued_at_us, id);
CREATE INDEX IF NOT EXISTS tickets_by_counter ON tickets(business_date, counter, state);
CREATE TABLE IF NOT EXISTS counters(
  number            INTEGER PRIMARY KEY,
  paused            INTEGER NOT NULL DEFAULT 0,
  pause_reason      TEXT NOT NULL DEFAULT '',
  current_ticket_id INTEGER,
  priority_streak   INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS calls(
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id  INTEGER NOT NULL,
  number     TEXT NOT NULL,
  service_id TEXT NOT NULL,
  counter    INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('call', 'recall')),
  priority   INTEGER NOT NULL DEFAULT 0,
  at_us      INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS dossier_cache(
  code          TEXT PRIMARY KEY,
  body          TEXT NOT NULL,
  fetched_at_us INTEGER NOT NULL);
)SQL";

// v3 → v4: citizen satisfaction ratings (notes/domain.md §12). One rating per ticket (UNIQUE);
// level 1–5 (1 = Rất không hài lòng … 5 = Rất hài lòng); a reason word only for the two low
// levels; the counter and field that served the ticket are copied so reports survive a transfer.
constexpr const char* kUpgradeToV4 = R"SQL(
CREATE TABLE IF NOT EXISTS ratings(
  id            INTEGER PRIMARY KEY,
  ticket_id     INTEGER NOT NULL UNIQUE,
  business_date TEXT NOT NULL,
  number        TEXT NOT NULL,
  service_id    TEXT NOT NULL,
  counter       INTEGER NOT NULL,
  level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  reason        TEXT NOT NULL DEFAULT '' CHECK (reason IN ('', 'long_wait', 'staff_attitude',
                  'unclear_guidance', 'complex_procedure') AND (reason = '' OR level <= 2)),
  comment       TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL,
  rated_at_us   INTEGER NOT NULL,
  event_uuid    TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ratings_by_day ON ratings(business_date, counter);
)SQL";

int64_t user_version(SqliteDb& db) {
    Statement v(db, "PRAGMA user_version");
    v.step();
    return v.column_int(0);
}

}  // namespace

void migrate_store(SqliteDb& db) {
    if (user_version(db) == kStoreSchemaVersion) return;
    Transaction tx(db);
    const int64_t version = user_version(db);  // again, now that we hold the write lock
    if (version > kStoreSchemaVersion)
        throw StoreError(db.path() + ": written by a newer kiosk (schema " +
                         std::to_string(version) + ", this build knows " +
                         std::to_string(kStoreSchemaVersion) + ")");
    if (version < 1) db.exec(kSchemaV1);
    if (version < 2) db.exec(kUpgradeToV2);
    if (version < 3) {
        db.exec(kSchemaV1);  // idempotent; a partial early file may lack the tickets table
        db.exec(kUpgradeToV3);
    }
    if (version < 4) db.exec(kUpgradeToV4);
    db.exec(("PRAGMA user_version=" + std::to_string(kStoreSchemaVersion)).c_str());
    tx.commit();
}

std::unique_ptr<SqliteDb> open_store(const std::string& path) {
    auto db = std::make_unique<SqliteDb>(path);
    migrate_store(*db);
    return db;
}

std::string insert_outbox_event(SqliteDb& db, const std::string& type,
                                const std::string& payload_json, TimePoint now) {
    std::string uuid = make_uuid_v4();
    Statement(db, "INSERT INTO outbox(uuid, type, payload, created_at_us) VALUES(?1, ?2, ?3, ?4)")
        .bind(1, uuid)
        .bind(2, type)
        .bind(3, payload_json)
        .bind(4, to_us(now))
        .run();
    return uuid;
}

}  // namespace kiosk
