// Payload classification: bare codes, lookup URLs, CCCD QR, the kiosk's ticket QR, rejections.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kiosk/core/scan_payload.h"

using namespace kiosk;

namespace {

PayloadContext context() {
    PayloadContext c;
    c.now = from_local(LocalDateTime{2026, 11, 27, 10, 0, 0, 0});
    c.ticket_url_template = "https://dichvucong.example.gov.vn/hang-doi/{office}/{date}/{number}";
    c.office_id = "nghean";
    return c;
}

const std::string kCccd =
    "040095001234|187654321|Nguyễn Văn An|15061995|Nam|Xóm 3, Xã Nghi Phong, Nghi Lộc, Nghệ "
    "An|10082021";

// Nothing personal from kCccd may appear in log or masked output.
void check_no_personal_data(const std::string& text) {
    CAPTURE(text);
    for (const char* secret : {"040095001234", "187654321", "Nguyễn", "Văn An", "15061995",
                               "Nghi Phong", "10082021", "079123456789"})
        CHECK(text.find(secret) == std::string::npos);
}

}  // namespace

TEST_CASE("bare codes and codes in text") {
    const auto bare = classify_payload("000.00.21.H41-250312-0007\r\n", context());
    REQUIRE(bare.dossier());
    CHECK(bare.dossier()->code.text() == "000.00.21.H41-250312-0007");
    CHECK(bare.dossier()->source == PayloadSource::BareCode);
    CHECK(bare.dossier()->owner_id.empty());

    const auto lower = classify_payload("h41.22.10.01-251103-0012", context());
    REQUIRE(lower.dossier());
    CHECK(lower.dossier()->code.text() == "H41.22.10.01-251103-0012");

    const auto text = classify_payload("Mã hồ sơ: H41.22.10.01-251103-0012", context());
    REQUIRE(text.dossier());
    CHECK(text.dossier()->source == PayloadSource::FreeText);
    CHECK(text.dossier()->code.text() == "H41.22.10.01-251103-0012");
}

TEST_CASE("lookup URLs: every parameter name, any case, percent-decoded, with SGT") {
    struct UrlCase {
        std::string url;
        const char* code;
        const char* parameter;
        const char* owner_masked;  // "" = none
    };
    const std::vector<UrlCase> cases{
        {"https://dichvucong.thanhhoa.gov.vn/portaldvc/tra-cuu?SGT=040095001234&MHS=000.00.21."
         "H41-250312-0007",
         "000.00.21.H41-250312-0007", "MHS", "********1234"},
        {"https://x.gov.vn/tra-cuu?MaHoSo=H41.22.10.01-251103-0012", "H41.22.10.01-251103-0012",
         "MaHoSo", ""},
        {"https://x.gov.vn/tra-cuu?maHoSo=h41.22.10.01-251103-0012", "H41.22.10.01-251103-0012",
         "maHoSo", ""},
        {"http://x.gov.vn/?mahoso=000.00.21.H41-250312-0007&lang=vi", "000.00.21.H41-250312-0007",
         "mahoso", ""},
        {"HTTPS://X.GOV.VN/TRA-CUU?CODE=000.00.21.H41-250312-0007", "000.00.21.H41-250312-0007",
         "CODE", ""},
        {"https://x.gov.vn/search?keyword=000%2E00%2E21%2EH41%2D250312%2D0007",
         "000.00.21.H41-250312-0007", "keyword", ""},
        {"https://x.gov.vn/search?keyword=+000.00.21.H41-250312-0007+", "000.00.21.H41-250312-0007",
         "keyword", ""},
        {"https://x.gov.vn/#/tra-cuu?mhs=000.00.21.H41-250312-0007&sgt=187654321",
         "000.00.21.H41-250312-0007", "mhs", "*****4321"},
        {"https://x.gov.vn/tra-cuu?MHS=000.00.21.H41-250312-0007#top", "000.00.21.H41-250312-0007",
         "MHS", ""},
        // An SGT that is not an ID number is dropped, the code still counts.
        {"https://x.gov.vn/tra-cuu?SGT=%3Cscript%3E&MHS=000.00.21.H41-250312-0007",
         "000.00.21.H41-250312-0007", "MHS", ""},
        // The first valid code parameter wins.
        {"https://x.gov.vn/?code=abc&MHS=000.00.21.H41-250312-0007", "000.00.21.H41-250312-0007",
         "MHS", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.url);
        const auto p = classify_payload(c.url, context());
        REQUIRE(p.dossier());
        CHECK(p.dossier()->code.text() == c.code);
        CHECK(p.dossier()->source == PayloadSource::Url);
        CHECK(p.dossier()->url_parameter == c.parameter);
        CHECK(p.dossier()->owner_id.masked() == c.owner_masked);
        check_no_personal_data(to_log_string(p));
        check_no_personal_data(masked_payload_text(c.url));
    }
    const auto with_id = classify_payload(cases[0].url, context());
    CHECK(with_id.dossier()->owner_id.reveal() == "040095001234");  // for the server request
}

TEST_CASE("URLs that carry no usable code") {
    const auto info =
        classify_payload("https://dichvucong.thanhhoa.gov.vn/apiqr/qr?id=8812", context());
    REQUIRE(info.rejection());
    CHECK(info.rejection()->reason == RejectReason::UrlWithoutCode);
    CHECK(info.rejection()->hint_vi.rfind("Mã không hợp lệ", 0) == 0);
    CHECK(info.rejection()->hint_vi.find("mã hồ sơ") != std::string::npos);

    const auto bad_date =
        classify_payload("https://x.gov.vn/tra-cuu?MHS=000.00.21.H41-251399-0007", context());
    REQUIRE(bad_date.rejection());
    CHECK(bad_date.rejection()->reason == RejectReason::UrlCodeInvalid);
    CHECK(bad_date.rejection()->log_reason.find("MHS") != std::string::npos);
    CHECK(bad_date.rejection()->log_reason.find("month 13") != std::string::npos);

    const auto future = classify_payload("https://x.gov.vn/?mahoso=H41-271201-0001", context());
    REQUIRE(future.rejection());
    CHECK(future.rejection()->reason == RejectReason::UrlCodeInvalid);
    CHECK(future.rejection()->log_reason.find("later than today") != std::string::npos);

    const auto empty_value = classify_payload("https://x.gov.vn/?MHS=", context());
    REQUIRE(empty_value.rejection());
    CHECK(empty_value.rejection()->reason == RejectReason::UrlCodeInvalid);
}

TEST_CASE("CCCD QR is a second factor, masked everywhere") {
    const auto p = classify_payload(kCccd, context());
    REQUIRE(p.citizen_id());
    const CitizenIdCard& card = *p.citizen_id();
    CHECK(card.id_number.reveal() == "040095001234");
    CHECK(card.old_id.reveal() == "187654321");
    CHECK(card.full_name.reveal() == "Nguyễn Văn An");
    CHECK(card.birth_date == Date{1995, 6, 15});
    CHECK(card.sex == "Nam");
    REQUIRE(card.issue_date.has_value());
    CHECK(*card.issue_date == Date{2021, 8, 10});
    CHECK(card.masked_id() == "********1234");
    CHECK(card.masked_name() == "N. V. A.");
    CHECK(p.dossier() == nullptr);

    const std::string log = to_log_string(p);
    CHECK(log.find("********1234") != std::string::npos);
    check_no_personal_data(log);
    const std::string masked = masked_payload_text(kCccd);
    CHECK(masked.rfind("********1234|***|N. V. A.|", 0) == 0);
    check_no_personal_data(masked);
    // Leading/trailing blanks do not defeat the masking (a fuzzer finding).
    const std::string padded = masked_payload_text(" " + std::string(kCccd) + "\n");
    CHECK(padded.rfind("********1234|***|N. V. A.|", 0) == 0);
    check_no_personal_data(padded);
}

TEST_CASE("CCCD variants: 6 fields, NFD names, malformed fields") {
    // Six fields without the issue date.
    const auto six = classify_payload("040095001234||Lê Thị Đào|29022000|Nữ|Hà Nội", context());
    REQUIRE(six.citizen_id());
    CHECK_FALSE(six.citizen_id()->issue_date.has_value());
    CHECK(six.citizen_id()->old_id.empty());
    CHECK(six.citizen_id()->masked_name() == "L. T. Đ.");

    // Six fields without the old ID.
    const auto no_old =
        classify_payload("040095001234|Lê Thị Đào|01011990|Nữ|Hà Nội|02022022", context());
    REQUIRE(no_old.citizen_id());
    CHECK(no_old.citizen_id()->birth_date == Date{1990, 1, 1});
    REQUIRE(no_old.citizen_id()->issue_date.has_value());

    // NFD input is composed before anything looks at it.
    const std::string nfd_name =
        "Nguy"
        "e\xCC\x82\xCC\x83"
        "n Van An";  // ễ as e + ^ + ~
    const auto nfd =
        classify_payload("040095001234||" + nfd_name + "|15061995|Nam|HN|10082021", context());
    REQUIRE(nfd.citizen_id());
    CHECK(nfd.citizen_id()->full_name.reveal() == "Nguyễn Van An");

    struct Bad {
        std::string payload;
        const char* field;
    };
    const std::vector<Bad> bad{
        {"04009500123|187654321|Nguyễn Văn An|15061995|Nam|HN|10082021", "field 1"},
        {"040095001234|18765|Nguyễn Văn An|15061995|Nam|HN|10082021", "field 2"},
        {"040095001234|187654321| |15061995|Nam|HN|10082021", "field 3"},
        {"040095001234|187654321|Nguyễn Văn An|31021995|Nam|HN|10082021", "field 4"},
        {"040095001234|187654321|Nguyễn Văn An|15062030|Nam|HN|10082021", "future"},
        // Found by the fuzzer: year 3990 overflowed std::chrono in an earlier date check.
        {"040095001234|187654321|Nguyễn Văn An|15023990|Nam|HN|10082021", "field 4"},
        {"040095001234|187654321|Nguyễn Văn An|29022001|Nam|HN|10082021", "field 4"},
        {"040095001234|187654321|Nguyễn Văn An|15061995||HN|10082021", "field 5"},
        {"040095001234|187654321|Nguyễn Văn An|15061995|Nam|HN|2021", "field 7"},
        {"040095001234|187654321|Nguyễn Văn An", "fields"},
        {"040095001234|1|2|3|4|5|6|7|8", "fields"},
    };
    for (const auto& b : bad) {
        CAPTURE(b.payload);
        const auto p = classify_payload(b.payload, context());
        REQUIRE(p.rejection());
        CHECK(p.rejection()->reason == RejectReason::CitizenIdMalformed);
        CHECK(p.rejection()->log_reason.find(b.field) != std::string::npos);
        CHECK(p.rejection()->hint_vi.rfind("Mã không hợp lệ", 0) == 0);
        check_no_personal_data(p.rejection()->log_reason);
        check_no_personal_data(to_log_string(p));
    }
}

TEST_CASE("the kiosk's own ticket QR") {
    const auto t = classify_payload(
        "https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/1005", context());
    REQUIRE(t.ticket());
    CHECK(t.ticket()->office == "nghean");
    CHECK(t.ticket()->date == "2026-11-27");
    CHECK(t.ticket()->number == "1005");
    CHECK(to_log_string(t) == "ticket 1005 of office nghean on 2026-11-27");

    const auto slash = classify_payload(
        "HTTPS://DICHVUCONG.EXAMPLE.GOV.VN/hang-doi/nghean/20261127/A005/?utm=x", context());
    REQUIRE(slash.ticket());
    CHECK(slash.ticket()->number == "A005");

    const auto other = classify_payload(
        "https://dichvucong.example.gov.vn/hang-doi/thanhhoa/20261127/1005", context());
    REQUIRE(other.rejection());
    CHECK(other.rejection()->reason == RejectReason::TicketOtherOffice);

    for (const char* bad : {"https://dichvucong.example.gov.vn/hang-doi/nghean/20261331/1005",
                            "https://dichvucong.example.gov.vn/hang-doi/nghean/2026112/1005",
                            "https://dichvucong.example.gov.vn/hang-doi/nghean/20261127",
                            "https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/1/2",
                            "https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/<b>"}) {
        CAPTURE(bad);
        const auto p = classify_payload(bad, context());
        REQUIRE(p.rejection());
        CHECK(p.rejection()->reason == RejectReason::TicketMalformed);
    }

    // With {service} in the template.
    PayloadContext with_service = context();
    with_service.ticket_url_template = "https://q.example.vn/{office}/{service}/{date}/{number}";
    const auto s =
        classify_payload("https://q.example.vn/nghean/ho-tich/20261127/1001", with_service);
    REQUIRE(s.ticket());
    CHECK(s.ticket()->service == "ho-tich");
    CHECK(s.ticket()->number == "1001");

    // No template configured: a ticket-looking URL is just a URL without a code.
    PayloadContext none = context();
    none.ticket_url_template.clear();
    const auto n =
        classify_payload("https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/1005", none);
    REQUIRE(n.rejection());
    CHECK(n.rejection()->reason == RejectReason::UrlWithoutCode);
}

TEST_CASE("rejections are typed, hinted in Vietnamese and precise in English") {
    struct RejectCase {
        std::string payload;
        RejectReason reason;
        const char* log_fragment;
    };
    const std::vector<RejectCase> cases{
        {"", RejectReason::Empty, "empty"},
        {" \r\n", RejectReason::Empty, "whitespace"},
        {std::string(5000, 'A'), RejectReason::TooLong, "5000 bytes"},
        {"abc\xC3", RejectReason::InvalidUtf8, "not valid UTF-8"},
        {"abc\x1D"
         "def",
         RejectReason::ControlCharacters, "0x1D at byte 3"},
        {"hello world", RejectReason::Unrecognised, "11 bytes"},
        {"079123456789", RejectReason::Unrecognised, "12 bytes"},
        {"1.000948.H38", RejectReason::Unrecognised, "no dossier code"},
        {"000.00.21.H41-250230-0007", RejectReason::CodeInvalid, "day 30"},
        {"000.00.21.H41-261201-0007", RejectReason::CodeInvalid, "later than today"},
        {"www.example.vn/abc", RejectReason::UrlWithoutCode, "no MHS"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.payload.substr(0, 40));
        const auto p = classify_payload(c.payload, context());
        REQUIRE(p.rejection());
        CHECK(p.rejection()->reason == c.reason);
        CHECK(p.rejection()->hint_vi.rfind("Mã không hợp lệ", 0) == 0);
        CHECK(p.rejection()->log_reason.find(c.log_fragment) != std::string::npos);
        check_no_personal_data(p.rejection()->log_reason);
        CHECK(to_log_string(p).find(to_string(c.reason)) != std::string::npos);
    }
}

TEST_CASE("helpers: masking, initials, percent-decoding, escaped support output") {
    CHECK(PersonalText("040095001234").masked() == "********1234");
    CHECK(PersonalText("1234567").masked() == "*******");  // shorter than 8: all hidden
    CHECK(PersonalText("").masked().empty());
    CHECK(PersonalText("Đào Thị Lê").masked(2) == "********Lê");
    CHECK(name_initials("  nguyễn   văn  an ") == "N. V. A.");
    CHECK(name_initials("đào") == "Đ.");
    CHECK(percent_decode("a%2Fb+c%zz%4") == "a/b c%zz%4");
    CHECK(masked_payload_text("https://x.vn/?SGT=040095001234&MHS=1#f") ==
          "https://x.vn/?SGT=********1234&MHS=1#f");
    CHECK(masked_payload_text("a\x01\xFF"
                              "b") == "a\\x01\\xFFb");
    CHECK(masked_payload_text("Mã hồ sơ") == "Mã hồ sơ");
}
