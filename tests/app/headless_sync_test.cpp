// The kiosk and the reference dossier server over real HTTPS on loopback: a ticket taken on the
// touch screen reaches the server as an event, exactly once, with certificates made for the test.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "kiosk/core/config.h"
#include "process.h"
#include "support/temp_dir.h"

using namespace kiosk::test;

namespace {
std::string server_binary() {
    return std::string(KIOSK_BIN_DIR) + "/dossier-server";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

struct ServerProcess {
    int pid = -1;
    std::string port;
    ~ServerProcess() {
        if (pid > 0) kill_and_reap(pid);
    }
};

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1))
        ++n;
    return n;
}
}  // namespace

TEST_CASE("a ticket taken on screen reaches the dossier server over HTTPS exactly once") {
    TempDir dir("sync-e2e");
    REQUIRE(run_process({server_binary(), "make-certs", "--out", dir.file("certs")}).exit_code ==
            0);
    const std::string token = "kiosk-e2e-token-0123456789abcdef";
    std::ofstream(dir.file("tokens")) << "nghean-kiosk-01 " << token << "\n";
    std::ofstream(dir.file("kiosk-token")) << token << "\n";
    ::chmod(dir.file("kiosk-token").c_str(), 0600);

    ServerProcess server;
    server.pid = spawn_process({server_binary(), "serve", "--db", dir.file("server.db"), "--cert",
                                dir.file("certs/server.pem"), "--key", dir.file("certs/server.key"),
                                "--tokens", dir.file("tokens"), "--port", "0", "--port-file",
                                dir.file("port")});
    for (int i = 0; i < 200 && read_file(dir.file("port")).empty(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    server.port = read_file(dir.file("port"));
    while (!server.port.empty() && (server.port.back() == '\n' || server.port.back() == ' '))
        server.port.pop_back();
    REQUIRE_FALSE(server.port.empty());

    std::ofstream(dir.file("kiosk.toml"))
        << kiosk::embedded_demo_config() << "\n[sync]\n"
        << "server_url = \"https://localhost:" << server.port << "\"\n"
        << "kiosk_id = \"nghean-kiosk-01\"\n"
        << "ca_file = \"" << dir.file("certs/ca.pem") << "\"\n"
        << "token_file = \"" << dir.file("kiosk-token") << "\"\n";
    REQUIRE(run_process({kiosk_binary(), "check-config", dir.file("kiosk.toml")}).exit_code == 0);
    std::ofstream(dir.file("script.txt"))
        << "tap Lấy số thứ tự\ntap Hộ tịch\nexpect 1001\nwait 2500\n";
    const auto run =
        run_process({kiosk_binary(), "--config", dir.file("kiosk.toml"), "--headless", "--script",
                     dir.file("script.txt"), "--out", dir.file("out"), "--data", dir.file("data")});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);

    const auto dump = run_process({server_binary(), "dump", "--db", dir.file("server.db")});
    INFO(dump.out);
    CHECK(count(dump.out, "ticket.issued") == 1);
    CHECK(dump.out.find("nghean-kiosk-01: 1 events") != std::string::npos);
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
