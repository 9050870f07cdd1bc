// The kiosk and the reference dossier server over real HTTPS on loopback: a ticket taken on the
// touch screen reaches the server as an event, exactly once, with certificates made for the test.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "dossier_server_fixture.h"
#include "kiosk/core/config.h"
#include "process.h"
#include "support/count_occurrences.h"
#include "support/temp_dir.h"

using namespace kiosk::test;

TEST_CASE("a ticket taken on screen reaches the dossier server over HTTPS exactly once") {
    SyncFixture fixture;  // CA, certificates and the kiosk's 0600 token, made for this test
    ServerProcess server(fixture, "server");
    TempDir dir("sync-e2e");
    std::ofstream(dir.file("kiosk.toml"))
        << kiosk::embedded_demo_config() << fixture.sync_toml(server.port());
    REQUIRE(run_process({kiosk_binary(), "check-config", dir.file("kiosk.toml")}).exit_code == 0);
    std::ofstream(dir.file("script.txt"))
        << "tap Lấy số thứ tự\ntap Hộ tịch\nexpect 1001\nwait 2500\n";
    const auto run =
        run_process({kiosk_binary(), "--config", dir.file("kiosk.toml"), "--headless", "--script",
                     dir.file("script.txt"), "--out", dir.file("out"), "--data", dir.file("data")});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);

    const std::string dump = server.dump();
    INFO(dump);
    CHECK(count_occurrences(dump, "ticket.issued") == 1);
    CHECK(dump.find(std::string(SyncFixture::kKioskId) + ": 1 events") != std::string::npos);
}

TEST_CASE("a token file others can read is refused at start-up, naming the file") {
    TempDir dir("sync-token");
    std::ofstream(dir.file("kiosk-token")) << "kiosk-e2e-token-0123456789abcdef\n";
    ::chmod(dir.file("kiosk-token").c_str(), 0644);
    std::ofstream(dir.file("kiosk.toml"))
        << kiosk::embedded_demo_config() << "\n[sync]\n"
        << "server_url = \"https://localhost:9\"\nkiosk_id = \"k1\"\n"
        << "token_file = \"" << dir.file("kiosk-token") << "\"\n";
    const auto r = run_process({kiosk_binary(), "--config", dir.file("kiosk.toml"), "--headless",
                                "--data", dir.file("data"), "--exit-after-first-frame"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(dir.file("kiosk-token")) != std::string::npos);
    CHECK(r.err.find("kiosk-e2e-token") == std::string::npos);  // never the token itself
}
