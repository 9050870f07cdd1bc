#pragma once
// The dossier code printed on a receipt (mã số hồ sơ, TT 01/2018 Art. 19): AGENCY-YYMMDD-SEQUENCE.
// Two agency-code layouts are in use (notes/domain.md §2):
//   QCVN 102, level 4 first:  000.00.21.H41-250312-0007
//   QĐ 20/2020, level 1 first: H41.22.10.01-251103-0012 (H41, H41.22 … up to three groups)
// Sequences have 4–7 digits. The date must be a real calendar date not later than today in
// Vietnam (UTC+07:00). Nothing security-relevant may be derived from the code: it is only a key.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/clock.h"

namespace kiosk {

enum class AgencyLayout {
    Qcvn102,  // 000.00.21.H41
    Qd20,     // H41.22.10.01
};

const char* to_string(AgencyLayout layout);

struct DossierCode {
    std::string agency;  // "000.00.21.H41" (upper case)
    AgencyLayout layout = AgencyLayout::Qcvn102;
    int year = 2000;  // receipt date from YYMMDD (year = 2000 + YY)
    int month = 1;
    int day = 1;
    std::string sequence;  // "0007": 4–7 digits, zero padding kept

    std::string text() const;     // canonical "000.00.21.H41-250312-0007"
    std::string date_vn() const;  // "12/03/2025"
    bool operator==(const DossierCode&) const = default;
};

enum class DossierCodeError {
    None,
    Empty,
    TooLong,     // more characters than any code can have
    Malformed,   // does not follow either layout
    BadDate,     // YYMMDD is not a calendar date
    FutureDate,  // receipt date later than today (Vietnam)
    Ambiguous,   // manual entry without separators that fits several codes
};

const char* to_string(DossierCodeError error);

struct DossierCodeResult {
    std::optional<DossierCode> code;
    DossierCodeError error = DossierCodeError::None;
    // English, for logs: what is wrong and where. Never contains the input text.
    std::string reason;
    bool ok() const { return code.has_value(); }
};

// Strict form, as printed or encoded in a barcode: ASCII whitespace around it is trimmed and
// letters are upper-cased, nothing else is forgiven. `now` is the injected current time.
DossierCodeResult parse_dossier_code(std::string_view text, TimePoint now);

// A code typed by a person: spaces, lower case, other dash/dot characters (– — / _ , ·), doubled
// or stray separators and missing separators are accepted as long as exactly one valid code fits.
// Examples: "000 00 21 h41 250312 0007", "h41.22.10.01--251103–0012", "0000021H412503120007".
// Digits are never added or dropped: a sequence typed with fewer than 4 digits is rejected.
DossierCodeResult normalize_manual_dossier_code(std::string_view typed, TimePoint now);

// First strictly formed code inside free text (a URL path, "Mã hồ sơ: …"), with non-code
// characters around it. Codes with an invalid or future date are skipped.
std::optional<DossierCode> find_dossier_code(std::string_view text, TimePoint now);

// Longest input the parsers look at (bytes); a code is at most 27 characters.
inline constexpr size_t kMaxDossierCodeInput = 64;

}  // namespace kiosk
