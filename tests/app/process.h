#pragma once
// Runs the real `kiosk` binary from tests: capture output and exit code, or start it in the
// background to kill it (crash-safety tests kill with SIGKILL, not a polite signal).
#include <string>
#include <vector>

namespace kiosk::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;
    long max_rss_kb = 0;  // peak resident memory of the child (getrusage via wait4)
    double wall_ms = 0;   // fork to exit
};

std::string kiosk_binary();
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::vector<std::string>& env = {});

// Starts argv with stdout/stderr to /dev/null; returns the pid.
int spawn_process(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});
void kill_and_reap(int pid);
int wait_process(int pid, long* max_rss_kb = nullptr);  // exit code, -1 if signalled

}  // namespace kiosk::test
