#pragma once
// Which office catalogue the kiosk starts with, and the effective config it gives: the sync
// cache in the data directory (the server's last good copy), else `[catalog] file` (a local
// JSON file or the embedded demo), else none (the config's services as written). The effective
// config (catalog_services.h) is what the controller, the printer and the hub all use, so
// tiles, printed counters and routing agree.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/catalog.h"
#include "kiosk/core/catalog_services.h"
#include "kiosk/core/config.h"

namespace kiosk::app {

struct CatalogStart {
    std::shared_ptr<const Catalog> catalog;  // null: no catalogue known
    std::string origin;                      // for logs: "sync cache", "file …", "embedded demo"
    KioskConfig effective;
    std::vector<CatalogWarning> warnings;
};

// `[catalog] file` read and validated with the server reply parser. nullopt with `error` set
// ("kiosk.toml: catalog.file: /x.json: procedures[2].code: …"); nullopt with `error` empty when
// no file is configured.
std::optional<Catalog> load_catalog_file(const KioskConfig& config, const std::string& data_dir,
                                         std::string& error);

// Throws nothing; returns nullopt with `error` for a configured file that is missing or invalid
// (a config problem: exit 2). Warnings are logged here.
std::optional<CatalogStart> load_catalog_start(const KioskConfig& config,
                                               const std::string& data_dir, std::string& error);

}  // namespace kiosk::app
