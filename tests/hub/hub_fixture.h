#pragma once
// A hub on 127.0.0.1 for tests and bench/hub_bench: an office with `counters` counters all serving
// field "a" (counter 1 also serves "b"), tokens made in code, optional TLS with a CA made in the
// run, and fast bulk issuing straight into the store (one transaction for thousands of tickets).
#include <memory>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"
#include "kiosk/hub/hub_client.h"
#include "kiosk/hub/hub_server.h"
#include "support/temp_dir.h"

namespace kiosk::test {

// The fixture office as TOML (also written to disk by bench/hub_bench for a `kiosk hub` child).
std::string hub_fixture_config_toml(int counters, const std::string& hub_toml = "");
// `count` issued tickets of `service` for the local day of `now`, in one transaction on its own
// connection; every `priority_every`-th one priority (0 = none). Numbers in issue order.
std::vector<std::string> bulk_issue(const std::string& db_path, const ServiceConfig& service,
                                    TimePoint now, int count, int priority_every = 0);

class HubFixture {
  public:
    explicit HubFixture(int counters = 4, bool tls = false, const std::string& hub_toml = "");
    ~HubFixture();

    // Starts the hub (again on the same port and file after stop()). Throws with the reason.
    void start();
    void stop();
    hub::HubServer& server() { return *server_; }

    std::string url() const;
    hub::HubClientOptions client(const std::string& token) const;
    static std::string counter_token(int n);  // "counter-token-0003-…"
    static std::string board_token() { return "board-token-0123456789"; }
    static std::string kiosk_token() { return "kiosk-token-0123456789"; }

    // `count` issued tickets of `service` for today, every `priority_every`-th one priority
    // (0 = none). Returns the numbers in issue order.
    std::vector<std::string> bulk_issue(const std::string& service, int count,
                                        int priority_every = 0);

    const KioskConfig& config() const { return config_; }
    const std::string& db_path() const { return db_path_; }
    const std::string& ca_file() const { return ca_file_; }
    const Clock& clock() const { return clock_; }
    int port() const { return port_; }

  private:
    TempDir dir_{"hub-test"};
    KioskConfig config_;
    std::string db_path_;
    bool tls_ = false;
    std::string cert_, key_, ca_file_;
    SystemClock clock_;
    int port_ = 0;
    std::unique_ptr<hub::HubServer> server_;
};

}  // namespace kiosk::test
