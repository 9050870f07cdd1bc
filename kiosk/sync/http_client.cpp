#include "kiosk/sync/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace kiosk::sync {
namespace {

struct Transfer {
    HttpResponse* response;
    size_t limit;
    bool too_large = false;
    const std::atomic<bool>* cancel;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t len = size * n;
    if (t->response->body.size() + len > t->limit) {
        t->too_large = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->response->body.append(data, len);
    return len;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    size_t i = 0;
    while (i < s.size() && s[i] == ' ')
        ++i;
    return s.substr(i);
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::string line(data, size * n);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        if (name == "etag") t->response->etag = trim(line.substr(colon + 1)).substr(0, 200);
        if (name == "retry-after")
            t->response->retry_after = trim(line.substr(colon + 1)).substr(0, 64);
    }
    return size * n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    return t->cancel && t->cancel->load() ? 1 : 0;
}

HttpFailure classify(CURLcode rc) {
    switch (rc) {
        case CURLE_OK:
            return HttpFailure::None;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_CRL_BADFILE:
            return HttpFailure::Tls;
        case CURLE_OPERATION_TIMEDOUT:
            return HttpFailure::Timeout;
        case CURLE_ABORTED_BY_CALLBACK:
            return HttpFailure::Cancelled;
        default:
            return HttpFailure::Transport;
    }
}

}  // namespace

const char* to_string(HttpFailure f) {
    switch (f) {
        case HttpFailure::None:
            return "none";
        case HttpFailure::Tls:
            return "TLS verification failed";
        case HttpFailure::Timeout:
            return "timed out";
        case HttpFailure::Transport:
            return "connection failed";
        case HttpFailure::TooLarge:
            return "reply too large";
        case HttpFailure::Cancelled:
            return "cancelled";
    }
    return "?";
}

HttpClient::HttpClient(HttpOptions options, const std::atomic<bool>* cancel)
    : options_(std::move(options)), cancel_(cancel) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (options_.base_url.rfind("https://", 0) != 0)
        throw std::invalid_argument("sync server URL must start with https://, got '" +
                                    options_.base_url + "'");
    if (options_.client_cert.empty() != options_.client_key.empty())
        throw std::invalid_argument("client certificate and key must be given together");
    while (!options_.base_url.empty() && options_.base_url.back() == '/')
        options_.base_url.pop_back();
    curl_ = curl_easy_init();
    if (!curl_) throw std::runtime_error("curl_easy_init failed");
    multi_ = curl_multi_init();
    if (!multi_) {
        curl_easy_cleanup(static_cast<CURL*>(curl_));
        throw std::runtime_error("curl_multi_init failed");
    }
}

HttpClient::~HttpClient() {
    curl_multi_cleanup(static_cast<CURLM*>(multi_));
    curl_easy_cleanup(static_cast<CURL*>(curl_));
}

// Runs the transfer on the multi handle (which keeps the connection cache between requests),
// waking at least every kCancelCheck: a stop request ends a transfer stuck on a silent server
// within that time, where curl's own progress callback may wait a second or more.
int HttpClient::run_transfer(const std::atomic<bool>* cancel) {
    constexpr int kCancelCheckMs = 25;
    CURLM* m = static_cast<CURLM*>(multi_);
    CURL* c = static_cast<CURL*>(curl_);
    curl_multi_add_handle(m, c);
    CURLcode result = CURLE_OK;
    bool done = false;
    while (!done) {
        if (cancel && cancel->load()) {
            result = CURLE_ABORTED_BY_CALLBACK;
            break;
        }
        int running = 0;
        const CURLMcode mc = curl_multi_perform(m, &running);
        if (mc != CURLM_OK) {
            result = CURLE_RECV_ERROR;
            break;
        }
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(m, &queued)) {
            if (msg->msg == CURLMSG_DONE && msg->easy_handle == c) {
                result = msg->data.result;
                done = true;
            }
        }
        if (done || running == 0) break;
        curl_multi_poll(m, nullptr, 0, kCancelCheckMs, nullptr);
    }
    curl_multi_remove_handle(m, c);
    return static_cast<int>(result);
}

HttpResponse HttpClient::perform(const HttpRequest& req) {
    CURL* c = static_cast<CURL*>(curl_);
    HttpResponse response;
    Transfer transfer{&response, req.max_reply_bytes, false, cancel_};
    char error[CURL_ERROR_SIZE] = "";

    curl_easy_reset(c);  // keeps the connection cache, forgets the previous request's options
    const std::string url = options_.base_url + req.path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options_.ca_file.c_str());
    if (!options_.pinned_public_key.empty())
        curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, options_.pinned_public_key.c_str());
    if (!options_.client_cert.empty()) {
        curl_easy_setopt(c, CURLOPT_SSLCERT, options_.client_cert.c_str());
        curl_easy_setopt(c, CURLOPT_SSLKEY, options_.client_key.c_str());
    }
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout_ms));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout_ms));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);

    curl_slist* headers = nullptr;
    for (const auto& h : req.headers)
        headers = curl_slist_append(headers, h.c_str());
    if (req.method == "POST") {
        headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8");
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, req.body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    } else {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    }
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

    const auto rc = static_cast<CURLcode>(run_transfer(cancel_));
    curl_slist_free_all(headers);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    if (transfer.too_large) {
        response.failure = HttpFailure::TooLarge;
        response.error = "reply larger than " + std::to_string(req.max_reply_bytes) + " bytes";
    } else if (rc != CURLE_OK) {
        response.failure = classify(rc);
        response.error =
            std::string(curl_easy_strerror(rc)) + (error[0] ? std::string(": ") + error : "");
    }
    if (response.failure != HttpFailure::None) response.body.clear();
    return response;
}

}  // namespace kiosk::sync
