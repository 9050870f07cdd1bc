#include "lan_json.h"

namespace kiosk::hub {

using nlohmann::json;

namespace {
template <class T>
void get_opt(const json& j, const char* key, std::optional<T>& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        out.reset();
    else
        out = it->get<T>();
}
}  // namespace

void to_json(json& j, const LanTicket& t) {
    j = json{{"id", t.id},
             {"business_date", t.business_date},
             {"number", t.number},
             {"service_id", t.service_id},
             {"origin_service_id", t.origin_service_id},
             {"priority", t.priority},
             {"state", t.state},
             {"counter", t.counter},
             {"target_counter", t.target_counter},
             {"no_shows", t.no_shows},
             {"recalls", t.recalls},
             {"issued_at_us", t.issued_at_us},
             {"called_at_us", t.called_at_us}};
}

void from_json(const json& j, LanTicket& t) {
    t.id = j.at("id").get<int64_t>();
    t.business_date = j.value("business_date", "");
    t.number = j.at("number").get<std::string>();
    t.service_id = j.value("service_id", "");
    t.origin_service_id = j.value("origin_service_id", "");
    t.priority = j.value("priority", false);
    t.state = j.value("state", "");
    t.counter = j.value("counter", 0);
    t.target_counter = j.value("target_counter", 0);
    t.no_shows = j.value("no_shows", 0);
    t.recalls = j.value("recalls", 0);
    t.issued_at_us = j.value("issued_at_us", int64_t{0});
    t.called_at_us = j.value("called_at_us", int64_t{0});
}

void to_json(json& j, const CounterInfo& c) {
    j = json{{"number", c.number},
             {"services", c.services},
             {"paused", c.paused},
             {"pause_reason", c.pause_reason},
             {"current", c.current ? json(*c.current) : json(nullptr)},
             {"held", c.held},
             {"served_today", c.served_today}};
}

void from_json(const json& j, CounterInfo& c) {
    c.number = j.at("number").get<int>();
    c.services = j.value("services", std::vector<std::string>{});
    c.paused = j.value("paused", false);
    c.pause_reason = j.value("pause_reason", "");
    get_opt(j, "current", c.current);
    c.held = j.value("held", std::vector<LanTicket>{});
    c.served_today = j.value("served_today", 0);
}

void to_json(json& j, const CallRecord& c) {
    j = json{{"seq", c.seq},           {"ticket_id", c.ticket_id},
             {"number", c.number},     {"service_id", c.service_id},
             {"counter", c.counter},   {"kind", c.kind},
             {"priority", c.priority}, {"at_us", c.at_us}};
}

void from_json(const json& j, CallRecord& c) {
    c.seq = j.at("seq").get<int64_t>();
    c.ticket_id = j.value("ticket_id", int64_t{0});
    c.number = j.at("number").get<std::string>();
    c.service_id = j.value("service_id", "");
    c.counter = j.at("counter").get<int>();
    c.kind = j.value("kind", "call");
    c.priority = j.value("priority", false);
    c.at_us = j.value("at_us", int64_t{0});
}

void to_json(json& j, const ServiceWaiting& s) {
    j = json{{"service_id", s.service_id},
             {"name_vi", s.name_vi},
             {"name_en", s.name_en},
             {"waiting", s.waiting}};
}

void from_json(const json& j, ServiceWaiting& s) {
    s.service_id = j.at("service_id").get<std::string>();
    s.name_vi = j.value("name_vi", "");
    s.name_en = j.value("name_en", "");
    s.waiting = j.value("waiting", 0);
}

void to_json(json& j, const HubState& s) {
    j = json{
        {"business_date", s.business_date},
        {"now_us", s.now_us},
        {"office_name_vi", s.office_name_vi},
        {"office_name_en", s.office_name_en},
        {"services", s.services},
        {"counters", s.counters},
        {"recent_calls", s.recent_calls},
        {"last_call_seq", s.last_call_seq},
        {"board",
         {{"recent_calls", s.board_recent_calls},
          {"notice_vi", s.notice_vi},
          {"notice_en", s.notice_en}}},
        {"voice",
         {{"enabled", s.voice_enabled}, {"reading", s.voice_reading}, {"repeat", s.voice_repeat}}}};
}

void from_json(const json& j, HubState& s) {
    s.business_date = j.value("business_date", "");
    s.now_us = j.value("now_us", int64_t{0});
    s.office_name_vi = j.value("office_name_vi", "");
    s.office_name_en = j.value("office_name_en", "");
    s.services = j.value("services", std::vector<ServiceWaiting>{});
    s.counters = j.value("counters", std::vector<CounterInfo>{});
    s.recent_calls = j.value("recent_calls", std::vector<CallRecord>{});
    s.last_call_seq = j.value("last_call_seq", int64_t{0});
    const json board = j.value("board", json::object());
    s.board_recent_calls = board.value("recent_calls", 6);
    s.notice_vi = board.value("notice_vi", "");
    s.notice_en = board.value("notice_en", "");
    const json voice = j.value("voice", json::object());
    s.voice_enabled = voice.value("enabled", true);
    s.voice_reading = voice.value("reading", "north");
    s.voice_repeat = voice.value("repeat", 1);
}

void to_json(json& j, const CounterReply& r) {
    j = json{{"counter", r.counter},
             {"ticket", r.ticket ? json(*r.ticket) : json(nullptr)},
             {"priority_call", r.priority_call},
             {"call", r.call ? json(*r.call) : json(nullptr)}};
}

void from_json(const json& j, CounterReply& r) {
    r.counter = j.at("counter").get<CounterInfo>();
    get_opt(j, "ticket", r.ticket);
    r.priority_call = j.value("priority_call", false);
    get_opt(j, "call", r.call);
}

void to_json(json& j, const TicketReply& r) {
    j = json{{"ticket", r.ticket}, {"people_ahead", r.people_ahead}};
}

void from_json(const json& j, TicketReply& r) {
    r.ticket = j.at("ticket").get<LanTicket>();
    r.people_ahead = j.value("people_ahead", 0);
}

json error_body(const HubError& e) {
    return json{{"error",
                 {{"code", to_code_string(e.code)},
                  {"message_vi", e.message_vi},
                  {"message_en", e.message_en}}}};
}

HubError parse_error_body(int http_status, const std::string& body) {
    HubErrorCode fallback = HubErrorCode::ServerError;
    switch (http_status) {
        case 400:
            fallback = HubErrorCode::BadRequest;
            break;
        case 401:
            fallback = HubErrorCode::Unauthorized;
            break;
        case 403:
            fallback = HubErrorCode::Forbidden;
            break;
        default:
            break;
    }
    HubError e = make_hub_error(fallback, "HTTP " + std::to_string(http_status));
    const json j = json::parse(body, nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].is_object()) {
        const json& err = j["error"];
        if (err.contains("code") && err["code"].is_string())
            if (auto code = hub_error_code_from_string(err["code"].get<std::string>()))
                e = make_hub_error(*code, e.detail);
        if (err.contains("message_vi") && err["message_vi"].is_string())
            e.message_vi = err["message_vi"].get<std::string>();
        if (err.contains("message_en") && err["message_en"].is_string())
            e.message_en = err["message_en"].get<std::string>();
    }
    e.http_status = http_status;
    return e;
}

}  // namespace kiosk::hub
