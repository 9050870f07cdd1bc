#include <doctest/doctest.h>

#include <fstream>

#include "kiosk/core/config.h"
#include "support/minimal_config.h"
#include "support/temp_dir.h"

using namespace kiosk;

namespace {
const std::string& kMinimal = test::kMinimalConfig;

// Replaces the first occurrence of `from` in the minimal config.
std::string with(const std::string& from, const std::string& to) {
    std::string s = kMinimal;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

std::string only_error(const ConfigResult& r) {
    REQUIRE(r.errors.size() == 1);
    return r.errors[0].to_string();
}
}  // namespace

TEST_CASE("the embedded demo config is valid and has the required fields") {
    const ConfigResult r = parse_config(embedded_demo_config(), "<embedded>");
    for (const auto& e : r.errors)
        MESSAGE(e.to_string());
    REQUIRE(r.ok());
    const KioskConfig& c = *r.config;
    for (const char* name : {"Hộ tịch", "Chứng thực", "Đất đai", "Đăng ký kinh doanh"}) {
        bool found = false;
        for (const auto& s : c.services)
            found = found || s.name_vi == name;
        CHECK_MESSAGE(found, name);
    }
    CHECK(c.printer.dots == 576);
    CHECK(format_ticket_number(c.services[0], 1) == "1001");
}

TEST_CASE("minimal config gets documented defaults") {
    const ConfigResult r = parse_config(kMinimal, "k.toml");
    REQUIRE(r.ok());
    CHECK(r.config->services[0].digits == 3);
    CHECK(r.config->services[0].daily_cap == 999);
    CHECK(r.config->printer.cut == CutMode::Partial);
    CHECK(r.config->idle_timeout_s == 60);
}

TEST_CASE("each kind of mistake names the file, the key and the problem") {
    CHECK(only_error(parse_config(with("prefix = \"1\"", "prefix = \"1a\""), "k.toml")) ==
          "k.toml: services[0].prefix: must be one digit 1-9 or one or two capital letters A-Z, "
          "got '1a'");
    CHECK(only_error(parse_config(with("counters = [1]", "counters = [\"1\"]"), "k.toml")) ==
          "k.toml: services[0].counters[0]: expected an integer, got a string");
    CHECK(only_error(
              parse_config(with("counters = [1]", "counters = [1]\ndaily_cap = 1000"), "k.toml")) ==
          "k.toml: services[0].daily_cap: 1000 does not fit in 3 digits (at most 999)");
    CHECK(only_error(
              parse_config(with("counters = [1]", "counters = [1]\ndaliy_cap = 10"), "k.toml")) ==
          "k.toml: services[0].daliy_cap: unknown key (misspelt?)");
    CHECK(only_error(parse_config(with("uri = \"file:p.bin\"\n", ""), "k.toml")) ==
          "k.toml: printer.uri: is required (a string)");
    CHECK(
        only_error(parse_config(with("https://", "http://"), "k.toml")) ==
        "k.toml: office.ticket_url: must start with https:// (citizens scan it with their phones)");
    CHECK(only_error(parse_config(with("{number}", "{numero}"), "k.toml")) ==
          "k.toml: office.ticket_url: must contain {number}");
    CHECK(only_error(parse_config(with("[printer]", "[printer]\ndots = 577"), "k.toml")) ==
          "k.toml: printer.dots: must be a multiple of 8 (576 for 80 mm, 384 for 58 mm), got 577");
    CHECK(only_error(parse_config(with("[printer]", "[printer]\ncut = \"half\""), "k.toml")) ==
          "k.toml: printer.cut: must be \"full\", \"partial\" or \"none\", got \"half\"");
    CHECK(only_error(parse_config(with("[printer]", "[display]\nrenderer = \"vulkan\"\n[printer]"),
                                  "k.toml")) ==
          "k.toml: display.renderer: must be \"software\", \"opengl\", \"opengles2\" or \"auto\", "
          "got \"vulkan\"");
    CHECK(only_error(parse_config(with("[printer]", "[kiosk]\nidle_timeout_s = 5\n[printer]"),
                                  "k.toml")) ==
          "k.toml: kiosk.idle_timeout_s: must be between 10 and 600, got 5");
}

TEST_CASE("duplicate ids and prefixes are refused: numbers would collide") {
    const std::string second = R"(
[[services]]
id = "ho-tich"
name_vi = "Khác"
name_en = "Other"
prefix = "1"
counters = [2]
)";
    const ConfigResult r = parse_config(kMinimal + second, "k.toml");
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].key == "services[1].id");
    CHECK(r.errors[1].key == "services[1].prefix");
}

TEST_CASE("syntax errors report the line") {
    const ConfigResult r = parse_config("[office\nid = 1", "bad.toml");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].file == "bad.toml");
    CHECK(r.errors[0].key.rfind("line 1,", 0) == 0);
    CHECK(r.errors[0].message.find("TOML syntax error") == 0);
}

TEST_CASE("NFD text in config is normalised to NFC") {
    const ConfigResult r = parse_config(with("Hộ tịch",
                                             "H\xE1\xBB\x99 ti\xCC\xA3"
                                             "ch"),
                                        "k.toml");
    REQUIRE(r.ok());
    CHECK(r.config->services[0].name_vi == "Hộ tịch");
}

TEST_CASE("load_config_file reports a missing file and reads a real one") {
    test::TempDir dir;
    const ConfigResult missing = load_config_file(dir.file("nope.toml"));
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].message == "cannot open the file for reading");
    std::ofstream(dir.file("k.toml")) << kMinimal;
    CHECK(load_config_file(dir.file("k.toml")).ok());
}

TEST_CASE("ticket URLs and numbers") {
    ServiceConfig s;
    s.prefix = "A";
    s.digits = 3;
    CHECK(format_ticket_number(s, 5) == "A005");
    CHECK(expand_ticket_url("https://x/{office}/{date}/{number}?s={service}", "nghean", "20261127",
                            "1001", "ho-tich") == "https://x/nghean/20261127/1001?s=ho-tich");
}

TEST_CASE("the printer profile: status support, native QR, paper counter and timeouts") {
    const ConfigResult defaults = parse_config(kMinimal, "k.toml");
    REQUIRE(defaults.ok());
    CHECK(defaults.config->printer.status == PrinterStatusSupport::None);
    CHECK_FALSE(defaults.config->printer.native_qr);
    CHECK(defaults.config->printer.paper_roll_mm == 0);

    const ConfigResult r = parse_config(
        with("[printer]",
             "[printer]\nstatus = \"full\"\nnative_qr = true\ndpi = 180\npaper_roll_mm = 80000\n"
             "paper_low_mm = 5000\nstatus_timeout_ms = 700\nconfirm_timeout_ms = 20000"),
        "k.toml");
    for (const auto& e : r.errors)
        MESSAGE(e.to_string());
    REQUIRE(r.ok());
    const PrinterConfig& p = r.config->printer;
    CHECK(p.status == PrinterStatusSupport::Full);
    CHECK(p.native_qr);
    CHECK(p.dpi == 180);
    CHECK(p.paper_roll_mm == 80000);
    CHECK(p.paper_low_mm == 5000);
    CHECK(p.status_timeout_ms == 700);
    CHECK(p.confirm_timeout_ms == 20000);
    CHECK(parse_config(with("[printer]", "[printer]\nstatus = \"realtime\""), "k.toml")
              .config->printer.status == PrinterStatusSupport::Realtime);

    CHECK(only_error(parse_config(with("[printer]", "[printer]\nstatus = \"yes\""), "k.toml")) ==
          "k.toml: printer.status: must be \"none\" (write-only), \"realtime\" (DLE EOT) or "
          "\"full\" (DLE EOT + GS "
          "r), got \"yes\"");
    CHECK(
        only_error(parse_config(
            with("[printer]", "[printer]\npaper_roll_mm = 1000\npaper_low_mm = 1000"), "k.toml")) ==
        "k.toml: printer.paper_low_mm: must be less than paper_roll_mm (1000), got 1000");
    CHECK(only_error(
              parse_config(with("[printer]", "[printer]\nstatus_timeout_ms = 10"), "k.toml")) ==
          "k.toml: printer.status_timeout_ms: must be between 50 and 30000, got 10");
}

TEST_CASE("[sync] is optional, and checked when present") {
    CHECK_FALSE(parse_config(kMinimal, "k.toml").config->sync.enabled);
    const std::string good = kMinimal + R"(
[sync]
server_url = "https://dossier.example.gov.vn:8443"
kiosk_id = "nghean-kiosk-01"
token_file = "/etc/motcua-kiosk/sync-token"
batch_size = 100
)";
    const ConfigResult r = parse_config(good, "k.toml");
    REQUIRE(r.ok());
    CHECK(r.config->sync.enabled);
    CHECK(r.config->sync.batch_size == 100);
    CHECK(r.config->sync.request_timeout_ms == 10000);
    const std::string bad = kMinimal + R"(
[sync]
server_url = "http://dossier.example.gov.vn"
kiosk_id = "Kiosk 1"
client_cert = "/x.pem"
)";
    const ConfigResult b = parse_config(bad, "k.toml");
    REQUIRE(b.errors.size() == 4);
    CHECK(b.errors[0].to_string() ==
          "k.toml: sync.server_url: must be an https:// URL (TLS is always on), got "
          "'http://dossier.example.gov.vn'");
    CHECK(b.errors[1].key == "sync.kiosk_id");
    CHECK(b.errors[2].to_string() == "k.toml: sync.token_file: is required (a string)");
    CHECK(b.errors[3].to_string() ==
          "k.toml: sync.client_key: client_cert and client_key go together");
}
