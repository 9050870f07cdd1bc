#include "kiosk/sync/reply_parsers.h"

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "kiosk/core/clock.h"
#include "kiosk/core/unicode.h"

namespace kiosk::sync {
namespace {

using nlohmann::json;

struct Invalid {
    std::string message;
};

[[noreturn]] void invalid(const std::string& path, const std::string& why) {
    throw Invalid{(path.empty() ? std::string("(body)") : path) + ": " + why};
}

// Deepest bracket nesting outside strings; checked before parsing so a "[[[[…" bomb costs nothing.
int nesting_depth(std::string_view text) {
    int depth = 0, max_depth = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{')
            max_depth = std::max(max_depth, ++depth);
        else if (c == ']' || c == '}')
            --depth;
    }
    return max_depth;
}

json parse_body(std::string_view body, size_t max_bytes) {
    if (body.size() > max_bytes)
        invalid("", "reply of " + std::to_string(body.size()) + " bytes exceeds the limit of " +
                        std::to_string(max_bytes));
    if (body.empty()) invalid("", "empty reply");
    if (!is_valid_utf8(std::string(body))) invalid("", "reply is not valid UTF-8");
    if (nesting_depth(body) > kMaxJsonDepth)
        invalid("", "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded()) invalid("", "reply is not well-formed JSON");
    return j;
}

// Typed access to one JSON object, with the dotted path for messages.
class Obj {
  public:
    Obj(const json& j, std::string path) : j_(j), path_(std::move(path)) {
        if (!j_.is_object()) invalid(path_, "expected an object");
    }

    const json* find(const char* key, bool required) const {
        const auto it = j_.find(key);
        if (it == j_.end() || it->is_null()) {
            if (required) invalid(at(key), "missing");
            return nullptr;
        }
        return &*it;
    }

    std::string str(const char* key, bool required = true, size_t max_bytes = 1000,
                    bool allow_empty = false) const {
        const json* v = find(key, required);
        if (!v) return {};
        return text(*v, at(key), max_bytes, allow_empty);
    }

    std::optional<std::string> opt_str(const char* key, size_t max_bytes = 1000) const {
        if (!find(key, false)) return std::nullopt;
        return str(key, true, max_bytes);
    }

    int64_t integer(const char* key, int64_t min, int64_t max) const {
        const json* v = find(key, true);
        if (!v->is_number_integer()) invalid(at(key), "must be an integer");
        const int64_t n =
            v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)
                ? INT64_MAX
                : v->get<int64_t>();
        if (n < min || n > max)
            invalid(at(key), "must be " + std::to_string(min) + "-" + std::to_string(max));
        return n;
    }

    bool boolean(const char* key) const {
        const json* v = find(key, true);
        if (!v->is_boolean()) invalid(at(key), "must be true or false");
        return v->get<bool>();
    }

    const json& array(const char* key, size_t max_items, bool required = true) const {
        static const json empty = json::array();
        const json* v = find(key, required);
        if (!v) return empty;
        if (!v->is_array()) invalid(at(key), "must be an array");
        if (v->size() > max_items)
            invalid(at(key), "more than " + std::to_string(max_items) + " items");
        return *v;
    }

    Obj object(const char* key) const { return Obj(*find(key, true), at(key)); }
    std::string at(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
    const std::string& path() const { return path_; }

    static std::string text(const json& v, const std::string& path, size_t max_bytes,
                            bool allow_empty) {
        if (!v.is_string()) invalid(path, "must be a string");
        const auto& s = v.get_ref<const std::string&>();
        if (s.size() > max_bytes)
            invalid(path, "longer than " + std::to_string(max_bytes) + " bytes");
        if (!allow_empty && s.empty()) invalid(path, "must not be empty");
        std::string nfc;
        if (!to_nfc(s, nfc)) invalid(path, "not valid UTF-8 or not normalisable to NFC");
        for (unsigned char c : nfc)
            if (c < 0x20 && c != '\n') invalid(path, "contains control characters");
        return nfc;
    }

  private:
    const json& j_;
    std::string path_;
};

std::string item(const std::string& path, size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

std::string timestamp(const Obj& o, const char* key, bool required = true) {
    const std::string s = o.str(key, required, 40);
    if ((required || !s.empty()) && !is_iso8601_offset(s))
        invalid(o.at(key),
                "must be ISO-8601 with an offset (2026-11-27T14:05:09+07:00), got '" + s + "'");
    return s;
}

bool is_hhmm(const std::string& s) {
    return s.size() == 5 && s[2] == ':' && std::isdigit(static_cast<unsigned char>(s[0])) &&
           std::isdigit(static_cast<unsigned char>(s[1])) &&
           std::isdigit(static_cast<unsigned char>(s[3])) &&
           std::isdigit(static_cast<unsigned char>(s[4])) && std::stoi(s.substr(0, 2)) < 24 &&
           std::stoi(s.substr(3, 2)) < 60;
}

bool is_agency_code(const std::string& s) {
    static const std::regex re(
        R"(^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}(?:\.\d{2,3}){0,3})$)");
    return s.size() <= 32 && std::regex_match(s, re);
}

Catalog read_catalog(const json& root) {
    const Obj o(root, "");
    Catalog c;
    c.version = o.integer("version", 1, INT64_MAX);
    c.generated_at = timestamp(o, "generated_at");
    const Obj office = o.object("office");
    c.office.id = office.str("id", true, 64);
    c.office.agency_code = office.str("agency_code", true, 32);
    if (!is_agency_code(c.office.agency_code))
        invalid(office.at("agency_code"),
                "not an agency code like 000.00.00.H41: '" + c.office.agency_code + "'");
    c.office.name = office.str("name");
    c.office.address = office.str("address", false);
    c.office.phone = office.str("phone", false, 40);

    std::set<std::string> field_codes;
    const json& fields = o.array("fields", 100);
    for (size_t i = 0; i < fields.size(); ++i) {
        const Obj f(fields[i], item("fields", i));
        ServiceField sf{f.str("code", true, 32), f.str("name")};
        if (!field_codes.insert(sf.code).second)
            invalid(f.at("code"), "duplicate field code '" + sf.code + "'");
        c.fields.push_back(std::move(sf));
    }
    std::set<int64_t> counter_numbers;
    const json& counters = o.array("counters", 200);
    for (size_t i = 0; i < counters.size(); ++i) {
        const Obj k(counters[i], item("counters", i));
        Counter counter;
        counter.number = static_cast<int>(k.integer("number", 1, 999));
        if (!counter_numbers.insert(counter.number).second)
            invalid(k.at("number"), "duplicate counter " + std::to_string(counter.number));
        counter.name = k.str("name");
        const json& codes = k.array("field_codes", 100);
        for (size_t j = 0; j < codes.size(); ++j) {
            std::string code = Obj::text(codes[j], item(k.at("field_codes"), j), 32, false);
            if (!field_codes.count(code))
                invalid(item(k.at("field_codes"), j), "unknown field '" + code + "'");
            counter.field_codes.push_back(std::move(code));
        }
        c.counters.push_back(std::move(counter));
    }
    std::set<int64_t> weekdays;
    const json& hours = o.array("opening_hours", 7);
    for (size_t i = 0; i < hours.size(); ++i) {
        const Obj h(hours[i], item("opening_hours", i));
        OpeningDay day;
        day.weekday = static_cast<int>(h.integer("weekday", 1, 7));
        if (!weekdays.insert(day.weekday).second) invalid(h.at("weekday"), "weekday listed twice");
        const json& sessions = h.array("sessions", 4);
        for (size_t j = 0; j < sessions.size(); ++j) {
            const Obj s(sessions[j], item(h.at("sessions"), j));
            Session session{s.str("open", true, 5), s.str("close", true, 5)};
            if (!is_hhmm(session.open)) invalid(s.at("open"), "must be HH:MM");
            if (!is_hhmm(session.close)) invalid(s.at("close"), "must be HH:MM");
            if (session.open >= session.close) invalid(s.path(), "opens at or after it closes");
            day.sessions.push_back(std::move(session));
        }
        c.opening_hours.push_back(std::move(day));
    }
    const json& holidays = o.array("holidays", 100, false);
    for (size_t i = 0; i < holidays.size(); ++i) {
        const Obj h(holidays[i], item("holidays", i));
        Holiday holiday{h.str("date", true, 10), h.str("name")};
        int y, m, d;
        if (!parse_iso_date(holiday.date, y, m, d))
            invalid(h.at("date"), "must be a valid YYYY-MM-DD date");
        c.holidays.push_back(std::move(holiday));
    }
    std::set<std::string> procedure_codes;
    const json& procedures = o.array("procedures", 2000);
    for (size_t i = 0; i < procedures.size(); ++i) {
        const Obj p(procedures[i], item("procedures", i));
        Procedure proc;
        proc.code = p.str("code", true, 40);
        if (!is_procedure_code(proc.code))
            invalid(p.at("code"), "not a procedure code like 1.001234: '" + proc.code + "'");
        if (!procedure_codes.insert(proc.code).second)
            invalid(p.at("code"), "duplicate procedure '" + proc.code + "'");
        proc.name = p.str("name");
        proc.field_code = p.str("field_code", true, 32);
        if (!field_codes.count(proc.field_code))
            invalid(p.at("field_code"), "unknown field '" + proc.field_code + "'");
        proc.agency = p.str("agency");
        proc.result = p.str("result");
        std::set<int> channels_seen;
        const json& channels = p.array("channels", 3);
        if (channels.empty()) invalid(p.at("channels"), "must list at least one channel");
        for (size_t j = 0; j < channels.size(); ++j) {
            const Obj ch(channels[j], item(p.at("channels"), j));
            ChannelTerms t;
            t.channel = static_cast<int>(ch.integer("channel", 1, 3));
            if (!channels_seen.insert(t.channel).second)
                invalid(ch.at("channel"), "channel listed twice");
            t.processing_time = ch.str("processing_time");
            t.processing_days = static_cast<int>(ch.integer("processing_days", 0, 365));
            t.fee_vnd = ch.integer("fee_vnd", 0, 100000000);
            t.fee_text = ch.str("fee_text", false);
            proc.channels.push_back(std::move(t));
        }
        const json& docs = p.array("documents", 50);
        for (size_t j = 0; j < docs.size(); ++j) {
            const Obj d(docs[j], item(p.at("documents"), j));
            proc.documents.push_back({d.str("name"),
                                      static_cast<int>(d.integer("originals", 0, 20)),
                                      static_cast<int>(d.integer("copies", 0, 20))});
        }
        c.procedures.push_back(std::move(proc));
    }
    return c;
}

Dossier read_dossier(const json& root) {
    const Obj o(root, "");
    Dossier d;
    d.code = o.str("code", true, 64);
    if (!is_dossier_code(d.code)) invalid("code", "not a dossier code: '" + d.code + "'");
    const Obj status = o.object("status");
    d.status.code = static_cast<int>(status.integer("code", 1, 10));
    d.status.national_label = status.str("national_label");
    d.status.label = status.str("label");
    d.overdue = o.boolean("overdue");
    const Obj proc = o.object("procedure");
    d.procedure_code = proc.str("code", true, 40);
    if (!is_procedure_code(d.procedure_code))
        invalid(proc.at("code"), "not a procedure code: '" + d.procedure_code + "'");
    d.procedure_name = proc.str("name");
    d.channel = static_cast<int>(o.integer("channel", 1, 3));
    d.owner_masked = o.str("owner_masked", true, 120);
    d.received_at = timestamp(o, "received_at");
    if (o.find("appointment_at", false)) d.appointment_at = timestamp(o, "appointment_at");
    d.handling_unit = o.str("handling_unit");
    d.current_step = o.str("current_step");
    d.pickup_place = o.str("pickup_place", false);
    const json& history = o.array("history", 200);
    for (size_t i = 0; i < history.size(); ++i) {
        const Obj h(history[i], item("history", i));
        d.history.push_back(
            {timestamp(h, "at"), h.str("unit"), h.str("action"), h.str("to_unit", false)});
    }
    return d;
}

std::vector<EventAck> read_acks(const json& root) {
    const Obj o(root, "");
    std::vector<EventAck> acks;
    const json& list = o.array("acks", 500);
    for (size_t i = 0; i < list.size(); ++i) {
        const Obj a(list[i], item("acks", i));
        EventAck ack;
        ack.id = a.str("id", true, 36);
        const std::string result = a.str("result", true, 16);
        if (result == "stored")
            ack.result = EventAck::Result::Stored;
        else if (result == "duplicate")
            ack.result = EventAck::Result::Duplicate;
        else if (result == "rejected")
            ack.result = EventAck::Result::Rejected;
        else
            invalid(a.at("result"), "must be stored, duplicate or rejected, got '" + result + "'");
        if (ack.result == EventAck::Result::Rejected)
            ack.reason = a.str("reason", false, 500, true);
        acks.push_back(std::move(ack));
    }
    return acks;
}

ServerTime read_time(const json& root) {
    const Obj o(root, "");
    return {timestamp(o, "now"), o.integer("unix_ms", 0, 32503680000000)};  // before year 3000
}

ApiError read_error(const json& root) {
    const Obj e = Obj(root, "").object("error");
    ApiError err;
    err.code = e.str("code", true, 64);
    err.message = e.str("message", false, 1000, true);
    if (e.find("retryable", false)) err.retryable = e.boolean("retryable");
    const json& factors = e.array("factors", 8, false);
    for (size_t i = 0; i < factors.size(); ++i) {
        std::string f = Obj::text(factors[i], item("error.factors", i), 32, false);
        if (f != "id_number" && f != "lookup_code")
            continue;  // unknown kinds: the kiosk cannot ask for them
        err.factors.push_back(std::move(f));
    }
    return err;
}

template <class T, class F>
Parsed<T> run(std::string_view body, size_t max_bytes, F read) {
    Parsed<T> out;
    try {
        out.value = read(parse_body(body, max_bytes));
    } catch (const Invalid& e) {
        out.error = e.message;
    } catch (const std::exception& e) {  // nlohmann type errors we did not foresee, bad_alloc
        out.error = std::string("unexpected reply: ") + e.what();
    }
    return out;
}

}  // namespace

Parsed<Catalog> parse_catalog(std::string_view body) {
    return run<Catalog>(body, kMaxCatalogBytes, read_catalog);
}
Parsed<Dossier> parse_dossier(std::string_view body) {
    return run<Dossier>(body, kMaxReplyBytes, read_dossier);
}
Parsed<std::vector<EventAck>> parse_event_acks(std::string_view body) {
    return run<std::vector<EventAck>>(body, kMaxReplyBytes, read_acks);
}
Parsed<ServerTime> parse_server_time(std::string_view body) {
    return run<ServerTime>(body, kMaxReplyBytes, read_time);
}
Parsed<ApiError> parse_api_error(std::string_view body) {
    return run<ApiError>(body, kMaxReplyBytes, read_error);
}

bool is_dossier_code(const std::string& code) {
    static const std::regex re(
        R"(^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}(?:\.\d{2,3}){0,3})-(\d{6})-(\d{4,7})$)");
    return code.size() <= 64 && std::regex_match(code, re);
}

bool is_procedure_code(const std::string& code) {
    static const std::regex re(R"(^\d\.\d{6}(\.[0-9A-Z.]{1,30})?$)");
    return code.size() <= 40 && std::regex_match(code, re);
}

bool is_iso8601_offset(const std::string& s) {
    static const std::regex re(
        R"(^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})([+-]\d{2}:\d{2}|Z)$)");
    std::smatch m;
    if (s.size() > 40 || !std::regex_match(s, m, re)) return false;
    int y, mo, d;
    return parse_iso_date(m[1].str(), y, mo, d) && std::stoi(m[2].str()) < 24 &&
           std::stoi(m[3].str()) < 60 && std::stoi(m[4].str()) < 61;
}

}  // namespace kiosk::sync
