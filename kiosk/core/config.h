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
    // The catalogue field it serves ("G09-TP03"; letters, digits, '-', '.', ≤ 32): when the
    // office catalogue lists it, its name and counters win (catalog_services.h). Empty = none.
    std::string field_code;
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
    int keep_sent_days = 30;  // acknowledged events are deleted after this long
};

// [hub]: the office queue served on the LAN (docs/lan-api.md). Off unless `listen` is set.
enum class PriorityPolicy { Strict, Interleaved };

struct HubConfig {
    std::string listen;       // "0.0.0.0:8470"; empty = no hub in this process
    std::string tokens_file;  // one token per line, mode 0600 (docs/lan-api.md "Tokens")
    std::string tls_cert;     // PEM; both set = HTTPS, both empty = plain HTTP on the LAN
    std::string tls_key;
    // strict: priority tickets always first; interleaved: one priority after every
    // `priority_every` normal calls of the same counter (nobody already waiting starves).
    PriorityPolicy priority_policy = PriorityPolicy::Strict;
    int priority_every = 3;     // ≥ 1
    int max_no_shows = 2;       // 0–5: a ticket missed more often is dropped (state no_show)
    int no_show_grace_s = 180;  // 0–1800: a missed ticket waits as if issued this long after
    bool enabled() const { return !listen.empty(); }
};

// [voice]: how calls are spoken on the board (chime + "Xin mời công dân có số thứ tự …").
struct VoiceConfig {
    bool enabled = true;
    std::string reading = "north";  // "north" | "south" | "digits" (see vietnamese_numbers.h)
    int repeat = 1;                 // 1–3: each call is spoken this many times
    std::string clips_dir;          // office recordings; empty = assets/voice/vi
    int gap_ms = 120;               // 0–2000: silence between clips
};

// [board]: the calling board on the TV.
struct BoardConfig {
    int recent_calls = 6;   // 3–12 lines of history
    std::string notice_vi;  // scrolling notice (NFC), optional
    std::string notice_en;
};

// [staff]: the staff screen (printer status, paper, reprint, sync) behind a PIN. Without the
// table the staff screen is off. The PIN is kept only as a salted SHA-256 (`kiosk staff-pin`).
struct StaffConfig {
    bool enabled = false;
    std::string pin_salt;    // hex
    std::string pin_sha256;  // hex of SHA-256(salt ":" pin)
    int lock_after = 5;      // wrong PINs in a row before the keypad locks (3–10)
    int lockout_s = 300;     // how long it stays locked (30–3600 s)
};

// [rating]: the citizen satisfaction rating ("Đánh giá hài lòng" on the home screen). A ticket
// can be rated only once a counter has served it, so the button is shown only where counters
// serve this kiosk's queue.db: by default when this kiosk runs the hub ([hub] listen); set
// `enabled = true` for a kiosk sharing its data directory's queue.db with `kiosk hub` on the same
// machine, `enabled = false` to hide it even with a hub.
struct RatingConfig {
    bool enabled = false;    // resolved: the explicit key, else [hub] listen is set
    int thanks_s = 6;        // 3–30: the thanks screen goes home by itself after this long
    bool ask_reason = true;  // ask one reason word after the two low levels
};

// [catalog]: the office catalogue (docs/sync-api.md "Catalogue") as the authority for fields,
// counters and opening hours. The server's copy (cached in the data directory) wins; `file` is
// for offices without a server, or the embedded demo ("embedded:demo").
enum class OpeningHoursMode { Enforce, Ignore };

struct CatalogConfig {
    std::string file;  // JSON file (relative: inside the data directory), "embedded:demo" or ""
    // enforce: no new numbers outside the catalogue's hours and on its holidays.
    OpeningHoursMode opening_hours = OpeningHoursMode::Enforce;
    int last_ticket_before_close_min = 15;  // 0–240: no new numbers this close to closing
};

// [camera]: the camera on the lookup screen (drivers/camera, GStreamer). Off unless enabled.
struct CameraConfig {
    bool enabled = false;
    // gst-launch syntax ending in an appsink that receives 8-bit grey frames.
    std::string pipeline =
        "v4l2src device=/dev/video0 ! videoconvert ! video/x-raw,format=GRAY8 ! appsink";
    bool preview = true;  // show the live picture behind the guide frame
};

// [scanner]: USB code scanners (drivers/scanner). Without a device the UI's keyboard events
// are watched for scanner bursts instead.
struct ScannerConfig {
    std::string evdev_device;   // /dev/input/by-id/usb-…-event-kbd (keyboard-wedge scanner)
    std::string serial_device;  // /dev/ttyACM0 or a udev symlink (CDC-ACM scanner)
    int serial_baud = 9600;     // a standard rate 1200–230400
    int burst_max_gap_ms = 30;  // 5–200: longer gaps between keys are a person typing
    int burst_min_chars = 6;    // 3–64: shorter bursts are a person typing
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
    HubConfig hub;
    VoiceConfig voice;
    BoardConfig board;
    StaffConfig staff;
    RatingConfig rating;
    CameraConfig camera;
    ScannerConfig scanner;
    CatalogConfig catalog;
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
