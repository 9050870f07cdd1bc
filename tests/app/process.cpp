#include "process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/temp_dir.h"

namespace kiosk::test {
namespace {
std::vector<char*> c_argv(const std::vector<std::string>& argv) {
    std::vector<char*> out;
    for (const auto& a : argv)
        out.push_back(const_cast<char*>(a.c_str()));
    out.push_back(nullptr);
    return out;
}
std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

std::string kiosk_binary() {
    return std::string(KIOSK_BIN_DIR) + "/kiosk";
}

ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::vector<std::string>& env) {
    TempDir io("proc");
    const auto start = std::chrono::steady_clock::now();
    const std::string out_path = io.file("out"), err_path = io.file("err");
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, 1);
        dup2(err, 2);
        for (const auto& e : env)
            putenv(const_cast<char*>(e.c_str()));
        auto args = c_argv(argv);
        execv(args[0], args.data());
        std::perror("execv");
        _exit(127);
    }
    ProcessResult r;
    r.exit_code = wait_process(pid, &r.max_rss_kb);
    r.wall_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    return r;
}

int spawn_process(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        for (const auto& e : env)
            putenv(const_cast<char*>(e.c_str()));
        auto args = c_argv(argv);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

void kill_and_reap(int pid) {
    ::kill(pid, SIGKILL);
    wait_process(pid);
}

int wait_process(int pid, long* max_rss_kb) {
    int status = 0;
    struct rusage usage {};
    while (wait4(pid, &status, 0, &usage) < 0) {
    }
    if (max_rss_kb) *max_rss_kb = usage.ru_maxrss;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace kiosk::test
