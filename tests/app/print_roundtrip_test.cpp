// The printed ticket as a printer sees it: `kiosk issue` writes a real ESC/POS job, we decode the
// raster back to an image and scan its QR code.
#include <doctest/doctest.h>

#include <filesystem>

#include "kiosk/core/clock.h"
#include "printer_file.h"
#include "process.h"
#include "support/temp_dir.h"

using namespace kiosk::test;

TEST_CASE("one ticket = one ESC/POS job whose raster carries a QR with the ticket URL") {
    TempDir dir("print");
    const auto r = run_process({kiosk_binary(), "issue", "--service", "chung-thuc", "--priority",
                                "--data", dir.path().string(), "--previews", dir.path().string()});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "2001 issued\n");
    const auto tickets = read_printed_tickets(dir.file("printer.bin"));
    REQUIRE(tickets.size() == 1);
    const auto& job = tickets[0].job;
    CHECK(job.initialised);
    CHECK(job.clean());
    CHECK(job.raster.width() == 576);
    CHECK(job.max_band_rows <= 256);
    CHECK(job.band_count() >= 2);  // a whole ticket is taller than one band
    CHECK(job.cut == kiosk::CutMode::Partial);
    const std::string today = kiosk::local_date_compact(std::chrono::system_clock::now());
    CHECK(tickets[0].qr_text ==
          "https://dichvucong.example.gov.vn/hang-doi/nghean/" + today + "/2001");
    CHECK(std::filesystem::exists(dir.file("ticket-2001.png")));
}
