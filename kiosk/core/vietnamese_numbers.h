#pragma once
// Vietnamese number reading for voice calls. A reading is a list of clip ids (ASCII, one per
// recorded word: "digit-1", "muoi-tens", "nghin", …); the clip files and the printed words both
// come from these ids, so what is printed is exactly what is played.
//
// Rules (domain notes §11): 10 = mười, 20–90 = "<digit> mươi"; 1 after mươi = mốt (11 stays
// mười một); 4 after mươi = tư (14 stays mười bốn); 5 after mười/mươi = lăm (105 stays năm);
// a zero tens digit before a unit after trăm = linh (North) / lẻ (South); 1000 = nghìn (North) /
// ngàn (South); a non-leading group with a zero hundreds digit reads "không trăm".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// North/South: read as a number with that dialect's words. Digits: digit by digit ("một không
// không năm"), as many centres do so "001" and "100" cannot be confused.
enum class NumberReading { North, South, Digits };

std::string_view to_string(NumberReading reading);  // "north" | "south" | "digits"
std::optional<NumberReading> parse_number_reading(std::string_view text);

// One recordable word or phrase: its clip id (file name without .wav) and what it says (NFC).
struct VoiceWord {
    std::string_view id;
    std::string_view text;
};

// Every id number and ticket readings can produce (digits, number words, spelled letters), in a
// stable order. The announcement phrases live in announcement.h.
const std::vector<VoiceWord>& number_vocabulary();

// Largest number read as words (North/South); longer numbers need the Digits reading.
inline constexpr std::uint64_t kMaxSpokenNumber = 999'999'999'999;  // "… tỷ …"

// n as clip ids. nullopt only for n > kMaxSpokenNumber with a North/South reading.
std::optional<std::vector<std::string>> number_clip_ids(std::uint64_t n, NumberReading reading);

// A ticket number as printed ("1005", "A012", "HT-7"): letters (A–Z, Đ, either case) are spelled
// one by one, each run of digits is read as a number (leading zeros dropped) or, with Digits,
// digit by digit as written. '-' and ' ' separate runs and are not read.
struct TicketReading {
    std::vector<std::string> clip_ids;
    std::string error;  // what and where, when the text cannot be read aloud
    bool ok() const { return error.empty(); }
};
TicketReading ticket_number_clip_ids(std::string_view ticket_number, NumberReading reading);

// The spoken text of clip ids joined by spaces ("một nghìn không trăm linh năm"); ids that are not
// number words (e.g. phrases) are looked up by the caller, so unknown ids come out as "<id>".
std::string number_words_text(const std::vector<std::string>& clip_ids);

// Convenience for tests and the CLI: n read as words. Empty for n > kMaxSpokenNumber.
std::string number_to_words(std::uint64_t n, NumberReading reading);

}  // namespace kiosk
