#include "scan_payload.h"

#include <utf8proc.h>

#include <array>
#include <cstdio>
#include <vector>

#include "kiosk/core/unicode.h"

namespace kiosk {
namespace {

constexpr const char* kHintGeneric =
    "Mã không hợp lệ. Hãy quét mã QR hoặc mã vạch trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, "
    "hoặc nhập mã hồ sơ.";
constexpr const char* kHintNoCode =
    "Mã không hợp lệ: mã này không chứa mã hồ sơ. Hãy quét mã QR tra cứu hoặc mã vạch trên Giấy "
    "tiếp nhận hồ sơ, hoặc nhập mã hồ sơ.";
constexpr const char* kHintBadDate =
    "Mã không hợp lệ: ngày trong mã hồ sơ không đúng. Hãy kiểm tra lại Giấy tiếp nhận hồ sơ hoặc "
    "nhập mã hồ sơ.";
constexpr const char* kHintCitizenId =
    "Mã không hợp lệ: không đọc được mã QR trên thẻ Căn cước công dân. Hãy quét lại mặt sau của "
    "thẻ hoặc nhập số định danh cá nhân.";
constexpr const char* kHintOtherOffice =
    "Mã không hợp lệ: phiếu số thứ tự này không thuộc trung tâm này. Hãy quét mã trên Giấy tiếp "
    "nhận hồ sơ.";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
    return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool all_digits(std::string_view s) {
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}
bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}
bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}
std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (;;) {
        const size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string_view::npos ? s.npos : at - start));
        if (at == std::string_view::npos) return out;
        start = at + 1;
    }
}

size_t count_code_points(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

ScanPayload reject(RejectReason reason, const char* hint, std::string log_reason) {
    return ScanPayload{PayloadRejection{reason, hint, std::move(log_reason)}};
}

// ---- URL query ----------------------------------------------------------------------------

struct QueryParam {
    std::string_view key, value;  // still percent-encoded
};

// Parameters after the first '?' up to the next '#' (SPA routes put the query after '#/…').
std::vector<QueryParam> query_params(std::string_view url) {
    std::vector<QueryParam> out;
    const size_t q = url.find('?');
    if (q == std::string_view::npos) return out;
    std::string_view query = url.substr(q + 1);
    query = query.substr(0, query.find('#'));
    for (auto part : split(query, '&')) {
        if (part.empty()) continue;
        const size_t eq = part.find('=');
        if (eq == std::string_view::npos)
            out.push_back({part, {}});
        else
            out.push_back({part.substr(0, eq), part.substr(eq + 1)});
    }
    return out;
}

bool is_code_key(std::string_view key) {
    static constexpr std::array<std::string_view, 4> keys{"mhs", "mahoso", "code", "keyword"};
    for (auto k : keys)
        if (iequals(key, k)) return true;
    return false;
}

// Query keys whose values are personal data and are masked in support output.
bool is_personal_key(std::string_view key) {
    static constexpr std::array<std::string_view, 6> keys{"sgt",    "cccd", "cmnd",
                                                          "socmnd", "sdt",  "phone"};
    for (auto k : keys)
        if (iequals(key, k)) return true;
    return false;
}

// An owner ID worth sending as the second factor: 6–20 ASCII letters/digits (CCCD, CMND,
// passport). Anything else is dropped.
PersonalText owner_id_from(const std::vector<QueryParam>& params) {
    for (const auto& p : params) {
        if (!iequals(p.key, "sgt")) continue;
        const std::string value(trim(percent_decode(p.value)));
        if (value.size() < 6 || value.size() > 20) return {};
        for (char c : value)
            if (!is_alnum(c)) return {};
        return PersonalText(value);
    }
    return {};
}

// ---- CCCD ---------------------------------------------------------------------------------

std::optional<Date> parse_ddmmyyyy(std::string_view s) {
    if (s.size() != 8 || !all_digits(s)) return std::nullopt;
    auto num = [&](size_t at, size_t len) {
        int v = 0;
        for (size_t i = at; i < at + len; ++i)
            v = v * 10 + (s[i] - '0');
        return v;
    };
    const Date d{num(4, 4), num(2, 2), num(0, 2)};
    if (d.year < 1900 || d.year > 2199 || d.month < 1 || d.month > 12 || d.day < 1)
        return std::nullopt;
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const int month_days = d.month == 2 && leap ? 29 : days[static_cast<size_t>(d.month - 1)];
    if (d.day > month_days) return std::nullopt;
    return d;
}

bool looks_like_citizen_id(std::string_view text) {
    const size_t bar = text.find('|');
    if (bar == std::string_view::npos) return false;
    const std::string_view first = text.substr(0, bar);
    return first.size() >= 9 && first.size() <= 12 && all_digits(first);
}

ScanPayload parse_citizen_id(std::string_view text, TimePoint now) {
    auto fields = split(text, '|');
    while (fields.size() > 7 && fields.back().empty())
        fields.pop_back();
    auto bad = [&](std::string why) {
        return reject(RejectReason::CitizenIdMalformed, kHintCitizenId,
                      "CCCD-like payload (" + std::to_string(fields.size()) + " fields): " + why);
    };
    if (fields.size() < 6 || fields.size() > 7) return bad("expected 7 fields (6 tolerated)");
    // 6 fields: either the issue date or the old ID is missing; the birth date's place tells.
    const bool no_old_id = fields.size() == 6 && parse_ddmmyyyy(fields[2]).has_value() &&
                           !parse_ddmmyyyy(fields[3]).has_value();
    if (no_old_id) fields.insert(fields.begin() + 1, std::string_view{});

    CitizenIdCard card;
    if (fields[0].size() != 12 || !all_digits(fields[0]))
        return bad("field 1 (ID number) is not 12 digits");
    if (!fields[1].empty() && (fields[1].size() != 9 || !all_digits(fields[1])))
        return bad("field 2 (old ID) is neither empty nor 9 digits");
    const std::string_view name = trim(fields[2]);
    if (name.empty()) return bad("field 3 (name) is empty");
    const auto birth = parse_ddmmyyyy(fields[3]);
    if (!birth) return bad("field 4 (birth date) is not a ddmmyyyy date");
    const LocalDateTime today = to_local(now);
    const int today_key = today.year * 10000 + today.month * 100 + today.day;
    if (birth->year * 10000 + birth->month * 100 + birth->day > today_key)
        return bad("field 4 (birth date) is in the future");
    const std::string_view sex = trim(fields[4]);
    if (sex.empty() || sex.size() > 16) return bad("field 5 (sex) is empty or too long");
    if (fields.size() == 7 && !fields[6].empty()) {
        const auto issued = parse_ddmmyyyy(fields[6]);
        if (!issued) return bad("field 7 (issue date) is not a ddmmyyyy date");
        card.issue_date = issued;
    }
    card.id_number = PersonalText(std::string(fields[0]));
    card.old_id = PersonalText(std::string(fields[1]));
    card.full_name = PersonalText(std::string(name));
    card.birth_date = *birth;
    card.sex = std::string(sex);
    card.address = PersonalText(std::string(trim(fields[5])));
    return ScanPayload{std::move(card)};
}

// ---- ticket URL ---------------------------------------------------------------------------

struct TemplatePart {
    bool placeholder = false;
    std::string text;  // literal text, or the placeholder name without braces
};

std::vector<TemplatePart> split_template(std::string_view tmpl) {
    std::vector<TemplatePart> parts;
    size_t i = 0;
    while (i < tmpl.size()) {
        const size_t open = tmpl.find('{', i);
        const size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
        if (open == std::string_view::npos || close == std::string_view::npos) {
            parts.push_back({false, std::string(tmpl.substr(i))});
            break;
        }
        if (open > i) parts.push_back({false, std::string(tmpl.substr(i, open - i))});
        parts.push_back({true, std::string(tmpl.substr(open + 1, close - open - 1))});
        i = close + 1;
    }
    return parts;
}

bool valid_placeholder_value(std::string_view v) {
    if (v.empty() || v.size() > 64) return false;
    for (char c : v)
        if (!is_alnum(c) && c != '-' && c != '_' && c != '.') return false;
    return true;
}

enum class TicketMatch { NotTicket, Matched, Malformed };

// Matches `url` (without query/fragment) against the template. Literals compare ignoring ASCII
// case (scheme and host are case-insensitive; our paths are lower-case anyway).
TicketMatch match_ticket(std::string_view url, const std::vector<TemplatePart>& parts,
                         TicketRef& out) {
    size_t pos = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
        const auto& part = parts[i];
        if (!part.placeholder) {
            if (!istarts_with(url.substr(pos), part.text))
                return i == 0 ? TicketMatch::NotTicket : TicketMatch::Malformed;
            pos += part.text.size();
            continue;
        }
        size_t end = url.size();
        if (i + 1 < parts.size()) {
            end = url.find(parts[i + 1].text, pos);
            if (end == std::string_view::npos) return TicketMatch::Malformed;
        }
        const std::string_view value = url.substr(pos, end - pos);
        if (!valid_placeholder_value(value)) return TicketMatch::Malformed;
        if (part.text == "office")
            out.office = value;
        else if (part.text == "date")
            out.date = value;
        else if (part.text == "number")
            out.number = value;
        else if (part.text == "service")
            out.service = value;
        pos = end;
    }
    return pos == url.size() ? TicketMatch::Matched : TicketMatch::Malformed;
}

std::optional<ScanPayload> classify_ticket(std::string_view text, const PayloadContext& context) {
    if (context.ticket_url_template.empty()) return std::nullopt;
    const auto parts = split_template(context.ticket_url_template);
    std::string_view url = text.substr(0, text.find_first_of("?#"));
    if (url.size() > 1 && url.back() == '/') url.remove_suffix(1);
    TicketRef ref;
    const TicketMatch match = match_ticket(url, parts, ref);
    if (match == TicketMatch::NotTicket) return std::nullopt;
    auto malformed = [](std::string why) {
        return reject(RejectReason::TicketMalformed, kHintGeneric, "ticket URL: " + why);
    };
    if (match == TicketMatch::Malformed)
        return malformed("starts like the configured ticket_url but does not fit the template");
    int y = 0, m = 0, d = 0;
    if (ref.date.size() != 8 || !all_digits(ref.date) ||
        !parse_iso_date(
            ref.date.substr(0, 4) + "-" + ref.date.substr(4, 2) + "-" + ref.date.substr(6, 2), y, m,
            d))
        return malformed("{date} is not a YYYYMMDD calendar date");
    ref.date = ref.date.substr(0, 4) + "-" + ref.date.substr(4, 2) + "-" + ref.date.substr(6, 2);
    if (ref.number.empty() || ref.number.size() > 8)
        return malformed("{number} is not 1-8 characters");
    if (!context.office_id.empty() && !ref.office.empty() && ref.office != context.office_id)
        return reject(RejectReason::TicketOtherOffice, kHintOtherOffice,
                      "ticket URL names another office than office_id (" +
                          std::to_string(ref.office.size()) + " chars)");
    return ScanPayload{std::move(ref)};
}

// ---- dossier codes ------------------------------------------------------------------------

ScanPayload classify_url_code(const std::vector<QueryParam>& params, TimePoint now) {
    std::string first_key, first_reason;
    for (const auto& p : params) {
        if (!is_code_key(p.key)) continue;
        const std::string value = percent_decode(p.value);
        auto parsed = parse_dossier_code(value, now);
        if (parsed.ok()) {
            DossierPayload payload{*parsed.code, PayloadSource::Url, std::string(p.key),
                                   owner_id_from(params)};
            return ScanPayload{std::move(payload)};
        }
        if (first_key.empty()) {
            first_key = std::string(p.key);
            first_reason = parsed.reason;
        }
    }
    return reject(RejectReason::UrlCodeInvalid, kHintBadDate,
                  "URL parameter " + first_key + " is not a valid dossier code: " + first_reason);
}

bool has_code_key(const std::vector<QueryParam>& params) {
    for (const auto& p : params)
        if (is_code_key(p.key)) return true;
    return false;
}

bool looks_like_url(std::string_view text) {
    const size_t scheme = text.find("://");
    if (scheme != std::string_view::npos && scheme > 0 && scheme < 16) {
        for (size_t i = 0; i < scheme; ++i)
            if (!is_alnum(text[i]) && text[i] != '+' && text[i] != '-' && text[i] != '.')
                return false;
        return true;
    }
    return istarts_with(text, "www.");
}

void append_escaped(std::string& out, unsigned char byte) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X", byte);
    out += buf;
}

// Valid UTF-8 kept, control characters and invalid bytes as \xNN.
std::string escape_text(std::string_view s) {
    std::string out;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0 || cp < 0) {
            append_escaped(out, *p);
            ++p;
            --left;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F)
            append_escaped(out, static_cast<unsigned char>(cp));
        else
            out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
        p += n;
        left -= n;
    }
    return out;
}

}  // namespace

std::string PersonalText::masked(size_t keep) const {
    const size_t n = count_code_points(value_);
    if (keep == 0 || n < 2 * keep) return std::string(n, '*');
    const size_t skip = n - keep;
    size_t starts = 0, i = 0;
    for (; i < value_.size(); ++i) {
        if ((static_cast<unsigned char>(value_[i]) & 0xC0) == 0x80) continue;
        if (starts == skip) break;
        ++starts;
    }
    return std::string(skip, '*') + value_.substr(i);
}

std::string name_initials(std::string_view full_name) {
    std::string nfc;
    if (!to_nfc(std::string(full_name), nfc)) return "?";
    std::string out;
    bool at_word_start = true;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(nfc.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(nfc.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) break;
        p += n;
        left -= n;
        const bool space = cp == ' ' || cp == '\t' || cp == 0xA0;
        if (space) {
            at_word_start = true;
            continue;
        }
        if (!at_word_start) continue;
        at_word_start = false;
        utf8proc_uint8_t buf[4];
        const auto len = utf8proc_encode_char(utf8proc_toupper(cp), buf);
        if (!out.empty()) out += ' ';
        out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
        out += '.';
    }
    return out;
}

const char* to_string(PayloadSource source) {
    switch (source) {
        case PayloadSource::BareCode:
            return "bare code";
        case PayloadSource::Url:
            return "URL";
        case PayloadSource::FreeText:
            return "text";
    }
    return "unknown";
}

const char* to_string(RejectReason reason) {
    switch (reason) {
        case RejectReason::Empty:
            return "empty";
        case RejectReason::TooLong:
            return "too-long";
        case RejectReason::InvalidUtf8:
            return "invalid-utf8";
        case RejectReason::ControlCharacters:
            return "control-characters";
        case RejectReason::UrlWithoutCode:
            return "url-without-code";
        case RejectReason::UrlCodeInvalid:
            return "url-code-invalid";
        case RejectReason::CodeInvalid:
            return "code-invalid";
        case RejectReason::CitizenIdMalformed:
            return "cccd-malformed";
        case RejectReason::TicketOtherOffice:
            return "ticket-other-office";
        case RejectReason::TicketMalformed:
            return "ticket-malformed";
        case RejectReason::Unrecognised:
            return "unrecognised";
    }
    return "unknown";
}

std::string percent_decode(std::string_view text) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 &&
                   hex(text[i + 2]) >= 0) {
            out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

ScanPayload classify_payload(std::string_view raw, const PayloadContext& context) {
    if (raw.empty()) return reject(RejectReason::Empty, kHintGeneric, "empty payload");
    if (raw.size() > kMaxPayloadBytes)
        return reject(RejectReason::TooLong, kHintGeneric,
                      "payload of " + std::to_string(raw.size()) + " bytes exceeds " +
                          std::to_string(kMaxPayloadBytes));
    std::string nfc;
    if (!to_nfc(std::string(raw), nfc))
        return reject(RejectReason::InvalidUtf8, kHintGeneric,
                      "payload of " + std::to_string(raw.size()) + " bytes is not valid UTF-8");
    const std::string_view text = trim(nfc);
    if (text.empty())
        return reject(RejectReason::Empty, kHintGeneric, "payload is only whitespace");
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            char why[64];
            std::snprintf(why, sizeof why, "control character 0x%02X at byte %zu", c, i);
            return reject(RejectReason::ControlCharacters, kHintGeneric, why);
        }
    }

    if (looks_like_citizen_id(text)) return parse_citizen_id(text, context.now);
    if (auto ticket = classify_ticket(text, context)) return std::move(*ticket);

    const auto params = query_params(text);
    if (has_code_key(params)) return classify_url_code(params, context.now);

    auto bare = parse_dossier_code(text, context.now);
    if (bare.ok()) return ScanPayload{DossierPayload{*bare.code, PayloadSource::BareCode, {}, {}}};
    if (bare.error == DossierCodeError::BadDate || bare.error == DossierCodeError::FutureDate)
        return reject(RejectReason::CodeInvalid, kHintBadDate, "dossier code: " + bare.reason);

    if (auto found = find_dossier_code(text, context.now))
        return ScanPayload{
            DossierPayload{*found, PayloadSource::FreeText, {}, owner_id_from(params)}};

    if (looks_like_url(text))
        return reject(RejectReason::UrlWithoutCode, kHintNoCode,
                      "URL (" + std::to_string(text.size()) +
                          " bytes) has no MHS/MaHoSo/code/keyword parameter and no dossier code");
    return reject(RejectReason::Unrecognised, kHintGeneric,
                  "payload of " + std::to_string(text.size()) +
                      " bytes is no dossier code, lookup URL, CCCD QR or ticket QR");
}

std::string to_log_string(const ScanPayload& payload) {
    if (const auto* d = payload.dossier()) {
        std::string out = "dossier code " + d->code.text() + " (" + to_string(d->source);
        if (!d->url_parameter.empty()) out += " parameter " + d->url_parameter;
        if (!d->owner_id.empty()) out += ", owner ID " + d->owner_id.masked();
        return out + ")";
    }
    if (const auto* c = payload.citizen_id())
        return "CCCD QR (ID " + c->masked_id() + ", name " + c->masked_name() + ")";
    if (const auto* t = payload.ticket())
        return "ticket " + t->number + " of office " + t->office + " on " + t->date;
    const auto* r = payload.rejection();
    return std::string("rejected (") + to_string(r->reason) + "): " + r->log_reason;
}

std::string masked_payload_text(std::string_view raw_input) {
    // Read the payload exactly as classify_payload() does (NFC, trimmed): a CCCD QR behind a
    // leading space must be masked like any other (found by fuzz_scan_payload).
    std::string nfc;
    const std::string_view raw = to_nfc(std::string(raw_input), nfc) ? trim(nfc) : trim(raw_input);
    if (looks_like_citizen_id(raw)) {
        auto fields = split(raw, '|');
        std::string out = PersonalText(std::string(fields[0])).masked(4);
        for (size_t i = 1; i < fields.size(); ++i) {
            out += '|';
            if (i == 2)
                out += name_initials(fields[i]);
            else if (!fields[i].empty())
                out += "***";
        }
        return out;
    }
    // Mask personal query values in place, keeping everything else.
    std::string out;
    const size_t q = raw.find('?');
    if (q == std::string_view::npos) return escape_text(raw);
    out = escape_text(raw.substr(0, q + 1));
    std::string_view rest = raw.substr(q + 1);
    const size_t hash = rest.find('#');
    const std::string_view query = rest.substr(0, hash);
    bool first = true;
    for (auto part : split(query, '&')) {
        if (!first) out += '&';
        first = false;
        const size_t eq = part.find('=');
        if (eq != std::string_view::npos && is_personal_key(part.substr(0, eq))) {
            out += escape_text(part.substr(0, eq + 1));
            out += escape_text(PersonalText(percent_decode(part.substr(eq + 1))).masked(4));
        } else {
            out += escape_text(part);
        }
    }
    if (hash != std::string_view::npos) out += escape_text(rest.substr(hash));
    return out;
}

}  // namespace kiosk
