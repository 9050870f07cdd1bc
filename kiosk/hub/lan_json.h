#pragma once
// JSON forms of the LAN types (docs/lan-api.md "Objects"). from_json throws nlohmann::json
// exceptions on wrong types; callers turn them into BadRequest / BadReply.
#include <nlohmann/json.hpp>

#include "lan_types.h"

namespace kiosk::hub {

void to_json(nlohmann::json& j, const LanTicket& t);
void from_json(const nlohmann::json& j, LanTicket& t);
void to_json(nlohmann::json& j, const CounterInfo& c);
void from_json(const nlohmann::json& j, CounterInfo& c);
void to_json(nlohmann::json& j, const CallRecord& c);
void from_json(const nlohmann::json& j, CallRecord& c);
void to_json(nlohmann::json& j, const ServiceWaiting& s);
void from_json(const nlohmann::json& j, ServiceWaiting& s);
void to_json(nlohmann::json& j, const HubState& s);
void from_json(const nlohmann::json& j, HubState& s);
void to_json(nlohmann::json& j, const CounterReply& r);
void from_json(const nlohmann::json& j, CounterReply& r);
void to_json(nlohmann::json& j, const TicketReply& r);
void from_json(const nlohmann::json& j, TicketReply& r);

// {"error": {"code", "message_vi", "message_en"}}
nlohmann::json error_body(const HubError& e);
// Reads an error body; falls back to the standard wording of the HTTP status.
HubError parse_error_body(int http_status, const std::string& body);

}  // namespace kiosk::hub
