// Dossier code parsing: both agency layouts, date rules, free-text search, forgiving manual entry.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kiosk/core/dossier_code.h"

using namespace kiosk;

namespace {

// 27/11/2026 10:00 in Vietnam.
TimePoint today_10am() {
    return from_local(LocalDateTime{2026, 11, 27, 10, 0, 0, 0});
}

struct StrictCase {
    const char* input;
    const char* canonical;  // nullptr = rejected
    DossierCodeError error;
};

}  // namespace

TEST_CASE("strict dossier codes in both layouts") {
    const std::vector<StrictCase> cases{
        {"000.00.21.H41-250312-0007", "000.00.21.H41-250312-0007", DossierCodeError::None},
        {"H41.22.10.01-251103-0012", "H41.22.10.01-251103-0012", DossierCodeError::None},
        {"H15.50.05.13-261008-0975", "H15.50.05.13-261008-0975", DossierCodeError::None},
        {"000.00.00.G22-240229-1234567", "000.00.00.G22-240229-1234567", DossierCodeError::None},
        {"H41-250312-00001", "H41-250312-00001", DossierCodeError::None},
        {"H41.221-250312-000001", "H41.221-250312-000001", DossierCodeError::None},
        {"  000.00.21.h41-250312-0007 \r\n", "000.00.21.H41-250312-0007", DossierCodeError::None},
        {"h41.22.10.01-251103-0012", "H41.22.10.01-251103-0012", DossierCodeError::None},
        {"", nullptr, DossierCodeError::Empty},
        {"   ", nullptr, DossierCodeError::Empty},
        {"1.000948.H38", nullptr, DossierCodeError::Malformed},              // a procedure code
        {"000.00.21.H41-250312-007", nullptr, DossierCodeError::Malformed},  // 3-digit sequence
        {"000.00.21.H41-250312-12345678", nullptr, DossierCodeError::Malformed},
        {"000.00.21.H4-250312-0007", nullptr, DossierCodeError::Malformed},
        {"00.00.21.H41-250312-0007", nullptr, DossierCodeError::Malformed},
        {"H41.22.10.01.05-251103-0012", nullptr, DossierCodeError::Malformed},  // 4 groups
        {"H41.2-251103-0012", nullptr, DossierCodeError::Malformed},
        {"H41.2222-251103-0012", nullptr, DossierCodeError::Malformed},
        {"000.00.21.H41-25031-0007", nullptr, DossierCodeError::Malformed},
        {"000.00.21.H41 250312 0007", nullptr, DossierCodeError::Malformed},
        {"000.00.21.H41-250312-0007x", nullptr, DossierCodeError::Malformed},
        {"000.00.21.H41-251312-0007", nullptr, DossierCodeError::BadDate},  // month 13
        {"000.00.21.H41-250230-0007", nullptr, DossierCodeError::BadDate},  // 30 Feb
        {"000.00.21.H41-250229-0007", nullptr, DossierCodeError::BadDate},  // 2025 not leap
        {"000.00.21.H41-250001-0007", nullptr, DossierCodeError::BadDate},
        {"000.00.21.H41-250100-0007", nullptr, DossierCodeError::BadDate},
        {"000.00.21.H41-261128-0007", nullptr, DossierCodeError::FutureDate},  // tomorrow
        {"000.00.21.H41-261127-0007", "000.00.21.H41-261127-0007", DossierCodeError::None},
    };
    const std::string too_long(65, '0');
    CHECK(parse_dossier_code(too_long, today_10am()).error == DossierCodeError::TooLong);
    for (const auto& c : cases) {
        const std::string input = c.input;
        CAPTURE(input);
        const auto r = parse_dossier_code(c.input, today_10am());
        CHECK(r.error == c.error);
        if (c.canonical) {
            REQUIRE(r.ok());
            CHECK(r.code->text() == c.canonical);
            CHECK(r.reason.empty());
        } else {
            CHECK_FALSE(r.ok());
            CHECK_FALSE(r.reason.empty());
        }
    }
}

TEST_CASE("parsed fields of a code") {
    const auto a = parse_dossier_code("000.00.21.H41-250312-0007", today_10am());
    REQUIRE(a.ok());
    CHECK(a.code->agency == "000.00.21.H41");
    CHECK(a.code->layout == AgencyLayout::Qcvn102);
    CHECK(a.code->year == 2025);
    CHECK(a.code->month == 3);
    CHECK(a.code->day == 12);
    CHECK(a.code->sequence == "0007");
    CHECK(a.code->date_vn() == "12/03/2025");

    const auto b = parse_dossier_code("H41.22.10.01-251103-0012", today_10am());
    REQUIRE(b.ok());
    CHECK(b.code->agency == "H41.22.10.01");
    CHECK(b.code->layout == AgencyLayout::Qd20);
    CHECK(b.code->sequence == "0012");
}

TEST_CASE("today is judged in Vietnam, not UTC") {
    // 27/11/2026 23:30 UTC is already 28/11 06:30 in Vietnam.
    const TimePoint late_utc = from_local(LocalDateTime{2026, 11, 28, 6, 30, 0, 0});
    CHECK(parse_dossier_code("H41-261128-0001", late_utc).ok());
    // 27/11/2026 06:59 local is 26/11 23:59 UTC: the 27th is already today here.
    const TimePoint early = from_local(LocalDateTime{2026, 11, 27, 6, 59, 0, 0});
    CHECK(parse_dossier_code("H41-261127-0001", early).ok());
    CHECK(parse_dossier_code("H41-261128-0001", early).error == DossierCodeError::FutureDate);
}

TEST_CASE("reasons never echo the input") {
    const auto r = parse_dossier_code("079123456789", today_10am());
    CHECK(r.error == DossierCodeError::Malformed);
    CHECK(r.reason.find("079123456789") == std::string::npos);
    const auto m = normalize_manual_dossier_code("079123456789", today_10am());
    CHECK_FALSE(m.ok());
    CHECK(m.reason.find("079123456789") == std::string::npos);
}

TEST_CASE("codes found inside free text") {
    struct FindCase {
        const char* text;
        const char* found;
    };
    const std::vector<FindCase> cases{
        {"Mã hồ sơ: 000.00.21.H41-250312-0007.", "000.00.21.H41-250312-0007"},
        {"https://dvc.example.vn/tra-cuu/H41.22.10.01-251103-0012", "H41.22.10.01-251103-0012"},
        {"(h41.22.10.01-251103-0012)", "H41.22.10.01-251103-0012"},
        {"x000.00.21.H41-250312-0007", nullptr},                           // glued to a letter
        {".000.00.21.H41-250312-00071", nullptr},                          // a dot before it
        {"000.00.21.H41-250312-0007-1", nullptr},                          // continues with a dash
        {"000.00.21.H41-251312-0007 H41-250101-0001", "H41-250101-0001"},  // first has a bad date
        {"no code here", nullptr},
        {"", nullptr},
    };
    for (const auto& c : cases) {
        const std::string text = c.text;
        CAPTURE(text);
        const auto found = find_dossier_code(c.text, today_10am());
        if (c.found) {
            REQUIRE(found.has_value());
            CHECK(found->text() == c.found);
        } else {
            CHECK_FALSE(found.has_value());
        }
    }
    // A QCVN 102 code is not also found as its Qd20-looking tail "H41-250312-0007".
    const auto whole = find_dossier_code("see 000.00.21.H41-250312-0007", today_10am());
    REQUIRE(whole);
    CHECK(whole->agency == "000.00.21.H41");
}

TEST_CASE("manual entry forgives spaces, case and separators when unambiguous") {
    struct ManualCase {
        const char* typed;
        const char* canonical;  // nullptr = rejected with `error`
        DossierCodeError error;
    };
    const std::vector<ManualCase> cases{
        {"000.00.21.H41-250312-0007", "000.00.21.H41-250312-0007", DossierCodeError::None},
        {"000 00 21 h41 250312 0007", "000.00.21.H41-250312-0007", DossierCodeError::None},
        {"0000021H412503120007", "000.00.21.H41-250312-0007", DossierCodeError::None},
        {"000.00.21.h41 - 250312 - 0007", "000.00.21.H41-250312-0007", DossierCodeError::None},
        {"000..00.21.H41--250312-0007.", "000.00.21.H41-250312-0007", DossierCodeError::None},
        {"000/00/21/H41/250312/0007", "000.00.21.H41-250312-0007", DossierCodeError::None},
        {"000.00.21.H41\xE2\x80\x93"
         "250312\xE2\x80\x94"
         "0007",
         "000.00.21.H41-250312-0007",
         DossierCodeError::None},  // en and em dash from a phone keyboard
        {"h41.22.10.01-251103-0012", "H41.22.10.01-251103-0012", DossierCodeError::None},
        {"H41 22 10 01 251103 0012", "H41.22.10.01-251103-0012", DossierCodeError::None},
        {"h41.22.10.01 2511030012", "H41.22.10.01-251103-0012", DossierCodeError::None},
        {"H41-250312-00001", "H41-250312-00001", DossierCodeError::None},
        {"\xC2\xA0H41\xC2\xA0"
         "250312\xC2\xA0"
         "0001",
         "H41-250312-0001", DossierCodeError::None},
        // Letter-first codes without any separator fit several agency splits.
        {"H412210012511030012", nullptr, DossierCodeError::Ambiguous},
        {"", nullptr, DossierCodeError::Empty},
        {" - . ", nullptr, DossierCodeError::Empty},
        {"000.00.21.H41-250312-7", nullptr, DossierCodeError::Malformed},  // digits never added
        {"000.00.21.H41-250312-0007!", nullptr, DossierCodeError::Malformed},
        {"000.00.21.Đ41-250312-0007", nullptr, DossierCodeError::Malformed},
        {"000.00.21.H41-251312-0007", nullptr, DossierCodeError::BadDate},
        {"0000021H412612310007", nullptr, DossierCodeError::FutureDate},
        {"0000.021.H41-250312-0007", nullptr, DossierCodeError::Malformed},  // dot inside a field
    };
    for (const auto& c : cases) {
        const std::string typed = c.typed;
        CAPTURE(typed);
        const auto r = normalize_manual_dossier_code(c.typed, today_10am());
        CHECK(r.error == c.error);
        if (c.canonical) {
            REQUIRE(r.ok());
            CHECK(r.code->text() == c.canonical);
        } else {
            CHECK_FALSE(r.ok());
            CHECK_FALSE(r.reason.empty());
        }
    }
    CHECK(normalize_manual_dossier_code(std::string(65, '1'), today_10am()).error ==
          DossierCodeError::TooLong);
}

TEST_CASE("every canonical code survives manual normalisation") {
    for (const char* code :
         {"000.00.21.H41-250312-0007", "H41.22.10.01-251103-0012", "H15.50.05.13-261008-0975",
          "000.00.00.G22-240229-1234567", "H41.221.05-250312-000001"}) {
        CAPTURE(code);
        const auto r = normalize_manual_dossier_code(code, today_10am());
        REQUIRE(r.ok());
        CHECK(r.code->text() == code);
        const auto strict = parse_dossier_code(code, today_10am());
        REQUIRE(strict.ok());
        CHECK(*strict.code == *r.code);
    }
}
