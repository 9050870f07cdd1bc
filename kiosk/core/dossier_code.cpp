#include "dossier_code.h"

#include <array>
#include <cstdio>
#include <set>
#include <vector>

namespace kiosk {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_alnum(char c) {
    return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z');
}
char ascii_upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}
bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = ascii_upper(c);
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_ascii_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_ascii_space(s.back()))
        s.remove_suffix(1);
    return s;
}

size_t digit_run(std::string_view s, size_t i) {
    size_t n = 0;
    while (i + n < s.size() && is_digit(s[i + n]))
        ++n;
    return n;
}

bool char_is(std::string_view s, size_t i, char c) {
    return i < s.size() && s[i] == c;
}

// A code matched at a position, before its date is checked.
struct RawCode {
    size_t end = 0;
    std::string agency;
    AgencyLayout layout = AgencyLayout::Qcvn102;
    std::string date;  // YYMMDD
    std::string sequence;
};

// Agency code at i (upper-cased text); returns its end or 0.
size_t match_agency(std::string_view s, size_t i, AgencyLayout& layout) {
    // QCVN 102: ddd.dd.dd.Ldd
    if (digit_run(s, i) == 3 && char_is(s, i + 3, '.') && digit_run(s, i + 4) == 2 &&
        char_is(s, i + 6, '.') && digit_run(s, i + 7) == 2 && char_is(s, i + 9, '.') &&
        i + 10 < s.size() && is_upper(s[i + 10]) && digit_run(s, i + 11) == 2) {
        layout = AgencyLayout::Qcvn102;
        return i + 13;
    }
    // QĐ 20/2020: Ldd(.dd|.ddd){0,3}
    if (i < s.size() && is_upper(s[i]) && digit_run(s, i + 1) == 2) {
        size_t j = i + 3;
        for (int groups = 0; groups < 3 && char_is(s, j, '.'); ++groups) {
            const size_t run = digit_run(s, j + 1);
            if (run < 2 || run > 3) return 0;
            j += 1 + run;
        }
        layout = AgencyLayout::Qd20;
        return j;
    }
    return 0;
}

std::optional<RawCode> match_at(std::string_view s, size_t i) {
    RawCode code;
    const size_t agency_end = match_agency(s, i, code.layout);
    if (agency_end == 0) return std::nullopt;
    size_t j = agency_end;
    if (!char_is(s, j, '-') || digit_run(s, j + 1) != 6 || !char_is(s, j + 7, '-'))
        return std::nullopt;
    const size_t seq = digit_run(s, j + 8);
    if (seq < 4 || seq > 7) return std::nullopt;
    code.agency = std::string(s.substr(i, agency_end - i));
    code.date = std::string(s.substr(j + 1, 6));
    code.sequence = std::string(s.substr(j + 8, seq));
    code.end = j + 8 + seq;
    return code;
}

bool leap_year(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap_year(y) ? 29 : days[static_cast<size_t>(m - 1)];
}

// Fills the date of `out` from YYMMDD, or explains why it cannot.
DossierCodeError check_date(const std::string& yymmdd, TimePoint now, DossierCode& out,
                            std::string& reason) {
    const int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
    const int mm = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
    const int dd = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
    const int year = 2000 + yy;
    if (mm < 1 || mm > 12) {
        reason = "receipt date YYMMDD has month " + std::to_string(mm) + " (must be 01-12)";
        return DossierCodeError::BadDate;
    }
    if (dd < 1 || dd > days_in_month(year, mm)) {
        reason = "receipt date YYMMDD has day " + std::to_string(dd) + ", month " +
                 std::to_string(mm) + " of " + std::to_string(year) + " has " +
                 std::to_string(days_in_month(year, mm)) + " days";
        return DossierCodeError::BadDate;
    }
    const LocalDateTime today = to_local(now);
    const int given = year * 10000 + mm * 100 + dd;
    const int current = today.year * 10000 + today.month * 100 + today.day;
    if (given > current) {
        char buf[96];
        std::snprintf(buf, sizeof buf,
                      "receipt date %04d-%02d-%02d is later than today %04d-%02d-%02d (UTC+07:00)",
                      year, mm, dd, today.year, today.month, today.day);
        reason = buf;
        return DossierCodeError::FutureDate;
    }
    out.year = year;
    out.month = mm;
    out.day = dd;
    return DossierCodeError::None;
}

DossierCodeResult finish(const RawCode& raw, TimePoint now) {
    DossierCodeResult result;
    DossierCode code;
    code.agency = raw.agency;
    code.layout = raw.layout;
    code.sequence = raw.sequence;
    result.error = check_date(raw.date, now, code, result.reason);
    if (result.error == DossierCodeError::None) result.code = std::move(code);
    return result;
}

DossierCodeResult failure(DossierCodeError error, std::string reason) {
    DossierCodeResult result;
    result.error = error;
    result.reason = std::move(reason);
    return result;
}

constexpr const char* kExpectedForm =
    "expected AGENCY-YYMMDD-SEQUENCE with agency 000.00.21.H41 or H41[.dd[.dd[.dd]]] and a 4-7 "
    "digit sequence";

// ---- manual entry ----------------------------------------------------------------------------

// The typed text reduced to upper-case letters and digits, with where separators were.
struct Compact {
    std::string chars;
    std::vector<bool> hard;  // hard[k]: a dot/dash-like separator was typed before chars[k]
    std::vector<bool> soft;  // soft[k]: whitespace was typed before chars[k]
};

// UTF-8 sequences typed instead of '-' or '.' by phone keyboards, IMEs and word processors.
bool match_separator_utf8(std::string_view s, size_t i, size_t& len) {
    static constexpr std::array<std::string_view, 7> seps{
        "\xE2\x80\x90",  // U+2010 hyphen
        "\xE2\x80\x91",  // U+2011 non-breaking hyphen
        "\xE2\x80\x93",  // U+2013 en dash
        "\xE2\x80\x94",  // U+2014 em dash
        "\xE2\x88\x92",  // U+2212 minus
        "\xC2\xB7",      // U+00B7 middle dot
        "\xEF\xBC\x8E",  // U+FF0E full-width full stop
    };
    for (auto sep : seps)
        if (s.substr(i, sep.size()) == sep) {
            len = sep.size();
            return true;
        }
    return false;
}

bool compact(std::string_view typed, Compact& out, std::string& reason) {
    bool pending_hard = false, pending_soft = false;
    for (size_t i = 0; i < typed.size();) {
        const char c = typed[i];
        size_t len = 1;
        if (is_alnum(c)) {
            out.chars.push_back(ascii_upper(c));
            out.hard.push_back(pending_hard);
            out.soft.push_back(pending_soft);
            pending_hard = pending_soft = false;
        } else if (c == '.' || c == '-' || c == '/' || c == '_' || c == ',' || c == ':' ||
                   match_separator_utf8(typed, i, len)) {
            pending_hard = true;
        } else if (is_ascii_space(c) || typed.substr(i, 2) == "\xC2\xA0") {
            pending_soft = true;
            if (c != ' ' && !is_ascii_space(c)) len = 2;
        } else {
            reason =
                "character at byte " + std::to_string(i) + " is not a letter, digit or separator";
            return false;
        }
        i += len;
    }
    return true;
}

// One way to cut the compact text into fields: lengths of agency parts, date and sequence.
struct Layout {
    AgencyLayout layout;
    std::vector<int> fields;  // agency parts…, 6 (date), sequence length
};

std::vector<Layout> candidate_layouts(size_t total) {
    std::vector<Layout> out;
    for (int seq = 4; seq <= 7; ++seq) {
        if (static_cast<int>(total) == 3 + 2 + 2 + 3 + 6 + seq)
            out.push_back({AgencyLayout::Qcvn102, {3, 2, 2, 3, 6, seq}});
        // Qd20: letter + 2 digits, then 0–3 groups of 2 or 3 digits.
        for (int groups = 0; groups <= 3; ++groups)
            for (int mask = 0; mask < (1 << groups); ++mask) {
                std::vector<int> fields{3};
                int sum = 3;
                for (int g = 0; g < groups; ++g) {
                    const int len = (mask >> g) & 1 ? 3 : 2;
                    fields.push_back(len);
                    sum += len;
                }
                if (sum + 6 + seq != static_cast<int>(total)) continue;
                fields.push_back(6);
                fields.push_back(seq);
                out.push_back({AgencyLayout::Qd20, fields});
            }
    }
    return out;
}

// The canonical text for `layout`, or "" when the characters do not fit it.
std::string render(const Compact& c, const Layout& layout, bool require_soft) {
    std::string out;
    size_t pos = 0;
    const size_t agency_parts = layout.fields.size() - 2;
    std::vector<bool> boundary(c.chars.size() + 1, false);
    for (size_t f = 0; f < layout.fields.size(); ++f) {
        const auto len = static_cast<size_t>(layout.fields[f]);
        const std::string_view part = std::string_view(c.chars).substr(pos, len);
        for (size_t k = 0; k < part.size(); ++k) {
            const bool letter_slot =
                f == (layout.layout == AgencyLayout::Qcvn102 ? 3 : 0) && k == 0;
            if (letter_slot ? !is_upper(part[k]) : !is_digit(part[k])) return "";
        }
        if (f > 0) out += f < agency_parts ? '.' : '-';
        out += part;
        boundary[pos] = true;
        pos += len;
    }
    for (size_t k = 1; k < c.chars.size(); ++k) {
        if (c.hard[k] && !boundary[k]) return "";
        if (require_soft && c.soft[k] && !boundary[k]) return "";
    }
    return out;
}

}  // namespace

const char* to_string(AgencyLayout layout) {
    return layout == AgencyLayout::Qcvn102 ? "QCVN 102" : "QD 20/2020";
}

const char* to_string(DossierCodeError error) {
    switch (error) {
        case DossierCodeError::None:
            return "none";
        case DossierCodeError::Empty:
            return "empty";
        case DossierCodeError::TooLong:
            return "too long";
        case DossierCodeError::Malformed:
            return "malformed";
        case DossierCodeError::BadDate:
            return "bad date";
        case DossierCodeError::FutureDate:
            return "future date";
        case DossierCodeError::Ambiguous:
            return "ambiguous";
    }
    return "unknown";
}

std::string DossierCode::text() const {
    char date[24];
    std::snprintf(date, sizeof date, "%02d%02d%02d", (year - 2000) % 100, month % 100, day % 100);
    return agency + "-" + date + "-" + sequence;
}

std::string DossierCode::date_vn() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day % 100, month % 100, year % 10000);
    return buf;
}

DossierCodeResult parse_dossier_code(std::string_view text, TimePoint now) {
    const std::string_view trimmed = trim(text);
    if (trimmed.empty()) return failure(DossierCodeError::Empty, "no characters");
    if (trimmed.size() > kMaxDossierCodeInput)
        return failure(DossierCodeError::TooLong,
                       std::to_string(trimmed.size()) + " bytes, a dossier code has at most 27");
    const std::string upper = upper_ascii(trimmed);
    const auto raw = match_at(upper, 0);
    if (!raw || raw->end != upper.size())
        return failure(DossierCodeError::Malformed, std::string(kExpectedForm) + " (" +
                                                        std::to_string(upper.size()) +
                                                        " bytes do not match)");
    return finish(*raw, now);
}

std::optional<DossierCode> find_dossier_code(std::string_view text, TimePoint now) {
    const std::string s = upper_ascii(text);
    auto code_char = [&](size_t i) { return is_alnum(s[i]) || s[i] == '.' || s[i] == '-'; };
    for (size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && code_char(i - 1)) continue;
        const auto raw = match_at(s, i);
        if (!raw) continue;
        const size_t e = raw->end;
        const bool glued =
            e < s.size() && (is_alnum(s[e]) || s[e] == '-' ||
                             (s[e] == '.' && e + 1 < s.size() && is_alnum(s[e + 1])));
        if (glued) continue;
        auto result = finish(*raw, now);
        if (result.ok()) return result.code;
    }
    return std::nullopt;
}

DossierCodeResult normalize_manual_dossier_code(std::string_view typed, TimePoint now) {
    if (typed.size() > kMaxDossierCodeInput)
        return failure(
            DossierCodeError::TooLong,
            std::to_string(typed.size()) + " bytes typed, a dossier code has at most 27");
    Compact c;
    std::string reason;
    if (!compact(typed, c, reason)) return failure(DossierCodeError::Malformed, reason);
    if (c.chars.empty()) return failure(DossierCodeError::Empty, "no letters or digits typed");

    const auto layouts = candidate_layouts(c.chars.size());
    std::set<std::string> loose, exact;  // fits the hard separators / also the spaces
    DossierCodeResult last_date_error;
    for (const auto& layout : layouts) {
        const std::string text = render(c, layout, false);
        if (text.empty()) continue;
        auto parsed = parse_dossier_code(text, now);
        if (!parsed.ok()) {
            last_date_error = std::move(parsed);
            continue;
        }
        loose.insert(text);
        if (!render(c, layout, true).empty()) exact.insert(text);
    }
    const std::set<std::string>& chosen = loose.size() == 1 ? loose : exact;
    if (chosen.size() == 1) return parse_dossier_code(*chosen.begin(), now);
    if (loose.size() > 1)
        return failure(DossierCodeError::Ambiguous,
                       std::to_string(loose.size()) +
                           " different codes fit the typed characters; separators are needed");
    if (last_date_error.error != DossierCodeError::None) return last_date_error;
    return failure(DossierCodeError::Malformed, std::string(kExpectedForm) + " (" +
                                                    std::to_string(c.chars.size()) +
                                                    " letters/digits typed fit neither layout)");
}

}  // namespace kiosk
