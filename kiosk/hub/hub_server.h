#pragma once
// The office queue hub: docs/lan-api.md over cpp-httplib (HTTP, or HTTPS with a cert and key).
// Counter actions go through one CallQueue (one SQLite connection, one transaction per action);
// a second kiosk's tickets through a TicketStore on the same file; each event stream reads with
// its own connection. Starts its own listener thread; stop() (or the destructor) ends it.
#include <functional>
#include <memory>
#include <string>

#include "hub_tokens.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"

namespace kiosk::hub {

struct HubServerOptions {
    std::string host = "127.0.0.1";
    int port = 0;          // 0 = any free port (tests); port() tells which
    std::string tls_cert;  // both set = HTTPS
    std::string tls_key;
    int threads = 160;                 // connections served at once (each keep-alive client and
                                       // each event stream holds one)
    int keepalive_comment_ms = 10000;  // ": keep-alive" on idle event streams
    int poll_ms = 200;                 // PRAGMA data_version poll for other processes' writes
};

class HubServer {
  public:
    // `config` and `clock` must outlive the server. The store file is created/migrated.
    HubServer(const KioskConfig& config, std::string db_path, HubTokens tokens,
              HubServerOptions options, const Clock& clock);
    ~HubServer();
    HubServer(const HubServer&) = delete;
    HubServer& operator=(const HubServer&) = delete;

    // Binds and starts serving. False with a precise message (address in use, bad cert, …).
    bool start(std::string& error);
    void stop();
    int port() const;
    bool tls() const;

    // The kiosk in this process changed the queue (issued a ticket): push new waiting counts now.
    void notify_changed();
    // Called after every committed counter action and LAN ticket change (on a server thread):
    // the place to wake the outbox sender. May be set or cleared at any time.
    void set_on_committed(std::function<void()> callback);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::hub
