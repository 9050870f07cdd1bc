// The dossier lookup end to end: the real kiosk binary, headless, against the reference dossier
// server over real HTTPS on loopback. A script `scan`s a receipt URL exactly as a scanner would
// deliver it; the screen must show the status words and the due date the server holds.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "dossier_server_fixture.h"
#include "kiosk/app/lookup_dossier.h"
#include "kiosk/core/config.h"
#include "kiosk/core/dossier_status.h"
#include "process.h"
#include "server/demo_seed.h"
#include "support/temp_dir.h"

using namespace kiosk::test;

namespace {

// The server seeds its dossiers relative to its start, as demo_dossiers() does here.
struct Expected {
    std::string code, status_words, appointment, lookup_code;
};

Expected seeded(int status, bool requires_factor) {
    for (const auto& d : dossier::demo_dossiers(std::chrono::system_clock::now())) {
        if (d.public_part["status"]["code"] != status || d.requires_factor != requires_factor)
            continue;
        return {d.code, kiosk::dossier_status_words(status).vi,
                kiosk::app::iso_date_vn(d.public_part.value("appointment_at", "")), d.lookup_code};
    }
    FAIL("no seeded dossier with status ", status);
    return {};
}

}  // namespace

TEST_CASE("scan a receipt URL: the lookup screen shows the server's status and due date") {
    SyncFixture fixture;
    ServerProcess server(fixture, "server");
    TempDir dir("lookup-e2e");
    std::ofstream(dir.file("kiosk.toml"))
        << kiosk::embedded_demo_config() << fixture.sync_toml(server.port());
    const Expected open = seeded(2, false);    // received, no second factor
    const Expected guarded = seeded(4, true);  // being processed, needs a factor
    REQUIRE(!open.appointment.empty());
    REQUIRE(!guarded.appointment.empty());
    const std::string url = "https://dichvucong.nghean.gov.vn/portaldvc/tra-cuu?MHS=";
    std::string keys;
    for (char c : guarded.lookup_code)
        keys += std::string("tap ") + c + "\n";
    std::ofstream(dir.file("script.txt"))
        << "expect Kính chào Quý khách\n"
        << "scan " << url << open.code << "\n"
        << "expect " << open.status_words << "\n"
        << "expect " << open.appointment << "\n"
        << "screenshot lookup-result\n"
        << "tap In phiếu\n"
        << "expect Mời bạn nhận phiếu\n"
        << "tap Tra cứu mã khác\n"
        // The bare Code 128 form of a protected dossier: the server asks for the factor.
        << "scan " << guarded.code << "\n"
        << "expect Xác nhận chủ hồ sơ\n"
        << "screenshot lookup-factor\n"
        << keys << "tap Xác nhận\n"
        << "expect " << guarded.status_words << "\n"
        << "expect " << guarded.appointment << "\n"
        << "tap Về trang chủ\n"
        << "expect Kính chào Quý khách\n";
    const auto run = run_process({kiosk_binary(), "--config", dir.file("kiosk.toml"), "--headless",
                                  "--script", dir.file("script.txt"), "--out", dir.file("out"),
                                  "--data", dir.file("data"), "--previews"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(std::filesystem::file_size(dir.file("out/lookup-result.png")) > 10000);
    // The status slip went through the printer path (ESC/POS raster to the file printer) and
    // its preview was written next to the screenshots.
    CHECK(std::filesystem::file_size(dir.file("data/printer.bin")) > 1000);
    CHECK(std::filesystem::exists(dir.file("out/status-" + open.code + ".png")));
    // Logs carry the dossier code, never the factor.
    CHECK(run.err.find(open.code) != std::string::npos);
}

TEST_CASE("server down: the lookup says so plainly and the kiosk stays responsive") {
    SyncFixture fixture;
    TempDir dir("lookup-e2e-down");
    // A port nobody listens on: connections are refused at once.
    std::ofstream(dir.file("kiosk.toml")) << kiosk::embedded_demo_config() << fixture.sync_toml(9);
    std::ofstream(dir.file("script.txt")) << "scan 000.00.00.H41-251120-0007\n"
                                          << "expect Chưa tra cứu được\n"
                                          << "tap Về trang chủ\n"
                                          << "expect Kính chào Quý khách\n";
    const auto run =
        run_process({kiosk_binary(), "--config", dir.file("kiosk.toml"), "--headless", "--script",
                     dir.file("script.txt"), "--out", dir.file("out"), "--data", dir.file("data")});
    INFO(run.err);
    CHECK(run.exit_code == 0);
}
