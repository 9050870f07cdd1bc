#include "dossier_cache.h"

#include "store_schema.h"
#include "ticket_store.h"

namespace kiosk {

DossierCache::DossierCache(const std::string& db_path) : db_(open_store(db_path)) {}

DossierCache::~DossierCache() = default;

void DossierCache::put(const std::string& code, const std::string& body, TimePoint fetched_at) {
    Statement s(*db_,
                "INSERT INTO dossier_cache(code, body, fetched_at_us) VALUES(?1, ?2, ?3) "
                "ON CONFLICT(code) DO UPDATE SET body=excluded.body, "
                "fetched_at_us=excluded.fetched_at_us");
    s.bind(1, code).bind(2, body).bind(3, to_us(fetched_at));
    s.run();
}

std::optional<CachedDossier> DossierCache::get(const std::string& code) const {
    Statement s(*db_, "SELECT body, fetched_at_us FROM dossier_cache WHERE code=?1");
    s.bind(1, code);
    if (!s.step()) return std::nullopt;
    return CachedDossier{s.column_text(0), from_us(s.column_int(1))};
}

int DossierCache::prune(TimePoint cutoff) {
    Statement s(*db_, "DELETE FROM dossier_cache WHERE fetched_at_us < ?1");
    s.bind(1, to_us(cutoff));
    s.run();
    return sqlite3_changes(db_->handle());
}

int64_t DossierCache::size() const {
    Statement s(*db_, "SELECT COUNT(*) FROM dossier_cache");
    s.step();
    return s.column_int(0);
}

}  // namespace kiosk
