#pragma once
// Test and demo certificates made with the OpenSSL library: a CA, server and client leaves
// with subjectAltNames, and validity windows in the past (expired) or future on demand. Also the
// public-key pin curl expects ("sha256//<base64 of SHA-256(SubjectPublicKeyInfo DER)>").
#include <string>
#include <vector>

namespace dossier::tls {

struct PemPair {
    std::string cert_pem;
    std::string key_pem;
};

struct LeafSpec {
    std::string common_name = "localhost";
    std::vector<std::string> dns_names = {"localhost"};
    std::vector<std::string> ip_addresses = {"127.0.0.1"};
    long valid_from_s = -3600;           // relative to now
    long valid_to_s = 397L * 24 * 3600;  // relative to now; negative = already expired
    bool client = false;                 // extendedKeyUsage clientAuth instead of serverAuth
};

// Self-signed CA (EC P-256, SHA-256). Throws std::runtime_error with OpenSSL's reason.
PemPair make_ca(const std::string& common_name, long valid_to_s = 10L * 365 * 24 * 3600);
PemPair make_leaf(const PemPair& ca, const LeafSpec& spec);
std::string spki_pin(const std::string& cert_pem);

// Writes `content` to `path` with the given mode (keys 0600). Throws on failure.
void write_file(const std::string& path, const std::string& content, unsigned mode = 0644);

struct DemoCertFiles {
    std::string ca_cert, server_cert, server_key, client_cert, client_key, pin;
};
// ca.pem, server.pem, server.key, client.pem, client.key, server.pin in `dir` (created).
DemoCertFiles write_demo_certs(const std::string& dir, const std::vector<std::string>& hosts);

}  // namespace dossier::tls
