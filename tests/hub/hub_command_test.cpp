#include <doctest/doctest.h>
#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "hub/hub_fixture.h"
#include "kiosk/app/hub_command.h"
#include "kiosk/hub/hub_client.h"
#include "kiosk/hub/hub_host.h"
#include "support/free_port.h"

using namespace kiosk;

namespace {
KioskConfig office() {
    auto r = parse_config(test::hub_fixture_config_toml(3), "office.toml");
    REQUIRE(r.ok());
    return *r.config;
}
}  // namespace

TEST_CASE("parse_listen accepts HOST:PORT and [v6]:PORT only") {
    std::string host;
    int port = 0;
    CHECK(hub::parse_listen("0.0.0.0:8470", host, port));
    CHECK(host == "0.0.0.0");
    CHECK(port == 8470);
    CHECK(hub::parse_listen("[::1]:80", host, port));
    CHECK(host == "::1");
    CHECK_FALSE(hub::parse_listen("8470", host, port));
    CHECK_FALSE(hub::parse_listen("host:", host, port));
    CHECK_FALSE(hub::parse_listen("host:99999", host, port));
    CHECK_FALSE(hub::parse_listen(":80", host, port));
}

TEST_CASE("kiosk hub: serves the data directory's queue until asked to stop") {
    test::TempDir dir("hub-cmd");
    const std::string tokens = dir.file("tokens");
    std::ofstream(tokens) << "board " << test::HubFixture::board_token() << "\n";
    chmod(tokens.c_str(), 0600);
    const int port = test::free_loopback_port();
    app::HubCommandOptions o;
    o.data_dir = dir.file("data");
    o.listen = "127.0.0.1:" + std::to_string(port);
    o.tokens_file = tokens;
    const KioskConfig config = office();
    std::atomic<bool> stop{false};
    std::ostringstream out, err;
    int code = -1;
    std::thread hub(
        [&] { code = app::hub_command(config, o, out, err, [&] { return stop.load(); }); });
    hub::HubClientOptions co;
    co.url = "http://127.0.0.1:" + std::to_string(port);
    co.token = test::HubFixture::board_token();
    hub::HubClient c(co);
    bool answered = false;
    for (int i = 0; i < 200 && !answered; ++i) {
        answered = c.state().ok();
        if (!answered) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    CHECK(answered);
    auto s = c.state();
    REQUIRE(s);
    CHECK(s->counters.size() == 3);
    stop = true;
    hub.join();
    CHECK(code == 0);
    CHECK(out.str().find("hub: listening on http://127.0.0.1:" + std::to_string(port)) !=
          std::string::npos);
    CHECK(out.str().find("hub: stopped") != std::string::npos);
    CHECK(std::ifstream(dir.file("data/queue.db")).good());
}

TEST_CASE("kiosk hub: a world-readable tokens file or no listen address is a config error") {
    test::TempDir dir("hub-cmd");
    const std::string tokens = dir.file("tokens");
    std::ofstream(tokens) << "board " << test::HubFixture::board_token() << "\n";
    chmod(tokens.c_str(), 0644);
    app::HubCommandOptions o;
    o.data_dir = dir.file("data");
    o.listen = "127.0.0.1:" + std::to_string(test::free_loopback_port());
    o.tokens_file = tokens;
    std::ostringstream out, err;
    CHECK(app::hub_command(office(), o, out, err) == 2);
    CHECK(err.str().find("chmod 600") != std::string::npos);
    o.listen.clear();
    std::ostringstream err2;
    CHECK(app::hub_command(office(), o, out, err2) == 2);
    CHECK(err2.str().find("--listen") != std::string::npos);
}
