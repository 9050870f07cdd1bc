#pragma once
// One libcurl easy handle, reused for every request so the TLS connection stays open. TLS
// verification (chain and host name) is always on; optional public-key pin and client
// certificate. Use from one thread. The bearer token is passed per request and never logged.
#include <atomic>
#include <string>
#include <vector>

namespace kiosk::sync {

struct HttpOptions {
    std::string base_url;           // "https://dossier.example.gov.vn:8443" (no trailing slash)
    std::string ca_file;            // PEM bundle; empty = the system bundle (still verified)
    std::string pinned_public_key;  // "sha256//…" (or several joined by ';'); empty = no pin
    std::string client_cert, client_key;  // PEM; both or neither
    int connect_timeout_ms = 3000;
    int total_timeout_ms = 10000;
    std::string user_agent = "motcua-kiosk";
};

struct HttpRequest {
    std::string method = "GET";        // GET or POST
    std::string path;                  // "/api/v1/time"
    std::string body;                  // POST body (JSON)
    std::vector<std::string> headers;  // "Name: value"
    size_t max_reply_bytes = 256 * 1024;
};

enum class HttpFailure {
    None,
    Tls,  // certificate / host name / pin refused: configuration or attack, not transient
    Timeout,
    Transport,  // refused, reset, truncated, DNS …
    TooLarge,   // reply exceeded max_reply_bytes
    Cancelled,  // stop requested
};

struct HttpResponse {
    long status = 0;  // 0 when no HTTP reply arrived
    std::string body;
    std::string etag;
    std::string retry_after;
    HttpFailure failure = HttpFailure::None;
    std::string error;  // curl's explanation when failure != None
    bool ok() const { return failure == HttpFailure::None && status != 0; }
};

class HttpClient {
  public:
    explicit HttpClient(HttpOptions options, const std::atomic<bool>* cancel = nullptr);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    HttpResponse perform(const HttpRequest& request);
    const HttpOptions& options() const { return options_; }

  private:
    HttpOptions options_;
    int run_transfer(const std::atomic<bool>* cancel);  // a CURLcode

    const std::atomic<bool>* cancel_;
    void* curl_;   // CURL*
    void* multi_;  // CURLM*: one transfer at a time, woken often to notice cancel_
};

const char* to_string(HttpFailure f);

}  // namespace kiosk::sync
