#include "vietnamese_numbers.h"

#include <array>
#include <cstdio>

namespace kiosk {

namespace {

constexpr std::array<std::string_view, 10> kDigitIds = {
    "digit-0", "digit-1", "digit-2", "digit-3", "digit-4",
    "digit-5", "digit-6", "digit-7", "digit-8", "digit-9",
};

// Vietnamese letter names as announcers say them; Đ gets its own clip ("letter-dd").
struct LetterName {
    char letter;
    std::string_view id;
    std::string_view text;
};
constexpr std::array<LetterName, 26> kLetters = {{
    {'A', "letter-a", "a"},     {'B', "letter-b", "bê"},     {'C', "letter-c", "xê"},
    {'D', "letter-d", "dê"},    {'E', "letter-e", "e"},      {'F', "letter-f", "ép"},
    {'G', "letter-g", "giê"},   {'H', "letter-h", "hát"},    {'I', "letter-i", "i"},
    {'J', "letter-j", "gi"},    {'K', "letter-k", "ca"},     {'L', "letter-l", "e lờ"},
    {'M', "letter-m", "em mờ"}, {'N', "letter-n", "en nờ"},  {'O', "letter-o", "o"},
    {'P', "letter-p", "pê"},    {'Q', "letter-q", "quy"},    {'R', "letter-r", "e rờ"},
    {'S', "letter-s", "ét xì"}, {'T', "letter-t", "tê"},     {'U', "letter-u", "u"},
    {'V', "letter-v", "vê"},    {'W', "letter-w", "vê kép"}, {'X', "letter-x", "ích xì"},
    {'Y', "letter-y", "i dài"}, {'Z', "letter-z", "dét"},
}};
constexpr std::string_view kLetterDdId = "letter-dd";

std::vector<VoiceWord> build_vocabulary() {
    std::vector<VoiceWord> words = {
        {"digit-0", "không"}, {"digit-1", "một"},   {"digit-2", "hai"},    {"digit-3", "ba"},
        {"digit-4", "bốn"},   {"digit-5", "năm"},   {"digit-6", "sáu"},    {"digit-7", "bảy"},
        {"digit-8", "tám"},   {"digit-9", "chín"},  {"mot-unit", "mốt"},   {"tu-unit", "tư"},
        {"lam-unit", "lăm"},  {"muoi-ten", "mười"}, {"muoi-tens", "mươi"}, {"tram", "trăm"},
        {"linh", "linh"},     {"le", "lẻ"},         {"nghin", "nghìn"},    {"ngan", "ngàn"},
        {"trieu", "triệu"},   {"ty", "tỷ"},
    };
    for (const auto& l : kLetters)
        words.push_back({l.id, l.text});
    words.push_back({kLetterDdId, "đê"});
    return words;
}

// Three digits of one group (h t u). `leading` = the highest non-zero group of the number:
// only there may the hundreds be left out ("hai mươi mốt", not "không trăm hai mươi mốt").
void read_group(int group, bool leading, NumberReading reading, std::vector<std::string>& out) {
    const int h = group / 100, t = group / 10 % 10, u = group % 10;
    const bool say_hundreds = !leading || h > 0;
    if (say_hundreds) {
        out.emplace_back(kDigitIds[h]);
        out.emplace_back("tram");
    }
    if (t == 0) {
        if (u == 0) return;
        if (say_hundreds) out.emplace_back(reading == NumberReading::South ? "le" : "linh");
        out.emplace_back(kDigitIds[u]);
        return;
    }
    if (t == 1) {
        out.emplace_back("muoi-ten");
    } else {
        out.emplace_back(kDigitIds[t]);
        out.emplace_back("muoi-tens");
    }
    if (u == 0) return;
    if (u == 5) {
        out.emplace_back("lam-unit");
    } else if (u == 1 && t >= 2) {
        out.emplace_back("mot-unit");
    } else if (u == 4 && t >= 2) {
        out.emplace_back("tu-unit");
    } else {
        out.emplace_back(kDigitIds[u]);
    }
}

void read_digits(std::string_view digits, std::vector<std::string>& out) {
    for (char c : digits)
        out.emplace_back(kDigitIds[c - '0']);
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Digit run as a number (leading zeros dropped) or digit by digit as written.
std::string read_digit_run(std::string_view run, NumberReading reading,
                           std::vector<std::string>& out) {
    if (reading == NumberReading::Digits) {
        read_digits(run, out);
        return {};
    }
    const auto first = run.find_first_not_of('0');
    const std::string_view significant = first == std::string_view::npos ? "" : run.substr(first);
    if (significant.size() > 12) {
        return "the digit run '" + std::string(run) +
               "' is too long to read as a number (at most 12 digits; use the digits reading)";
    }
    std::uint64_t n = 0;
    for (char c : significant)
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    auto ids = number_clip_ids(n, reading);
    out.insert(out.end(), ids->begin(), ids->end());
    return {};
}

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

}  // namespace

std::string_view to_string(NumberReading reading) {
    switch (reading) {
        case NumberReading::North:
            return "north";
        case NumberReading::South:
            return "south";
        case NumberReading::Digits:
            return "digits";
    }
    return "north";
}

std::optional<NumberReading> parse_number_reading(std::string_view text) {
    if (text == "north") return NumberReading::North;
    if (text == "south") return NumberReading::South;
    if (text == "digits") return NumberReading::Digits;
    return std::nullopt;
}

const std::vector<VoiceWord>& number_vocabulary() {
    static const std::vector<VoiceWord> words = build_vocabulary();
    return words;
}

std::optional<std::vector<std::string>> number_clip_ids(std::uint64_t n, NumberReading reading) {
    std::vector<std::string> out;
    if (reading == NumberReading::Digits) {
        read_digits(std::to_string(n), out);
        return out;
    }
    if (n > kMaxSpokenNumber) return std::nullopt;
    if (n == 0) return std::vector<std::string>{std::string(kDigitIds[0])};

    // Groups of three digits, highest first: tỷ, triệu, nghìn/ngàn, units.
    const std::array<std::string_view, 4> scale = {
        "ty", "trieu", reading == NumberReading::South ? "ngan" : "nghin", ""};
    const std::array<std::uint64_t, 4> divisor = {1'000'000'000, 1'000'000, 1'000, 1};
    bool leading = true;
    for (size_t i = 0; i < scale.size(); ++i) {
        const int group = static_cast<int>(n / divisor[i] % 1000);
        if (group == 0) continue;  // "một triệu không trăm linh năm": empty groups are silent
        read_group(group, leading, reading, out);
        if (!scale[i].empty()) out.emplace_back(scale[i]);
        leading = false;
    }
    return out;
}

TicketReading ticket_number_clip_ids(std::string_view text, NumberReading reading) {
    TicketReading result;
    const std::string quoted = "ticket number '" + std::string(text) + "'";
    bool any_digit = false;
    size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (is_digit(c)) {
            size_t end = i;
            while (end < text.size() && is_digit(text[end]))
                ++end;
            if (auto error = read_digit_run(text.substr(i, end - i), reading, result.clip_ids);
                !error.empty()) {
                return {{}, quoted + ": " + error};
            }
            any_digit = true;
            i = end;
        } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            const char upper = c >= 'a' ? static_cast<char>(c - 'a' + 'A') : c;
            result.clip_ids.emplace_back(kLetters[static_cast<size_t>(upper - 'A')].id);
            ++i;
        } else if (text.substr(i, 2) == "\xC4\x90" || text.substr(i, 2) == "\xC4\x91") {  // Đ đ
            result.clip_ids.emplace_back(kLetterDdId);
            i += 2;
        } else if (c == '-' || c == ' ') {
            ++i;
        } else {
            return {{},
                    quoted + ": byte " + hex_byte(static_cast<unsigned char>(c)) + " at position " +
                        std::to_string(i) +
                        " cannot be read aloud (only digits, letters A-Z and Đ, '-' and ' ')"};
        }
    }
    if (!any_digit) return {{}, quoted + ": has no digits to read"};
    return result;
}

std::string number_words_text(const std::vector<std::string>& clip_ids) {
    std::string text;
    for (const auto& id : clip_ids) {
        if (!text.empty()) text += ' ';
        bool found = false;
        for (const auto& word : number_vocabulary()) {
            if (word.id == id) {
                text += word.text;
                found = true;
                break;
            }
        }
        if (!found) text += "<" + id + ">";
    }
    return text;
}

std::string number_to_words(std::uint64_t n, NumberReading reading) {
    auto ids = number_clip_ids(n, reading);
    return ids ? number_words_text(*ids) : std::string();
}

}  // namespace kiosk
