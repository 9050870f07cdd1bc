#include "catalog_source.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "kiosk/core/embedded_catalog.h"
#include "kiosk/sync/reply_parsers.h"
#include "kiosk/sync/sync_service.h"

namespace kiosk::app {

std::optional<Catalog> load_catalog_file(const KioskConfig& config, const std::string& data_dir,
                                         std::string& error) {
    error.clear();
    const std::string& file = config.catalog.file;
    if (file.empty()) return std::nullopt;
    const std::string where = config.source + ": catalog.file: ";
    std::string text;
    if (file == kEmbeddedDemoCatalogName) {
        text = embedded_demo_catalog_json();
    } else {
        // Relative paths are inside the data directory, like the printer's file: URI.
        const std::string path = file.front() == '/' ? file : data_dir + "/" + file;
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            error = where + path + ": cannot open the file for reading";
            return std::nullopt;
        }
        std::ostringstream buf;
        buf << in.rdbuf();
        text = buf.str();
        if (text.size() > sync::kMaxCatalogBytes) {
            error =
                where + path + ": larger than " + std::to_string(sync::kMaxCatalogBytes) + " bytes";
            return std::nullopt;
        }
    }
    auto parsed = sync::parse_catalog(text);
    if (!parsed.ok()) {
        error = where + file + ": " + parsed.error;
        return std::nullopt;
    }
    return std::move(parsed.value);
}

std::optional<CatalogStart> load_catalog_start(const KioskConfig& config,
                                               const std::string& data_dir, std::string& error) {
    // A broken local file is a configuration error even when the cache would win today: it
    // would surface on the first day the cache is gone.
    std::optional<Catalog> from_file = load_catalog_file(config, data_dir, error);
    if (!error.empty()) return std::nullopt;
    CatalogStart start;
    std::optional<Catalog> cached;
    try {
        cached = sync::SyncService::load_cached_catalog(data_dir + "/queue.db");
    } catch (const std::exception& e) {
        spdlog::error("catalogue: cannot read the sync cache in {}: {}", data_dir, e.what());
    }
    if (cached) {
        start.origin = "sync cache, version " + std::to_string(cached->version);
        start.catalog = std::make_shared<const Catalog>(std::move(*cached));
    } else if (from_file) {
        start.origin = config.catalog.file == kEmbeddedDemoCatalogName
                           ? std::string("embedded demo catalogue")
                           : "file " + config.catalog.file;
        start.origin += ", version " + std::to_string(from_file->version);
        start.catalog = std::make_shared<const Catalog>(std::move(*from_file));
    }
    if (!start.catalog) {
        start.effective = config;
        spdlog::info("catalogue: none yet; services as configured in {}", config.source);
        return start;
    }
    EffectiveServices applied = apply_catalog(config, *start.catalog);
    start.effective = std::move(applied.config);
    start.warnings = std::move(applied.warnings);
    spdlog::info("catalogue: {} ({} fields, {} counters); {} service(s) on the kiosk", start.origin,
                 start.catalog->fields.size(), start.catalog->counters.size(),
                 start.effective.services.size());
    for (const CatalogWarning& w : start.warnings)
        spdlog::warn("catalogue: {}", w.en);
    return start;
}

}  // namespace kiosk::app
