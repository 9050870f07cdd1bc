#pragma once
// The last catalogue that passed validation, as the server sent it (NFC JSON text) with its
// ETag, so the kiosk starts and serves from it when the server is down. Only kiosk/sync parses
// the body. Opens its own connection to the kiosk's SQLite file; use it from one thread.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "clock.h"
#include "sqlite_db.h"

namespace kiosk {

struct CachedCatalog {
    std::string etag;  // as sent, quotes included
    std::string body;  // validated JSON text
    int64_t version = 0;
    TimePoint fetched_at{};  // when this body arrived
    TimePoint checked_at{};  // last time the server confirmed it (200 or 304)
};

class CatalogCache {
  public:
    explicit CatalogCache(const std::string& db_path);
    ~CatalogCache();

    std::optional<CachedCatalog> load() const;
    // Replaces the cached catalogue (call only with a body that passed validation).
    void store(const CachedCatalog& catalog);
    // The server answered 304: the cached body is still current.
    void mark_checked(TimePoint now);

  private:
    std::unique_ptr<SqliteDb> db_;
};

}  // namespace kiosk
