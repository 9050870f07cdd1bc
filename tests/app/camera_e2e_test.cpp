// The lookup screen's camera end to end: the real kiosk binary, headless, with `[camera]` on a
// GStreamer multifilesrc pipeline over receipt pictures rendered here, against the reference
// dossier server over HTTPS. Nothing is `scan`ned by the script: the status words can only
// appear because the camera read the receipt.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "camera_test_frames.h"
#include "dossier_server_fixture.h"
#include "drivers/camera/gst_camera.h"
#include "kiosk/core/config.h"
#include "kiosk/core/dossier_status.h"
#include "process.h"
#include "server/demo_seed.h"
#include "support/temp_dir.h"

using namespace kiosk::test;
namespace frames = kiosk::camera::testing;

namespace {

// identity sync=true plays the pictures at 5 a second (the appsink itself does not sync), so
// the not-a-dossier code is in view for 2 s before the receipt.
std::string pipeline_for(const std::string& dir) {
    return "multifilesrc location=" + dir +
           "/%03d.png index=1 loop=true "
           "caps=\"image/png,framerate=5/1\" ! pngdec ! identity sync=true ! videoconvert ! "
           "video/x-raw,format=GRAY8 ! appsink";
}

// True (with a visible skip message) when this machine lacks the GStreamer plugins.
bool plugins_missing(const std::string& pipeline) {
    kiosk::camera::GstCamera probe(pipeline);
    const auto error = probe.open();
    if (error && error->message.find("no element") != std::string::npos) {
        MESSAGE("SKIPPED: GStreamer plugin missing (gstreamer1.0-plugins-base/-good?): "
                << error->message);
        return true;
    }
    probe.stop();
    return false;
}

}  // namespace

TEST_CASE("camera on the lookup screen: a receipt held up is read and its status shown") {
    std::string code;
    for (const auto& d : dossier::demo_dossiers(std::chrono::system_clock::now()))
        if (d.public_part["status"]["code"] == 2 && !d.requires_factor) code = d.code;
    REQUIRE(!code.empty());
    const std::string status_words = kiosk::dossier_status_words(2).vi;

    TempDir dir("camera-e2e");
    const std::string frames_dir = dir.file("frames");
    std::filesystem::create_directories(frames_dir);
    // First a code that is not a dossier's (the scan screen stays, preview live), then the
    // receipt of a dossier the server holds.
    std::vector<kiosk::scan::GrayImage> pictures;
    for (int i = 0; i < 10; ++i)
        pictures.push_back(frames::receipt_frame("XIN CHAO - KHONG PHAI MA HO SO", ""));
    const std::string url = "https://dichvucong.nghean.gov.vn/portaldvc/tra-cuu?MHS=" + code;
    for (int i = 0; i < 4; ++i)
        pictures.push_back(frames::receipt_frame(url, code));
    frames::write_frames(frames_dir, pictures);
    const std::string pipeline = pipeline_for(frames_dir);
    if (plugins_missing(pipeline)) return;

    SyncFixture fixture;
    ServerProcess server(fixture, "server");
    std::ofstream(dir.file("kiosk.toml"))
        << kiosk::embedded_demo_config() << fixture.sync_toml(server.port())
        << "\n[camera]\nenabled = true\npreview = true\npipeline = '" << pipeline << "'\n";
    std::ofstream(dir.file("script.txt")) << "expect Kính chào Quý khách\n"
                                          << "tap Tra cứu hồ sơ\n"
                                          << "expect Đưa mã QR vào trong khung\n"
                                          << "wait 1000\n"
                                          << "screenshot camera-preview\n"
                                          << "expect " << status_words << "\n"
                                          << "screenshot camera-result\n"
                                          << "tap Về trang chủ\n"
                                          << "expect Kính chào Quý khách\n";
    const auto run =
        run_process({kiosk_binary(), "--config", dir.file("kiosk.toml"), "--headless", "--script",
                     dir.file("script.txt"), "--out", dir.file("out"), "--data", dir.file("data")});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(std::filesystem::file_size(dir.file("out/camera-preview.png")) > 10000);
    // The camera was switched on for the scan screen and off once the answer came.
    CHECK(run.err.find("camera on") != std::string::npos);
    CHECK(run.err.find("camera off") != std::string::npos);
    CHECK(run.err.find(code) != std::string::npos);  // the lookup of that dossier was logged
    if (const char* keep = std::getenv("KIOSK_KEEP_SCREENSHOTS"))
        std::filesystem::copy(dir.file("out"), keep,
                              std::filesystem::copy_options::overwrite_existing |
                                  std::filesystem::copy_options::recursive);
}
