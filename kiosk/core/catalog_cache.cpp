#include "catalog_cache.h"

#include "store_schema.h"
#include "ticket_store.h"

namespace kiosk {

CatalogCache::CatalogCache(const std::string& db_path) : db_(open_store(db_path)) {}
CatalogCache::~CatalogCache() = default;

std::optional<CachedCatalog> CatalogCache::load() const {
    Statement q(
        *db_,
        "SELECT etag, body, version, fetched_at_us, checked_at_us FROM catalog_cache WHERE id=1");
    if (!q.step()) return std::nullopt;
    return CachedCatalog{q.column_text(0), q.column_text(1), q.column_int(2),
                         from_us(q.column_int(3)), from_us(q.column_int(4))};
}

void CatalogCache::store(const CachedCatalog& c) {
    Transaction tx(*db_);
    Statement(*db_,
              "INSERT INTO catalog_cache(id, etag, body, version, fetched_at_us, checked_at_us) "
              "VALUES(1, ?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO UPDATE SET etag=excluded.etag, "
              "body=excluded.body, version=excluded.version, fetched_at_us=excluded.fetched_at_us, "
              "checked_at_us=excluded.checked_at_us")
        .bind(1, c.etag)
        .bind(2, c.body)
        .bind(3, c.version)
        .bind(4, to_us(c.fetched_at))
        .bind(5, to_us(c.checked_at))
        .run();
    tx.commit();
}

void CatalogCache::mark_checked(TimePoint now) {
    Transaction tx(*db_);
    Statement(*db_, "UPDATE catalog_cache SET checked_at_us=?1 WHERE id=1")
        .bind(1, to_us(now))
        .run();
    tx.commit();
}

}  // namespace kiosk
