#include "dossier_server_fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "process.h"

namespace kiosk::test {

namespace {
constexpr const char* kToken = "kiosk-test-token-0123456789abcdef";

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::string& server_binary_path() {
    static std::string path = std::string(KIOSK_BIN_DIR) + "/dossier-server";
    return path;
}
}  // namespace

std::string dossier_server_binary() {
    return server_binary_path();
}
void set_dossier_server_binary(std::string path) {
    server_binary_path() = std::move(path);
}

SyncFixture::SyncFixture() {
    const auto certs =
        test::run_process({dossier_server_binary(), "make-certs", "--out", file("certs")});
    if (certs.exit_code != 0)
        throw std::runtime_error("dossier-server make-certs failed (exit " +
                                 std::to_string(certs.exit_code) + "): " + certs.err);
    std::ofstream(file("tokens")) << kKioskId << " " << kToken << "\n";
    std::ofstream(token_file()) << kToken << "\n";
    ::chmod(token_file().c_str(), 0600);  // the kiosk refuses a token others can read
}

std::string SyncFixture::sync_toml(int port) const {
    return "\n[sync]\nserver_url = \"https://127.0.0.1:" + std::to_string(port) +
           "\"\nkiosk_id = \"" + kKioskId + "\"\nca_file = \"" + ca_file() + "\"\ntoken_file = \"" +
           token_file() + "\"\n";
}

ServerProcess::ServerProcess(const SyncFixture& f, const std::string& name,
                             const std::string& faults_json)
    : db_(f.file(name + ".db")) {
    const std::string port_file = f.file(name + ".port");
    std::vector<std::string> argv = {dossier_server_binary(),
                                     "serve",
                                     "--db",
                                     db_,
                                     "--cert",
                                     f.file("certs/server.pem"),
                                     "--key",
                                     f.file("certs/server.key"),
                                     "--tokens",
                                     f.file("tokens"),
                                     "--bind",
                                     "127.0.0.1",
                                     "--port",
                                     "0",
                                     "--port-file",
                                     port_file};
    if (!faults_json.empty()) {
        argv.push_back("--faults");
        argv.push_back(faults_json);
    }
    pid_ = test::spawn_process(argv);
    for (int i = 0; i < 200 && port_ == 0; ++i) {
        port_ = std::atoi(read_file(port_file).c_str());  // written atomically once listening
        if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (port_ == 0) {
        test::kill_and_reap(pid_);
        throw std::runtime_error("dossier-server '" + name + "' wrote no port to " + port_file +
                                 " within 10 s");
    }
}

ServerProcess::~ServerProcess() {
    test::kill_and_reap(pid_);
}

std::string ServerProcess::dump() const {
    return test::run_process({dossier_server_binary(), "dump", "--db", db_}).out;
}

SilentListener::SilentListener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd_, 64) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        const std::string why = std::strerror(errno);
        if (fd_ >= 0) ::close(fd_);
        throw std::runtime_error("silent listener on 127.0.0.1: " + why);
    }
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] {
        while (!stop_) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) continue;
            const int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (c >= 0) accepted_.push_back(c);
        }
    });
}

SilentListener::~SilentListener() {
    stop_ = true;
    thread_.join();
    for (int c : accepted_)
        ::close(c);
    ::close(fd_);
}

}  // namespace kiosk::test
