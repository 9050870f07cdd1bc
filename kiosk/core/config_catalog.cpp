// [catalog]: where the office catalogue comes from without a server, and how its opening hours
// apply. The file itself is validated at start-up by the catalogue parser (kiosk/app
// catalog_source), which needs kiosk/sync; here only the keys are checked.
#include "config_reader.h"

namespace kiosk::config_detail {

void read_catalog(TableReader t, KioskConfig& c) {
    if (!t.present()) return;
    CatalogConfig& cat = c.catalog;
    if (auto v = t.string("file", false)) {
        if (v->empty())
            t.error("file", "must not be empty (leave the key out for no local catalogue)");
        else if (v->find('\0') != std::string::npos)
            t.error("file", "must not contain NUL characters");
        else
            cat.file = *v;
    }
    if (auto v = t.string("opening_hours", false)) {
        if (*v == "enforce")
            cat.opening_hours = OpeningHoursMode::Enforce;
        else if (*v == "ignore")
            cat.opening_hours = OpeningHoursMode::Ignore;
        else
            t.error("opening_hours", "must be \"enforce\" or \"ignore\", got '" + *v + "'");
    }
    if (auto v = t.integer("last_ticket_before_close_min", false, 0, 240))
        cat.last_ticket_before_close_min = static_cast<int>(*v);
    t.report_unknown_keys();
}

}  // namespace kiosk::config_detail
