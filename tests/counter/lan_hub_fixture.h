#pragma once
// A real office queue hub for tests: HubServer on loopback with a temporary queue.db, the demo
// office config (counters 1–7 over five fields), one token per role written to 0600 files, and
// helpers to issue tickets through the hub's own kiosk API. restart() keeps the port and the
// file, like a hub process coming back.
#include <functional>
#include <memory>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"
#include "kiosk/hub/hub_client.h"
#include "kiosk/hub/hub_server.h"
#include "support/temp_dir.h"

namespace kiosk::test {

class LanHub {
  public:
    // `adjust` may change the demo office config before the hub starts ([board] notice, …).
    explicit LanHub(const std::function<void(KioskConfig&)>& adjust = {});
    ~LanHub();

    void start();  // throws std::runtime_error with the hub's reason
    void stop();
    void restart() {
        stop();
        start();
    }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::string db_path() const { return dir_.file("queue.db"); }
    const KioskConfig& config() const { return config_; }
    const TempDir& dir() const { return dir_; }

    static std::string counter_token(int counter);  // 32 characters, role counter:N
    static std::string board_token();
    static std::string kiosk_token();
    // A 0600 file holding the token (for `kiosk counter --token-file`).
    std::string token_file(const std::string& token, const std::string& name) const;

    hub::HubClientOptions options(const std::string& token) const {
        return {url(), token, "", 1000, 5000};
    }
    // Reserve → printing → issued through the hub; returns the printed number.
    std::string issue(const std::string& service_id, bool priority = false);

  private:
    TempDir dir_{"lanhub"};
    KioskConfig config_;
    SystemClock clock_;
    int port_ = 0;
    std::unique_ptr<hub::HubServer> server_;
};

}  // namespace kiosk::test
