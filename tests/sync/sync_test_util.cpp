#include "sync_test_util.h"

#include <thread>

#include "kiosk/core/outbox.h"
#include "kiosk/core/sqlite_db.h"

namespace kiosk::test {

std::set<std::string> fill_outbox(const std::string& db_path, int count) {
    Outbox outbox(db_path);
    const auto now = std::chrono::system_clock::now();
    for (int i = 0; i < count; ++i)
        outbox.append("ticket.issued",
                      R"({"ticket_id":)" + std::to_string(i + 1) +
                          R"(,"business_date":"2026-11-27","service_id":"ho-tich","number":")" +
                          std::to_string(1000 + i % 999) + R"(","priority":false})",
                      now);
    std::set<std::string> uuids;
    SqliteDb db(db_path);
    Statement q(db, "SELECT uuid FROM outbox");
    while (q.step())
        uuids.insert(q.column_text(0));
    return uuids;
}

std::set<std::string> server_uuids(dossier::DossierDb& db) {
    std::set<std::string> out;
    for (const auto& e : db.events())
        out.insert(e.uuid);
    return out;
}

bool wait_for(const std::function<bool()>& done, std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

}  // namespace kiosk::test

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kiosk::test {

int spawn(const std::vector<std::string>& argv) {
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

int wait_exit(int pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void kill9_and_reap(int pid) {
    ::kill(pid, SIGKILL);
    wait_exit(pid);
}

}  // namespace kiosk::test
