// [rating]: enabled (default: on when this kiosk runs the hub), thanks_s, ask_reason.
#include "config_reader.h"

namespace kiosk::config_detail {

void read_rating(TableReader t, KioskConfig& c) {
    RatingConfig& r = c.rating;
    // Tickets get served (and so become rateable) where counters call them: with an in-process
    // hub that is this kiosk's own queue.db.
    r.enabled = c.hub.enabled();
    if (!t.present()) return;
    if (auto v = t.boolean("enabled", false)) r.enabled = *v;
    if (auto v = t.integer("thanks_s", false, 3, 30)) r.thanks_s = static_cast<int>(*v);
    if (auto v = t.boolean("ask_reason", false)) r.ask_reason = *v;
    t.report_unknown_keys();
}

}  // namespace kiosk::config_detail
