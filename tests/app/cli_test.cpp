#include <doctest/doctest.h>

#include <fstream>

#include "kiosk/core/config.h"
#include "process.h"
#include "support/temp_dir.h"

using namespace kiosk::test;

TEST_CASE("check-config accepts the demo config and names file, key and problem otherwise") {
    const auto ok = run_process(
        {kiosk_binary(), "check-config", std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml"});
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.find("OK") != std::string::npos);

    TempDir dir;
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    text.replace(text.find("dots = 576"), 10, "dots = 570");
    std::ofstream(dir.file("bad.toml")) << text;
    const auto bad = run_process({kiosk_binary(), "check-config", dir.file("bad.toml")});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find(dir.file("bad.toml") + ": printer.dots: must be a multiple of 8") !=
          std::string::npos);
}

TEST_CASE("a bad config stops the kiosk itself with exit code 2, not a crash or a default") {
    TempDir dir;
    std::ofstream(dir.file("bad.toml")) << "[office]\nid = \"x\"\n";
    const auto r = run_process(
        {kiosk_binary(), "--config", dir.file("bad.toml"), "--headless", "--data", dir.file("d")});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("office.name_vi: is required") != std::string::npos);
    CHECK(r.err.find("printer: is required") != std::string::npos);
}

TEST_CASE("a bad printer URI is a config error") {
    TempDir dir;
    const auto r = run_process({kiosk_binary(), "issue", "--service", "ho-tich", "--data",
                                dir.path().string(), "--printer", "lpt:/dev/lp0"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--printer") != std::string::npos);
}

TEST_CASE("issue prints tickets to a file and `tickets` lists them as CSV") {
    TempDir dir;
    const auto issued = run_process({kiosk_binary(), "issue", "--service", "dat-dai", "--count",
                                     "3", "--data", dir.path().string()});
    REQUIRE(issued.exit_code == 0);
    CHECK(issued.out == "3001 issued\n3002 issued\n3003 issued\n");
    const auto csv = run_process({kiosk_binary(), "tickets", "--data", dir.path().string()});
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.rfind("number,service,priority,state,", 0) == 0);
    CHECK(csv.out.find("\n3002,dat-dai,no,issued,") != std::string::npos);
    const auto bad_date = run_process(
        {kiosk_binary(), "tickets", "--data", dir.path().string(), "--date", "2026-02-30"});
    CHECK(bad_date.exit_code == 2);
    const auto unknown =
        run_process({kiosk_binary(), "issue", "--service", "xyz", "--data", dir.path().string()});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("ho-tich") != std::string::npos);
}

TEST_CASE("decode reads a printed ticket's QR back as the kiosk's own ticket, not a dossier") {
    TempDir dir;
    REQUIRE(run_process({kiosk_binary(), "issue", "--service", "ho-tich", "--data",
                         dir.path().string(), "--previews", dir.path().string()})
                .exit_code == 0);
    const auto r = run_process({kiosk_binary(), "decode", dir.file("ticket-1001.png")});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);  // an image without a dossier code
    CHECK(r.out.find("QR Code: https://dichvucong.example.gov.vn/hang-doi/nghean/") !=
          std::string::npos);
    CHECK(r.out.find("queue ticket 1001") != std::string::npos);
    CHECK(r.out.find("1001") != std::string::npos);
    CHECK(run_process({kiosk_binary(), "decode", dir.file("missing.png")}).exit_code == 1);
}

TEST_CASE("announce prints the Vietnamese words of a call and writes its audio") {
    TempDir dir;
    const auto r =
        run_process({kiosk_binary(), "announce", "1005", "3", "--wav", dir.file("call.wav")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("Xin mời công dân có số thứ tự một nghìn không trăm linh năm đến quầy số ba",
                      0) == 0);
    std::ifstream wav(dir.file("call.wav"), std::ios::binary);
    std::string header(12, '\0');
    wav.read(header.data(), 12);
    CHECK(header.substr(0, 4) == "RIFF");
    CHECK(header.substr(8, 4) == "WAVE");
    const auto south = run_process(
        {kiosk_binary(), "announce", "105", "1", "--reading", "south", "--wav", dir.file("s.wav")});
    CHECK(south.out.find("một trăm lẻ năm") != std::string::npos);
    CHECK(run_process({kiosk_binary(), "announce", "10?5", "3", "--wav", dir.file("x.wav")})
              .exit_code == 2);
}

TEST_CASE("print-test to a file, then escpos-view: a readable page whose QR decodes") {
    TempDir dir;
    const auto printed = run_process({kiosk_binary(), "print-test", "--data", dir.path().string(),
                                      "--printer", "file:" + dir.file("t.bin")});
    INFO(printed.out << printed.err);
    REQUIRE(printed.exit_code == 0);
    const auto view =
        run_process({kiosk_binary(), "escpos-view", dir.file("t.bin"), dir.file("t.png")});
    INFO(view.out << view.err);
    REQUIRE(view.exit_code == 0);
    const auto decoded = run_process({kiosk_binary(), "decode", dir.file("t.png")});
    CHECK(decoded.out.find("QR Code:") != std::string::npos);
    CHECK(run_process({kiosk_binary(), "escpos-view", dir.file("missing.bin"), dir.file("x.png")})
              .exit_code != 0);
}

TEST_CASE("the software paper counter lives in the data directory and survives a restart") {
    TempDir dir;
    std::string config = kiosk::embedded_demo_config();
    const std::string key = "timeout_ms = 5000";
    REQUIRE(config.find(key) != std::string::npos);
    config.replace(config.find(key), key.size(),
                   key + "\npaper_roll_mm = 1000\npaper_low_mm = 500");
    std::ofstream(dir.file("kiosk.toml")) << config;
    auto issue = [&] {
        return run_process({kiosk_binary(), "issue", "--config", dir.file("kiosk.toml"),
                            "--service", "ho-tich", "--data", dir.path().string()});
    };
    REQUIRE(issue().exit_code == 0);
    double after_one = 0;
    std::ifstream(dir.file("paper_counter")) >> after_one;
    CHECK(after_one > 800);  // one 80 mm ticket is 120-160 mm with feed
    CHECK(after_one < 900);
    REQUIRE(issue().exit_code == 0);  // a new process continues from the file, not a full roll
    double after_two = 0;
    std::ifstream(dir.file("paper_counter")) >> after_two;
    CHECK(after_two < after_one - 100);
}
