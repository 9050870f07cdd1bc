#pragma once
// Validating parsers for every server reply. They never throw and never trust the input: size
// and nesting limits first, then strict UTF-8 JSON, then every field's type, range and format.
// Text is normalised to NFC. On failure `error` says where and why ("procedures[3].channels[0].
// fee_vnd: must be 0-100000000").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/sync/api_types.h"

namespace kiosk::sync {

inline constexpr size_t kMaxCatalogBytes = 4 * 1024 * 1024;
inline constexpr size_t kMaxReplyBytes = 256 * 1024;
inline constexpr int kMaxJsonDepth = 32;

template <class T>
struct Parsed {
    std::optional<T> value;
    std::string error;
    bool ok() const { return value.has_value(); }
};

Parsed<Catalog> parse_catalog(std::string_view body);
Parsed<Dossier> parse_dossier(std::string_view body);
Parsed<std::vector<EventAck>> parse_event_acks(std::string_view body);
Parsed<ServerTime> parse_server_time(std::string_view body);
Parsed<ApiError> parse_api_error(std::string_view body);

// Formats shared with the lookup screen.
bool is_dossier_code(const std::string& code);    // domain notes §2 pattern
bool is_procedure_code(const std::string& code);  // 1.001234[.agency suffix]
bool is_iso8601_offset(const std::string& text);  // 2026-11-27T14:05:09+07:00

}  // namespace kiosk::sync
