#include "config.h"

#include <toml++/toml.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "config_reader.h"

namespace kiosk {
namespace {

using config_detail::TableReader;

bool is_slug(const std::string& s) {
    if (s.empty() || s.size() > 40) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

bool is_ascii_printable(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x21 || c > 0x7e) return false;
    return true;
}

bool all_of(const std::string& s, bool (*pred)(char)) {
    for (char c : s)
        if (!pred(c)) return false;
    return !s.empty();
}

bool is_field_code(const std::string& s) {
    if (s.empty() || s.size() > 32) return false;
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.'))
            return false;
    return true;
}

int64_t power_of_ten(int digits) {
    int64_t v = 1;
    while (digits-- > 0)
        v *= 10;
    return v;
}

void read_office(TableReader t, KioskConfig& c) {
    if (auto v = t.string("id", true)) {
        if (is_slug(*v))
            c.office_id = *v;
        else
            t.error("id",
                    "must be 1-40 characters of a-z, 0-9, '-' or '_' (it goes into ticket URLs), "
                    "got '" +
                        *v + "'");
    }
    if (auto v = t.string("name_vi", true)) {
        if (v->empty()) t.error("name_vi", "must not be empty");
        c.office_name_vi = *v;
    }
    if (auto v = t.string("name_en", true)) c.office_name_en = *v;
    if (auto v = t.string("ticket_url", true)) {
        if (v->rfind("https://", 0) != 0)
            t.error("ticket_url", "must start with https:// (citizens scan it with their phones)");
        else if (!is_ascii_printable(*v))
            t.error("ticket_url", "must be ASCII without spaces (printed QR codes stay ASCII)");
        else if (v->find("{number}") == std::string::npos)
            t.error("ticket_url", "must contain {number}");
        else {
            std::string probe = expand_ticket_url(*v, "o", "d", "n", "s");
            if (probe.find('{') != std::string::npos || probe.find('}') != std::string::npos)
                t.error("ticket_url",
                        "unknown placeholder; allowed: {office} {date} {number} {service}");
            else
                c.ticket_url_template = *v;
        }
    }
    if (auto v = t.string("ticket_footer_vi", false)) c.ticket_footer_vi = *v;
    t.report_unknown_keys();
}

void read_kiosk(TableReader t, KioskConfig& c) {
    if (auto v = t.integer("idle_timeout_s", false, 10, 600))
        c.idle_timeout_s = static_cast<int>(*v);
    if (auto v = t.integer("ticket_screen_s", false, 3, 120))
        c.ticket_screen_s = static_cast<int>(*v);
    if (auto v = t.string("language", false)) {
        if (*v == "vi" || *v == "en")
            c.default_language = *v;
        else
            t.error("language", "must be \"vi\" or \"en\", got \"" + *v + "\"");
    }
    t.report_unknown_keys();
}

void read_queue(TableReader t, KioskConfig& c) {
    if (auto v = t.integer("default_service_minutes", false, 1, 240))
        c.default_service_minutes = static_cast<int>(*v);
    if (auto v = t.integer("service_time_window", false, 1, 500))
        c.service_time_window = static_cast<int>(*v);
    t.report_unknown_keys();
}

void read_printer(TableReader t, KioskConfig& c) {
    if (auto v = t.string("uri", true)) {
        if (v->empty()) t.error("uri", "must not be empty");
        c.printer.uri = *v;
    }
    if (auto v = t.integer("dots", false, 96, 1024)) {
        if (*v % 8 != 0)
            t.error("dots", "must be a multiple of 8 (576 for 80 mm, 384 for 58 mm), got " +
                                std::to_string(*v));
        else
            c.printer.dots = static_cast<int>(*v);
    }
    if (auto v = t.integer("band_rows", false, 1, 256)) c.printer.band_rows = static_cast<int>(*v);
    if (auto v = t.integer("feed_lines", false, 0, 20)) c.printer.feed_lines = static_cast<int>(*v);
    if (auto v = t.integer("timeout_ms", false, 100, 120000))
        c.printer.timeout_ms = static_cast<int>(*v);
    if (auto v = t.string("cut", false)) {
        if (*v == "full")
            c.printer.cut = CutMode::Full;
        else if (*v == "partial")
            c.printer.cut = CutMode::Partial;
        else if (*v == "none")
            c.printer.cut = CutMode::None;
        else
            t.error("cut", "must be \"full\", \"partial\" or \"none\", got \"" + *v + "\"");
    }
    if (auto v = t.string("status", false)) {
        if (*v == "none")
            c.printer.status = PrinterStatusSupport::None;
        else if (*v == "realtime")
            c.printer.status = PrinterStatusSupport::Realtime;
        else if (*v == "full")
            c.printer.status = PrinterStatusSupport::Full;
        else
            t.error("status",
                    "must be \"none\" (write-only), \"realtime\" (DLE EOT) or \"full\" (DLE EOT + "
                    "GS r), got \"" +
                        *v + "\"");
    }
    if (auto v = t.boolean("native_qr", false)) c.printer.native_qr = *v;
    if (auto v = t.integer("dpi", false, 100, 600)) c.printer.dpi = static_cast<int>(*v);
    if (auto v = t.integer("paper_roll_mm", false, 0, 1000000))
        c.printer.paper_roll_mm = static_cast<int>(*v);
    if (auto v = t.integer("paper_low_mm", false, 0, 1000000))
        c.printer.paper_low_mm = static_cast<int>(*v);
    if (auto v = t.integer("status_timeout_ms", false, 50, 30000))
        c.printer.status_timeout_ms = static_cast<int>(*v);
    if (auto v = t.integer("confirm_timeout_ms", false, 100, 300000))
        c.printer.confirm_timeout_ms = static_cast<int>(*v);
    if (c.printer.paper_roll_mm > 0 && c.printer.paper_low_mm >= c.printer.paper_roll_mm)
        t.error("paper_low_mm", "must be less than paper_roll_mm (" +
                                    std::to_string(c.printer.paper_roll_mm) + "), got " +
                                    std::to_string(c.printer.paper_low_mm));
    t.report_unknown_keys();
}

void read_display(TableReader t, KioskConfig& c) {
    if (auto v = t.integer("width", false, 320, 8192)) c.display.width = static_cast<int>(*v);
    if (auto v = t.integer("height", false, 320, 8192)) c.display.height = static_cast<int>(*v);
    if (auto v = t.boolean("fullscreen", false)) c.display.fullscreen = *v;
    if (auto v = t.string("renderer", false)) {
        if (*v == "software" || *v == "opengl" || *v == "opengles2" || *v == "auto")
            c.display.renderer = *v;
        else
            t.error(
                "renderer",
                "must be \"software\", \"opengl\", \"opengles2\" or \"auto\", got \"" + *v + "\"");
    }
    for (const char* key : {"font_regular", "font_bold"}) {
        auto v = t.string(key, false);
        if (!v) continue;
        if (std::FILE* f = std::fopen(v->c_str(), "rb")) {
            std::fclose(f);
            (std::string(key) == "font_regular" ? c.display.font_regular : c.display.font_bold) =
                *v;
        } else {
            t.error(key, "font file not found or unreadable: " + *v);
        }
    }
    t.report_unknown_keys();
}

void read_sync(TableReader t, KioskConfig& c) {
    if (!t.present()) return;
    SyncConfig& s = c.sync;
    s.enabled = true;
    if (auto v = t.string("server_url", true)) {
        if (v->rfind("https://", 0) != 0 || v->size() <= 8)
            t.error("server_url", "must be an https:// URL (TLS is always on), got '" + *v + "'");
        else if (v->back() == '/')
            t.error("server_url", "must not end with '/'");
        else
            s.server_url = *v;
    }
    if (auto v = t.string("kiosk_id", true)) {
        if (is_slug(*v))
            s.kiosk_id = *v;
        else
            t.error("kiosk_id",
                    "must be 1-40 characters of a-z, 0-9, '-' or '_', got '" + *v + "'");
    }
    if (auto v = t.string("token_file", true)) s.token_file = *v;
    if (auto v = t.string("ca_file", false)) s.ca_file = *v;
    if (auto v = t.string("pinned_public_key", false)) {
        if (!v->empty() && v->rfind("sha256//", 0) != 0)
            t.error("pinned_public_key",
                    "must start with sha256// (as written by dossier-server make-certs)");
        else
            s.pinned_public_key = *v;
    }
    if (auto v = t.string("client_cert", false)) s.client_cert = *v;
    if (auto v = t.string("client_key", false)) s.client_key = *v;
    if (s.client_cert.empty() != s.client_key.empty())
        t.error(s.client_cert.empty() ? "client_cert" : "client_key",
                "client_cert and client_key go together");
    const struct {
        const char* key;
        int* field;
        int min, max;
    } ints[] = {{"connect_timeout_ms", &s.connect_timeout_ms, 100, 60000},
                {"request_timeout_ms", &s.request_timeout_ms, 500, 300000},
                {"lookup_timeout_ms", &s.lookup_timeout_ms, 500, 60000},
                {"batch_size", &s.batch_size, 1, 500},
                {"catalog_refresh_s", &s.catalog_refresh_s, 10, 86400},
                {"heartbeat_s", &s.heartbeat_s, 5, 3600},
                {"max_backoff_s", &s.max_backoff_s, 1, 3600},
                {"keep_sent_days", &s.keep_sent_days, 1, 3650}};
    for (const auto& i : ints)
        if (auto v = t.integer(i.key, false, i.min, i.max)) *i.field = static_cast<int>(*v);
    t.report_unknown_keys();
}

void read_service(TableReader t, ServiceConfig& s) {
    if (auto v = t.string("id", true)) {
        if (is_slug(*v))
            s.id = *v;
        else
            t.error("id", "must be 1-40 characters of a-z, 0-9, '-' or '_', got '" + *v + "'");
    }
    if (auto v = t.string("name_vi", true)) {
        if (v->empty()) t.error("name_vi", "must not be empty");
        s.name_vi = *v;
    }
    if (auto v = t.string("name_en", true)) s.name_en = *v;
    if (auto v = t.string("prefix", true)) {
        const bool digit = v->size() == 1 && (*v)[0] >= '1' && (*v)[0] <= '9';
        const bool letters =
            v->size() <= 2 && all_of(*v, [](char ch) { return ch >= 'A' && ch <= 'Z'; });
        if (digit || letters)
            s.prefix = *v;
        else
            t.error("prefix",
                    "must be one digit 1-9 or one or two capital letters A-Z, got '" + *v + "'");
    }
    if (auto v = t.integer("digits", false, 1, 6)) s.digits = static_cast<int>(*v);
    if (auto v = t.int_array("counters", true, 1, 999)) {
        if (v->empty()) t.error("counters", "must name at least one counter");
        for (int64_t n : *v)
            s.counters.push_back(static_cast<int>(n));
    }
    if (auto v = t.string("field_code", false)) {
        if (is_field_code(*v))
            s.field_code = *v;
        else
            t.error("field_code",
                    "must be 1-32 characters of A-Z, a-z, 0-9, '-' or '.' (the catalogue's field "
                    "code, e.g. \"G09-TP03\"), got '" +
                        *v + "'");
    }
    const int64_t max_cap = power_of_ten(s.digits) - 1;
    if (auto v = t.integer("daily_cap", false, 1, 999999)) {
        if (*v > max_cap)
            t.error("daily_cap", std::to_string(*v) + " does not fit in " +
                                     std::to_string(s.digits) + " digits (at most " +
                                     std::to_string(max_cap) + ")");
        else
            s.daily_cap = static_cast<int>(*v);
    } else {
        s.daily_cap = static_cast<int>(max_cap);
    }
    t.report_unknown_keys();
}

void read_services(TableReader& root, const std::string& file, KioskConfig& c,
                   std::vector<ConfigError>& errors) {
    const toml::array* arr = root.array("services", true);
    if (!arr) return;
    if (arr->empty()) root.error("services", "must list at least one service field");
    std::set<std::string> ids, prefixes;
    for (size_t i = 0; i < arr->size(); ++i) {
        const std::string path = "services[" + std::to_string(i) + "]";
        const toml::node* n = arr->get(i);
        if (!n->is_table()) {
            errors.push_back({file, path, "expected a table ([[services]])"});
            continue;
        }
        ServiceConfig s;
        read_service(TableReader(n->as_table(), path, file, errors), s);
        if (!s.id.empty() && !ids.insert(s.id).second)
            errors.push_back({file, path + ".id", "duplicate service id '" + s.id + "'"});
        if (!s.prefix.empty() && !prefixes.insert(s.prefix).second)
            errors.push_back({file, path + ".prefix",
                              "prefix '" + s.prefix +
                                  "' is already used by another service (numbers would collide)"});
        c.services.push_back(std::move(s));
    }
}

}  // namespace

const ServiceConfig* KioskConfig::find_service(const std::string& id) const {
    for (const auto& s : services)
        if (s.id == id) return &s;
    return nullptr;
}

std::string ConfigError::to_string() const {
    return file + ": " + key + ": " + message;
}

ConfigResult parse_config(const std::string& toml_text, const std::string& source_name) {
    ConfigResult result;
    toml::table root_table;
    try {
        root_table = toml::parse(toml_text, source_name);
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        result.errors.push_back(
            {source_name,
             "line " + std::to_string(where.line) + ", column " + std::to_string(where.column),
             "TOML syntax error: " + std::string(e.description())});
        return result;
    }
    KioskConfig c;
    c.source = source_name;
    TableReader root(&root_table, "", source_name, result.errors);
    read_office(root.sub_table("office", true), c);
    read_kiosk(root.sub_table("kiosk", false), c);
    read_queue(root.sub_table("queue", false), c);
    read_printer(root.sub_table("printer", true), c);
    read_display(root.sub_table("display", false), c);
    read_sync(root.sub_table("sync", false), c);
    config_detail::read_hub(root.sub_table("hub", false), c);
    config_detail::read_voice(root.sub_table("voice", false), c);
    config_detail::read_board(root.sub_table("board", false), c);
    read_staff(root.sub_table("staff", false), c);
    config_detail::read_rating(root.sub_table("rating", false), c);
    config_detail::read_camera(root.sub_table("camera", false), c);
    config_detail::read_scanner(root.sub_table("scanner", false), c);
    config_detail::read_catalog(root.sub_table("catalog", false), c);
    read_services(root, source_name, c, result.errors);
    root.report_unknown_keys();
    if (result.errors.empty()) result.config = std::move(c);
    return result;
}

ConfigResult load_config_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ConfigResult r;
        r.errors.push_back({path, "(file)", "cannot open the file for reading"});
        return r;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), path);
}

std::string format_ticket_number(const ServiceConfig& service, int sequence) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%0*d", service.digits, sequence);
    return service.prefix + buf;
}

std::string expand_ticket_url(const std::string& tmpl, const std::string& office,
                              const std::string& date_compact, const std::string& number,
                              const std::string& service_id) {
    const std::pair<const char*, const std::string*> subs[] = {{"{office}", &office},
                                                               {"{date}", &date_compact},
                                                               {"{number}", &number},
                                                               {"{service}", &service_id}};
    std::string out;
    for (size_t i = 0; i < tmpl.size();) {
        bool replaced = false;
        for (const auto& [key, value] : subs) {
            const size_t len = std::char_traits<char>::length(key);
            if (tmpl.compare(i, len, key) == 0) {
                out += *value;
                i += len;
                replaced = true;
                break;
            }
        }
        if (!replaced) out += tmpl[i++];
    }
    return out;
}

}  // namespace kiosk
