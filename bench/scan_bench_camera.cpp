#include "scan_bench_camera.h"

#include <stb/stb_image_write.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "bench_stats.h"
#include "drivers/camera/gst_camera.h"
#include "kiosk/scan/barcode_decoder.h"
#include "kiosk/scan/live_scanner.h"

namespace kiosk::bench {

namespace {

using Clock = std::chrono::steady_clock;

double ms_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

double process_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

struct PipelineRun {
    std::string error;
    size_t frames = 0;
    int detected = 0;
    std::vector<double> handoff_ms;  // appsink pull → consumer has the frame
    std::vector<double> decode_ms;   // decode_barcodes on the frame
    std::vector<double> total_ms;    // appsink pull → decode finished
    double cpu_share = 0;            // process CPU time / wall time (1.0 = one core)
    double fps = 0;
};

// Runs `pipeline` for `seconds`; the consumer decodes each newest frame when `decode` is set.
PipelineRun run_pipeline(const std::string& pipeline, double seconds, bool decode,
                         const scan::DecodeOptions& options = {}) {
    PipelineRun run;
    camera::GstCamera cam(pipeline);
    if (auto error = cam.start()) {
        run.error = error->message;
        return run;
    }
    // Warm-up: the first frame (negotiation, decoder start) is not steady state.
    if (auto first = cam.wait_frame(0, std::chrono::seconds(10)); !first.frame) {
        run.error = first.error ? first.error->message : "no first frame";
        return run;
    }
    uint64_t last = cam.latest_frame()->sequence;
    const uint64_t first_sequence = last;
    const auto wall0 = Clock::now();
    const double cpu0 = process_cpu_seconds();
    while (ms_between(wall0, Clock::now()) < seconds * 1000) {
        camera::FrameWait wait = cam.wait_frame(last, std::chrono::seconds(5));
        if (!wait.frame) {
            run.error = wait.error ? wait.error->message : "stopped";
            break;
        }
        const auto got = Clock::now();
        last = wait.frame->sequence;
        ++run.frames;
        run.handoff_ms.push_back(ms_between(wait.frame->captured_at, got));
        if (!decode) continue;
        const scan::DecodeOutcome outcome = scan::decode_barcodes(wait.frame->view(), options);
        const auto done = Clock::now();
        run.decode_ms.push_back(ms_between(got, done));
        run.total_ms.push_back(ms_between(wait.frame->captured_at, done));
        if (outcome.found()) ++run.detected;
    }
    const double wall = ms_between(wall0, Clock::now()) / 1000;
    run.cpu_share = (process_cpu_seconds() - cpu0) / wall;
    run.fps = static_cast<double>(last - first_sequence) / wall;
    cam.stop();
    return run;
}

// The scan screen's cost on the UI thread: LiveScanner::start() (returns at once), the first
// preview on screen, request_stop() (returns at once) and, as the anchor, the blocking stop()
// that waits for the worker and the pipeline to reach NULL. `rounds` times each.
struct StartStop {
    std::vector<double> start_ms, first_preview_ms, request_stop_ms, stop_ms;
};

StartStop measure_start_stop(const std::string& pipeline, int rounds) {
    StartStop result;
    camera::GstCamera cam(pipeline);
    scan::LiveScanner scanner(cam, [](const scanner::ScanInput&) {});
    auto wait_preview = [&](Clock::time_point since) {
        while (!scanner.preview() && ms_between(since, Clock::now()) < 5000)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        return Clock::now();
    };
    for (int i = 0; i < rounds; ++i) {
        const auto t0 = Clock::now();
        scanner.start();
        const auto t1 = Clock::now();
        const auto t2 = wait_preview(t0);
        scanner.request_stop();
        const auto t3 = Clock::now();
        result.start_ms.push_back(ms_between(t0, t1));
        result.first_preview_ms.push_back(ms_between(t0, t2));
        result.request_stop_ms.push_back(ms_between(t2, t3));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the citizen walks away
        scanner.start();
        wait_preview(Clock::now());
        const auto t4 = Clock::now();
        scanner.stop();
        result.stop_ms.push_back(ms_between(t4, Clock::now()));
    }
    return result;
}

std::string write_jpegs(const std::filesystem::path& dir,
                        const std::vector<scan::GrayImage>& frames) {
    std::filesystem::create_directories(dir);
    for (size_t i = 0; i < frames.size(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "%03d.jpg", static_cast<int>(i + 1));
        const auto& f = frames[i];
        if (!stbi_write_jpg((dir / name).c_str(), f.width, f.height, 1, f.pixels.data(), 85))
            return "cannot write " + (dir / name).string();
    }
    return {};
}

std::string pct(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %%", share * 100);
    return buf;
}

std::string ms_cell(const std::vector<double>& samples) {
    if (samples.empty()) return "–";
    const Stats s = summarize(samples);
    return fmt_ms(s.median) + " (p99 " + fmt_ms(s.p99) + ")";
}

}  // namespace

void run_camera_rows(const std::vector<scan::GrayImage>& empty,
                     const std::vector<scan::GrayImage>& receipts, double seconds) {
    std::string init_error;
    if (!camera::ensure_gstreamer(&init_error)) {
        std::printf("\ncamera rows skipped: %s\n", init_error.c_str());
        return;
    }
    const auto dir = std::filesystem::temp_directory_path() /
                     ("scan-bench-camera-" + std::to_string(::getpid()));
    for (const auto& [sub, frames] :
         {std::pair{"empty", &empty}, std::pair{"receipt", &receipts}}) {
        if (auto error = write_jpegs(dir / sub, *frames); !error.empty()) {
            std::printf("\ncamera rows skipped: %s\n", error.c_str());
            return;
        }
    }
    // Anchor: the same decoder on the same JPEG frames decoded in memory (no camera, no
    // GStreamer): JPEG artefacts change what ZXing sees, so the originals are not the reference.
    // Also the session-1 path without de-speckling (DecodeOptions::despeckle), on the same frames.
    scan::DecodeOptions raw;
    raw.despeckle = false;
    std::vector<double> direct_empty, direct_receipt, raw_empty, raw_receipt;
    for (const auto& [sub, count, samples, raw_samples] :
         {std::tuple{"empty", empty.size(), &direct_empty, &raw_empty},
          std::tuple{"receipt", receipts.size(), &direct_receipt, &raw_receipt}}) {
        for (size_t i = 0; i < count; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "%03d.jpg", static_cast<int>(i + 1));
            const auto loaded = scan::load_gray_image((dir / sub / name).string());
            if (!loaded.ok()) continue;
            for (int round = 0; round < 5; ++round) {
                const auto t0 = Clock::now();
                scan::decode_barcodes(loaded.image->view());
                const auto t1 = Clock::now();
                scan::decode_barcodes(loaded.image->view(), raw);
                samples->push_back(ms_between(t0, t1));
                raw_samples->push_back(ms_between(t1, Clock::now()));
            }
        }
    }
    const std::string test_src =
        "videotestsrc is-live=true pattern=smpte ! "
        "video/x-raw,format=GRAY8,width=1280,height=720,framerate=30/1 ! appsink";
    auto jpeg_src = [&](const char* sub) {
        return "multifilesrc location=" + (dir / sub / "%03d.jpg").string() +
               " index=1 loop=true caps=\"image/jpeg,framerate=30/1\" ! jpegdec ! "
               "identity sync=true ! videoconvert ! video/x-raw,format=GRAY8 ! appsink";
    };
    const PipelineRun capture_only = run_pipeline(test_src, seconds, false);
    const PipelineRun test_decoded = run_pipeline(test_src, seconds, true);
    const PipelineRun jpeg_capture = run_pipeline(jpeg_src("empty"), seconds, false);
    const PipelineRun jpeg_empty = run_pipeline(jpeg_src("empty"), seconds, true);
    const PipelineRun jpeg_empty_raw = run_pipeline(jpeg_src("empty"), seconds, true, raw);
    const PipelineRun jpeg_receipt = run_pipeline(jpeg_src("receipt"), seconds, true);
    const StartStop start_stop = measure_start_stop(jpeg_src("empty"), 10);
    std::filesystem::remove_all(dir);

    for (const PipelineRun* r :
         {&capture_only, &test_decoded, &jpeg_capture, &jpeg_empty, &jpeg_empty_raw, &jpeg_receipt})
        if (!r->error.empty()) std::printf("\ncamera pipeline error: %s\n", r->error.c_str());

    const Stats anchor_empty = summarize(direct_empty);
    const Stats anchor_receipt = summarize(direct_receipt);
    const std::string empty_anchor = "decode alone " + fmt_ms(anchor_empty.median) +
                                     " (without de-speckling " +
                                     fmt_ms(summarize(raw_empty).median) + ")";
    const std::string receipt_anchor = "decode alone " + fmt_ms(anchor_receipt.median) +
                                       " (without de-speckling " +
                                       fmt_ms(summarize(raw_receipt).median) + ")";
    auto median = [](const std::vector<double>& v) {
        return v.empty() ? 1e9 : summarize(v).median;
    };
    char detected[64];
    std::snprintf(detected, sizeof detected, "%d/%zu frames", jpeg_receipt.detected,
                  jpeg_receipt.frames);

    std::vector<Row> rows{
        {"GstCamera 720p GRAY8 (videotestsrc, 30 fps): pull → consumer",
         ms_cell(capture_only.handoff_ms), "≤ 1 ms", median(capture_only.handoff_ms) <= 1.0,
         pct(capture_only.cpu_share) + " CPU, " +
             std::to_string(static_cast<int>(capture_only.fps + 0.5)) + " fps"},
        {"videotestsrc 720p, no code: capture → decode done", ms_cell(test_decoded.total_ms),
         "≤ 5 ms + capture", median(test_decoded.total_ms) <= 5.0 + median(capture_only.handoff_ms),
         "decode in pipeline " + ms_cell(test_decoded.decode_ms) + ", " +
             pct(test_decoded.cpu_share) + " CPU"},
        {"MJPEG-like 720p (multifilesrc → jpegdec), no code: capture → decode done",
         ms_cell(jpeg_empty.total_ms), "≤ 5 ms + capture",
         median(jpeg_empty.total_ms) <= 5.0 + median(jpeg_capture.handoff_ms),
         empty_anchor + ", decode in pipeline " + ms_cell(jpeg_empty.decode_ms)},
        {"same, without de-speckling (session-1 Live path, anchor)",
         ms_cell(jpeg_empty_raw.total_ms), "report", true,
         "decode in pipeline " + ms_cell(jpeg_empty_raw.decode_ms)},
        {"MJPEG-like 720p with a receipt: capture → decode done", ms_cell(jpeg_receipt.total_ms),
         "≤ 15 ms", median(jpeg_receipt.total_ms) <= 15.0, receipt_anchor + ", " + detected},
        {"CPU share at 30 fps, MJPEG-like 720p: capture only / capture + decode",
         pct(jpeg_capture.cpu_share) + " / " + pct(jpeg_empty.cpu_share), "report", true,
         "videotestsrc: " + pct(capture_only.cpu_share) + " / " + pct(test_decoded.cpu_share)},
    };
    rows.push_back(
        {"LiveScanner start() / request_stop() on the UI thread (MJPEG-like 720p)",
         ms_cell(start_stop.start_ms) + " / " + ms_cell(start_stop.request_stop_ms), "≤ 1 ms each",
         summarize(start_stop.start_ms).p99 <= 1 && summarize(start_stop.request_stop_ms).p99 <= 1,
         "blocking stop() " + ms_cell(start_stop.stop_ms) + "; first preview " +
             ms_cell(start_stop.first_preview_ms) + "; 10 rounds"});
    print_table("Camera pipeline (GStreamer appsink, newest frame wins, one decode thread)", rows);
}

}  // namespace kiosk::bench
