// Issue 6: the office queue hub under load, against a real `kiosk hub` child process on loopback.
// Rows: call-next latency with 50 counters calling at once (target p99 ≤ 20 ms; anchor: one bare
// SQLite BEGIN IMMEDIATE … COMMIT on the same disk), one counter alone, call → board event
// latency over the event stream (target ≤ 500 ms; anchor: a GET /lan/v1/state round trip), and
// the hub's memory (VmHWM after the load; anchor: VmRSS of the idle hub just started).
#include <netinet/in.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "app/process.h"
#include "bench_stats.h"
#include "hub/hub_fixture.h"
#include "kiosk/core/sqlite_db.h"
#include "kiosk/core/store_schema.h"
#include "kiosk/hub/hub_client.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::bench;
using Steady = std::chrono::steady_clock;

namespace {

double ms_since(Steady::time_point t) {
    return std::chrono::duration<double, std::milli>(Steady::now() - t).count();
}

std::string num(const char* format, double v) {
    char buf[96];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
        close(fd);
        throw std::runtime_error("no free port");
    }
    close(fd);
    return ntohs(a.sin_port);
}

long proc_status_kb(int pid, const char* field) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field) + 1);
    return 0;
}

// One bare durable commit on the same disk: the floor under every call-next.
Stats commit_anchor(const std::string& path, int n) {
    SqliteDb db(path);
    db.exec("CREATE TABLE IF NOT EXISTS anchor(id INTEGER PRIMARY KEY, v INTEGER)");
    db.exec("INSERT OR REPLACE INTO anchor(id, v) VALUES(1, 0)");
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
        const auto t = Steady::now();
        Transaction tx(db);
        db.exec("UPDATE anchor SET v = v + 1 WHERE id = 1");
        tx.commit();
        ms.push_back(ms_since(t));
    }
    return summarize(ms);
}

hub::HubClientOptions client(int port, const std::string& token) {
    hub::HubClientOptions o;
    o.url = "http://127.0.0.1:" + std::to_string(port);
    o.token = token;
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    int tickets = 5000, counters = 50, board_calls = 300, paced_seconds = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--tickets")) tickets = std::max(500, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--counters")) counters = std::max(2, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--paced-seconds"))
            paced_seconds = std::max(5, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--board-calls"))
            board_calls = std::max(50, std::atoi(argv[i + 1]));
    }
    spdlog::set_level(spdlog::level::warn);
    std::printf("hub_bench: %d tickets, %d counters, %d board calls, %u cores\n", tickets, counters,
                board_calls, std::thread::hardware_concurrency());
    try {
        test::TempDir dir("hub-bench");
        const std::string data = dir.file("data");
        mkdir(data.c_str(), 0700);
        const std::string db_path = data + "/queue.db";
        std::ofstream(dir.file("office.toml")) << test::hub_fixture_config_toml(counters);
        {
            std::ofstream tokens(dir.file("tokens"));
            for (int n = 1; n <= counters; ++n)
                tokens << "counter:" << n << " " << test::HubFixture::counter_token(n) << "\n";
            tokens << "board " << test::HubFixture::board_token() << "\n";
        }
        chmod(dir.file("tokens").c_str(), 0600);
        open_store(db_path);
        const Stats anchor = commit_anchor(dir.file("anchor.db"), 300);

        const int port = free_port();
        const int pid = test::spawn_process(
            {test::kiosk_binary(), "hub", "--config", dir.file("office.toml"), "--data", data,
             "--listen", "127.0.0.1:" + std::to_string(port), "--tokens", dir.file("tokens")});
        hub::HubClient probe(client(port, test::HubFixture::board_token()));
        const auto boot = Steady::now();
        while (!probe.state().ok()) {
            if (ms_since(boot) > 10000)
                throw std::runtime_error("kiosk hub did not answer in 10 s");
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        const long idle_rss_kb = proc_status_kb(pid, "VmRSS:");
        std::vector<double> state_ms;
        for (int i = 0; i < 200; ++i) {
            const auto t = Steady::now();
            if (!probe.state().ok()) throw std::runtime_error("GET state failed");
            state_ms.push_back(ms_since(t));
        }
        const Stats state_rt = summarize(state_ms);

        auto parse_cfg = parse_config(test::hub_fixture_config_toml(counters), "bench");
        const ServiceConfig& service = *parse_cfg.config->find_service("a");
        test::bulk_issue(db_path, service, std::chrono::system_clock::now(), tickets);
        std::atomic<int> failures{0};

        // A very busy office: every counter calls about once a second (jittered), 50 calls/s
        // in all, several times a real peak. This is the latency the staff feel.
        std::vector<std::vector<double>> paced(static_cast<size_t>(counters));
        {
            const auto paced_start = Steady::now();
            std::vector<std::thread> ts;
            for (int i = 0; i < counters; ++i)
                ts.emplace_back([&, i] {
                    hub::HubClient c(client(port, test::HubFixture::counter_token(i + 1)));
                    std::this_thread::sleep_for(std::chrono::milliseconds(i * 1000 / counters));
                    auto due = Steady::now();
                    while (ms_since(paced_start) < paced_seconds * 1000.0) {
                        const auto t = Steady::now();
                        auto r = c.next(i + 1);
                        if (!r) ++failures;
                        paced[static_cast<size_t>(i)].push_back(ms_since(t));
                        due += std::chrono::milliseconds(
                            800 +
                            (i * 37 + static_cast<int>(paced[static_cast<size_t>(i)].size()) * 53) %
                                400);
                        std::this_thread::sleep_until(due);
                    }
                });
            for (auto& t : ts)
                t.join();
        }
        std::vector<double> paced_all;
        for (const auto& l : paced)
            paced_all.insert(paced_all.end(), l.begin(), l.end());
        const Stats paced_stats = summarize(paced_all);

        // Saturation: all counters call back to back until nobody is waiting (throughput).
        std::vector<std::vector<double>> lat(static_cast<size_t>(counters));
        const auto load_start = Steady::now();
        std::vector<std::thread> threads;
        for (int i = 0; i < counters; ++i)
            threads.emplace_back([&, i] {
                hub::HubClient c(client(port, test::HubFixture::counter_token(i + 1)));
                for (;;) {
                    const auto t = Steady::now();
                    auto r = c.next(i + 1);
                    if (!r) {
                        if (r.error().code != hub::HubErrorCode::NothingWaiting) ++failures;
                        break;
                    }
                    lat[static_cast<size_t>(i)].push_back(ms_since(t));
                }
            });
        for (auto& t : threads)
            t.join();
        const double load_s = ms_since(load_start) / 1000;
        std::vector<double> all;
        for (const auto& l : lat)
            all.insert(all.end(), l.begin(), l.end());
        const Stats busy = summarize(all);
        const long hwm_kb = proc_status_kb(pid, "VmHWM:");

        // One counter alone, and the board's view of each of its calls.
        test::bulk_issue(db_path, service, std::chrono::system_clock::now(), board_calls);
        std::mutex mu;
        std::condition_variable cv;
        std::map<int64_t, Steady::time_point> heard;
        hub::HubEventStream board(client(port, test::HubFixture::board_token()),
                                  [&](hub::HubEvent e) {
                                      if (e.kind != hub::HubEvent::Kind::Call) return;
                                      std::lock_guard lock(mu);
                                      heard[e.call.seq] = Steady::now();
                                      cv.notify_all();
                                  });
        board.start();
        while (!board.connected())
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::this_thread::sleep_for(std::chrono::milliseconds(200));  // snapshot delivered
        hub::HubClient one(client(port, test::HubFixture::counter_token(1)));
        std::vector<double> alone, to_board;
        for (int i = 0; i < board_calls; ++i) {
            const auto t = Steady::now();
            auto r = one.next(1);
            if (!r) throw std::runtime_error("single counter next: " + r.error().message_en);
            alone.push_back(ms_since(t));
            std::unique_lock lock(mu);
            if (cv.wait_for(lock, std::chrono::seconds(5),
                            [&] { return heard.count(r->call->seq) > 0; }))
                to_board.push_back(
                    std::chrono::duration<double, std::milli>(heard[r->call->seq] - t).count());
        }
        board.stop();
        kill(pid, SIGTERM);
        const int exit_code = test::wait_process(pid);

        const Stats single = summarize(alone);
        const Stats lag = summarize(to_board);
        std::vector<Row> rows;
        rows.push_back({"call-next, " + std::to_string(counters) + " counters each calling ~1/s (" +
                            std::to_string(paced_all.size()) + " calls)",
                        fmt_ms(paced_stats.median) + " (p99 " + fmt_ms(paced_stats.p99) + ")",
                        "p99 ≤ 20 ms", paced_stats.p99 <= 20 && failures == 0,
                        "bare SQLite BEGIN IMMEDIATE commit " + fmt_ms(anchor.median) + " (p99 " +
                            fmt_ms(anchor.p99) + ")"});
        rows.push_back(
            {"call-next, " + std::to_string(counters) + " counters back to back (" +
                 std::to_string(all.size()) + " calls in " + num("%.1f s", load_s) + " = " +
                 num("%.0f calls/s", static_cast<double>(all.size()) / load_s) + ", " +
                 std::to_string(failures.load()) + " failures)",
             fmt_ms(busy.median) + " (p99 " + fmt_ms(busy.p99) + ")",
             "— (saturated: one durable commit at a time)", failures == 0,
             num("%.0f commits/s", 1000.0 / anchor.median) + " is the ceiling of the anchor"});
        rows.push_back({"call-next, one counter alone",
                        fmt_ms(single.median) + " (p99 " + fmt_ms(single.p99) + ")", "—", true,
                        "same commit anchor " + fmt_ms(anchor.median)});
        rows.push_back({"call → board event (" + std::to_string(to_board.size()) + "/" +
                            std::to_string(board_calls) + " heard)",
                        fmt_ms(lag.median) + " (p99 " + fmt_ms(lag.p99) + ")", "≤ 500 ms",
                        lag.p99 <= 500 && to_board.size() == static_cast<size_t>(board_calls),
                        "GET /lan/v1/state round trip " + fmt_ms(state_rt.median) + " (p99 " +
                            fmt_ms(state_rt.p99) + ")"});
        rows.push_back(
            {"hub peak RSS (VmHWM) after the load",
             num("%.1f MiB", static_cast<double>(hwm_kb) / 1024), "≤ 120 MiB",
             hwm_kb > 0 && hwm_kb <= 120 * 1024,
             "idle hub just started " + num("%.1f MiB", static_cast<double>(idle_rss_kb) / 1024)});
        print_table("Office queue hub (kiosk hub child, HTTP on loopback)", rows);
        std::printf("\nhub exit code after SIGTERM: %d\n", exit_code);
        return exit_code == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "hub_bench: %s\n", e.what());
        return 1;
    }
}
