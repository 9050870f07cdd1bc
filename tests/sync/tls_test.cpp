// Every TLS refusal the kiosk must make, against the real server over loopback HTTPS.
#include <doctest/doctest.h>

#include "test_server.h"

using namespace kiosk;
using namespace kiosk::sync;

namespace {
ApiResult<ServerTime> time_with(const ApiClientOptions& o) {
    ApiClient client(o);
    return client.get_time();
}
}  // namespace

TEST_CASE("a server certificate from the configured CA is accepted") {
    test::TestServer server;
    const auto r = time_with(server.client_options());
    REQUIRE_MESSAGE(r.ok(), r.detail);
    CHECK(r.value->now.size() == 25);
    CHECK(r.value->now.substr(19) == "+07:00");
}

TEST_CASE("a certificate from another CA is refused and not retried") {
    test::TestServer server;
    test::TempDir dir;
    const auto other_ca = dossier::tls::make_ca("Impostor CA");
    dossier::tls::write_file(dir.file("other.pem"), other_ca.cert_pem);
    auto o = server.client_options();
    o.http.ca_file = dir.file("other.pem");
    const auto r = time_with(o);
    CHECK_FALSE(r.ok());
    CHECK(r.failure == CallFailure::Tls);
    CHECK(r.attempts == 1);
}

TEST_CASE("an expired server certificate is refused") {
    dossier::tls::LeafSpec expired;
    expired.valid_from_s = -30L * 24 * 3600;
    expired.valid_to_s = -24L * 3600;
    test::TestServer server(expired);
    const auto r = time_with(server.client_options());
    CHECK(r.failure == CallFailure::Tls);
    CHECK(r.detail.find("expired") != std::string::npos);
}

TEST_CASE("a certificate for another host name is refused") {
    dossier::tls::LeafSpec other_host;
    other_host.common_name = "dossier.other.example";
    other_host.dns_names = {"dossier.other.example"};
    other_host.ip_addresses = {};
    test::TestServer server(other_host);
    const auto r = time_with(server.client_options());  // connects to "localhost"
    CHECK(r.failure == CallFailure::Tls);
}

TEST_CASE("public-key pinning: the right pin passes, any other pin is refused") {
    test::TestServer server;
    auto o = server.client_options();
    o.http.pinned_public_key = dossier::tls::spki_pin(server.certs().server.cert_pem);
    const auto good = time_with(o);
    CHECK_MESSAGE(good.ok(), good.detail);

    // A valid chain from the same CA but a different key: the pin must still refuse it.
    const auto other_leaf = dossier::tls::make_leaf(server.certs().ca, {});
    o.http.pinned_public_key = dossier::tls::spki_pin(other_leaf.cert_pem);
    const auto bad = time_with(o);
    CHECK(bad.failure == CallFailure::Tls);
    CHECK(bad.attempts == 1);
}

TEST_CASE("a server that requires client certificates accepts the kiosk's and refuses none") {
    test::TempDir dir;
    const auto client_ca = dossier::tls::make_ca("Kiosk client CA");
    dossier::tls::LeafSpec client_spec;
    client_spec.client = true;
    client_spec.dns_names = {};
    client_spec.ip_addresses = {};
    client_spec.common_name = test::kTestKioskId;
    const auto client = dossier::tls::make_leaf(client_ca, client_spec);
    dossier::tls::write_file(dir.file("client-ca.pem"), client_ca.cert_pem);
    dossier::tls::write_file(dir.file("client.pem"), client.cert_pem);
    dossier::tls::write_file(dir.file("client.key"), client.key_pem, 0600);
    test::TestServer server({}, dir.file("client-ca.pem"));

    auto o = server.client_options();
    o.retry.max_attempts = 1;
    CHECK_FALSE(time_with(o).ok());
    o.http.client_cert = dir.file("client.pem");
    o.http.client_key = dir.file("client.key");
    const auto r = time_with(o);
    CHECK_MESSAGE(r.ok(), r.detail);
}

TEST_CASE("plain http:// URLs are refused before anything is sent") {
    ApiClientOptions o;
    o.http.base_url = "http://localhost:1";
    o.token = test::kTestToken;
    CHECK_THROWS_AS(ApiClient{o}, std::invalid_argument);
}
