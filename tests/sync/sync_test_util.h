#pragma once
// Helpers for the sync suites: fill an outbox, read back what the server stored, poll.
#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "server/dossier_db.h"

namespace kiosk::test {

// Appends `count` ticket.issued events; returns the UUIDs of every event in the outbox.
std::set<std::string> fill_outbox(const std::string& db_path, int count);
std::set<std::string> server_uuids(dossier::DossierDb& db);
// Polls `done` every 20 ms for up to `limit` (a deadline against hangs, not a timing assertion).
bool wait_for(const std::function<bool()>& done,
              std::chrono::milliseconds limit = std::chrono::seconds(60));

}  // namespace kiosk::test

namespace kiosk::test {
// fork + exec with stdout/stderr to /dev/null; returns the pid.
int spawn(const std::vector<std::string>& argv);
void kill9_and_reap(int pid);
int wait_exit(int pid);  // exit code, -1 if killed by a signal
}  // namespace kiosk::test
