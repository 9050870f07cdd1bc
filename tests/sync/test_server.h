#pragma once
// The reference dossier server started in-process on an ephemeral loopback port, with a CA and
// certificates generated for the test (OpenSSL library), a 0600 token file and its own
// database. restart() brings it back on the same port (for "server down for a while").
#include <memory>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/sync/api_client.h"
#include "server/dossier_api.h"
#include "server/dossier_db.h"
#include "server/fault_plan.h"
#include "server/https_server.h"
#include "server/tls_certs.h"
#include "support/temp_dir.h"

namespace kiosk::test {

inline constexpr const char* kTestKioskId = "nghean-kiosk-01";
inline constexpr const char* kTestToken = "test-token-0123456789abcdef";

struct ServerCerts {
    dossier::tls::PemPair ca, server;
    std::string ca_file, server_cert_file, server_key_file;
};

class TestServer {
  public:
    // `leaf` customises the server certificate (expired, other host names).
    explicit TestServer(const dossier::tls::LeafSpec& leaf = {},
                        const std::string& client_ca_file = "");
    ~TestServer();

    void stop();
    void restart();  // same port, same database
    int port() const { return port_; }
    std::string base_url() const { return "https://localhost:" + std::to_string(port_); }
    const ServerCerts& certs() const { return certs_; }
    const std::string& token_file() const { return token_file_; }
    TempDir& dir() { return dir_; }
    dossier::DossierDb& db() { return *db_; }
    dossier::FaultInjector& faults() { return faults_; }

    // Client options that trust this server's CA.
    sync::ApiClientOptions client_options() const;

  private:
    void start_server();

    TempDir dir_{"sync-test"};
    SystemClock clock_;
    ServerCerts certs_;
    std::string token_file_;
    std::string client_ca_file_;
    std::unique_ptr<dossier::DossierDb> db_;
    std::unique_ptr<dossier::DossierApi> api_;
    dossier::FaultInjector faults_;
    std::unique_ptr<dossier::HttpsServer> server_;
    int port_ = 0;
};

}  // namespace kiosk::test
