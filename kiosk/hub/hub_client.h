#pragma once
// Client side of the office queue hub (docs/lan-api.md): what the counter terminal, the calling
// board and a second kiosk use. Depends on cpp-httplib, OpenSSL and nlohmann-json only (library
// `kiosk_hub_client`); no SDL, no SQLite.
//
//   hub::HubClient c({.url = "https://10.0.0.5:8470", .token = tok, .ca_file = "ca.pem"});
//   auto r = c.next(3);                       // counter 3 calls the next citizen
//   if (r) show(r->ticket->number); else show(r.error().message_vi);
//
//   hub::HubEventStream s({.url = …, .token = board_tok}, [&](hub::HubEvent e) {
//       queue.push(std::move(e));             // runs on the stream's thread: copy and wake the UI
//       SDL_PushEvent(&wake);
//   });
//   s.start();                                // reconnects by itself until stop()/destruction
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "lan_types.h"

namespace kiosk::hub {

// A value or a HubError; never throws for network or API failures.
template <class T>
class HubResult {
  public:
    HubResult(T value) : v_(std::move(value)) {}         // NOLINT: implicit on purpose
    HubResult(HubError error) : v_(std::move(error)) {}  // NOLINT
    bool ok() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return ok(); }
    const T& value() const { return std::get<T>(v_); }
    T& value() { return std::get<T>(v_); }
    const T* operator->() const { return &value(); }
    const T& operator*() const { return value(); }
    // Code None when ok().
    const HubError& error() const {
        static const HubError kNone{};
        return ok() ? kNone : std::get<HubError>(v_);
    }

  private:
    std::variant<T, HubError> v_;
};

struct HubClientOptions {
    std::string url;      // "http://host:port" or "https://host:port" (no path)
    std::string token;    // bearer token from the hub's tokens file (never logged)
    std::string ca_file;  // PEM bundle to verify an https hub; empty = system bundle
    int connect_timeout_ms = 2000;
    int request_timeout_ms = 5000;  // read/write timeout of one request
};

// One keep-alive connection to the hub. Methods are blocking and thread-safe (serialised by an
// internal mutex); use one client per thread for parallel requests. Call them off the UI thread.
class HubClient {
  public:
    explicit HubClient(HubClientOptions options);
    ~HubClient();
    HubClient(const HubClient&) = delete;
    HubClient& operator=(const HubClient&) = delete;

    // Any role.
    HubResult<HubState> state();

    // Counter role: the token must be counter N's (403 otherwise).
    HubResult<CounterReply> next(int counter);     // finish current as served, call the next
    HubResult<CounterReply> recall(int counter);   // announce the current ticket again
    HubResult<CounterReply> no_show(int counter);  // back to the line, dropped after N times
    HubResult<CounterReply> hold(int counter);     // set the current ticket aside
    HubResult<CounterReply> finish(int counter);   // current ticket served, nobody called
    HubResult<CounterReply> transfer(int counter, const TransferTarget& to);
    // Call one specific waiting or held ticket by its printed number ("1005").
    HubResult<CounterReply> call_number(int counter, const std::string& number);
    HubResult<CounterReply> pause(int counter, const std::string& reason);
    HubResult<CounterReply> resume(int counter);

    // Kiosk role: issue into the hub's queue, mirroring TicketStore's reserve → printing →
    // issued | void. The hub numbers the ticket; the kiosk prints it.
    HubResult<TicketReply> reserve_ticket(const std::string& service_id, bool priority);
    HubResult<LanTicket> mark_printing(int64_t ticket_id);
    HubResult<LanTicket> mark_issued(int64_t ticket_id);
    HubResult<LanTicket> mark_void(int64_t ticket_id, const std::string& reason);

    const std::string& url() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One live-stream event. Connected/Disconnected are the stream's own state changes.
struct HubEvent {
    enum class Kind { Connected, Disconnected, Snapshot, Call, Counter, Waiting };
    Kind kind = Kind::Snapshot;
    int64_t id = 0;                       // SSE id (= latest calls.seq), 0 for connection events
    HubState snapshot;                    // Snapshot: full state (sent after every (re)connect)
    CallRecord call;                      // Call: a call or recall (call.kind)
    CounterInfo counter;                  // Counter: a counter changed (paused, current, …)
    std::vector<ServiceWaiting> waiting;  // Waiting: new waiting counts, every service
    std::string detail;                   // Disconnected: why, in English, for logs
};
using HubEventCallback = std::function<void(HubEvent)>;

struct HubEventStreamOptions {
    int min_backoff_ms = 200;  // first reconnect delay, doubled up to max_backoff_ms
    int max_backoff_ms = 3000;
    int idle_timeout_ms = 25000;  // no byte (not even a keep-alive) for this long = reconnect
};

// Reads GET /lan/v1/events on its own thread. After each (re)connect it resumes with
// Last-Event-ID, so missed calls arrive (in order) as Call events, followed by a Snapshot.
// Events are delivered in order on the stream thread; the callback must not block for long.
class HubEventStream {
  public:
    HubEventStream(HubClientOptions options, HubEventCallback callback,
                   HubEventStreamOptions stream_options = {});
    ~HubEventStream();  // stops and joins
    HubEventStream(const HubEventStream&) = delete;
    HubEventStream& operator=(const HubEventStream&) = delete;

    void start();
    void stop();
    bool connected() const;
    int64_t last_event_id() const;  // resume point of the next reconnect

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::hub
