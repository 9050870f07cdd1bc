// Satisfaction rating end to end: the real kiosk, headless, running the office hub in-process
// ([hub] listen on a free loopback port) and syncing to the reference dossier server over HTTPS.
// Run 1 takes ticket 1001 on screen; counter 1 then calls and finishes it through the hub's LAN
// API (the same hub code on the same queue.db, while the kiosk is stopped, so nothing races the
// script); run 2 rates it "Rất hài lòng", is refused a second time, and the server stores exactly
// one rating.submitted with level 5.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "dossier_server_fixture.h"
#include "kiosk/core/config.h"
#include "kiosk/core/sqlite_db.h"
#include "kiosk/hub/hub_client.h"
#include "kiosk/hub/hub_host.h"
#include "process.h"
#include "support/count_occurrences.h"
#include "support/free_port.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

const std::string kCounterToken = "counter-1-token-for-rating-e2e-0001";

ProcessResult run_kiosk(const TempDir& dir, const std::string& name, const std::string& script) {
    std::ofstream(dir.file(name + ".txt")) << script;
    return run_process({kiosk_binary(), "--config", dir.file("kiosk.toml"), "--headless",
                        "--script", dir.file(name + ".txt"), "--out", dir.file("out"), "--data",
                        dir.file("data"), "--size",
                        name.find("landscape") != std::string::npos ? "1920x1080" : "1080x1920"});
}

std::vector<nlohmann::json> rating_rows_in_outbox(const std::string& db_path) {
    SqliteDb db(db_path);
    Statement q(db, "SELECT payload FROM outbox WHERE type='rating.submitted' ORDER BY seq");
    std::vector<nlohmann::json> out;
    while (q.step())
        out.push_back(nlohmann::json::parse(q.column_text(0)));
    return out;
}

}  // namespace

TEST_CASE("a kiosk with its own hub: 1001 taken, served at counter 1, rated once, synced") {
    SyncFixture fixture;
    ServerProcess server(fixture, "server");
    TempDir dir("rating-e2e");
    const int port = free_loopback_port();
    std::ofstream(dir.file("hub-tokens")) << "counter:1 " << kCounterToken << "\n";
    ::chmod(dir.file("hub-tokens").c_str(), 0600);
    std::ofstream(dir.file("kiosk.toml"))
        << embedded_demo_config() << "\n[hub]\nlisten = \"127.0.0.1:" << port
        << "\"\ntokens_file = \"" << dir.file("hub-tokens") << "\"\n"
        << fixture.sync_toml(server.port());
    const auto check = run_process({kiosk_binary(), "check-config", dir.file("kiosk.toml")});
    REQUIRE_MESSAGE(check.exit_code == 0, check.err);

    // Run 1: the citizen takes 1001; the rating is on the home screen (the hub serves counters).
    auto r = run_kiosk(dir, "issue",
                       "expect Đánh giá hài lòng\nscreenshot rating-home-portrait\n"
                       "tap Lấy số thứ tự\ntap Hộ tịch\nexpect 1001\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    {  // Counter 1 calls and finishes 1001 through the hub's LAN API.
        auto parsed = load_config_file(dir.file("kiosk.toml"));
        REQUIRE(parsed.ok());
        SystemClock clock;
        std::string error;
        auto hub = hub::start_hub_host(*parsed.config, dir.file("data/queue.db"), clock, error);
        REQUIRE_MESSAGE(hub != nullptr, error);
        hub::HubClient counter(
            {"http://127.0.0.1:" + std::to_string(port), kCounterToken, "", 2000, 5000});
        auto called = counter.next(1);
        REQUIRE(called);
        REQUIRE(called->ticket);
        CHECK(called->ticket->number == "1001");
        REQUIRE(counter.finish(1));
        hub->stop();
    }

    // Run 2: rate it, then try again.
    r = run_kiosk(dir, "rate",
                  "tap Đánh giá hài lòng\nexpect Quét mã QR trên vé hoặc nhập số thứ tự\n"
                  "type 1001\nscreenshot rating-e2e-typed\nkey Return\n"
                  "expect Số 1001 · Hộ tịch · Quầy 1\nscreenshot rating-e2e-choose\n"
                  "tap Rất hài lòng\nexpect Cảm ơn Quý khách đã đánh giá\n"
                  "screenshot rating-e2e-thanks\ntap Về trang chủ\n"
                  "tap Đánh giá hài lòng\ntype 1001\nkey Return\n"
                  "expect Vé số 1001 đã được đánh giá.\nscreenshot rating-e2e-again\n"
                  "tap Nhập số khác\ntype 1002\nkey Return\nexpect Không tìm thấy vé số 1002\n"
                  "wait 2500\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    for (const char* shot : {"rating-home-portrait", "rating-e2e-typed", "rating-e2e-choose",
                             "rating-e2e-thanks", "rating-e2e-again"})
        CHECK(std::filesystem::file_size(dir.file(std::string("out/") + shot + ".png")) > 10000);

    const auto ratings = rating_rows_in_outbox(dir.file("data/queue.db"));
    REQUIRE(ratings.size() == 1);
    CHECK(ratings[0]["level"] == 5);
    CHECK(ratings[0]["level_code"] == "RHL");
    CHECK(ratings[0]["number"] == "1001");
    CHECK(ratings[0]["counter"] == 1);
    CHECK(ratings[0]["service_id"] == "ho-tich");

    // The reference server accepted (validated and stored) exactly that one rating.
    const std::string dump = server.dump();
    INFO(dump);
    CHECK(count_occurrences(dump, "rating.submitted: 1") == 1);
    CHECK(count_occurrences(dump, "ticket.served: 1") == 1);
}

TEST_CASE("landscape: the rating screens work the same way; a waiting ticket is refused calmly") {
    TempDir dir("rating-e2e-landscape");
    std::ofstream(dir.file("kiosk.toml"))
        << embedded_demo_config() << "\n[rating]\nenabled = true\n";  // shares queue.db with a hub
    auto r = run_kiosk(dir, "issue-landscape", "tap Lấy số thứ tự\ntap Hộ tịch\nexpect 1001\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    r = run_kiosk(dir, "rate-landscape",
                  "tap Đánh giá hài lòng\nscreenshot rating-e2e-entry-landscape\ntap 1\ntap 0\n"
                  "tap 0\ntap 1\ntap Xác nhận\nexpect Số 1001 chưa được phục vụ xong.\n"
                  "expect Mời Quý khách đánh giá sau khi làm xong thủ tục.\n"
                  "screenshot rating-e2e-not-served-landscape\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(rating_rows_in_outbox(dir.file("data/queue.db")).empty());
}
