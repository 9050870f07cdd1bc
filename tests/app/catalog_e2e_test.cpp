// The office catalogue end to end: the real kiosk with a catalogue file and --start-time (closed
// on Sunday with the reason on screen, a number on Monday morning with the catalogue's field name
// and counters), and `kiosk hub` routing by the same catalogue.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "kiosk/app/hub_command.h"
#include "kiosk/core/embedded_catalog.h"
#include "kiosk/hub/hub_client.h"
#include "process.h"
#include "support/free_port.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

const std::string kCounter8Token = "counter-eight-token-0123456789";
const std::string kCounter1Token = "counter-one-token-0123456789";

// The demo catalogue with Hộ tịch (G09-TP03) served by counters 9 and 8 only; a config whose
// own counters for it say 1, and a second service without field_code on counter 1.
struct CatalogOffice {
    explicit CatalogOffice(const std::string& hours) {
        nlohmann::json c = nlohmann::json::parse(embedded_demo_catalog_json());
        c["counters"] = {
            {{"number", 9}, {"name", "Quầy 09 – Hộ tịch"}, {"field_codes", {"G09-TP03"}}},
            {{"number", 8}, {"name", "Quầy 08 – Hộ tịch"}, {"field_codes", {"G09-TP03"}}}};
        std::ofstream(dir.file("catalog.json")) << c.dump();
        std::ofstream(dir.file("kiosk.toml")) << R"([office]
id = "test"
name_vi = "Bộ phận Một cửa"
name_en = "One-stop desk"
ticket_url = "https://example.gov.vn/q/{office}/{date}/{number}"
[printer]
uri = "file:printer.bin"
[catalog]
file = ")" << dir.file("catalog.json") << R"("
opening_hours = ")" << hours << R"("
[[services]]
id = "ho-tich"
name_vi = "Tên cũ của hộ tịch"
name_en = "Civil status"
field_code = "G09-TP03"
prefix = "1"
counters = [1]
[[services]]
id = "viec-khac"
name_vi = "Việc khác"
name_en = "Other matters"
prefix = "2"
counters = [1]
)";
    }

    ProcessResult kiosk(const std::string& script, const std::string& start_time,
                        const std::string& size = "1080x1920") {
        std::ofstream(dir.file("script.txt")) << script;
        std::vector<std::string> argv{kiosk_binary(),   "--config",      dir.file("kiosk.toml"),
                                      "--headless",     "--script",      dir.file("script.txt"),
                                      "--out",          dir.file("out"), "--data",
                                      dir.file("data"), "--size",        size};
        if (!start_time.empty()) {
            argv.push_back("--start-time");
            argv.push_back(start_time);
        }
        return run_process(argv);
    }

    std::string tickets(const std::string& date) {
        return run_process({kiosk_binary(), "tickets", "--data", dir.file("data"), "--date", date})
            .out;
    }

    TempDir dir{"catalog-e2e"};
};

}  // namespace

TEST_CASE("Sunday: the closed reason in both orientations, and Lấy số refuses a number") {
    CatalogOffice office("enforce");
    auto r = office.kiosk(
        "expect Ngoài giờ tiếp nhận. Mời Quý khách quay lại lúc 07:00, Thứ Hai 30/11.\n"
        "screenshot closed-portrait\n"
        "tap English\n"
        "expect Outside reception hours. Please come back at 07:00 on Monday 30/11.\n",
        "2026-11-29T10:00:00+07:00");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    r = office.kiosk("expect Ngoài giờ tiếp nhận\nscreenshot closed-landscape\n",
                     "2026-11-29T10:00:00+07:00", "1920x1080");
    REQUIRE(r.exit_code == 0);
    CHECK(std::filesystem::file_size(office.dir.file("out/closed-portrait.png")) > 10000);
    CHECK(std::filesystem::file_size(office.dir.file("out/closed-landscape.png")) > 10000);
    // The take-number button is there but disabled: a script tap cannot press it.
    r = office.kiosk("tap Lấy số thứ tự\n", "2026-11-29T10:00:00+07:00");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("\"Lấy số thứ tự\" [disabled button]") != std::string::npos);
    CHECK(office.tickets("2026-11-29").find("\n1") == std::string::npos);
    CHECK_FALSE(std::filesystem::exists(office.dir.file("data/printer.bin")));
}

TEST_CASE("Monday 09:00: a number; the tile shows the catalogue's name and counters") {
    CatalogOffice office("enforce");
    const auto r = office.kiosk(
        "tap Lấy số thứ tự\n"
        "expect Hộ tịch\n"
        "expect Quầy 8, 9\n"
        "screenshot picker\n"
        "tap Hộ tịch\n"
        "expect 1001\n",
        "2026-11-30T09:00:00+07:00");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(office.tickets("2026-11-30").find("\n1001,ho-tich,") != std::string::npos);
}

TEST_CASE("kiosk hub routes by the catalogue: counter 8 calls the ticket, counter 1 has nobody") {
    CatalogOffice office("ignore");  // today's real date, so the hub sees the ticket
    const auto r = office.kiosk("tap Lấy số thứ tự\ntap Hộ tịch\nexpect 1001\n", "");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    const std::string tokens = office.dir.file("tokens");
    std::ofstream(tokens) << "counter:8 " << kCounter8Token << "\ncounter:1 " << kCounter1Token
                          << "\n";
    chmod(tokens.c_str(), 0600);
    auto parsed = load_config_file(office.dir.file("kiosk.toml"));
    REQUIRE(parsed.ok());
    app::HubCommandOptions o;
    o.data_dir = office.dir.file("data");
    const int port = free_loopback_port();
    o.listen = "127.0.0.1:" + std::to_string(port);
    o.tokens_file = tokens;
    std::atomic<bool> stop{false};
    std::ostringstream out, err;
    int code = -1;
    std::thread hub(
        [&] { code = app::hub_command(*parsed.config, o, out, err, [&] { return stop.load(); }); });
    const std::string url = "http://127.0.0.1:" + std::to_string(port);
    hub::HubClientOptions co;
    co.url = url;
    co.token = kCounter1Token;
    bool answered = false;
    for (int i = 0; i < 400 && !answered; ++i) {
        answered = hub::HubClient(co).state().ok();
        if (!answered) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    CHECK(answered);
    auto one = hub::HubClient(co).next(1);
    co.token = kCounter8Token;
    auto eight = hub::HubClient(co).next(8);
    stop = true;
    hub.join();
    CHECK(code == 0);
    REQUIRE_FALSE(one.ok());
    CHECK(one.error().code == hub::HubErrorCode::NothingWaiting);
    REQUIRE_MESSAGE(eight.ok(), eight.error().detail);
    REQUIRE(eight.value().ticket);
    CHECK(eight.value().ticket->number == "1001");
}
