#pragma once
// What the dossier server sends, after validation (docs/sync-api.md). All text is NFC UTF-8.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::sync {

struct Office {
    std::string id, agency_code, name, address, phone;
};
struct ServiceField {
    std::string code, name;  // "G09-TP03", "Hộ tịch"
};
struct Counter {
    int number = 0;
    std::string name;
    std::vector<std::string> field_codes;
};
struct Session {
    std::string open, close;  // "07:00"
};
struct OpeningDay {
    int weekday = 1;  // 1 = Monday … 7 = Sunday
    std::vector<Session> sessions;
};
struct Holiday {
    std::string date, name;
};
struct ChannelTerms {
    int channel = 1;  // 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích
    std::string processing_time;
    int processing_days = 0;
    int64_t fee_vnd = 0;
    std::string fee_text;
};
struct RequiredDocument {
    std::string name;
    int originals = 0, copies = 0;
};
struct Procedure {
    std::string code, name, field_code, agency, result;
    std::vector<ChannelTerms> channels;
    std::vector<RequiredDocument> documents;
};
struct Catalog {
    int64_t version = 0;
    std::string generated_at;
    Office office;
    std::vector<ServiceField> fields;
    std::vector<Counter> counters;
    std::vector<OpeningDay> opening_hours;
    std::vector<Holiday> holidays;
    std::vector<Procedure> procedures;
};

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
