#include "sse_parser.h"

namespace kiosk::hub {

void SseParser::feed(const char* data, size_t size) {
    for (size_t i = 0; i < size; ++i) {
        const char c = data[i];
        if (c == '\n' && last_was_cr_) {  // the \n of a \r\n pair: line already ended
            last_was_cr_ = false;
            continue;
        }
        last_was_cr_ = c == '\r';
        if (c == '\n' || c == '\r') {
            line(buffer_);
            buffer_.clear();
        } else if (buffer_.size() < kMaxLine) {
            buffer_.push_back(c);
        }
    }
}

void SseParser::line(const std::string& l) {
    if (l.empty()) {  // blank line: dispatch
        if (has_data_) sink_(std::move(pending_));
        pending_ = SseEvent{};
        has_data_ = false;
        return;
    }
    if (l[0] == ':') return;  // comment / keep-alive
    const auto colon = l.find(':');
    const std::string field = l.substr(0, colon);
    std::string value;
    if (colon != std::string::npos) {
        value = l.substr(colon + 1);
        if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    }
    if (field == "data") {
        if (has_data_) pending_.data.push_back('\n');
        pending_.data += value;
        has_data_ = true;
    } else if (field == "event") {
        pending_.event = value;
    } else if (field == "id") {
        if (value.find('\0') == std::string::npos) pending_.id = value;
    }
    // `retry:` and unknown fields are ignored: the client has its own backoff.
}

}  // namespace kiosk::hub
