#pragma once
// The demo office: Trung tâm Phục vụ hành chính công tỉnh Nghệ An (agency 000.00.00.H41), its
// fields, counters, hours, holidays and procedures, and dossiers in every national status 1–10.
// Procedure codes follow the national d.dddddd form; they are demo values, not checked against
// the national catalogue. The catalogue document itself is assets/demo/catalog.json, compiled
// into kiosk_core (embedded_catalog.h) so the demo kiosk serves the same one without a server.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "kiosk/core/clock.h"

namespace dossier {

struct SeedDossier {
    std::string code;  // 000.00.00.H41-YYMMDD-NNNN
    std::string owner_name;
    std::string id_number;    // CCCD, second factor
    std::string lookup_code;  // mã tra cứu on the receipt, second factor
    bool requires_factor = true;
    nlohmann::json public_part;  // every reply field except owner_masked
};

nlohmann::json demo_catalog(kiosk::TimePoint now);
// Dossiers received in the weeks before `now`, so the demo always looks current.
std::vector<SeedDossier> demo_dossiers(kiosk::TimePoint now);

}  // namespace dossier
