#pragma once
// What the sync tests and bench/sync_bench run against, all made in the run: a CA and certificates
// (`dossier-server make-certs`), a kiosk token, dossier-server processes on 127.0.0.1 (healthy or
// with a fault plan), and a TCP listener that accepts connections and never answers.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.h"

namespace kiosk::test {

// build/bin/dossier-server unless overridden (e.g. to compare a server build).
std::string dossier_server_binary();
void set_dossier_server_binary(std::string path);

// Certificates, the server's token table and the kiosk's token file (mode 0600).
class SyncFixture {
  public:
    SyncFixture();  // throws std::runtime_error with dossier-server's stderr if make-certs fails

    static constexpr const char* kKioskId = "nghean-kiosk-01";
    std::string file(const std::string& name) const { return dir_.file(name); }
    std::string ca_file() const { return dir_.file("certs/ca.pem"); }
    std::string token_file() const { return dir_.file("kiosk-token"); }
    // The kiosk's [sync] table for a server on 127.0.0.1:port (otherwise the config defaults).
    std::string sync_toml(int port) const;

  private:
    TempDir dir_{"sync-fixture"};
};

// A `dossier-server serve` child on 127.0.0.1 with a fresh seeded database; SIGKILLed when
// destroyed (a hanging server does not answer politely either).
class ServerProcess {
  public:
    // Throws std::runtime_error naming the server if no port appears within 10 s.
    ServerProcess(const SyncFixture& fixture, const std::string& name,
                  const std::string& faults_json = "");
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
    std::string dump() const;  // `dossier-server dump` of its database

  private:
    std::string db_;
    int pid_ = -1;
    int port_ = 0;
};

// Listens on 127.0.0.1, accepts every connection and never sends a byte: the TLS handshake
// stalls, the way a hung server or a black-holing middlebox looks to the kiosk.
class SilentListener {
  public:
    SilentListener();  // throws std::runtime_error with errno's text
    ~SilentListener();
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;
    int port() const { return port_; }

  private:
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::vector<int> accepted_;  // held open, never written
    std::thread thread_;
};

}  // namespace kiosk::test
