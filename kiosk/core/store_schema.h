#pragma once
// The one SQLite file the kiosk keeps: schema, migrations and the outbox insert shared by every
// connection to it (TicketStore on the app worker, Outbox and CatalogCache on the sync worker).
// Each connection runs migrate_store() on open; the upgrade runs once, under BEGIN IMMEDIATE.
#include <memory>
#include <string>

#include "clock.h"
#include "sqlite_db.h"

namespace kiosk {

// 1: tickets, sequences, outbox. 2: outbox reject_reason + pending index, catalog cache.
// 3: the counters (call queue): ticket counter columns, counters, calls, dossier_cache.
// 4: ratings (citizen satisfaction, one per served ticket).
inline constexpr int kStoreSchemaVersion = 4;

// Creates or upgrades the schema; throws StoreError for a file written by a newer kiosk.
void migrate_store(SqliteDb& db);
std::unique_ptr<SqliteDb> open_store(const std::string& path);

// Appends an event to the outbox inside the caller's transaction (so it commits with the state
// change it reports). Returns the event's new UUID.
std::string insert_outbox_event(SqliteDb& db, const std::string& type,
                                const std::string& payload_json, TimePoint now);

}  // namespace kiosk
