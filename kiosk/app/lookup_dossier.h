#pragma once
// A dossier reply in the forms the lookup needs: the JSON body kept in the offline cache (read
// back through the same validating parser as a fresh reply), the screen's DossierView and the
// printed StatusSlip. Only what the server already masked reaches a screen or paper.
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/print/status_slip.h"
#include "kiosk/sync/api_types.h"
#include "kiosk/ui/lookup_view.h"

namespace kiosk::app {

// The reply JSON of docs/sync-api.md §3 for `d` (what parse_dossier accepts).
std::string dossier_to_json(const sync::Dossier& d);
// Parsed and validated again; nullopt (error set) for a damaged cache entry.
std::optional<sync::Dossier> dossier_from_json(const std::string& body, std::string& error);

// "2026-11-20T09:14:00+07:00" → "20/11/2026" / "09:14" ("" when the text is not that form).
std::string iso_date_vn(const std::string& iso);
std::string iso_time_hm(const std::string& iso);

inline constexpr int kHistoryLinesShown = 4;

// History latest first, at most kHistoryLinesShown lines.
// `now` decides the "Quá hạn" overlay together with the server's flag: past the appointment
// and not finished is overdue even in an answer cached hours ago.
ui::DossierView to_dossier_view(const sync::Dossier& d, TimePoint now);
print::StatusSlip to_status_slip(const ui::DossierView& d);

}  // namespace kiosk::app
