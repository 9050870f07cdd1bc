// sync_bench — issue 4's figures over real HTTPS on loopback (certificates made in the run), each
// next to an anchor measured in the same run on the same machine:
//   outbox drain rate (SyncService, real queue.db) vs. the raw SQLite insert rate of the events,
//   dossier lookup latency (reused connection) vs. GET /api/v1/time,
//   UI frame time of the real kiosk (headless script) with the server healthy vs. hanging,
//   peak RSS of the drain process with 100 000 queued events vs. an empty queue.
// Usage: sync_bench [--events N] [--rss-events N] [--lookups N] [--rounds N] [--repeats N]
//                   [--server BIN]
// Internal: sync_bench --drain-child DB URL CA TOKEN_FILE EXPECTED (one drain, for its max RSS)
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <sstream>
#include <thread>

#include "app/dossier_server_fixture.h"
#include "app/process.h"
#include "bench_stats.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/core/config.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/store_schema.h"
#include "kiosk/sync/api_client.h"
#include "kiosk/sync/sync_service.h"
#include "kiosk/sync/token_file.h"

using namespace kiosk;
using namespace kiosk::bench;
using namespace kiosk::test;
using Steady = std::chrono::steady_clock;

namespace {

double ms_since(Steady::time_point t0) {
    return std::chrono::duration<double, std::milli>(Steady::now() - t0).count();
}

// Same rank rule as summarize(): the smallest sample with at least q of them at or below it.
double percentile(std::vector<double> s, double q) {
    if (s.empty()) return 0;
    std::sort(s.begin(), s.end());
    return s[std::min(s.size() - 1, static_cast<size_t>(std::ceil(q * s.size())) - 1)];
}

std::string num(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}
std::string mib(long kb) {
    return num("%.1f MiB", kb / 1024.0);
}

// The kiosk's own sync options for a server URL, as `[sync]` in kiosk.toml would give them.
sync::SyncOptions options_for(const std::string& url, const std::string& ca,
                              const std::string& token_file) {
    SyncConfig c;
    c.enabled = true;
    c.server_url = url;
    c.kiosk_id = SyncFixture::kKioskId;
    c.ca_file = ca;
    c.token_file = token_file;
    sync::SyncOptions o = app::sync_options_from(c);
    o.api.token = sync::load_token_file(token_file);
    return o;
}

// ---- outbox drain ---------------------------------------------------------------------------

// Queues `n` ticket.issued events shaped like TicketStore's, in one transaction through the
// kiosk's own outbox insert. Returns the insert rate (events/s): the drain rate's anchor.
double fill_outbox(const std::string& db_path, int n) {
    static const char* const services[] = {"ho-tich", "chung-thuc", "dat-dai", "dang-ky-kinh-doanh",
                                           "tu-phap"};
    const TimePoint now = SystemClock().now();
    const std::string date = local_date_iso(now), at = iso8601_local(now);
    auto db = open_store(db_path);
    const auto t0 = Steady::now();
    Transaction tx(*db);
    for (int i = 0; i < n; ++i) {
        char payload[256];
        std::snprintf(payload, sizeof payload,
                      R"({"ticket_id":%d,"business_date":"%s","service_id":"%s","number":%d,)"
                      R"("priority":false,"at":"%s"})",
                      i + 1, date.c_str(), services[i % 5], 1001 + i / 5, at.c_str());
        insert_outbox_event(*db, "ticket.issued", payload, now);
    }
    tx.commit();
    return n / (ms_since(t0) / 1000.0);
}

// Child mode: drain DB into the server until EXPECTED events are acknowledged; one line out.
int drain_child(char** argv) {
    const std::string db = argv[0];
    const long long expected = std::atoll(argv[4]);
    spdlog::set_level(spdlog::level::warn);
    std::mutex mutex;
    std::condition_variable cv;
    sync::SyncStatus last;
    sync::SyncCallbacks callbacks;
    callbacks.on_status = [&](const sync::SyncStatus& s) {
        std::lock_guard lock(mutex);
        last = s;
        cv.notify_all();
    };
    SystemClock clock;
    sync::SyncService service(options_for(argv[1], argv[2], argv[3]), db, clock, callbacks);
    const auto t0 = Steady::now();
    service.start();
    bool reached = false;
    {
        std::unique_lock lock(mutex);
        reached = cv.wait_for(lock, std::chrono::seconds(150),
                              [&] { return last.last_success && last.events_acked >= expected; });
    }
    const double ms = ms_since(t0);
    service.stop();
    std::printf("drain acked %lld rejected %lld left %lld ms %.1f error %s\n",
                static_cast<long long>(last.events_acked),
                static_cast<long long>(last.rejected_events),
                static_cast<long long>(Outbox(db).depth()), ms,
                last.last_error.empty() ? "-" : last.last_error.c_str());
    return reached ? 0 : 1;
}

struct DrainFigures {
    int events = 0;
    double insert_rate = 0, drain_rate = 0, drain_ms = 0;
    long long acked = 0, rejected = 0, left = 0;
    long rss_kb = 0;
    std::string error;  // empty when the drain finished
};

DrainFigures measure_drain(const SyncFixture& f, const ServerProcess& server, int events,
                           const std::string& tag) {
    DrainFigures d;
    d.events = events;
    const std::string db = f.file(tag + "-queue.db");
    d.insert_rate = events > 0 ? fill_outbox(db, events) : 0;
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const auto r = test::run_process({self, "--drain-child", db, server.url(), f.ca_file(),
                                      f.token_file(), std::to_string(events)});
    d.rss_kb = r.max_rss_kb;
    const auto at = r.out.find("drain acked ");
    if (at == std::string::npos) {
        d.error =
            "drain child printed nothing (exit " + std::to_string(r.exit_code) + "): " + r.err;
        return d;
    }
    std::istringstream line(r.out.substr(at));
    std::string word, error;
    line >> word >> word >> d.acked >> word >> d.rejected >> word >> d.left >> word >> d.drain_ms >>
        word >> error;
    d.drain_rate = d.acked / (d.drain_ms / 1000.0);
    if (r.exit_code != 0)
        d.error = "only " + std::to_string(d.acked) + " of " + std::to_string(events) +
                  " acknowledged in " + num("%.0f s", d.drain_ms / 1000) + "; " + r.out.substr(at);
    return d;
}

// ---- dossier lookups ------------------------------------------------------------------------

// Dossier codes from `dossier-server dump` that the server answers without a second factor.
std::vector<std::string> factor_free_codes(const std::string& dump) {
    std::vector<std::string> codes;
    std::istringstream in(dump);
    std::string line;
    bool in_dossiers = false;
    while (std::getline(in, line)) {
        if (line.rfind("  ", 0) != 0) {
            in_dossiers = line == "dossiers:";
            continue;
        }
        if (in_dossiers && line.find("[second factor]") == std::string::npos)
            codes.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
    return codes;
}

struct LookupFigures {
    std::vector<double> lookup_ms, time_ms;  // after the first (connection set-up) call
    double first_lookup_ms = 0, first_time_ms = 0;
    int codes = 0, failures = 0;
    std::string error;
};

// ---- shutdown ---------------------------------------------------------------------------------

// How long SyncService::stop() takes while both threads are inside a transfer to `url` (a drain
// of queued events and a citizen's lookup), `n` times; each round starts a fresh service on its
// own queue.db. Stop must not keep a kiosk (or a systemd restart) waiting on a silent server.
std::vector<double> measure_stop(const SyncFixture& f, const std::string& url,
                                 const std::string& name, int n) {
    std::vector<double> out;
    SystemClock clock;
    for (int i = 0; i < n; ++i) {
        const std::string db = f.file("stop-" + name + "-" + std::to_string(i) + ".db");
        fill_outbox(db, 50);
        sync::SyncService service(options_for(url, f.ca_file(), f.token_file()), db, clock, {});
        service.start();
        service.lookup("000.00.00.H41-261127-0001", "", "", [](const sync::LookupResult&) {});
        // Both requests are on the wire (or waiting for the handshake) well within this.
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        const auto t0 = Steady::now();
        service.stop();
        out.push_back(ms_since(t0));
    }
    return out;
}

LookupFigures measure_lookups(const SyncFixture& f, const ServerProcess& server, int n) {
    LookupFigures L;
    const auto codes = factor_free_codes(server.dump());
    L.codes = static_cast<int>(codes.size());
    if (codes.empty()) {
        L.error = "no dossier without a second factor in the server's dump";
        return L;
    }
    const auto options = options_for(server.url(), f.ca_file(), f.token_file());
    SystemClock clock;
    sync::SyncService service(options, f.file("lookup-queue.db"), clock, {});
    service.start();
    // Let the background thread's start-up exchanges (catalogue, heartbeat) finish first.
    for (int i = 0; i < 200 && !service.status().last_success; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (int i = 0; i <= n; ++i) {
        std::promise<sync::LookupResult::Kind> answer;
        const auto t0 = Steady::now();
        service.lookup(codes[i % codes.size()], "", "",
                       [&](const sync::LookupResult& r) { answer.set_value(r.kind); });
        const auto kind = answer.get_future().get();
        const double ms = ms_since(t0);
        if (kind != sync::LookupResult::Kind::Found) ++L.failures;
        if (i == 0)
            L.first_lookup_ms = ms;
        else
            L.lookup_ms.push_back(ms);
    }
    service.stop();

    // Anchor: the cheapest authenticated call, on a reused connection of the same client.
    sync::ApiClient api(options.api);
    for (int i = 0; i <= n; ++i) {
        const auto t0 = Steady::now();
        const bool ok = api.get_time().ok();
        const double ms = ms_since(t0);
        if (!ok) ++L.failures;
        if (i == 0)
            L.first_time_ms = ms;
        else
            L.time_ms.push_back(ms);
    }
    return L;
}

// ---- UI frame time --------------------------------------------------------------------------

struct FrameRun {
    bool ok = false;
    double p50 = 0, p99 = 0, max = 0;
    long long frames = 0;
    double wall_ms = 0;
    double machine_busy_pct = 0;  // all cores, this kiosk included: shows other load on the box
    long long outbox_left = -1;   // events still queued when the kiosk exited
    std::string error;
};

// Busy and total jiffies of the whole machine (first line of /proc/stat).
std::pair<long long, long long> machine_jiffies() {
    std::ifstream in("/proc/stat");
    std::string cpu;
    long long v[8] = {}, total = 0;
    in >> cpu;
    for (long long& x : v) {
        in >> x;
        total += x;
    }
    return {total - v[3] - v[4], total};  // minus idle and iowait
}

// Takes `rounds` tickets through the touch screens, then switches language: a few seconds of
// real frames. The last wait gives a healthy server time to acknowledge the last ticket.
std::string session_script(int rounds) {
    static const char* const services[] = {"Hộ tịch", "Chứng thực", "Đất đai",
                                           "Đăng ký kinh doanh"};
    std::string s = "expect Lấy số thứ tự\n";
    for (int i = 0; i < rounds; ++i)
        s += std::string("tap Lấy số thứ tự\nexpect Chọn lĩnh vực\ntap ") + services[i % 4] +
             "\nexpect Mời bạn nhận vé\nwait 300\ntap Về trang chủ\nexpect Lấy số thứ tự\n";
    return s + "tap English\nexpect Take a queue number\nwait 800\n";
}

// One headless kiosk session with `--frame-stats`; sync_toml empty = no [sync] (offline).
FrameRun kiosk_session(const SyncFixture& f, const std::string& name, const std::string& sync_toml,
                       int rounds) {
    FrameRun run;
    const std::string dir = f.file("kiosk-" + name);
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/kiosk.toml") << embedded_demo_config() << "\n" << sync_toml;
    std::ofstream(dir + "/script.txt") << session_script(rounds);
    const auto [busy0, total0] = machine_jiffies();
    const auto r = test::run_process({test::kiosk_binary(), "--config", dir + "/kiosk.toml",
                                      "--headless", "--script", dir + "/script.txt", "--out",
                                      dir + "/out", "--data", dir + "/data", "--frame-stats"});
    const auto [busy1, total1] = machine_jiffies();
    run.machine_busy_pct = 100.0 * (busy1 - busy0) / std::max(1LL, total1 - total0);
    run.wall_ms = r.wall_ms;
    const auto at = r.out.find("frame_stats frames ");
    if (r.exit_code != 0 || at == std::string::npos) {
        run.error = "kiosk exit " + std::to_string(r.exit_code) + ": " + r.err.substr(0, 300);
        return run;
    }
    std::istringstream line(r.out.substr(at));
    std::string w;
    double mean = 0, p95 = 0;
    line >> w >> w >> run.frames >> w >> mean >> w >> run.p50 >> w >> p95 >> w >> run.p99 >> w >>
        run.max;
    run.outbox_left = Outbox(dir + "/data/queue.db").depth();
    run.ok = true;
    return run;
}

// One kind of server behaviour, run several times interleaved with the others so a burst of
// load from other processes does not land on one scenario only.
struct Scenario {
    std::string label, sync_toml;
    std::vector<FrameRun> runs;

    bool ok() const {
        return !runs.empty() &&
               std::all_of(runs.begin(), runs.end(), [](const FrameRun& r) { return r.ok; });
    }
    double mean_of(double FrameRun::*field) const {
        double sum = 0;
        for (const auto& r : runs)
            sum += r.*field;
        return runs.empty() ? 0 : sum / runs.size();
    }
    long long min_outbox_left() const {
        long long m = -1;
        for (const auto& r : runs)
            m = m < 0 ? r.outbox_left : std::min(m, r.outbox_left);
        return m;
    }
    std::string value() const {
        if (!ok()) {
            for (const auto& r : runs)
                if (!r.ok) return "FAILED: " + r.error;
            return "not run";
        }
        std::string p99s, sep;
        long long frames = 0;
        double max = 0;
        for (const auto& r : runs) {
            p99s += sep + num("%.1f", r.p99);
            sep = " / ";
            frames += r.frames;
            max = std::max(max, r.max);
        }
        return "p99 " + fmt_ms(mean_of(&FrameRun::p99)) + " (runs " + p99s + "; p50 " +
               fmt_ms(mean_of(&FrameRun::p50)) + ", max " + fmt_ms(max) + ", " +
               std::to_string(frames) + " frames)";
    }
    std::string context() const {
        return "machine busy " + num("%.0f %%", mean_of(&FrameRun::machine_busy_pct)) +
               ", kiosk process " + num("%.1f s", mean_of(&FrameRun::wall_ms) / 1000) +
               ", events left in outbox " + std::to_string(min_outbox_left());
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc == 7 && !std::strcmp(argv[1], "--drain-child")) return drain_child(argv + 2);
    int events = 20000, rss_events = 100000, lookups = 300, rounds = 6, repeats = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--events")) events = std::max(100, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--rss-events"))
            rss_events = std::max(100, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--lookups")) lookups = std::max(20, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--rounds")) rounds = std::max(1, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--repeats")) repeats = std::max(1, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--server")) set_dossier_server_binary(argv[i + 1]);
    }
    spdlog::set_level(spdlog::level::warn);
    std::printf(
        "sync_bench: %d + %d queued events, %d lookups, %d kiosk sessions of %d tickets per "
        "scenario, %u cores\n",
        events, rss_events, lookups, repeats, rounds, std::thread::hardware_concurrency());
    try {
        const auto started = Steady::now();
        SyncFixture fixture;
        ServerProcess healthy(fixture, "healthy");
        // Every request held for 10 minutes after the TLS handshake; replies trickled 8 bytes a
        // second; and a listener that never even completes the handshake.
        ServerProcess hanging(fixture, "hanging", R"({"latency_ms":600000})");
        ServerProcess dripping(fixture, "dripping", R"({"drip_count":1000000,"drip_ms":1000})");
        SilentListener silent;

        const DrainFigures drain = measure_drain(fixture, healthy, events, "drain");
        const DrainFigures big = measure_drain(fixture, healthy, rss_events, "rss");
        const DrainFigures empty = measure_drain(fixture, healthy, 0, "empty");
        const LookupFigures lookup = measure_lookups(fixture, healthy, lookups);
        const auto stop_idle = measure_stop(fixture, healthy.url(), "idle", 10);
        const auto stop_hanging = measure_stop(fixture, hanging.url(), "hanging", 10);
        const auto stop_silent = measure_stop(
            fixture, "https://127.0.0.1:" + std::to_string(silent.port()), "silent", 10);

        std::vector<Scenario> frames = {
            {"no [sync] at all", "", {}},
            {"server healthy", fixture.sync_toml(healthy.port()), {}},
            {"server hangs (every request held 10 min)", fixture.sync_toml(hanging.port()), {}},
            {"server drips replies (8 bytes/s)", fixture.sync_toml(dripping.port()), {}},
            {"listener accepts, never answers TLS", fixture.sync_toml(silent.port()), {}}};
        for (int rep = 0; rep < repeats; ++rep)
            for (size_t i = 0; i < frames.size(); ++i)
                frames[i].runs.push_back(
                    kiosk_session(fixture, std::to_string(i) + "-" + std::to_string(rep),
                                  frames[i].sync_toml, rounds));

        std::vector<Row> rows;
        for (const DrainFigures* d : {&drain, &big}) {
            rows.push_back(
                {"outbox drain, " + std::to_string(d->events) + " queued events, batches of 200",
                 d->error.empty()
                     ? num("%.0f events/s", d->drain_rate) + num(" (%.1f s", d->drain_ms / 1000) +
                           ", " + std::to_string(d->rejected) + " rejected)"
                     : "FAILED: " + d->error,
                 "≥ 2000 events/s", d->error.empty() && d->drain_rate >= 2000,
                 "raw SQLite insert of the same events (one transaction) " +
                     num("%.0f events/s", d->insert_rate)});
        }
        const std::string first = lookup.error.empty()
                                      ? "; first call incl. TLS handshake: lookup " +
                                            fmt_ms(lookup.first_lookup_ms) + ", time " +
                                            fmt_ms(lookup.first_time_ms)
                                      : "";
        const double lookup_p95 = percentile(lookup.lookup_ms, 0.95);
        rows.push_back(
            {"dossier lookup via SyncService, reused connection, n=" +
                 std::to_string(lookup.lookup_ms.size()) + " over " + std::to_string(lookup.codes) +
                 " factor-free codes",
             lookup.error.empty()
                 ? "p50 " + fmt_ms(percentile(lookup.lookup_ms, 0.5)) + " (p95 " +
                       fmt_ms(lookup_p95) + ", p99 " + fmt_ms(percentile(lookup.lookup_ms, 0.99)) +
                       ")" +
                       (lookup.failures ? ", " + std::to_string(lookup.failures) + " FAILED"
                                        : std::string())
                 : "FAILED: " + lookup.error,
             "p95 ≤ 50 ms", lookup.error.empty() && lookup.failures == 0 && lookup_p95 <= 50,
             "GET /api/v1/time p50 " + fmt_ms(percentile(lookup.time_ms, 0.5)) + " (p95 " +
                 fmt_ms(percentile(lookup.time_ms, 0.95)) + ")" + first});

        for (const auto& [label, samples] :
             {std::pair{"server hangs (requests held 10 min)", &stop_hanging},
              std::pair{"listener never answers TLS", &stop_silent}}) {
            const double worst = *std::max_element(samples->begin(), samples->end());
            rows.push_back({std::string("SyncService::stop() mid-transfer, ") + label +
                                ", n=" + std::to_string(samples->size()),
                            "p50 " + fmt_ms(percentile(*samples, 0.5)) + ", max " + fmt_ms(worst),
                            "max ≤ 200 ms", worst <= 200,
                            "stop() after the same exchanges with a healthy server: p50 " +
                                fmt_ms(percentile(stop_idle, 0.5)) + ", max " +
                                fmt_ms(*std::max_element(stop_idle.begin(), stop_idle.end()))});
        }

        const Scenario& offline = frames[0];
        const Scenario& base = frames[1];
        const double base_p99 = base.mean_of(&FrameRun::p99), limit = base_p99 * 1.25;
        rows.push_back({"UI frame time, kiosk session, " + base.label, base.value(), "reference",
                        base.ok() && base.min_outbox_left() == 0,
                        base.context() + "; " + offline.label + ": " + offline.value() + ", " +
                            offline.context()});
        for (size_t i = 2; i < frames.size(); ++i) {
            const Scenario& sc = frames[i];
            rows.push_back({"UI frame time, " + sc.label, sc.value(),
                            "p99 ≤ healthy + 25 % (" + fmt_ms(limit) + ")",
                            sc.ok() && base.ok() && sc.mean_of(&FrameRun::p99) <= limit &&
                                sc.min_outbox_left() > 0,
                            sc.context() + "; healthy p99 " + fmt_ms(base_p99)});
        }
        rows.push_back(
            {"peak RSS of the drain process, " + std::to_string(big.events) + " queued events",
             big.error.empty() ? mib(big.rss_kb) : "FAILED: " + big.error,
             "≤ 120 MiB (kiosk budget)", big.error.empty() && big.rss_kb <= 120 * 1024,
             "same process, empty outbox " + mib(empty.rss_kb) + "; " +
                 std::to_string(drain.events) + " events " + mib(drain.rss_kb)});
        print_table("MotCua Kiosk — sync benchmark (HTTPS on loopback)", rows);
        std::printf("\nwhole run %.1f s\n", ms_since(started) / 1000);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sync_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
