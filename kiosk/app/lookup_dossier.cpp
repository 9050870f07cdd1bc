#include "kiosk/app/lookup_dossier.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "kiosk/core/dossier_status.h"
#include "kiosk/sync/reply_parsers.h"

namespace kiosk::app {

using nlohmann::json;

std::string dossier_to_json(const sync::Dossier& d) {
    json history = json::array();
    for (const sync::HistoryEntry& h : d.history) {
        json entry = {{"at", h.at}, {"unit", h.unit}, {"action", h.action}};
        if (!h.to_unit.empty()) entry["to_unit"] = h.to_unit;  // optional: absent, never ""
        history.push_back(std::move(entry));
    }
    json j = {
        {"code", d.code},
        {"status",
         {{"code", d.status.code},
          {"national_label", d.status.national_label},
          {"label", d.status.label}}},
        {"overdue", d.overdue},
        {"procedure", {{"code", d.procedure_code}, {"name", d.procedure_name}}},
        {"channel", d.channel},
        {"owner_masked", d.owner_masked},
        {"received_at", d.received_at},
        {"handling_unit", d.handling_unit},
        {"current_step", d.current_step},
        {"history", history},
    };
    if (d.appointment_at) j["appointment_at"] = *d.appointment_at;
    if (!d.pickup_place.empty()) j["pickup_place"] = d.pickup_place;
    return j.dump();
}

std::optional<sync::Dossier> dossier_from_json(const std::string& body, std::string& error) {
    sync::Parsed<sync::Dossier> parsed = sync::parse_dossier(body);
    if (!parsed.ok()) {
        error = parsed.error;
        return std::nullopt;
    }
    return std::move(parsed.value);
}

std::string iso_date_vn(const std::string& iso) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return {};
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string iso_time_hm(const std::string& iso) {
    if (iso.size() < 16 || iso[10] != 'T' || iso[13] != ':') return {};
    return iso.substr(11, 5);
}

ui::DossierView to_dossier_view(const sync::Dossier& d, TimePoint now) {
    ui::DossierView v;
    v.code = d.code;
    v.status_code = d.status.code;
    v.server_label = d.status.label;
    v.overdue = d.overdue;
    // Times are ISO-8601 with +07:00 (docs/sync-api.md), so the local texts compare in order.
    const std::string& due = d.appointment_at ? *d.appointment_at : std::string();
    if (due.size() == 25 && due.compare(19, 6, "+07:00") == 0 &&
        !dossier_status_finished(d.status.code) &&
        due.compare(0, 19, iso8601_local(now), 0, 19) < 0)
        v.overdue = true;
    v.procedure_name = d.procedure_name;
    v.received_date = iso_date_vn(d.received_at);
    if (d.appointment_at) {
        v.appointment_date = iso_date_vn(*d.appointment_at);
        v.appointment_time = iso_time_hm(*d.appointment_at);
    }
    v.handling_unit = d.handling_unit;
    v.current_step = d.current_step;
    v.pickup_place = d.pickup_place;
    v.owner_masked = d.owner_masked;
    // The server sends history oldest first; the citizen wants the latest step on top.
    for (auto it = d.history.rbegin();
         it != d.history.rend() && v.history.size() < kHistoryLinesShown; ++it) {
        const std::string time = iso_time_hm(it->at);
        v.history.push_back(
            {iso_date_vn(it->at) + (time.empty() ? "" : " " + time), it->action, it->unit});
    }
    return v;
}

print::StatusSlip to_status_slip(const ui::DossierView& d) {
    print::StatusSlip s;
    s.code = d.code;
    s.status_code = d.status_code;
    s.overdue = d.overdue;
    s.procedure_name = d.procedure_name;
    s.received_date = d.received_date;
    s.appointment_date = d.appointment_date;
    s.appointment_time = d.appointment_time;
    s.handling_unit = d.handling_unit;
    s.current_step = d.current_step;
    s.pickup_place = d.pickup_place;
    return s;
}

}  // namespace kiosk::app
