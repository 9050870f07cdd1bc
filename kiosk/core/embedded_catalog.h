#pragma once
// The demo office's catalogue (assets/demo/catalog.json, docs/sync-api.md "Catalogue"), compiled
// into kiosk_core so the reference server seeds exactly what the demo kiosk shows without it.
// Raw JSON text: callers validate it with the same parser as a server reply.
#include <string>

namespace kiosk {

const std::string& embedded_demo_catalog_json();

// How a config names this document in `[catalog] file` (no file on disk is read).
inline constexpr const char* kEmbeddedDemoCatalogName = "embedded:demo";

}  // namespace kiosk
