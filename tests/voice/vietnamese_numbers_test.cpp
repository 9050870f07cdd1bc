#include <doctest/doctest.h>

#include <set>

#include "kiosk/core/unicode.h"
#include "kiosk/core/vietnamese_numbers.h"

using namespace kiosk;

namespace {

struct Reading {
    std::uint64_t n;
    const char* north;
    const char* south;
};

// Domain notes §11 table, then our own cases around every rule boundary.
const Reading kTable[] = {
    {1, "một", "một"},
    {5, "năm", "năm"},
    {10, "mười", "mười"},
    {11, "mười một", "mười một"},
    {15, "mười lăm", "mười lăm"},
    {21, "hai mươi mốt", "hai mươi mốt"},
    {24, "hai mươi tư", "hai mươi tư"},
    {25, "hai mươi lăm", "hai mươi lăm"},
    {101, "một trăm linh một", "một trăm lẻ một"},
    {105, "một trăm linh năm", "một trăm lẻ năm"},
    {1005, "một nghìn không trăm linh năm", "một ngàn không trăm lẻ năm"},
    {1015, "một nghìn không trăm mười lăm", "một ngàn không trăm mười lăm"},
    {2021, "hai nghìn không trăm hai mươi mốt", "hai ngàn không trăm hai mươi mốt"},
    // Own cases.
    {0, "không", "không"},
    {4, "bốn", "bốn"},
    {14, "mười bốn", "mười bốn"},
    {20, "hai mươi", "hai mươi"},
    {31, "ba mươi mốt", "ba mươi mốt"},
    {44, "bốn mươi tư", "bốn mươi tư"},
    {50, "năm mươi", "năm mươi"},
    {55, "năm mươi lăm", "năm mươi lăm"},
    {99, "chín mươi chín", "chín mươi chín"},
    {100, "một trăm", "một trăm"},
    {104, "một trăm linh bốn", "một trăm lẻ bốn"},
    {110, "một trăm mười", "một trăm mười"},
    {111, "một trăm mười một", "một trăm mười một"},
    {114, "một trăm mười bốn", "một trăm mười bốn"},
    {115, "một trăm mười lăm", "một trăm mười lăm"},
    {121, "một trăm hai mươi mốt", "một trăm hai mươi mốt"},
    {500, "năm trăm", "năm trăm"},
    {1000, "một nghìn", "một ngàn"},
    {1001, "một nghìn không trăm linh một", "một ngàn không trăm lẻ một"},
    {1010, "một nghìn không trăm mười", "một ngàn không trăm mười"},
    {1021, "một nghìn không trăm hai mươi mốt", "một ngàn không trăm hai mươi mốt"},
    {1100, "một nghìn một trăm", "một ngàn một trăm"},
    {9999, "chín nghìn chín trăm chín mươi chín", "chín ngàn chín trăm chín mươi chín"},
    {10000, "mười nghìn", "mười ngàn"},
    {15000, "mười lăm nghìn", "mười lăm ngàn"},
    {21005, "hai mươi mốt nghìn không trăm linh năm", "hai mươi mốt ngàn không trăm lẻ năm"},
    {100000, "một trăm nghìn", "một trăm ngàn"},
    {105000, "một trăm linh năm nghìn", "một trăm lẻ năm ngàn"},
    {1000000, "một triệu", "một triệu"},
    {1000005, "một triệu không trăm linh năm", "một triệu không trăm lẻ năm"},
    {1234567, "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy",
     "một triệu hai trăm ba mươi tư ngàn năm trăm sáu mươi bảy"},
    {2000021000, "hai tỷ không trăm hai mươi mốt nghìn", "hai tỷ không trăm hai mươi mốt ngàn"},
};

}  // namespace

TEST_CASE("numbers read by the Northern and Southern rules") {
    for (const auto& r : kTable) {
        CAPTURE(r.n);
        CHECK(number_to_words(r.n, NumberReading::North) == r.north);
        CHECK(number_to_words(r.n, NumberReading::South) == r.south);
    }
}

TEST_CASE("digit-by-digit reading") {
    CHECK(number_to_words(1005, NumberReading::Digits) == "một không không năm");
    CHECK(number_to_words(0, NumberReading::Digits) == "không");
    CHECK(number_to_words(21, NumberReading::Digits) == "hai một");  // no mốt in digit mode
    CHECK(number_to_words(45, NumberReading::Digits) == "bốn năm");  // no lăm / tư either
}

TEST_CASE("the largest spoken number and beyond") {
    CHECK(number_to_words(kMaxSpokenNumber, NumberReading::North) ==
          "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín "
          "nghìn chín trăm chín mươi chín");
    CHECK_FALSE(number_clip_ids(kMaxSpokenNumber + 1, NumberReading::North).has_value());
    CHECK(number_clip_ids(kMaxSpokenNumber + 1, NumberReading::Digits).has_value());
}

TEST_CASE("clip ids of a reading") {
    const auto ids = number_clip_ids(1021, NumberReading::North);
    REQUIRE(ids.has_value());
    CHECK(*ids == std::vector<std::string>{"digit-1", "nghin", "digit-0", "tram", "digit-2",
                                           "muoi-tens", "mot-unit"});
    CHECK(*number_clip_ids(115, NumberReading::South) ==
          std::vector<std::string>{"digit-1", "tram", "muoi-ten", "lam-unit"});
}

TEST_CASE("ticket numbers: letters spelled, digits read") {
    const auto words = [](const char* ticket, NumberReading reading) {
        const auto r = ticket_number_clip_ids(ticket, reading);
        REQUIRE_MESSAGE(r.ok(), r.error);
        return number_words_text(r.clip_ids);
    };
    CHECK(words("1005", NumberReading::North) == "một nghìn không trăm linh năm");
    CHECK(words("1005", NumberReading::Digits) == "một không không năm");
    CHECK(words("A012", NumberReading::North) == "a mười hai");  // leading zeros not read
    CHECK(words("A012", NumberReading::Digits) == "a không một hai");
    CHECK(words("a012", NumberReading::North) == "a mười hai");
    CHECK(words("HT-7", NumberReading::North) == "hát tê bảy");
    CHECK(words("B 105", NumberReading::South) == "bê một trăm lẻ năm");
    CHECK(words("Đ21", NumberReading::North) == "đê hai mươi mốt");
    CHECK(words("đ21", NumberReading::North) == "đê hai mươi mốt");
    CHECK(words("000", NumberReading::North) == "không");
    CHECK(words("000", NumberReading::Digits) == "không không không");
    CHECK(words("1234567890123456", NumberReading::Digits).size() > 0);
}

TEST_CASE("ticket numbers that cannot be read aloud say why") {
    const auto error = [](const char* ticket, NumberReading reading = NumberReading::North) {
        const auto r = ticket_number_clip_ids(ticket, reading);
        CHECK_FALSE(r.ok());
        CHECK(r.clip_ids.empty());
        return r.error;
    };
    CHECK(error("") == "ticket number '': has no digits to read");
    CHECK(error("AB") == "ticket number 'AB': has no digits to read");
    CHECK(error("12#3") ==
          "ticket number '12#3': byte 0x23 at position 2 cannot be read aloud (only digits, "
          "letters A-Z and Đ, '-' and ' ')");
    CHECK(error("Ă1").find("byte 0xC4 at position 0") != std::string::npos);
    CHECK(error("1234567890123").find("too long to read as a number") != std::string::npos);
    // Thirteen digits are fine when most are leading zeros.
    CHECK(ticket_number_clip_ids("0000000000001", NumberReading::North).ok());
}

TEST_CASE("reading names round-trip") {
    for (auto r : {NumberReading::North, NumberReading::South, NumberReading::Digits}) {
        CHECK(parse_number_reading(to_string(r)) == r);
    }
    CHECK_FALSE(parse_number_reading("North").has_value());
    CHECK_FALSE(parse_number_reading("").has_value());
}

TEST_CASE("vocabulary: unique ids, NFC words, every produced id is known") {
    std::set<std::string> ids;
    for (const auto& w : number_vocabulary()) {
        CAPTURE(w.id);
        CHECK(ids.insert(std::string(w.id)).second);
        CHECK(is_nfc(std::string(w.text)));
        CHECK_FALSE(w.text.empty());
    }
    for (std::uint64_t n = 0; n <= 100'000; n += 7) {
        for (auto r : {NumberReading::North, NumberReading::South, NumberReading::Digits}) {
            const auto produced = number_clip_ids(n, r);
            REQUIRE(produced.has_value());
            for (const auto& id : *produced)
                REQUIRE(ids.count(id) == 1);
        }
    }
    CHECK(number_words_text({"digit-1", "nope"}) == "một <nope>");
}
