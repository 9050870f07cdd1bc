#pragma once
// The office's procedure catalogue as the dossier server publishes it (docs/sync-api.md
// "Catalogue"), after validation: office, service fields, counters, opening hours, holidays and
// procedures. Plain data shared by the queue (which counters serve a field), the screens and the
// sync link, which parses and validates it (kiosk/sync/reply_parsers). All text is NFC UTF-8.
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

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

}  // namespace kiosk
