#pragma once
// The kiosk's configuration (TOML). Parsing never falls back silently: every problem is reported
// with the file, the dotted key and what is wrong, and the caller exits with code 2.
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct ServiceConfig {
    std::string id;             // stable key: "ho-tich"
    std::string name_vi;        // "Hộ tịch" (NFC)
    std::string name_en;        // "Civil status"
    std::string prefix;         // "1" (digit) or "A" / "HT" (letters): leads the printed number
    int digits = 3;             // zero-padded sequence width: prefix "1" + 3 digits → "1001"
    std::vector<int> counters;  // counter numbers that serve this field
    int daily_cap = 999;        // tickets per day; at most 10^digits - 1
};

enum class CutMode { Full, Partial, None };

// What the printer answers (config printer.status): "none" = write-only clone (software paper
// counter only), "realtime" = DLE EOT status queries, "full" = DLE EOT + GS r 1 job confirmation.
enum class PrinterStatusSupport { None, Realtime, Full };

struct PrinterConfig {
    std::string uri;      // "file:/var/lib/motcua-kiosk/printer.bin", "tcp://10.0.0.9:9100"
    int dots = 576;       // printable width: 576 (80 mm), 512, 384 (58 mm)
    int band_rows = 256;  // rows per GS v 0 command (≤ 256)
    int feed_lines = 4;   // before the cut
    CutMode cut = CutMode::Partial;
    int timeout_ms = 5000;  // connect / write deadline for one job
    // Printer profile (issue 3).
    PrinterStatusSupport status = PrinterStatusSupport::None;
    bool native_qr = false;          // GS ( k QR instead of the QR drawn into the raster
    int dpi = 203;                   // 203 (8 dots/mm) or 180: converts rows to paper length
    int paper_roll_mm = 0;           // software paper counter: length of a new roll; 0 = off
    int paper_low_mm = 3000;         // warn staff when the counter or sensor says less is left
    int status_timeout_ms = 1000;    // wait for a DLE EOT reply (no reply = unknown, never OK)
    int confirm_timeout_ms = 15000;  // wait for the GS r 1 reply after a job ("full" only)
};

struct DisplayConfig {
    int width = 1080;  // used for --windowed and headless; full screen takes the panel size
    int height = 1920;
    bool fullscreen = true;
    // SDL render driver: "software" (default: static screens, no GPU driver, ~40 MiB RSS),
    // "opengl", "opengles2", or "auto" (SDL picks).
    std::string renderer = "software";
    std::string font_regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::string font_bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
};

// [sync]: the central dossier server (docs/sync-api.md). Optional: without it the kiosk works
// offline and keeps its outbox until a server is configured.
struct SyncConfig {
    bool enabled = false;           // the table is present
    std::string server_url;         // https://dossier.example.gov.vn:8443
    std::string kiosk_id;           // sent with events and heartbeats
    std::string ca_file;            // PEM bundle; empty = system bundle (always verified)
    std::string token_file;         // bearer token, mode 0600
    std::string pinned_public_key;  // "sha256//…"; empty = no pin
    std::string client_cert, client_key;
    int connect_timeout_ms = 3000;
    int request_timeout_ms = 10000;
    int lookup_timeout_ms = 5000;
    int batch_size = 200;
    int catalog_refresh_s = 300;
    int heartbeat_s = 60;
    int max_backoff_s = 60;
};

struct KioskConfig {
    std::string source;          // file name or "<embedded demo config>" (for messages)
    std::string office_id;       // "nghean" — used in ticket URLs
    std::string office_name_vi;  // printed and shown in the header
    std::string office_name_en;
    std::string ticket_url_template;  // https://…/hang-doi/{office}/{date}/{number}
    std::string ticket_footer_vi = "Cảm ơn Quý khách!";
    int idle_timeout_s = 60;          // any screen returns home after this long without a touch
    int ticket_screen_s = 12;         // the ticket screen returns home after this long
    int default_service_minutes = 8;  // wait estimate before any service time is known
    int service_time_window = 20;     // moving-average window (tickets)
    std::string default_language = "vi";
    PrinterConfig printer;
    DisplayConfig display;
    SyncConfig sync;
    std::vector<ServiceConfig> services;

    const ServiceConfig* find_service(const std::string& id) const;
};

struct ConfigError {
    std::string file;
    std::string key;                // dotted path: "services[2].prefix"
    std::string message;            // what is wrong, in English for logs and operators
    std::string to_string() const;  // "kiosk.toml: services[2].prefix: must be …"
};

struct ConfigResult {
    std::optional<KioskConfig> config;
    std::vector<ConfigError> errors;
    bool ok() const { return config.has_value() && errors.empty(); }
};

ConfigResult parse_config(const std::string& toml_text, const std::string& source_name);
ConfigResult load_config_file(const std::string& path);
const std::string& embedded_demo_config();  // config/kiosk.toml compiled into the binary

// "1" + 7 with 3 digits → "1007"
std::string format_ticket_number(const ServiceConfig& service, int sequence);
// {office} {date} {number} {service} substituted; date is YYYYMMDD
std::string expand_ticket_url(const std::string& tmpl, const std::string& office,
                              const std::string& date_compact, const std::string& number,
                              const std::string& service_id);

}  // namespace kiosk
