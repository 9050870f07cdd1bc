#include "kiosk/app/camera_link.h"

#include <spdlog/spdlog.h>

namespace kiosk::app {

CameraLink::CameraLink(const CameraConfig& config, std::function<void(const std::string&)> on_read)
    : config_(config), camera_(config.pipeline) {
    scanner_ = std::make_unique<scan::LiveScanner>(
        camera_,
        [on_read = std::move(on_read)](const scanner::ScanInput& in) { on_read(in.payload); },
        [this](const camera::CameraError& e) {
            spdlog::warn("camera ({}): {}", camera_.describe(), e.message);
        });
}

CameraLink::~CameraLink() {
    scanner_->stop();
}

void CameraLink::set_wanted(bool wanted) {
    if (wanted == wanted_) return;
    wanted_ = wanted;
    if (wanted) {
        // A picture left over from the last citizen must not flash up: only newer ones show.
        stale_ = scanner_->preview();
        ++run_;
        spdlog::info("camera on (lookup scan screen)");
        scanner_->start();
    } else {
        spdlog::info("camera off");
        scanner_->request_stop();
    }
}

std::optional<platform::GrayPreview> CameraLink::preview() const {
    if (!wanted_ || !config_.preview) return std::nullopt;
    std::shared_ptr<const scan::PreviewFrame> p = scanner_->preview();
    if (!p || p == stale_ || p->pixels.empty()) return std::nullopt;
    platform::GrayPreview g;
    g.width = p->width;
    g.height = p->height;
    g.sequence = (run_ << 40) | p->sequence;
    g.pixels = std::shared_ptr<const std::uint8_t>(p, p->pixels.data());  // shares ownership
    return g;
}

}  // namespace kiosk::app
