#pragma once
// The office catalogue applied to the config's [[services]]: the catalogue is the authority for
// what a field is called and which counters serve it, so tiles, printed counters and the hub's
// routing all come from one effective config. Pure.
//  - a service whose field_code the catalogue lists takes the field's (Vietnamese) name and the
//    counters whose field_codes include it, ascending; no such counter → the config's counters
//    stay, with a warning;
//  - a field_code the catalogue does not list hides the service, with a warning — unless no
//    service would be left (then the config's services stay as they are, with a warning);
//  - services without field_code stay as configured.
#include <string>
#include <vector>

#include "kiosk/core/catalog.h"
#include "kiosk/core/config.h"

namespace kiosk {

struct CatalogWarning {
    std::string vi, en;  // staff screen (Vietnamese first); `en` also goes to the log
};

struct EffectiveServices {
    KioskConfig config;  // the input config with its services replaced
    std::vector<CatalogWarning> warnings;
};

EffectiveServices apply_catalog(const KioskConfig& config, const Catalog& catalog);

// Same services in the same order with the same counters: a running queue can keep routing.
bool same_routing(const std::vector<ServiceConfig>& a, const std::vector<ServiceConfig>& b);

}  // namespace kiosk
