#pragma once
// The last dossier reply per code, kept in the kiosk's SQLite store (table dossier_cache, schema
// v3) so a citizen still sees something useful while the server is unreachable. The body is the
// reply JSON as the kiosk accepted it; the reader validates it again before use. One connection
// per instance: use it from one thread (the app's worker).
#include <memory>
#include <optional>
#include <string>

#include "clock.h"
#include "sqlite_db.h"

namespace kiosk {

struct CachedDossier {
    std::string body;  // reply JSON (NFC)
    TimePoint fetched_at{};
};

class DossierCache {
  public:
    // Opens (and migrates) the store at `db_path`; throws StoreError naming the file.
    explicit DossierCache(const std::string& db_path);
    ~DossierCache();

    // Replaces the entry for `code` (upper-case canonical form).
    void put(const std::string& code, const std::string& body, TimePoint fetched_at);
    std::optional<CachedDossier> get(const std::string& code) const;
    // Forgets entries fetched before `cutoff` (old answers mislead more than they help);
    // returns how many went.
    int prune(TimePoint cutoff);
    int64_t size() const;

  private:
    std::unique_ptr<SqliteDb> db_;
};

// How long a cached answer is kept and shown.
inline constexpr std::chrono::hours kDossierCacheKeep{24 * 30};

}  // namespace kiosk
