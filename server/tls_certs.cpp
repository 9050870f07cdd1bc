#include "tls_certs.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <arpa/inet.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace dossier::tls {
namespace {

template <class T, void (*F)(T*)>
struct Deleter {
    void operator()(T* p) const { F(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

[[noreturn]] void fail(const std::string& what) {
    char buf[256] = "no OpenSSL error queued";
    if (unsigned long e = ERR_get_error()) ERR_error_string_n(e, buf, sizeof buf);
    ERR_clear_error();
    throw std::runtime_error("certificate generation: " + what + " failed: " + buf);
}

KeyPtr new_key() {
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) fail("EC P-256 key generation");
    return key;
}

std::string to_pem(X509* cert) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) fail("PEM encoding of a certificate");
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<size_t>(n));
}

std::string to_pem(EVP_PKEY* key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        fail("PEM encoding of a private key");
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<size_t>(n));
}

CertPtr cert_from_pem(const std::string& pem) {
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    CertPtr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) fail("reading a PEM certificate");
    return cert;
}

KeyPtr key_from_pem(const std::string& pem) {
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    KeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key) fail("reading a PEM private key");
    return key;
}

void add_ext(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (!ext) fail("extension " + std::string(OBJ_nid2sn(nid)) + "=" + value);
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

CertPtr new_cert(EVP_PKEY* key, const std::string& cn, long from_s, long to_s) {
    CertPtr cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), from_s);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), to_s);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("MotCua Demo"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
    return cert;
}

}  // namespace

PemPair make_ca(const std::string& common_name, long valid_to_s) {
    KeyPtr key = new_key();
    CertPtr cert = new_cert(key.get(), common_name, -3600, valid_to_s);
    X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get()));
    add_ext(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    add_ext(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    add_ext(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) fail("signing the CA certificate");
    return {to_pem(cert.get()), to_pem(key.get())};
}

PemPair make_leaf(const PemPair& ca, const LeafSpec& spec) {
    CertPtr ca_cert = cert_from_pem(ca.cert_pem);
    KeyPtr ca_key = key_from_pem(ca.key_pem);
    KeyPtr key = new_key();
    CertPtr cert = new_cert(key.get(), spec.common_name, spec.valid_from_s, spec.valid_to_s);
    X509_set_issuer_name(cert.get(), X509_get_subject_name(ca_cert.get()));
    add_ext(cert.get(), ca_cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    add_ext(cert.get(), ca_cert.get(), NID_key_usage, "critical,digitalSignature,keyAgreement");
    add_ext(cert.get(), ca_cert.get(), NID_ext_key_usage,
            spec.client ? "clientAuth" : "serverAuth");
    add_ext(cert.get(), ca_cert.get(), NID_authority_key_identifier, "keyid");
    std::string san;
    for (const auto& d : spec.dns_names)
        san += (san.empty() ? "DNS:" : ",DNS:") + d;
    for (const auto& ip : spec.ip_addresses)
        san += (san.empty() ? "IP:" : ",IP:") + ip;
    if (!san.empty()) add_ext(cert.get(), ca_cert.get(), NID_subject_alt_name, san);
    if (X509_sign(cert.get(), ca_key.get(), EVP_sha256()) == 0) fail("signing a leaf certificate");
    return {to_pem(cert.get()), to_pem(key.get())};
}

std::string spki_pin(const std::string& cert_pem) {
    CertPtr cert = cert_from_pem(cert_pem);
    const EVP_PKEY* pub = X509_get0_pubkey(cert.get());
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(pub, &der);
    if (len <= 0) fail("DER encoding of a public key");
    unsigned char digest[32];
    unsigned int digest_len = 0;
    EVP_Digest(der, static_cast<size_t>(len), digest, &digest_len, EVP_sha256(), nullptr);
    OPENSSL_free(der);
    unsigned char b64[64];
    const int n = EVP_EncodeBlock(b64, digest, static_cast<int>(digest_len));
    return "sha256//" + std::string(reinterpret_cast<char*>(b64), static_cast<size_t>(n));
}

void write_file(const std::string& path, const std::string& content, unsigned mode) {
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        if (!out || !out.write(content.data(), static_cast<std::streamsize>(content.size())))
            throw std::runtime_error("cannot write " + path);
    }
    if (::chmod(path.c_str(), mode) != 0) throw std::runtime_error("cannot chmod " + path);
}

DemoCertFiles write_demo_certs(const std::string& dir, const std::vector<std::string>& hosts) {
    std::filesystem::create_directories(dir);
    const auto p = [&](const char* name) { return (std::filesystem::path(dir) / name).string(); };
    const PemPair ca = make_ca("MotCua Demo CA");
    LeafSpec server;
    server.dns_names.clear();
    server.ip_addresses.clear();
    for (const auto& h : hosts) {
        unsigned char buf[16];
        const bool is_ip =
            inet_pton(AF_INET, h.c_str(), buf) == 1 || inet_pton(AF_INET6, h.c_str(), buf) == 1;
        (is_ip ? server.ip_addresses : server.dns_names).push_back(h);
    }
    server.common_name = hosts.empty() ? "localhost" : hosts.front();
    const PemPair srv = make_leaf(ca, server);
    LeafSpec client;
    client.common_name = "nghean-kiosk-01";
    client.dns_names.clear();
    client.ip_addresses.clear();
    client.client = true;
    const PemPair cli = make_leaf(ca, client);
    DemoCertFiles f{p("ca.pem"),     p("server.pem"), p("server.key"),
                    p("client.pem"), p("client.key"), p("server.pin")};
    write_file(f.ca_cert, ca.cert_pem);
    write_file(f.server_cert, srv.cert_pem);
    write_file(f.server_key, srv.key_pem, 0600);
    write_file(f.client_cert, cli.cert_pem);
    write_file(f.client_key, cli.key_pem, 0600);
    write_file(f.pin, spki_pin(srv.cert_pem) + "\n");
    return f;
}

}  // namespace dossier::tls
