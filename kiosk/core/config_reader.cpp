#include "config_reader.h"

#include "unicode.h"

namespace kiosk::config_detail {
namespace {
const char* type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a number with a fraction";
        case toml::node_type::boolean:
            return "true/false";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::table:
            return "a table";
        default:
            return "a date/time";
    }
}
}  // namespace

TableReader::TableReader(const toml::table* table, std::string path, std::string file,
                         std::vector<ConfigError>& errors)
    : table_(table), path_(std::move(path)), file_(std::move(file)), errors_(errors) {}

std::string TableReader::key_path(const std::string& key) const {
    return path_.empty() ? key : path_ + "." + key;
}

void TableReader::error(const std::string& key, const std::string& message) {
    errors_.push_back({file_, key_path(key), message});
}

const toml::node* TableReader::get(const std::string& key, bool required, const char* expected) {
    seen_.insert(key);
    const toml::node* node = table_ ? table_->get(key) : nullptr;
    if (!node && required) error(key, std::string("is required (") + expected + ")");
    return node;
}

std::optional<std::string> TableReader::string(const std::string& key, bool required) {
    const toml::node* n = get(key, required, "a string");
    if (!n) return std::nullopt;
    if (!n->is_string()) {
        error(key, std::string("expected a string, got ") + type_name(*n));
        return std::nullopt;
    }
    std::string nfc;
    if (!to_nfc(n->as_string()->get(), nfc)) {
        error(key, "is not valid UTF-8");
        return std::nullopt;
    }
    return nfc;  // text from config is normalised at this boundary
}

std::optional<int64_t> TableReader::integer(const std::string& key, bool required, int64_t min,
                                            int64_t max) {
    const toml::node* n = get(key, required, "an integer");
    if (!n) return std::nullopt;
    if (!n->is_integer()) {
        error(key, std::string("expected an integer, got ") + type_name(*n));
        return std::nullopt;
    }
    const int64_t v = n->as_integer()->get();
    if (v < min || v > max) {
        error(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                       ", got " + std::to_string(v));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> TableReader::boolean(const std::string& key, bool required) {
    const toml::node* n = get(key, required, "true or false");
    if (!n) return std::nullopt;
    if (!n->is_boolean()) {
        error(key, std::string("expected true or false, got ") + type_name(*n));
        return std::nullopt;
    }
    return n->as_boolean()->get();
}

const toml::array* TableReader::array(const std::string& key, bool required) {
    const toml::node* n = get(key, required, "an array");
    if (!n) return nullptr;
    if (!n->is_array()) {
        error(key, std::string("expected an array, got ") + type_name(*n));
        return nullptr;
    }
    return n->as_array();
}

std::optional<std::vector<int64_t>> TableReader::int_array(const std::string& key, bool required,
                                                           int64_t min, int64_t max) {
    const toml::array* a = array(key, required);
    if (!a) return std::nullopt;
    std::vector<int64_t> out;
    for (size_t i = 0; i < a->size(); ++i) {
        const toml::node& n = *a->get(i);
        const std::string at = key + "[" + std::to_string(i) + "]";
        if (!n.is_integer()) {
            error(at, std::string("expected an integer, got ") + type_name(n));
            return std::nullopt;
        }
        const int64_t v = n.as_integer()->get();
        if (v < min || v > max) {
            error(at, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                          ", got " + std::to_string(v));
            return std::nullopt;
        }
        out.push_back(v);
    }
    return out;
}

TableReader TableReader::sub_table(const std::string& key, bool required) {
    const toml::node* n = get(key, required, "a table");
    if (n && !n->is_table()) {
        error(key, std::string("expected a table [") + key_path(key) + "], got " + type_name(*n));
        n = nullptr;
    }
    return TableReader(n ? n->as_table() : nullptr, key_path(key), file_, errors_);
}

void TableReader::report_unknown_keys() {
    if (!table_) return;
    for (const auto& [k, v] : *table_) {
        const std::string key(k.str());
        if (!seen_.count(key)) error(key, "unknown key (misspelt?)");
    }
}

}  // namespace kiosk::config_detail

// [hub], [voice] and [board]: the office queue on the LAN, the spoken calls, the calling board.
namespace kiosk::config_detail {

void read_hub(TableReader t, KioskConfig& c) {
    if (!t.present()) return;
    HubConfig& h = c.hub;
    if (auto v = t.string("listen", false)) {
        const auto colon = v->rfind(':');
        const bool port_ok = colon != std::string::npos && colon + 1 < v->size() &&
                             v->size() - colon - 1 <= 5 &&
                             v->find_first_not_of("0123456789", colon + 1) == std::string::npos &&
                             std::stoi(v->substr(colon + 1)) <= 65535;
        if (v->empty() || (colon > 0 && port_ok))
            h.listen = *v;
        else
            t.error("listen",
                    "must be HOST:PORT (\"0.0.0.0:8470\") or empty for no hub, got '" + *v + "'");
    }
    if (auto v = t.string("tokens_file", false)) h.tokens_file = *v;
    if (auto v = t.string("tls_cert", false)) h.tls_cert = *v;
    if (auto v = t.string("tls_key", false)) h.tls_key = *v;
    if (h.tls_cert.empty() != h.tls_key.empty())
        t.error(h.tls_cert.empty() ? "tls_cert" : "tls_key", "tls_cert and tls_key go together");
    if (h.enabled() && h.tokens_file.empty())
        t.error("tokens_file", "is required when listen is set (every client needs a token)");
    if (auto v = t.string("priority_policy", false)) {
        if (*v == "strict")
            h.priority_policy = PriorityPolicy::Strict;
        else if (*v == "interleaved")
            h.priority_policy = PriorityPolicy::Interleaved;
        else
            t.error("priority_policy", "must be \"strict\" or \"interleaved\", got '" + *v + "'");
    }
    if (auto v = t.integer("priority_every", false, 1, 20)) h.priority_every = static_cast<int>(*v);
    if (auto v = t.integer("max_no_shows", false, 0, 5)) h.max_no_shows = static_cast<int>(*v);
    if (auto v = t.integer("no_show_grace_s", false, 0, 1800))
        h.no_show_grace_s = static_cast<int>(*v);
    t.report_unknown_keys();
}

void read_voice(TableReader t, KioskConfig& c) {
    if (!t.present()) return;
    VoiceConfig& v = c.voice;
    if (auto b = t.boolean("enabled", false)) v.enabled = *b;
    if (auto s = t.string("reading", false)) {
        if (*s == "north" || *s == "south" || *s == "digits")
            v.reading = *s;
        else
            t.error("reading", "must be \"north\", \"south\" or \"digits\", got '" + *s + "'");
    }
    if (auto n = t.integer("repeat", false, 1, 3)) v.repeat = static_cast<int>(*n);
    if (auto s = t.string("clips_dir", false)) v.clips_dir = *s;
    if (auto n = t.integer("gap_ms", false, 0, 2000)) v.gap_ms = static_cast<int>(*n);
    t.report_unknown_keys();
}

void read_board(TableReader t, KioskConfig& c) {
    if (!t.present()) return;
    BoardConfig& b = c.board;
    if (auto n = t.integer("recent_calls", false, 3, 12)) b.recent_calls = static_cast<int>(*n);
    for (auto [key, field] : {std::pair{"notice_vi", &b.notice_vi}, {"notice_en", &b.notice_en}}) {
        if (auto s = t.string(key, false)) {
            if (s->size() > 1000)
                t.error(key, "is too long for the scrolling notice (at most 1000 bytes)");
            else
                *field = *s;
        }
    }
    t.report_unknown_keys();
}

}  // namespace kiosk::config_detail
