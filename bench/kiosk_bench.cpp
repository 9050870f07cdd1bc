// kiosk_bench — the foundation's speed and memory figures, each next to an anchor measured in
// the same run on the same machine:
//   tap → last printer byte written (file transport), ticket render + ESC/POS encode,
//   idle CPU on the home screen (Xvfb), start-up to first frame, peak memory.
// Usage: kiosk_bench [--tickets N] [--idle-seconds S]
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <spdlog/spdlog.h>
#include "app/process.h"
#include "bench_stats.h"
#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/ticket_printer.h"
#include "kiosk/core/sqlite_db.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::bench;
using Steady = std::chrono::steady_clock;

namespace {

double ms_since(Steady::time_point t0, Steady::time_point t1) {
    return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

struct IssueFigures {
    Stats tap_to_printed, render_encode, sqlite_commit;
    size_t bytes_per_ticket = 0;
};

IssueFigures measure_issuing(int tickets) {
    test::TempDir dir("bench-issue");
    const KioskConfig config = *parse_config(embedded_demo_config(), "<embedded>").config;
    app::TicketPrinter printer(config, "file:" + dir.file("printer.bin"), "");
    SystemClock clock;
    std::mutex mutex;
    Steady::time_point printed_at;
    std::vector<double> tap_to_printed, render_encode;
    IssueFigures f;
    app::KioskController controller(
        config, dir.file("queue.db"), clock, [&](const TicketSlip& slip) {
            PrintAttempt r = printer.print(slip);
            std::lock_guard lock(mutex);
            printed_at = Steady::now();
            const auto& t = printer.last_timings();
            render_encode.push_back((t.render + t.encode).count() / 1000.0);
            f.bytes_per_ticket = t.bytes;
            return r;
        });
    controller.start();
    controller.wait_idle();
    const char* services[] = {"ho-tich", "chung-thuc", "dat-dai", "dang-ky-kinh-doanh"};
    for (int i = 0; i < tickets; ++i) {
        controller.handle({ui::ActionType::OpenServicePicker, ""});
        const auto tap = Steady::now();
        controller.handle({ui::ActionType::SelectService, services[i % 4]});
        controller.wait_idle();
        std::lock_guard lock(mutex);
        tap_to_printed.push_back(ms_since(tap, printed_at));
        controller.handle({ui::ActionType::GoHome, ""});
    }
    f.tap_to_printed = summarize(tap_to_printed);
    f.render_encode = summarize(render_encode);

    // Anchor: one durable SQLite commit (WAL, synchronous=FULL) on the same disk.
    SqliteDb db(dir.file("anchor.db"));
    db.exec("CREATE TABLE t(x INTEGER)");
    std::vector<double> commits;
    for (int i = 0; i < 200; ++i) {
        const auto t0 = Steady::now();
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES(1)");
        tx.commit();
        commits.push_back(ms_since(t0, Steady::now()));
    }
    f.sqlite_commit = summarize(commits);
    return f;
}

struct StartupFigures {
    int failures = 0;  // runs that did not report a first frame
    Stats first_frame, process_wall, check_config_wall;
    long rss_headless_kb = 0, rss_check_config_kb = 0;
};

StartupFigures measure_startup() {
    StartupFigures f;
    std::vector<double> first, wall, anchor;
    for (int i = 0; i < 7; ++i) {
        test::TempDir dir("bench-start");
        const auto r =
            test::run_process({test::kiosk_binary(), "--headless", "--exit-after-first-frame",
                               "--data", dir.path().string()});
        const auto at = r.out.find("first_frame_ms ");
        if (r.exit_code != 0 || at == std::string::npos) {
            ++f.failures;
            std::fprintf(stderr, "start-up run failed (exit %d): %s\n", r.exit_code, r.err.c_str());
            continue;
        }
        first.push_back(std::stod(r.out.substr(at + 15)));
        wall.push_back(r.wall_ms);
        f.rss_headless_kb = std::max(f.rss_headless_kb, r.max_rss_kb);
        const auto c = test::run_process({test::kiosk_binary(), "check-config",
                                          std::string(KIOSK_SOURCE_ROOT) + "/config/kiosk.toml"});
        anchor.push_back(c.wall_ms);
        f.rss_check_config_kb = std::max(f.rss_check_config_kb, c.max_rss_kb);
    }
    f.first_frame = summarize(first);
    f.process_wall = summarize(wall);
    f.check_config_wall = summarize(anchor);
    return f;
}

long scripted_session_rss_kb() {
    test::TempDir dir("bench-rss");
    std::ofstream(dir.file("s.txt"))
        << "tap Lấy số thứ tự\ntap Hộ tịch\nexpect Mời bạn nhận vé\ntap Về trang chủ\n"
           "tap Lấy số thứ tự\ntap Đất đai\nexpect Mời bạn nhận vé\n";
    const auto r =
        test::run_process({test::kiosk_binary(), "--headless", "--script", dir.file("s.txt"),
                           "--out", dir.file("out"), "--data", dir.file("data")});
    return r.exit_code == 0 ? r.max_rss_kb : -1;
}

// utime + stime of a process, in clock ticks.
long cpu_ticks(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), {});
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stol(field);
        if (i == 15) stime = std::stol(field);
    }
    return utime + stime;
}

long vm_hwm_kb(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

struct IdleFigures {
    bool ran = false;
    std::string why_not;
    double kiosk_cpu_pct = 0, xvfb_cpu_pct = 0;
    double x11_first_frame_ms = -1;  // a real X11 window, software renderer
    long kiosk_rss_kb = 0;
};

IdleFigures measure_idle(int seconds) {
    IdleFigures f;
    if (access("/usr/bin/Xvfb", X_OK) != 0) {
        f.why_not = "Xvfb not installed";
        return f;
    }
    const int display = 90 + getpid() % 9;
    const std::string socket = "/tmp/.X11-unix/X" + std::to_string(display);
    const int xvfb = test::spawn_process({"/usr/bin/Xvfb", ":" + std::to_string(display), "-screen",
                                          "0", "1080x1920x24", "-nolisten", "tcp"});
    for (int i = 0; i < 100 && !std::filesystem::exists(socket); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    test::TempDir dir("bench-idle");
    {
        const auto r = test::run_process({test::kiosk_binary(), "--windowed",
                                          "--exit-after-first-frame", "--data", dir.file("first")},
                                         {"DISPLAY=:" + std::to_string(display)});
        if (const auto at = r.out.find("first_frame_ms ");
            r.exit_code == 0 && at != std::string::npos)
            f.x11_first_frame_ms = std::stod(r.out.substr(at + 15));
    }
    const int kiosk =
        test::spawn_process({test::kiosk_binary(), "--windowed", "--data", dir.path().string()},
                            {"DISPLAY=:" + std::to_string(display)});
    std::this_thread::sleep_for(std::chrono::seconds(3));  // start-up and the first frames settle
    const long k0 = cpu_ticks(kiosk), x0 = cpu_ticks(xvfb);
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const long k1 = cpu_ticks(kiosk), x1 = cpu_ticks(xvfb);
    f.kiosk_rss_kb = vm_hwm_kb(kiosk);
    test::kill_and_reap(kiosk);
    test::kill_and_reap(xvfb);
    if (k0 < 0 || k1 < 0) {
        f.why_not = "the kiosk did not stay up under Xvfb";
        return f;
    }
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK)) * seconds;
    f.kiosk_cpu_pct = 100.0 * (k1 - k0) / ticks;
    f.xvfb_cpu_pct = 100.0 * (x1 - x0) / ticks;
    f.ran = true;
    return f;
}

std::string pct(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f %%", v);
    return buf;
}
std::string mib(long kb) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", kb / 1024.0);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    int tickets = 250, idle_seconds = 30;  // 30 s: at least one clock-minute redraw in 2 of 3 runs
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--tickets")) tickets = std::max(10, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--idle-seconds"))
            idle_seconds = std::max(2, std::atoi(argv[i + 1]));
    }
    spdlog::set_level(spdlog::level::warn);
    std::printf("kiosk_bench: %d tickets, idle window %d s, %u cores\n", tickets, idle_seconds,
                std::thread::hardware_concurrency());

    const IssueFigures issue = measure_issuing(tickets);
    const StartupFigures start = measure_startup();
    const long session_rss = scripted_session_rss_kb();
    const IdleFigures idle = measure_idle(idle_seconds);

    std::vector<Row> rows;
    rows.push_back(
        {"tap → last printer byte (file), n=" + std::to_string(issue.tap_to_printed.n),
         fmt_ms(issue.tap_to_printed.median) + " (p99 " + fmt_ms(issue.tap_to_printed.p99) + ")",
         "p99 ≤ 50 ms", issue.tap_to_printed.p99 <= 50,
         "durable SQLite commit " + fmt_ms(issue.sqlite_commit.median) + " (p99 " +
             fmt_ms(issue.sqlite_commit.p99) + "); 3 per ticket"});
    rows.push_back(
        {"ticket render + ESC/POS encode (576 dots)",
         fmt_ms(issue.render_encode.median) + " (p99 " + fmt_ms(issue.render_encode.p99) + ")",
         "≤ 10 ms", issue.render_encode.p99 <= 10,
         std::to_string(issue.bytes_per_ticket / 1024) + " KiB per ticket"});
    rows.push_back({"start-up to first frame (headless)",
                    start.failures ? std::to_string(start.failures) + " of 7 runs FAILED"
                                   : fmt_ms(start.first_frame.median) + " (max " +
                                         fmt_ms(start.first_frame.max) + ")",
                    "≤ 500 ms", start.failures == 0 && start.first_frame.max <= 500,
                    "whole process " + fmt_ms(start.process_wall.median) +
                        "; `kiosk check-config` " + fmt_ms(start.check_config_wall.median)});
    if (idle.ran)
        rows.push_back(
            {"start-up to first frame (X11 window on Xvfb)",
             idle.x11_first_frame_ms < 0 ? std::string("FAILED") : fmt_ms(idle.x11_first_frame_ms),
             "≤ 500 ms", idle.x11_first_frame_ms >= 0 && idle.x11_first_frame_ms <= 500, "-"});
    if (idle.ran)
        rows.push_back(
            {"idle CPU, home screen, Xvfb 1080×1920, " + std::to_string(idle_seconds) + " s",
             pct(idle.kiosk_cpu_pct), "≤ 2 %", idle.kiosk_cpu_pct <= 2.0,
             "Xvfb server " + pct(idle.xvfb_cpu_pct)});
    else
        rows.push_back(
            {"idle CPU, home screen", "not measured: " + idle.why_not, "≤ 2 %", false, "-"});
    const long peak = std::max({start.rss_headless_kb, session_rss, idle.kiosk_rss_kb});
    const bool rss_measured = session_rss > 0 && (!idle.ran || idle.kiosk_rss_kb > 0);
    rows.push_back(
        {"peak RSS (idle window / headless session with 2 tickets)",
         rss_measured ? mib(idle.kiosk_rss_kb) + " / " + mib(session_rss) : std::string("FAILED"),
         "≤ 120 MiB", rss_measured && peak <= 120 * 1024,
         "`kiosk check-config` " + mib(start.rss_check_config_kb)});
    print_table("MotCua Kiosk — foundation benchmark", rows);
    return 0;
}
