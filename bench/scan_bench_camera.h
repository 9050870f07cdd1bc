#pragma once
// The camera-pipeline rows of scan_bench: frames through GstCamera (videotestsrc; multifilesrc of
// JPEG frames decoded by jpegdec like an MJPEG webcam) into the kiosk's Live decode, at 720p.
#include <vector>

#include "kiosk/scan/gray_image.h"

namespace kiosk::bench {

// `empty` and `receipts`: the benchmark's 720p frames without / with a receipt. `seconds` per
// pipeline. Prints a Markdown table (bench_stats.h).
void run_camera_rows(const std::vector<scan::GrayImage>& empty,
                     const std::vector<scan::GrayImage>& receipts, double seconds);

}  // namespace kiosk::bench
