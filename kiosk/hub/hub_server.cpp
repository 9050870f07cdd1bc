#include "hub_server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <map>
#include <thread>

#include "change_bus.h"
#include "hub_ratings.h"
#include "kiosk/core/call_queue.h"
#include "kiosk/core/store_schema.h"
#include "kiosk/core/ticket_store.h"
#include "kiosk/core/unicode.h"
#include "lan_convert.h"
#include "lan_json.h"

namespace kiosk::hub {

using nlohmann::json;

namespace {

constexpr size_t kMaxBody = 4096;
constexpr int kReplayBatch = 500;

void send_json(httplib::Response& res, int status, const json& j) {
    res.status = status;
    res.set_content(j.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, HubErrorCode code, const std::string& detail = {}) {
    HubError e = make_hub_error(code, detail);
    json body = error_body(e);
    if (!detail.empty() && code == HubErrorCode::BadRequest) body["error"]["detail"] = detail;
    send_json(res, e.http_status, body);
}

// Body as a JSON object ({} when empty). nullopt after replying 400.
std::optional<json> body_object(const httplib::Request& req, httplib::Response& res) {
    if (req.body.empty()) return json::object();
    json j = json::parse(req.body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        send_error(res, HubErrorCode::BadRequest, "body must be a JSON object");
        return std::nullopt;
    }
    return j;
}

// A text field: present, a string, 1..max bytes, valid UTF-8 (returned NFC). nullopt after 400.
std::optional<std::string> text_field(const json& body, const char* key, size_t max,
                                      httplib::Response& res) {
    auto it = body.find(key);
    if (it == body.end() || !it->is_string()) {
        send_error(res, HubErrorCode::BadRequest, std::string(key) + " must be a string");
        return std::nullopt;
    }
    std::string nfc;
    const std::string& raw = it->get_ref<const std::string&>();
    if (raw.empty() || raw.size() > max || !to_nfc(raw, nfc)) {
        send_error(res, HubErrorCode::BadRequest,
                   std::string(key) + " must be 1-" + std::to_string(max) + " bytes of UTF-8");
        return std::nullopt;
    }
    return nfc;
}

std::string sse_event(const char* event, int64_t id, const json& data) {
    return "id: " + std::to_string(id) + "\nevent: " + event + "\ndata: " + data.dump() + "\n\n";
}

}  // namespace

struct HubServer::Impl {
    Impl(const KioskConfig& c, std::string path, HubTokens t, HubServerOptions o, const Clock& cl)
        : config(c),
          db_path(std::move(path)),
          tokens(std::move(t)),
          options(std::move(o)),
          clock(cl) {}

    const KioskConfig& config;
    std::string db_path;
    HubTokens tokens;
    HubServerOptions options;
    const Clock& clock;

    std::unique_ptr<httplib::Server> server;
    std::thread listener;
    int port = 0;
    bool running = false;

    std::mutex queue_mu;  // CallQueue and TicketStore: one connection each, one thread at a time
    std::unique_ptr<CallQueue> queue;
    std::mutex store_mu;
    std::unique_ptr<TicketStore> store;
    // POST /lan/v1/ratings: its own connection and mutex.
    std::unique_ptr<LanRatings> ratings;
    std::mutex read_mu;  // GET state
    std::unique_ptr<SqliteDb> read_db;
    std::unique_ptr<QueueView> read_view;

    ChangeBus bus;
    std::mutex callback_mu;
    std::function<void()> on_committed;
    struct LastReply {
        std::string key;
        int status = 0;
        std::string body;
    };
    std::map<int, LastReply> last_replies;  // per counter, guarded by queue_mu

    std::thread poller;
    std::mutex poll_mu;
    std::condition_variable poll_cv;
    bool poll_stop = false;

    // ---- auth ----
    std::optional<TokenGrant> authorize(const httplib::Request& req, httplib::Response& res) {
        auto grant = tokens.find_authorization(req.get_header_value("Authorization"));
        if (!grant) {
            spdlog::warn("hub: {} {} from {}: missing or unknown token", req.method, req.path,
                         req.remote_addr);
            send_error(res, HubErrorCode::Unauthorized);
        }
        return grant;
    }

    void committed() {
        std::function<void()> callback;
        {
            std::lock_guard lock(callback_mu);
            callback = on_committed;
        }
        if (callback) callback();
    }

    // ---- counter actions ----
    void counter_action(const httplib::Request& req, httplib::Response& res) {
        auto grant = authorize(req, res);
        if (!grant) return;
        const int counter = std::stoi(req.matches[1].str());
        const std::string action = req.matches[2].str();
        if (grant->role != Role::Counter || grant->counter != counter) {
            spdlog::warn("hub: {} refused: token of {} may not act as counter {}", req.path,
                         describe(*grant), counter);
            send_error(res, HubErrorCode::Forbidden,
                       describe(*grant) + " may not act as counter " + std::to_string(counter));
            return;
        }
        auto body = body_object(req, res);
        if (!body) return;
        std::string text;
        int to_counter = 0;
        if (action == "transfer") {
            if (body->contains("service_id")) {
                auto s = text_field(*body, "service_id", 40, res);
                if (!s) return;
                text = *s;
            }
            if (body->contains("counter")) {
                const json& c = (*body)["counter"];
                if (!c.is_number_integer() || c.get<int64_t>() < 1 || c.get<int64_t>() > 999)
                    return send_error(res, HubErrorCode::BadRequest,
                                      "counter must be an integer 1-999");
                to_counter = c.get<int>();
            }
            if (text.empty() && to_counter == 0)
                return send_error(res, HubErrorCode::BadRequest,
                                  "transfer needs service_id or counter");
        } else if (action == "call") {
            auto s = text_field(*body, "number", 12, res);
            if (!s) return;
            text = *s;
        } else if (action == "pause") {
            auto s = text_field(*body, "reason", 200, res);
            if (!s) return;
            text = *s;
        }

        // A retried request (same Idempotency-Key, e.g. after the reply was lost) gets the
        // first reply again instead of calling a second ticket.
        const std::string key = req.get_header_value("Idempotency-Key");
        const bool replay_key = !key.empty() && key.size() <= 64;
        if (replay_key) {
            std::lock_guard lock(queue_mu);
            auto it = last_replies.find(counter);
            if (it != last_replies.end() && it->second.key == key) {
                res.status = it->second.status;
                res.set_content(it->second.body, "application/json; charset=utf-8");
                return;
            }
        }
        struct Remember {
            Impl& self;
            const httplib::Response& res;
            int counter;
            std::string key;
            ~Remember() {
                if (key.empty()) return;
                std::lock_guard lock(self.queue_mu);
                self.last_replies[counter] = {key, res.status, res.body};
            }
        } remember{*this, res, counter, replay_key ? key : std::string()};

        const TimePoint now = clock.now();
        QueueActionResult r;
        std::optional<CounterStatus> status;
        try {
            std::lock_guard lock(queue_mu);
            if (action == "next")
                r = queue->call_next(counter, now);
            else if (action == "recall")
                r = queue->recall(counter, now);
            else if (action == "no-show")
                r = queue->no_show(counter, now);
            else if (action == "hold")
                r = queue->hold(counter, now);
            else if (action == "finish")
                r = queue->finish(counter, now);
            else if (action == "transfer")
                r = queue->transfer(counter, text, to_counter, now);
            else if (action == "call")
                r = queue->call_number(counter, text, now);
            else if (action == "pause")
                r = queue->pause(counter, text, now);
            else
                r = queue->resume(counter, now);
            if (r.ok()) status = queue->view().counter(counter, now);
        } catch (const StoreError& e) {
            spdlog::error("hub: counter {} {}: store failed: {}", counter, action, e.what());
            return send_error(res, HubErrorCode::ServerError);
        }
        if (!r.ok()) {
            if (r.finished) {  // next with nobody waiting still finished the current ticket
                bus.counter_changed(counter);
                committed();
            }
            spdlog::debug("hub: counter {} {}: {}", counter, action, to_string(r.error));
            return send_error(res, to_lan(r.error));
        }
        if (r.priority_call && r.ticket)
            spdlog::info(
                "hub: counter {} called priority ticket {} ({}) by policy {}", counter,
                r.ticket->number, r.ticket->service_id,
                config.hub.priority_policy == PriorityPolicy::Strict ? "strict" : "interleaved");
        CounterReply reply;
        if (status) reply.counter = to_lan(*status);
        if (r.ticket) reply.ticket = to_lan(*r.ticket);
        reply.priority_call = r.priority_call;
        if (r.call) reply.call = to_lan(*r.call);
        send_json(res, 200, reply);

        if (r.call) bus.calls_changed();
        bus.counter_changed(counter);
        if (r.other_counter) bus.counter_changed(r.other_counter);
        if (action == "next" || action == "no-show" || action == "transfer" || action == "call")
            bus.waiting_changed();
        committed();
    }

    // ---- tickets from another kiosk ----
    void reserve_ticket(const httplib::Request& req, httplib::Response& res) {
        auto grant = authorize(req, res);
        if (!grant) return;
        if (grant->role != Role::Kiosk)
            return send_error(res, HubErrorCode::Forbidden, describe(*grant) + " may not issue");
        auto body = body_object(req, res);
        if (!body) return;
        auto service_id = text_field(*body, "service_id", 40, res);
        if (!service_id) return;
        bool priority = false;
        if (body->contains("priority")) {
            if (!(*body)["priority"].is_boolean())
                return send_error(res, HubErrorCode::BadRequest, "priority must be true/false");
            priority = (*body)["priority"].get<bool>();
        }
        const ServiceConfig* service = config.find_service(*service_id);
        if (!service) return send_error(res, HubErrorCode::ServiceUnknown);
        try {
            std::lock_guard lock(store_mu);
            ReserveResult r = store->reserve({service, priority, clock.now()});
            if (!r.reservation) return send_error(res, HubErrorCode::DailyCapReached);
            if (priority)
                spdlog::info("hub: kiosk reserved priority ticket {} ({})",
                             r.reservation->ticket.number, service->id);
            send_json(res, 201,
                      TicketReply{to_lan(r.reservation->ticket), r.reservation->people_ahead});
        } catch (const StoreError& e) {
            spdlog::error("hub: reserve {}: store failed: {}", *service_id, e.what());
            return send_error(res, HubErrorCode::ServerError);
        }
        committed();
    }

    // ---- satisfaction ratings from LAN tablets (hub_ratings.cpp) ----
    void post_rating(const httplib::Request& req, httplib::Response& res) {
        auto grant = authorize(req, res);
        if (!grant) return;
        if (grant->role != Role::Kiosk)
            return send_error(res, HubErrorCode::Forbidden,
                              describe(*grant) + " may not submit ratings");
        auto body = body_object(req, res);
        if (!body) return;
        const LanRatingReply reply = ratings->submit(*body);
        send_json(res, reply.status, reply.body);
        if (reply.status == 201) committed();  // an outbox event for the sync link
    }

    void ticket_change(const httplib::Request& req, httplib::Response& res) {
        auto grant = authorize(req, res);
        if (!grant) return;
        if (grant->role != Role::Kiosk)
            return send_error(res, HubErrorCode::Forbidden,
                              describe(*grant) + " may not change tickets");
        const int64_t id = std::stoll(req.matches[1].str());
        const std::string change = req.matches[2].str();
        auto body = body_object(req, res);
        if (!body) return;
        std::string reason;
        if (change == "void") {
            auto s = text_field(*body, "reason", 200, res);
            if (!s) return;
            reason = *s;
        }
        std::optional<Ticket> after;
        try {
            std::lock_guard lock(store_mu);
            if (!store->ticket(id)) return send_error(res, HubErrorCode::TicketNotFound);
            try {
                if (change == "printing")
                    store->mark_printing(id);
                else if (change == "issued")
                    store->mark_issued(id, clock.now());
                else
                    store->mark_void(id, reason, clock.now());
            } catch (const StoreError& e) {  // the state guard refused the move
                spdlog::warn("hub: ticket {} {}: {}", id, change, e.what());
                return send_error(res, HubErrorCode::WrongState);
            }
            after = store->ticket(id);
        } catch (const StoreError& e) {
            spdlog::error("hub: ticket {} {}: store failed: {}", id, change, e.what());
            return send_error(res, HubErrorCode::ServerError);
        }
        send_json(res, 200, json{{"ticket", to_lan(*after)}});
        if (change != "printing") bus.waiting_changed();
        committed();
    }

    // ---- state ----
    void get_state(const httplib::Request& req, httplib::Response& res) {
        if (!authorize(req, res)) return;
        try {
            const TimePoint now = clock.now();
            std::lock_guard lock(read_mu);
            send_json(res, 200,
                      to_lan(read_view->snapshot(now, config.board.recent_calls), config, now));
        } catch (const StoreError& e) {
            spdlog::error("hub: state: store failed: {}", e.what());
            send_error(res, HubErrorCode::ServerError);
        }
    }

    // ---- events ----
    struct Stream {
        std::unique_ptr<SqliteDb> db;
        std::unique_ptr<QueueView> view;
        int64_t cursor = 0;  // last call seq sent (or known at connect)
        bool started = false;
        ChangeMark seen;
        std::string last_waiting;
        std::chrono::steady_clock::time_point last_write;
    };

    bool write(httplib::DataSink& sink, Stream& st, const std::string& text) {
        st.last_write = std::chrono::steady_clock::now();
        return sink.write(text.data(), text.size());
    }

    bool send_new_calls(httplib::DataSink& sink, Stream& st) {
        for (;;) {
            const auto calls = st.view->calls_after(st.cursor, kReplayBatch);
            for (const CallEntry& c : calls) {
                st.cursor = c.seq;
                if (!write(sink, st, sse_event("call", c.seq, to_lan(c)))) return false;
            }
            if (calls.size() < static_cast<size_t>(kReplayBatch)) return true;
        }
    }

    bool stream_step(Stream& st, httplib::DataSink& sink) {
        if (!st.started) {
            st.started = true;
            st.seen = bus.current();
            if (st.cursor > 0 && !send_new_calls(sink, st)) return false;
            const TimePoint now = clock.now();
            const QueueSnapshot snap = st.view->snapshot(now, config.board.recent_calls);
            st.cursor = std::max(st.cursor, snap.last_call_seq);
            st.last_waiting = json(to_lan(snap.waiting, config)).dump();
            return write(sink, st, "retry: 1000\n") &&
                   write(sink, st, sse_event("snapshot", st.cursor, to_lan(snap, config, now)));
        }
        const auto deadline =
            st.last_write + std::chrono::milliseconds(options.keepalive_comment_ms);
        const ChangeMark mark = bus.wait(st.seen.generation, deadline);
        if (mark.stopping) return false;
        if (mark.generation == st.seen.generation) return write(sink, st, ": keep-alive\n\n");
        if (!send_new_calls(sink, st)) return false;
        const TimePoint now = clock.now();
        for (const auto& [n, version] : mark.counters) {
            if (st.seen.counters[n] == version) continue;
            if (auto c = st.view->counter(n, now))
                if (!write(sink, st, sse_event("counter", st.cursor, to_lan(*c)))) return false;
        }
        if (mark.waiting != st.seen.waiting) {
            const json services = to_lan(st.view->waiting(now), config);
            std::string dumped = services.dump();
            if (dumped != st.last_waiting) {
                st.last_waiting = std::move(dumped);
                if (!write(sink, st, sse_event("waiting", st.cursor, json{{"services", services}})))
                    return false;
            }
        }
        st.seen = mark;
        return true;
    }

    void get_events(const httplib::Request& req, httplib::Response& res) {
        if (!authorize(req, res)) return;
        auto st = std::make_shared<Stream>();
        const std::string last = req.get_header_value("Last-Event-ID");
        if (!last.empty()) {
            if (last.size() > 18 || last.find_first_not_of("0123456789") != std::string::npos)
                return send_error(res, HubErrorCode::BadRequest,
                                  "Last-Event-ID must be a call sequence number");
            st->cursor = std::stoll(last);
        }
        try {
            st->db = std::make_unique<SqliteDb>(db_path);
            st->view = std::make_unique<QueueView>(*st->db, config);
        } catch (const StoreError& e) {
            spdlog::error("hub: events: cannot open the store: {}", e.what());
            return send_error(res, HubErrorCode::ServerError);
        }
        res.set_header("Cache-Control", "no-store");
        res.set_chunked_content_provider(
            "text/event-stream", [this, st](size_t, httplib::DataSink& sink) {
                try {
                    return stream_step(*st, sink);
                } catch (const StoreError& e) {
                    spdlog::error("hub: event stream: store failed: {}", e.what());
                    return false;
                }
            });
    }

    // ---- other processes on the same file ----
    void poll_loop() {
        std::unique_ptr<SqliteDb> db;
        int64_t version = -1;
        std::unique_lock lock(poll_mu);
        while (!poll_stop) {
            lock.unlock();
            try {
                if (!db) db = std::make_unique<SqliteDb>(db_path);
                Statement q(*db, "PRAGMA data_version");
                q.step();
                const int64_t v = q.column_int(0);
                if (version >= 0 && v != version) bus.waiting_changed();
                version = v;
            } catch (const StoreError& e) {
                spdlog::warn("hub: data_version poll: {}", e.what());
                db.reset();
            }
            lock.lock();
            poll_cv.wait_for(lock, std::chrono::milliseconds(options.poll_ms),
                             [&] { return poll_stop; });
        }
    }

    void routes() {
        auto& s = *server;
        s.Get("/lan/v1/state", [this](const auto& req, auto& res) { get_state(req, res); });
        s.Get("/lan/v1/events", [this](const auto& req, auto& res) { get_events(req, res); });
        s.Post(
            R"(/lan/v1/counters/(\d{1,3})/(next|recall|no-show|hold|finish|transfer|call|pause|resume))",
            [this](const auto& req, auto& res) { counter_action(req, res); });
        s.Post("/lan/v1/tickets", [this](const auto& req, auto& res) { reserve_ticket(req, res); });
        s.Post(R"(/lan/v1/tickets/(\d{1,18})/(printing|issued|void))",
               [this](const auto& req, auto& res) { ticket_change(req, res); });
        s.Post("/lan/v1/ratings", [this](const auto& req, auto& res) { post_rating(req, res); });
        s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty()) return;
            const int status = res.status;
            send_error(res,
                       status == 401   ? HubErrorCode::Unauthorized
                       : status >= 500 ? HubErrorCode::ServerError
                                       : HubErrorCode::BadRequest,
                       status == 404   ? "no such route"
                       : status == 413 ? "body larger than 4 KiB"
                                       : "HTTP " + std::to_string(status));
            res.status = status;
        });
        s.set_exception_handler(
            [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
                std::string what = "unknown exception";
                try {
                    std::rethrow_exception(ep);
                } catch (const std::exception& e) {
                    what = e.what();
                } catch (...) {
                }
                spdlog::error("hub: {} {}: {}", req.method, req.path, what);
                send_error(res, HubErrorCode::ServerError);
            });
    }
};

HubServer::HubServer(const KioskConfig& config, std::string db_path, HubTokens tokens,
                     HubServerOptions options, const Clock& clock)
    : impl_(std::make_unique<Impl>(config, std::move(db_path), std::move(tokens),
                                   std::move(options), clock)) {}

HubServer::~HubServer() {
    stop();
}

int HubServer::port() const {
    return impl_->port;
}

bool HubServer::tls() const {
    return !impl_->options.tls_cert.empty();
}

void HubServer::notify_changed() {
    impl_->bus.waiting_changed();
}

void HubServer::set_on_committed(std::function<void()> callback) {
    std::lock_guard lock(impl_->callback_mu);
    impl_->on_committed = std::move(callback);
}

bool HubServer::start(std::string& error) {
    Impl& m = *impl_;
    if (m.running) return true;
    try {
        m.queue =
            std::make_unique<CallQueue>(m.db_path, m.config, CallQueueOptions::from(m.config.hub));
        m.store = std::make_unique<TicketStore>(m.db_path);
        m.ratings = std::make_unique<LanRatings>(m.db_path, m.clock);
        m.read_db = std::make_unique<SqliteDb>(m.db_path);
        m.read_view = std::make_unique<QueueView>(*m.read_db, m.config);
    } catch (const StoreError& e) {
        error = std::string("cannot open the queue store: ") + e.what();
        return false;
    }
    const auto& o = m.options;
    if (o.tls_cert.empty() != o.tls_key.empty()) {
        error = "TLS needs both a certificate and a key";
        return false;
    }
    if (!o.tls_cert.empty()) {
        auto ssl = std::make_unique<httplib::SSLServer>(o.tls_cert.c_str(), o.tls_key.c_str());
        if (!ssl->is_valid()) {
            error = "cannot load TLS certificate '" + o.tls_cert + "' / key '" + o.tls_key + "'";
            return false;
        }
        m.server = std::move(ssl);
    } else {
        m.server = std::make_unique<httplib::Server>();
    }
    auto& s = *m.server;
    const int threads = o.threads;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    s.set_tcp_nodelay(true);
    s.set_keep_alive_max_count(1000000);
    s.set_keep_alive_timeout(3);  // idle keep-alive connections delay stop() by up to this
    s.set_payload_max_length(kMaxBody);
    s.set_read_timeout(10, 0);
    s.set_write_timeout(10, 0);
    m.routes();
    if (o.port == 0) {
        m.port = s.bind_to_any_port(o.host);
        if (m.port <= 0) {
            error = "cannot bind to any port on " + o.host;
            return false;
        }
    } else {
        if (!s.bind_to_port(o.host, o.port)) {
            error = "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                    " (address in use or not on this machine)";
            return false;
        }
        m.port = o.port;
    }
    m.listener = std::thread([&m] { m.server->listen_after_bind(); });
    while (!s.is_running())  // httplib's stop() does nothing until the listener runs
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    m.poll_stop = false;
    m.bus.start();
    m.poller = std::thread([&m] { m.poll_loop(); });
    m.running = true;
    spdlog::info("hub: serving the office queue on {}://{}:{} ({} tokens)",
                 tls() ? "https" : "http", o.host, m.port, m.tokens.size());
    return true;
}

void HubServer::stop() {
    Impl& m = *impl_;
    if (!m.running) return;
    m.running = false;
    m.bus.stop();
    {
        std::lock_guard lock(m.poll_mu);
        m.poll_stop = true;
    }
    m.poll_cv.notify_all();
    if (m.poller.joinable()) m.poller.join();
    m.server->stop();
    if (m.listener.joinable()) m.listener.join();
    m.server.reset();
    std::lock_guard q(m.queue_mu);
    std::lock_guard s(m.store_mu);
    std::lock_guard r(m.read_mu);
    m.read_view.reset();
    m.read_db.reset();
    m.store.reset();
    m.queue.reset();
}

}  // namespace kiosk::hub
