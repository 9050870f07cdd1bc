#include "kiosk/scan/live_scanner.h"

#include <algorithm>

#include "kiosk/scan/read_debouncer.h"

namespace kiosk::scan {

namespace {

scanner::ScanSymbology to_scan_symbology(Symbology symbology) {
    return symbology == Symbology::QrCode ? scanner::ScanSymbology::QrCode
                                          : scanner::ScanSymbology::Code128;
}

constexpr std::chrono::milliseconds kWaitSlice{100};

bool is_fatal(camera::CameraErrorKind kind) {
    return kind == camera::CameraErrorKind::DeviceMissing ||
           kind == camera::CameraErrorKind::PipelineError ||
           kind == camera::CameraErrorKind::StreamEnded;
}

}  // namespace

PreviewFrame make_preview(const GrayView& frame, int max_width) {
    PreviewFrame preview;
    if (!frame.valid() || max_width <= 0) return preview;
    // Integer box factor (2 for 1280 → 640, 3 for 1920 → 640): cheap and alias-free.
    const int factor = std::max(1, (frame.width + max_width - 1) / max_width);
    preview.width = frame.width / factor;
    preview.height = frame.height / factor;
    preview.scale = 1.0 / factor;
    preview.pixels.resize(static_cast<size_t>(preview.width) * preview.height);
    const int stride = frame.row_stride();
    const int area = factor * factor;
    for (int y = 0; y < preview.height; ++y) {
        uint8_t* out = preview.pixels.data() + static_cast<size_t>(y) * preview.width;
        for (int x = 0; x < preview.width; ++x) {
            int sum = 0;
            for (int dy = 0; dy < factor; ++dy) {
                const uint8_t* row =
                    frame.data + static_cast<ptrdiff_t>(y * factor + dy) * stride + x * factor;
                for (int dx = 0; dx < factor; ++dx)
                    sum += row[dx];
            }
            out[x] = static_cast<uint8_t>((sum + area / 2) / area);
        }
    }
    return preview;
}

LiveScanner::LiveScanner(camera::Camera& camera, scanner::ScanInputCallback on_read,
                         ErrorCallback on_error, LiveScannerOptions options)
    : camera_(camera),
      on_read_(std::move(on_read)),
      on_error_(std::move(on_error)),
      options_(std::move(options)) {}

LiveScanner::~LiveScanner() {
    stop();
}

void LiveScanner::start() {
    std::lock_guard lock(control_mutex_);
    if (worker_.joinable()) {
        if (!stop_requested_ && !worker_done_) return;  // running (or retrying a failed camera)
        worker_.join();  // gave up after a failure, or winding down after request_stop()
    }
    stop_requested_ = false;
    worker_done_ = false;
    failed_ = false;
    started_ = true;
    {
        std::lock_guard state_lock(state_mutex_);
        last_error_.reset();
        preview_.reset();  // never show the picture from the last visit to the scan screen
    }
    worker_ = std::thread([this] { run(); });
}

void LiveScanner::request_stop() {
    std::lock_guard lock(control_mutex_);
    started_ = false;
    {
        std::lock_guard wake_lock(wake_mutex_);
        stop_requested_ = true;  // the worker sees it within one wait slice and stops the camera
    }
    wake_.notify_all();
}

void LiveScanner::stop() {
    std::lock_guard lock(control_mutex_);
    started_ = false;
    if (!worker_.joinable()) return;
    {
        std::lock_guard wake_lock(wake_mutex_);
        stop_requested_ = true;
    }
    wake_.notify_all();
    camera_.stop();  // wakes the worker's wait_frame at once
    worker_.join();
    camera_.stop();  // in case the worker started the camera after the first stop
}

bool LiveScanner::running() const {
    return started_ && !failed_;
}

std::shared_ptr<const PreviewFrame> LiveScanner::preview() const {
    std::lock_guard lock(state_mutex_);
    return preview_;
}

std::optional<camera::CameraError> LiveScanner::last_error() const {
    std::lock_guard lock(state_mutex_);
    return last_error_;
}

LiveScannerStats LiveScanner::stats() const {
    std::lock_guard lock(state_mutex_);
    return stats_;
}

void LiveScanner::report(const camera::CameraError& error) {
    {
        std::lock_guard lock(state_mutex_);
        last_error_ = error;
    }
    if (on_error_) on_error_(error);
}

bool LiveScanner::sleep_unless_stopped(std::chrono::milliseconds duration) {
    std::unique_lock lock(wake_mutex_);
    return !wake_.wait_for(lock, duration, [this] { return stop_requested_.load(); });
}

void LiveScanner::run() {
    ReadDebouncer debouncer(options_.rearm_after);
    // Each error is reported once per failure streak (not every retry_after).
    // A streak ends when a frame arrives (stream() clears failed_).
    bool failing = false;
    auto failing_kind = camera::CameraErrorKind::PipelineError;
    auto fail = [&](const camera::CameraError& error) {
        if (!failing || !failed_ || failing_kind != error.kind) report(error);
        failed_ = true;
        failing = true;
        failing_kind = error.kind;
    };
    while (!stop_requested_) {
        if (auto error = camera_.start()) {
            fail(*error);
        } else if (!stop_requested_) {  // stop() may have run while the camera was starting
            if (auto stream_error = stream(debouncer)) fail(*stream_error);
        }
        camera_.stop();
        if (stop_requested_ || !failed_) break;
        // Unplugged or broken: try again a little later (the camera may be plugged back in).
        if (options_.retry_after.count() <= 0 || !sleep_unless_stopped(options_.retry_after)) break;
    }
    camera_.stop();
    worker_done_ = true;
}

std::optional<camera::CameraError> LiveScanner::stream(ReadDebouncer& debouncer) {
    uint64_t last_sequence = 0;
    // Short waits so request_stop() is noticed quickly even when the camera sends nothing; a
    // stall is reported (once) only after no_frame_timeout without a frame.
    const auto slice = std::min(options_.no_frame_timeout, kWaitSlice);
    auto last_frame_at = std::chrono::steady_clock::now();
    bool stalled = false;  // NoFrames already reported for this stall
    while (!stop_requested_) {
        camera::FrameWait wait = camera_.wait_frame(last_sequence, slice);
        if (stop_requested_ || wait.stopped) return std::nullopt;
        if (wait.error) {
            if (is_fatal(wait.error->kind)) return wait.error;
            const auto waited = std::chrono::steady_clock::now() - last_frame_at;
            if (!stalled && waited >= options_.no_frame_timeout) {
                stalled = true;
                report({camera::CameraErrorKind::NoFrames,
                        "no frame from " + camera_.describe() + " for " +
                            std::to_string(options_.no_frame_timeout.count()) + " ms"});
            }
            continue;
        }
        if (!wait.frame) continue;
        stalled = false;
        failed_ = false;  // frames flow (again)
        last_frame_at = std::chrono::steady_clock::now();
        const uint64_t skipped = last_sequence == 0 ? 0 : wait.frame->sequence - last_sequence - 1;
        last_sequence = wait.frame->sequence;
        process_frame(*wait.frame, skipped, debouncer);
    }
    return std::nullopt;
}

void LiveScanner::process_frame(const camera::CameraFrame& frame, uint64_t skipped,
                                ReadDebouncer& debouncer) {
    const auto begin = std::chrono::steady_clock::now();
    DecodeOutcome outcome = decode_barcodes(frame.view(), options_.decode);
    const double decode_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
    publish_preview(frame, outcome);

    // QR codes first: on a receipt the QR carries the full lookup URL.
    std::stable_sort(outcome.symbols.begin(), outcome.symbols.end(),
                     [](const DecodedSymbol& a, const DecodedSymbol& b) {
                         return a.symbology == Symbology::QrCode &&
                                b.symbology != Symbology::QrCode;
                     });
    std::vector<std::string> payloads;
    for (const auto& symbol : outcome.symbols)
        payloads.push_back(symbol.text);
    const auto deliver = debouncer.on_frame(payloads, frame.captured_at);
    {
        std::lock_guard lock(state_mutex_);
        stats_.frames_decoded++;
        stats_.frames_skipped += skipped;  // newest frame won
        stats_.last_decode_ms = decode_ms;
        if (outcome.found()) stats_.frames_with_code++;
        if (deliver) stats_.reads_delivered++;
    }
    if (deliver && on_read_) {
        const DecodedSymbol& symbol = outcome.symbols[*deliver];
        on_read_(scanner::ScanInput{symbol.text, scanner::ScanSource::Camera,
                                    to_scan_symbology(symbol.symbology)});
    }
}

void LiveScanner::publish_preview(const camera::CameraFrame& frame, const DecodeOutcome& outcome) {
    auto preview =
        std::make_shared<PreviewFrame>(make_preview(frame.view(), options_.preview_width));
    preview->sequence = frame.sequence;
    for (const auto& symbol : outcome.symbols) {
        std::array<PixelPoint, 4> corners{};
        for (size_t i = 0; i < corners.size(); ++i) {
            corners[i] = {static_cast<int>(symbol.corners[i].x * preview->scale),
                          static_cast<int>(symbol.corners[i].y * preview->scale)};
        }
        preview->symbols.push_back(corners);
    }
    std::lock_guard lock(state_mutex_);
    preview_ = std::move(preview);
}

}  // namespace kiosk::scan
