#pragma once
// What a scanned or typed payload means to the kiosk (notes/domain.md §6–§8):
//  - a dossier code, bare ("000.00.21.H41-250312-0007", the receipt's Code 128) or inside a
//    lookup URL (…/tra-cuu?SGT=<owner ID>&MHS=<code>; also MaHoSo, mahoso, code, keyword);
//  - the chip-ID card (CCCD) QR: only a second factor, personal data, never shown or logged whole;
//  - the kiosk's own ticket QR (config ticket_url → office, date, number);
//  - anything else: a typed rejection with a Vietnamese hint and an English log reason.
// Payloads are personal data: every to_string/log helper here prints masked forms only.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/core/clock.h"
#include "kiosk/core/dossier_code.h"

namespace kiosk {

// A personal value (ID number, name, address). The full value is reachable only through
// reveal(), for the request that sends it to the server; screens and logs use masked().
class PersonalText {
  public:
    PersonalText() = default;
    explicit PersonalText(std::string value) : value_(std::move(value)) {}
    const std::string& reveal() const { return value_; }
    bool empty() const { return value_.empty(); }
    // Every character but the last `keep` replaced by '*' ("********6789"); values shorter than
    // 2 × keep are masked completely.
    std::string masked(size_t keep = 4) const;
    bool operator==(const PersonalText&) const = default;

  private:
    std::string value_;
};

// "Nguyễn Văn An" → "N. V. A." (NFC, upper-case initials).
std::string name_initials(std::string_view full_name);

enum class PayloadSource { BareCode, Url, FreeText };
const char* to_string(PayloadSource source);

struct DossierPayload {
    DossierCode code;
    PayloadSource source = PayloadSource::BareCode;
    std::string url_parameter;  // "MHS" (as written in the URL) when source == Url
    PersonalText owner_id;      // SGT from the URL, if any (second factor)
};

struct Date {
    int year = 0, month = 0, day = 0;
    bool operator==(const Date&) const = default;
};

struct CitizenIdCard {
    PersonalText id_number;  // 12 digits
    PersonalText old_id;     // 9-digit CMND, may be empty
    PersonalText full_name;  // NFC
    Date birth_date;
    std::string sex;  // "Nam" / "Nữ" (as printed)
    PersonalText address;
    std::optional<Date> issue_date;  // missing when the reader delivered 6 fields

    std::string masked_id() const { return id_number.masked(4); }  // "********6789"
    std::string masked_name() const { return name_initials(full_name.reveal()); }
};

struct TicketRef {
    std::string office;   // {office}
    std::string date;     // business date YYYY-MM-DD from {date} (YYYYMMDD)
    std::string number;   // {number}: "1001", "A005"
    std::string service;  // {service}, when the template has it
};

enum class RejectReason {
    Empty,
    TooLong,
    InvalidUtf8,
    ControlCharacters,
    UrlWithoutCode,  // a URL with no code parameter and no code in it (e.g. the receipt's info QR)
    UrlCodeInvalid,  // a code parameter whose value is not a valid dossier code
    CodeInvalid,     // looks like a dossier code but the date is wrong or in the future
    CitizenIdMalformed,  // '|'-separated like a CCCD QR but the fields do not fit
    TicketOtherOffice,   // our ticket URL form, another office
    TicketMalformed,     // our ticket URL form with an unusable date or number
    Unrecognised,
};
const char* to_string(RejectReason reason);

struct PayloadRejection {
    RejectReason reason = RejectReason::Unrecognised;
    std::string hint_vi;     // for the screen: "Mã không hợp lệ. …" + what to scan
    std::string log_reason;  // English, precise, never echoes personal data
};

struct ScanPayload {
    std::variant<DossierPayload, CitizenIdCard, TicketRef, PayloadRejection> value;

    const DossierPayload* dossier() const { return std::get_if<DossierPayload>(&value); }
    const CitizenIdCard* citizen_id() const { return std::get_if<CitizenIdCard>(&value); }
    const TicketRef* ticket() const { return std::get_if<TicketRef>(&value); }
    const PayloadRejection* rejection() const { return std::get_if<PayloadRejection>(&value); }
};

struct PayloadContext {
    TimePoint now;                    // injected: the dossier date must not be in the future
    std::string ticket_url_template;  // KioskConfig::ticket_url_template ("" = no ticket QR)
    std::string office_id;            // KioskConfig::office_id
};

// Longest payload looked at (bytes). A QR holds at most 2953 bytes.
inline constexpr size_t kMaxPayloadBytes = 4096;

// Classifies a scanned or typed payload. Never throws; input is validated as UTF-8 and NFC-
// normalised before anything else looks at it.
ScanPayload classify_payload(std::string_view raw, const PayloadContext& context);

// Log-safe one-line description: the dossier code, masked IDs and initials, or the rejection's
// log reason. Never contains a full ID number, name or address.
std::string to_log_string(const ScanPayload& payload);

// The raw payload with personal parts masked, for support output: a CCCD QR becomes
// "********6789|…" with every field masked, an SGT URL parameter value is masked. Invalid UTF-8
// is shown as \xNN escapes, control characters as \xNN too.
std::string masked_payload_text(std::string_view raw);

// Percent-decoding of a URL query component ('+' = space). Malformed escapes are kept literally.
std::string percent_decode(std::string_view text);

}  // namespace kiosk
