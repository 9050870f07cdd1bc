#include "hub_client.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>

#include "lan_json.h"
#include "sse_parser.h"

namespace kiosk::hub {

using nlohmann::json;

namespace {

std::unique_ptr<httplib::Client> make_client(const HubClientOptions& o, int read_timeout_ms) {
    auto c = std::make_unique<httplib::Client>(o.url);
    const auto ms = [](int v) { return std::chrono::milliseconds(v); };
    c->set_connection_timeout(ms(o.connect_timeout_ms));
    c->set_read_timeout(ms(read_timeout_ms));
    c->set_write_timeout(ms(o.request_timeout_ms));
    c->set_keep_alive(true);
    // Headers and body go out as separate writes: without this each action waits ~40 ms for
    // the hub's delayed ACK (Nagle).
    c->set_tcp_nodelay(true);
    c->set_bearer_token_auth(o.token.c_str());
    if (o.url.rfind("https://", 0) == 0) {
        if (!o.ca_file.empty()) c->set_ca_cert_path(o.ca_file.c_str());
        c->enable_server_certificate_verification(true);
    }
    return c;
}

std::string random_key() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                  static_cast<unsigned long long>(rng()));
    return buf;
}

template <class T>
HubResult<T> decode(const HubResult<json>& r) {
    if (!r) return r.error();
    try {
        return r->get<T>();
    } catch (const std::exception& e) {
        return make_hub_error(HubErrorCode::BadReply, e.what());
    }
}

}  // namespace

struct HubClient::Impl {
    HubClientOptions options;
    std::mutex mu;
    std::unique_ptr<httplib::Client> client;

    HubResult<json> request(const std::string& path, const json* body, bool retry_safe) {
        std::lock_guard lock(mu);
        if (!client) client = make_client(options, options.request_timeout_ms);
        // Counter actions carry a fresh key: a retry after a lost reply is answered from the
        // hub's memory instead of being done twice, so one retry is safe.
        httplib::Headers headers;
        if (body && retry_safe) headers.emplace("Idempotency-Key", random_key());
        httplib::Result res = body ? client->Post(path, headers, body->dump(), "application/json")
                                   : client->Get(path);
        if (!res && (retry_safe || !body)) {
            const auto e = res.error();
            if (e == httplib::Error::Read || e == httplib::Error::Write ||
                e == httplib::Error::Connection)
                res = body ? client->Post(path, headers, body->dump(), "application/json")
                           : client->Get(path);
        }
        if (!res)
            return make_hub_error(HubErrorCode::Unreachable,
                                  options.url + path + ": " + httplib::to_string(res.error()));
        if (res->status >= 200 && res->status < 300) {
            json j = json::parse(res->body, nullptr, false);
            if (j.is_discarded())
                return make_hub_error(HubErrorCode::BadReply, path + ": reply is not JSON");
            return j;
        }
        return parse_error_body(res->status, res->body);
    }

    HubResult<CounterReply> action(int counter, const char* name, const json& body) {
        return decode<CounterReply>(
            request("/lan/v1/counters/" + std::to_string(counter) + "/" + name, &body, true));
    }

    HubResult<LanTicket> ticket_change(int64_t id, const char* name, const json& body) {
        auto r = request("/lan/v1/tickets/" + std::to_string(id) + "/" + name, &body, false);
        if (!r) return r.error();
        try {
            return r->at("ticket").get<LanTicket>();
        } catch (const std::exception& e) {
            return make_hub_error(HubErrorCode::BadReply, e.what());
        }
    }
};

HubClient::HubClient(HubClientOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
}
HubClient::~HubClient() = default;

const std::string& HubClient::url() const {
    return impl_->options.url;
}

HubResult<HubState> HubClient::state() {
    return decode<HubState>(impl_->request("/lan/v1/state", nullptr, true));
}

HubResult<CounterReply> HubClient::next(int counter) {
    return impl_->action(counter, "next", json::object());
}
HubResult<CounterReply> HubClient::recall(int counter) {
    return impl_->action(counter, "recall", json::object());
}
HubResult<CounterReply> HubClient::no_show(int counter) {
    return impl_->action(counter, "no-show", json::object());
}
HubResult<CounterReply> HubClient::hold(int counter) {
    return impl_->action(counter, "hold", json::object());
}
HubResult<CounterReply> HubClient::finish(int counter) {
    return impl_->action(counter, "finish", json::object());
}
HubResult<CounterReply> HubClient::transfer(int counter, const TransferTarget& to) {
    json body = json::object();
    if (!to.service_id.empty()) body["service_id"] = to.service_id;
    if (to.counter != 0) body["counter"] = to.counter;
    return impl_->action(counter, "transfer", body);
}
HubResult<CounterReply> HubClient::call_number(int counter, const std::string& number) {
    return impl_->action(counter, "call", json{{"number", number}});
}
HubResult<CounterReply> HubClient::pause(int counter, const std::string& reason) {
    return impl_->action(counter, "pause", json{{"reason", reason}});
}
HubResult<CounterReply> HubClient::resume(int counter) {
    return impl_->action(counter, "resume", json::object());
}

HubResult<TicketReply> HubClient::reserve_ticket(const std::string& service_id, bool priority) {
    const json body{{"service_id", service_id}, {"priority", priority}};
    return decode<TicketReply>(impl_->request("/lan/v1/tickets", &body, false));
}
HubResult<LanTicket> HubClient::mark_printing(int64_t id) {
    return impl_->ticket_change(id, "printing", json::object());
}
HubResult<LanTicket> HubClient::mark_issued(int64_t id) {
    return impl_->ticket_change(id, "issued", json::object());
}
HubResult<LanTicket> HubClient::mark_void(int64_t id, const std::string& reason) {
    return impl_->ticket_change(id, "void", json{{"reason", reason}});
}

// ---- HubEventStream --------------------------------------------------------------------------

struct HubEventStream::Impl {
    HubClientOptions options;
    HubEventCallback callback;
    HubEventStreamOptions stream_options;
    std::atomic<bool> stop{false};
    std::atomic<bool> connected{false};
    std::atomic<int64_t> last_id{0};
    std::mutex mu;  // guards client (stop() may cancel it from another thread) and the wait
    std::condition_variable cv;
    httplib::Client* client = nullptr;
    std::thread thread;

    void emit(HubEvent e) {
        if (callback) callback(std::move(e));
    }

    void set_disconnected(const std::string& why) {
        if (connected.exchange(false)) {
            HubEvent e;
            e.kind = HubEvent::Kind::Disconnected;
            e.detail = why;
            emit(std::move(e));
        }
    }

    void dispatch(SseEvent ev) {
        HubEvent e;
        if (ev.id) {
            try {
                e.id = std::stoll(*ev.id);
            } catch (const std::exception&) {
                e.id = 0;
            }
        }
        json j = json::parse(ev.data, nullptr, false);
        if (j.is_discarded()) return;  // not ours; keep reading
        try {
            if (ev.event == "call") {
                e.kind = HubEvent::Kind::Call;
                e.call = j.get<CallRecord>();
            } else if (ev.event == "counter") {
                e.kind = HubEvent::Kind::Counter;
                e.counter = j.get<CounterInfo>();
            } else if (ev.event == "waiting") {
                e.kind = HubEvent::Kind::Waiting;
                e.waiting = j.at("services").get<std::vector<ServiceWaiting>>();
            } else if (ev.event == "snapshot") {
                e.kind = HubEvent::Kind::Snapshot;
                e.snapshot = j.get<HubState>();
            } else {
                return;
            }
        } catch (const std::exception&) {
            return;  // a malformed event is skipped, the stream goes on
        }
        if (e.id > last_id.load()) last_id = e.id;
        emit(std::move(e));
    }

    // One connection, until it drops or stop. Returns true if events were received.
    bool read_once() {
        auto c = make_client(options, stream_options.idle_timeout_ms);
        c->set_keep_alive(false);
        {
            std::lock_guard lock(mu);
            if (stop) return false;
            client = c.get();
        }
        bool got_snapshot = false;
        SseParser parser([&](SseEvent ev) {
            if (ev.event == "snapshot") got_snapshot = true;
            dispatch(std::move(ev));
        });
        httplib::Headers headers{{"Accept", "text/event-stream"}};
        if (last_id.load() > 0) headers.emplace("Last-Event-ID", std::to_string(last_id.load()));
        int status = 0;
        auto res = c->Get(
            "/lan/v1/events", headers,
            [&](const httplib::Response& r) {
                status = r.status;
                if (r.status != 200) return false;
                if (!connected.exchange(true)) {
                    HubEvent e;
                    e.kind = HubEvent::Kind::Connected;
                    emit(std::move(e));
                }
                return true;
            },
            [&](const char* data, size_t len) {
                parser.feed(data, len);
                return !stop.load();
            });
        {
            std::lock_guard lock(mu);
            client = nullptr;
        }
        std::string why = status != 0 && status != 200
                              ? "hub answered HTTP " + std::to_string(status)
                              : "stream ended: " + httplib::to_string(res.error());
        set_disconnected(why);
        return got_snapshot;
    }

    void run() {
        int backoff = stream_options.min_backoff_ms;
        while (!stop) {
            if (read_once()) backoff = stream_options.min_backoff_ms;
            if (stop) break;
            std::unique_lock lock(mu);
            cv.wait_for(lock, std::chrono::milliseconds(backoff), [&] { return stop.load(); });
            backoff = std::min(backoff * 2, stream_options.max_backoff_ms);
        }
    }
};

HubEventStream::HubEventStream(HubClientOptions options, HubEventCallback callback,
                               HubEventStreamOptions stream_options)
    : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->callback = std::move(callback);
    impl_->stream_options = stream_options;
}

HubEventStream::~HubEventStream() {
    stop();
}

void HubEventStream::start() {
    if (impl_->thread.joinable()) return;
    impl_->stop = false;
    impl_->thread = std::thread([this] { impl_->run(); });
}

void HubEventStream::stop() {
    {
        std::lock_guard lock(impl_->mu);
        impl_->stop = true;
        if (impl_->client) impl_->client->stop();  // breaks a blocking read at once
    }
    impl_->cv.notify_all();
    if (impl_->thread.joinable()) impl_->thread.join();
}

bool HubEventStream::connected() const {
    return impl_->connected.load();
}

int64_t HubEventStream::last_event_id() const {
    return impl_->last_id.load();
}

}  // namespace kiosk::hub
