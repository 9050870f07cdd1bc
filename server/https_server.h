#pragma once
// The API over HTTPS (cpp-httplib + OpenSSL), with bearer-token authentication, optional
// client-certificate requirement, the fault injector applied to every API request, and
// /admin/faults on loopback when enabled. The only translation unit that includes httplib.h.
#include <memory>
#include <string>

#include "dossier_api.h"
#include "fault_plan.h"
#include "token_table.h"

namespace dossier {

struct ServerOptions {
    std::string bind = "127.0.0.1";
    int port = 0;  // 0 = any free port (tests); the chosen one is returned by start()
    std::string cert_file, key_file;
    std::string client_ca_file;  // non-empty: every client must present a certificate from this CA
    bool admin = false;          // GET/POST /admin/faults from loopback addresses
    bool log_requests = false;   // one line per request on stderr (never headers or bodies)
};

class HttpsServer {
  public:
    HttpsServer(ServerOptions options, DossierApi& api, TokenTable tokens, FaultInjector& faults);
    ~HttpsServer();
    HttpsServer(const HttpsServer&) = delete;
    HttpsServer& operator=(const HttpsServer&) = delete;

    // Binds and starts serving on a background thread; returns the port. Throws
    // std::runtime_error when the certificate/key cannot be loaded or the port cannot be bound.
    int start();
    void stop();  // idempotent; returns when the listener thread has ended
    int port() const;
    // Blocks until stop() is called from elsewhere (the CLI's serve command).
    void wait();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dossier
