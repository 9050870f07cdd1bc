#include "test_server.h"

namespace kiosk::test {

TestServer::TestServer(const dossier::tls::LeafSpec& leaf, const std::string& client_ca_file)
    : client_ca_file_(client_ca_file) {
    certs_.ca = dossier::tls::make_ca("Test CA");
    certs_.server = dossier::tls::make_leaf(certs_.ca, leaf);
    certs_.ca_file = dir_.file("ca.pem");
    certs_.server_cert_file = dir_.file("server.pem");
    certs_.server_key_file = dir_.file("server.key");
    dossier::tls::write_file(certs_.ca_file, certs_.ca.cert_pem);
    dossier::tls::write_file(certs_.server_cert_file, certs_.server.cert_pem);
    dossier::tls::write_file(certs_.server_key_file, certs_.server.key_pem, 0600);
    token_file_ = dir_.file("token");
    dossier::tls::write_file(token_file_, std::string(kTestToken) + "\n", 0600);
    db_ = std::make_unique<dossier::DossierDb>(dir_.file("server.db"), clock_);
    api_ = std::make_unique<dossier::DossierApi>(*db_, clock_);
    start_server();
}

TestServer::~TestServer() {
    stop();
}

void TestServer::start_server() {
    dossier::ServerOptions o;
    o.port = port_;
    o.cert_file = certs_.server_cert_file;
    o.key_file = certs_.server_key_file;
    o.client_ca_file = client_ca_file_;
    dossier::TokenTable tokens;
    tokens.add(kTestKioskId, kTestToken);
    server_ = std::make_unique<dossier::HttpsServer>(o, *api_, tokens, faults_);
    port_ = server_->start();
}

void TestServer::stop() {
    if (server_) server_->stop();
    server_.reset();
}

void TestServer::restart() {
    stop();
    start_server();
}

sync::ApiClientOptions TestServer::client_options() const {
    sync::ApiClientOptions o;
    o.http.base_url = base_url();
    o.http.ca_file = certs_.ca_file;
    o.http.connect_timeout_ms = 2000;
    o.http.total_timeout_ms = 5000;
    o.token = kTestToken;
    o.kiosk_id = kTestKioskId;
    o.retry = {3, std::chrono::milliseconds(20), std::chrono::milliseconds(2000)};
    return o;
}

}  // namespace kiosk::test
