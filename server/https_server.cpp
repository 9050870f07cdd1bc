// CPPHTTPLIB_OPENSSL_SUPPORT comes from cpp-httplib.pc (Debian builds the library with it).
#include "https_server.h"

#include <httplib.h>

#include <condition_variable>
#include <cstdio>
#include <thread>

namespace dossier {

struct HttpsServer::Impl {
    ServerOptions options;
    DossierApi& api;
    TokenTable tokens;
    FaultInjector& faults;
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    int port = 0;
    std::mutex mutex;
    std::condition_variable cv;
    bool stopping = false;

    Impl(ServerOptions o, DossierApi& a, TokenTable t, FaultInjector& f)
        : options(std::move(o)), api(a), tokens(std::move(t)), faults(f) {}

    // Sleeps that stop() can cut short, so a slow-fault handler never holds up shutdown.
    void pause(int ms) {
        std::unique_lock lock(mutex);
        cv.wait_for(lock, std::chrono::milliseconds(ms), [&] { return stopping; });
    }

    bool stopped() {
        std::lock_guard lock(mutex);
        return stopping;
    }

    void send(httplib::Response& res, const ApiReply& reply, const FaultDecision& d) {
        res.status = reply.status;
        for (const auto& [k, v] : reply.headers)
            res.set_header(k, v);
        if (reply.body.empty()) return;
        const std::string type = "application/json; charset=utf-8";
        if (d.drop) {
            auto body = std::make_shared<std::string>(reply.body);
            res.set_content_provider(body->size(), type,
                                     [body](size_t, size_t, httplib::DataSink& sink) {
                                         sink.write(body->data(), body->size() / 2);
                                         return false;  // cut the connection mid-body
                                     });
        } else if (d.drip_ms > 0) {
            auto body = std::make_shared<std::string>(reply.body);
            const int ms = d.drip_ms;
            res.set_content_provider(
                body->size(), type,
                [this, body, ms](size_t offset, size_t length, httplib::DataSink& sink) {
                    pause(ms);
                    if (stopped()) return false;
                    sink.write(body->data() + offset, std::min<size_t>(8, length));
                    return true;
                });
        } else {
            res.set_content(reply.body, type);
        }
    }

    using ApiFn = std::function<ApiReply(const httplib::Request&, const std::string& kiosk_id)>;

    httplib::Server::Handler wrap(ApiFn fn) {
        return [this, fn](const httplib::Request& req, httplib::Response& res) {
            const FaultDecision d = faults.next();
            if (d.delay_ms > 0) pause(d.delay_ms);
            if (req.has_header("X-Request-Id"))
                res.set_header("X-Request-Id", req.get_header_value("X-Request-Id"));
            if (d.fail_status != 0) {
                ApiReply r = error_reply(d.fail_status, "unavailable",
                                         "Máy chủ tạm thời quá tải (lỗi giả lập)", true);
                if (d.retry_after_s >= 0)
                    r.headers.push_back({"Retry-After", std::to_string(d.retry_after_s)});
                send(res, r, {});
                return;
            }
            const auto kiosk = tokens.kiosk_for(req.get_header_value("Authorization"));
            if (!kiosk) {
                ApiReply r =
                    error_reply(401, "unauthorized", "Thiếu hoặc sai mã truy cập của ki-ốt");
                r.headers.push_back({"WWW-Authenticate", "Bearer"});
                send(res, r, {});
                return;
            }
            ApiReply r;
            try {
                r = fn(req, *kiosk);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "dossier-server: %s %s failed: %s\n", req.method.c_str(),
                             req.path.c_str(), e.what());
                r = error_reply(500, "internal", "Lỗi máy chủ", true);
            }
            if (d.malformed_kind >= 0) {
                r.status = 200;
                r.body = malformed_body(d.malformed_kind);
                if (r.body.empty()) r.body = " ";  // "empty" still needs a provider-less body
            }
            send(res, r, d);
        };
    }

    static bool is_loopback(const std::string& addr) {
        return addr == "127.0.0.1" || addr == "::1" || addr == "::ffff:127.0.0.1";
    }

    void routes() {
        auto& s = *server;
        s.Get("/api/v1/catalog", wrap([this](const httplib::Request& req, const std::string&) {
                  return api.catalog(req.get_header_value("If-None-Match"));
              }));
        s.Get(R"(/api/v1/dossiers/([^/]+))",
              wrap([this](const httplib::Request& req, const std::string&) {
                  return api.dossier(req.matches[1].str(),
                                     req.get_header_value("X-Second-Factor-Kind"),
                                     req.get_header_value("X-Second-Factor"));
              }));
        s.Post("/api/v1/events",
               wrap([this](const httplib::Request& req, const std::string& kiosk) {
                   return api.post_events(kiosk, req.body);
               }));
        s.Get("/api/v1/time",
              wrap([this](const httplib::Request&, const std::string&) { return api.time(); }));
        s.Post("/api/v1/heartbeat",
               wrap([this](const httplib::Request& req, const std::string& kiosk) {
                   return api.heartbeat(kiosk, req.body);
               }));
        if (options.admin) {
            s.Get("/admin/faults", [this](const httplib::Request& req, httplib::Response& res) {
                if (!is_loopback(req.remote_addr)) return void(res.status = 403);
                res.set_content(to_json(faults.get()).dump(), "application/json");
            });
            s.Post("/admin/faults", [this](const httplib::Request& req, httplib::Response& res) {
                if (!is_loopback(req.remote_addr)) return void(res.status = 403);
                try {
                    faults.set(fault_plan_from_json(nlohmann::json::parse(req.body)));
                    res.set_content(to_json(faults.get()).dump(), "application/json");
                } catch (const std::exception& e) {
                    const ApiReply r = error_reply(400, "bad_request", e.what());
                    res.status = 400;
                    res.set_content(r.body, "application/json");
                }
            });
        }
        // Small JSON replies on kept-alive connections: without TCP_NODELAY each one waits for
        // the client's delayed ACK (~40 ms a request; measured by bench/sync_bench).
        s.set_tcp_nodelay(true);
        s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty()) return;
            const ApiReply r =
                error_reply(res.status, res.status == 404 ? "not_found" : "bad_request",
                            "HTTP " + std::to_string(res.status));
            res.set_content(r.body, "application/json; charset=utf-8");
        });
        if (options.log_requests)
            s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
                std::fprintf(stderr, "dossier-server: %s %s %s -> %d\n", req.remote_addr.c_str(),
                             req.method.c_str(), req.path.c_str(), res.status);
            });
    }
};

HttpsServer::HttpsServer(ServerOptions options, DossierApi& api, TokenTable tokens,
                         FaultInjector& faults)
    : impl_(std::make_unique<Impl>(std::move(options), api, std::move(tokens), faults)) {}

HttpsServer::~HttpsServer() {
    stop();
}

int HttpsServer::start() {
    auto& o = impl_->options;
    impl_->server = std::make_unique<httplib::SSLServer>(
        o.cert_file.c_str(), o.key_file.c_str(),
        o.client_ca_file.empty() ? nullptr : o.client_ca_file.c_str());
    if (!impl_->server->is_valid())
        throw std::runtime_error(
            "cannot load TLS certificate '" + o.cert_file + "' / key '" + o.key_file + "'" +
            (o.client_ca_file.empty() ? "" : " / client CA '" + o.client_ca_file + "'"));
    auto& s = *impl_->server;
    s.set_keep_alive_max_count(100000);
    s.set_keep_alive_timeout(
        5);  // idle keep-alive connections also delay stop() by up to this long
    s.set_payload_max_length(1024 * 1024);
    impl_->routes();
    if (o.port == 0) {
        impl_->port = s.bind_to_any_port(o.bind);
        if (impl_->port <= 0) throw std::runtime_error("cannot bind to any port on " + o.bind);
    } else {
        if (!s.bind_to_port(o.bind, o.port))
            throw std::runtime_error("cannot bind to " + o.bind + ":" + std::to_string(o.port));
        impl_->port = o.port;
    }
    impl_->thread = std::thread([this] { impl_->server->listen_after_bind(); });
    // httplib's stop() does nothing until the listener runs: wait for it, so stop() always works.
    while (!s.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return impl_->port;
}

void HttpsServer::stop() {
    if (!impl_ || !impl_->server) return;
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->cv.notify_all();
    impl_->server->stop();
    if (impl_->thread.joinable()) impl_->thread.join();
}

int HttpsServer::port() const {
    return impl_->port;
}

void HttpsServer::wait() {
    if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace dossier
