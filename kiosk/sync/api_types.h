#pragma once
// What the dossier server sends, after validation (docs/sync-api.md). All text is NFC UTF-8.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/catalog.h"

namespace kiosk::sync {

// The catalogue types live in kiosk/core (the queue and the screens use them too).
using kiosk::Catalog;
using kiosk::ChannelTerms;
using kiosk::Counter;
using kiosk::Holiday;
using kiosk::Office;
using kiosk::OpeningDay;
using kiosk::Procedure;
using kiosk::RequiredDocument;
using kiosk::ServiceField;
using kiosk::Session;

struct DossierStatus {
    int code = 0;  // national TrangThaiHoSo 1–10
    std::string national_label, label;
};
struct HistoryEntry {
    std::string at, unit, action, to_unit;
};
struct Dossier {
    std::string code;
    DossierStatus status;
    bool overdue = false;
    std::string procedure_code, procedure_name;
    int channel = 1;
    std::string owner_masked;
    std::string received_at;
    std::optional<std::string> appointment_at;
    std::string handling_unit, current_step, pickup_place;
    std::vector<HistoryEntry> history;
};

struct EventAck {
    enum class Result { Stored, Duplicate, Rejected };
    std::string id;
    Result result = Result::Stored;
    std::string reason;
};

struct ServerTime {
    std::string now;  // ISO-8601 +07:00
    int64_t unix_ms = 0;
};

struct ApiError {
    std::string code;     // "second_factor_required", … (empty when the body had none)
    std::string message;  // Vietnamese, for people
    bool retryable = false;
    std::vector<std::string> factors;
};

}  // namespace kiosk::sync
