#include "drivers/camera/gst_camera.h"

#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>
#include <unistd.h>

#include <cstring>
#include <mutex>

namespace kiosk::camera {

namespace {

constexpr auto kPullSlice = std::chrono::milliseconds(50);  // how quickly stop() is noticed

std::string take_gerror(GError* error) {
    if (!error) return "unknown error";
    std::string text = error->message ? error->message : "unknown error";
    g_error_free(error);
    return text;
}

// Resource errors that mean "the device is not there / not usable" rather than a broken pipeline.
bool is_missing_device(const GError* error) {
    if (!error || error->domain != GST_RESOURCE_ERROR) return false;
    switch (error->code) {
        case GST_RESOURCE_ERROR_NOT_FOUND:
        case GST_RESOURCE_ERROR_OPEN_READ:
        case GST_RESOURCE_ERROR_OPEN_READ_WRITE:
        case GST_RESOURCE_ERROR_BUSY:
        case GST_RESOURCE_ERROR_NO_SPACE_LEFT:  // v4l2: USB bandwidth exhausted
            return true;
        default:
            return false;
    }
}

// An ERROR bus message as a typed error: "<element>: <message> (<debug info>)".
CameraError error_from_message(GstMessage* message) {
    GError* error = nullptr;
    gchar* debug = nullptr;
    gst_message_parse_error(message, &error, &debug);
    CameraError result;
    result.kind =
        is_missing_device(error) ? CameraErrorKind::DeviceMissing : CameraErrorKind::PipelineError;
    std::string source = GST_MESSAGE_SRC_NAME(message) ? GST_MESSAGE_SRC_NAME(message) : "?";
    result.message = source + ": " + take_gerror(error);
    if (debug) {
        // The debug text names the element path and, on its last line, the reason
        // ("streaming stopped, reason not-negotiated (-4)"): keep it, on one line.
        std::string detail = debug;
        for (char& c : detail)
            if (c == '\n') c = ' ';
        result.message += " (" + detail + ")";
        g_free(debug);
    }
    return result;
}

// First element made by `factory` inside `bin` (recursively), with a new reference, or null.
GstElement* find_by_factory(GstBin* bin, const char* factory) {
    GstIterator* it = gst_bin_iterate_all_by_element_factory_name(bin, factory);
    if (!it) return nullptr;
    GstElement* found = nullptr;
    GValue item = G_VALUE_INIT;
    if (gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        found = GST_ELEMENT(g_value_dup_object(&item));
        g_value_unset(&item);
    }
    gst_iterator_free(it);
    return found;
}

}  // namespace

bool ensure_gstreamer(std::string* error) {
    static std::once_flag once;
    static bool ok = false;
    static std::string reason;
    std::call_once(once, [] {
        GError* init_error = nullptr;
        ok = gst_init_check(nullptr, nullptr, &init_error);
        if (!ok) reason = "GStreamer initialisation failed: " + take_gerror(init_error);
    });
    if (!ok && error) *error = reason;
    return ok;
}

struct GstCamera::Pipeline {
    GstElement* pipeline = nullptr;
    GstElement* sink = nullptr;
    GstBus* bus = nullptr;
    ~Pipeline() {
        if (pipeline) gst_element_set_state(pipeline, GST_STATE_NULL);
        if (bus) gst_object_unref(bus);
        if (sink) gst_object_unref(sink);
        if (pipeline) gst_object_unref(pipeline);
    }
};

GstCamera::GstCamera(std::string pipeline) : pipeline_(std::move(pipeline)) {}

GstCamera::~GstCamera() {
    stop();
    std::lock_guard lock(control_mutex_);
    gst_.reset();
}

std::optional<CameraError> GstCamera::open() {
    std::lock_guard lock(control_mutex_);
    if (gst_) return std::nullopt;
    std::string init_error;
    if (!ensure_gstreamer(&init_error)) {
        return CameraError{CameraErrorKind::PipelineError, init_error};
    }
    GError* parse_error = nullptr;
    GstElement* element = gst_parse_launch(pipeline_.c_str(), &parse_error);
    if (parse_error) {  // may come with a partly built element (e.g. an unknown property)
        if (element) gst_object_unref(element);
        return CameraError{CameraErrorKind::PipelineError,
                           "camera pipeline \"" + pipeline_ + "\": " + take_gerror(parse_error)};
    }
    auto gst = std::make_unique<Pipeline>();
    gst->pipeline = element;
    if (!element || !GST_IS_BIN(element)) {
        return CameraError{CameraErrorKind::PipelineError,
                           "camera pipeline \"" + pipeline_ + "\" has no appsink element"};
    }
    gst->sink = find_by_factory(GST_BIN(element), "appsink");
    if (!gst->sink) {
        return CameraError{CameraErrorKind::PipelineError,
                           "camera pipeline \"" + pipeline_ + "\" has no appsink element"};
    }
    // Newest frame wins inside GStreamer too: one buffer, older ones dropped, no clock sync.
    g_object_set(gst->sink, "max-buffers", 1u, "drop", TRUE, "sync", FALSE, "emit-signals", FALSE,
                 nullptr);
    GstCaps* gray = gst_caps_from_string("video/x-raw,format=GRAY8");
    gst_app_sink_set_caps(GST_APP_SINK(gst->sink), gray);
    gst_caps_unref(gray);

    // A v4l2src whose device node does not exist: say so before GStreamer's generic error.
    if (GstElement* v4l2 = find_by_factory(GST_BIN(element), "v4l2src")) {
        gchar* device = nullptr;
        g_object_get(v4l2, "device", &device, nullptr);
        std::string path = device ? device : "";
        g_free(device);
        gst_object_unref(v4l2);
        if (!path.empty() && access(path.c_str(), F_OK) != 0) {
            return CameraError{CameraErrorKind::DeviceMissing,
                               "camera device " + path + ": " + std::strerror(errno)};
        }
    }
    gst->bus = gst_element_get_bus(element);
    gst_ = std::move(gst);
    return std::nullopt;
}

std::optional<CameraError> GstCamera::start() {
    if (auto error = open()) return error;
    std::lock_guard lock(control_mutex_);
    if (capture_thread_.joinable()) {
        if (!capture_finished_) return std::nullopt;  // already running
        capture_thread_.join();                       // ended by an error: start afresh
        gst_element_set_state(gst_->pipeline, GST_STATE_NULL);
    }
    gst_bus_set_flushing(gst_->bus, TRUE);  // drop messages of a previous run
    gst_bus_set_flushing(gst_->bus, FALSE);
    slot_.begin_run();
    if (gst_element_set_state(gst_->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        CameraError error{CameraErrorKind::PipelineError,
                          "camera pipeline \"" + pipeline_ + "\" could not start"};
        if (GstMessage* message =
                gst_bus_pop_filtered(gst_->bus, static_cast<GstMessageType>(GST_MESSAGE_ERROR))) {
            error = error_from_message(message);
            gst_message_unref(message);
        }
        gst_element_set_state(gst_->pipeline, GST_STATE_NULL);
        slot_.end_run();
        return error;
    }
    stop_requested_ = false;
    capture_finished_ = false;
    capture_thread_ = std::thread([this] {
        capture_loop();
        capture_finished_ = true;
    });
    return std::nullopt;
}

void GstCamera::stop() {
    std::lock_guard lock(control_mutex_);
    if (!capture_thread_.joinable()) return;
    stop_requested_ = true;
    capture_thread_.join();
    gst_element_set_state(gst_->pipeline, GST_STATE_NULL);  // releases the device
    slot_.end_run();
}

bool GstCamera::running() const {
    return slot_.running();
}

FrameWait GstCamera::wait_frame(uint64_t after_sequence, std::chrono::milliseconds timeout) {
    return slot_.wait(after_sequence, timeout, "camera");
}

std::shared_ptr<const CameraFrame> GstCamera::latest_frame() const {
    return slot_.latest();
}

void GstCamera::capture_loop() {
    GstAppSink* sink = GST_APP_SINK(gst_->sink);
    const auto slice = static_cast<GstClockTime>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(kPullSlice).count());
    while (!stop_requested_) {
        if (GstSample* sample = gst_app_sink_try_pull_sample(sink, slice)) {
            const auto captured = std::chrono::steady_clock::now();
            GstVideoInfo info;
            GstBuffer* buffer = gst_sample_get_buffer(sample);
            GstCaps* caps = gst_sample_get_caps(sample);
            GstVideoFrame video;
            if (buffer && caps && gst_video_info_from_caps(&info, caps) &&
                GST_VIDEO_INFO_FORMAT(&info) == GST_VIDEO_FORMAT_GRAY8 &&
                gst_video_frame_map(&video, &info, buffer, GST_MAP_READ)) {
                CameraFrame frame;
                frame.width = GST_VIDEO_FRAME_WIDTH(&video);
                frame.height = GST_VIDEO_FRAME_HEIGHT(&video);
                frame.captured_at = captured;
                const auto* data =
                    static_cast<const uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&video, 0));
                const int stride = GST_VIDEO_FRAME_PLANE_STRIDE(&video, 0);  // padded to 4 bytes
                frame.pixels.resize(static_cast<size_t>(frame.width) * frame.height);
                for (int y = 0; y < frame.height; ++y) {
                    std::memcpy(frame.pixels.data() + static_cast<size_t>(y) * frame.width,
                                data + static_cast<ptrdiff_t>(y) * stride,
                                static_cast<size_t>(frame.width));
                }
                gst_video_frame_unmap(&video);
                slot_.publish(std::move(frame));
            } else {
                slot_.publish_error({CameraErrorKind::PipelineError,
                                     "camera frame is not 8-bit grey (GRAY8) or cannot be mapped"});
            }
            gst_sample_unref(sample);
        }
        while (GstMessage* message = gst_bus_pop_filtered(
                   gst_->bus, static_cast<GstMessageType>(GST_MESSAGE_ERROR | GST_MESSAGE_EOS))) {
            const bool eos = GST_MESSAGE_TYPE(message) == GST_MESSAGE_EOS;
            CameraError error = eos ? CameraError{CameraErrorKind::StreamEnded,
                                                  "camera pipeline reached end of stream"}
                                    : error_from_message(message);
            gst_message_unref(message);
            slot_.publish_error(std::move(error));
            return;  // the pipeline is dead; stop() resets it, start() tries again
        }
        if (gst_app_sink_is_eos(sink)) {
            slot_.publish_error(
                {CameraErrorKind::StreamEnded, "camera pipeline reached end of stream"});
            return;
        }
    }
}

}  // namespace kiosk::camera
