#pragma once
// The reference server's API on a fresh database in a temp dir, with a clock fixed at
// 27/11/2026 09:00 (UTC+7): what the socket-free server tests start from.
#include <chrono>
#include <string>

#include "kiosk/core/clock.h"
#include "server/dossier_api.h"
#include "server/dossier_db.h"
#include "support/temp_dir.h"

namespace dossier::test {

struct ApiFixture {
    explicit ApiFixture(const std::string& tag) : dir(tag) {}

    kiosk::test::TempDir dir;
    kiosk::ManualClock clock{std::chrono::sys_days{std::chrono::November / 27 / 2026} +
                             std::chrono::hours(2)};
    DossierDb db{dir.file("s.db"), clock};
    DossierApi api{db, clock};
};

}  // namespace dossier::test
