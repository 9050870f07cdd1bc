#pragma once
// Incremental reader of a text/event-stream body (the WHATWG server-sent events format): bytes
// in, complete events out. Comment lines (": keep-alive") only count as activity.
#include <functional>
#include <optional>
#include <string>

namespace kiosk::hub {

struct SseEvent {
    std::optional<std::string> id;  // the `id:` field, if this event had one
    std::string event = "message";
    std::string data;  // `data:` lines joined with '\n'
};

class SseParser {
  public:
    using Sink = std::function<void(SseEvent)>;
    explicit SseParser(Sink sink) : sink_(std::move(sink)) {}

    // Feeds a chunk (any split, even inside a line or a UTF-8 sequence).
    void feed(const char* data, size_t size);
    // A partial line longer than this is dropped (protects against a runaway peer).
    static constexpr size_t kMaxLine = 1 << 20;

  private:
    void line(const std::string& l);

    Sink sink_;
    std::string buffer_;
    SseEvent pending_;
    bool has_data_ = false;
    bool last_was_cr_ = false;
};

}  // namespace kiosk::hub
