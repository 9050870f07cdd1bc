#include "staff_services.h"

#include <spdlog/spdlog.h>

#include "drivers/printer/escpos_encoder.h"
#include "kiosk/app/print_test_command.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/app/ticket_printer.h"

namespace kiosk::app {

DeviceStaffServices::DeviceStaffServices(const KioskConfig& config, TicketPrinter& printer,
                                         const SyncLink* sync)
    : config_(config), printer_(printer), sync_(sync) {}

PrinterSnapshot DeviceStaffServices::printer_snapshot(bool query_now) {
    printer::PrinterDevice& device = printer_.device();
    if (query_now) {
        const printer::StatusReport report = device.query_status();
        if (report.supported && report.fault != printer::PrintFault::None)
            spdlog::warn("printer status: {} — {}", printer::error_code(report.fault),
                         report.detail);
    }
    PrinterSnapshot s;
    s.status_supported = device.status_supported();
    s.fault = device.current_fault();
    s.ready = s.fault == printer::PrintFault::None;
    const printer::CitizenText words = printer::staff_message(device.current_fault());
    s.words_vi = words.vi;
    s.words_en = words.en;
    s.detail = device.current_detail();
    s.transport = device.transport().describe();
    printer::PaperCounter& paper = device.paper_counter();
    s.paper_counter = paper.enabled();
    s.paper_left_mm = paper.left_mm();
    s.paper_roll_mm = config_.printer.paper_roll_mm;
    // The counter (reset by staff) or the printer's own near-end sensor from the last job.
    const auto& last_status = device.last_outcome().status;
    s.paper_low = paper.low() || (last_status && last_status->paper_near_end);
    const sync::KioskHealth health_words = health_of(s);
    bool changed = false;
    {
        std::lock_guard lock(mutex_);
        last_ = s;
        changed = reported_ ? (reported_->printer != health_words.printer ||
                               reported_->paper != health_words.paper)
                            : (health_words.printer != "ready" || health_words.paper == "low" ||
                               health_words.paper == "out");
        reported_ = health_words;
    }
    if (changed && on_change_) on_change_(health_words, s.detail);
    return s;
}

void DeviceStaffServices::paper_loaded() {
    printer_.device().paper_counter().reset();
    spdlog::info("staff: new paper roll loaded (counter reset to {} mm)",
                 config_.printer.paper_roll_mm);
    printer_snapshot(false);
}

PrintAttempt DeviceStaffServices::print_test_page() {
    try {
        const TestPageResult r = print_test_page_on(printer_.device(), config_);
        printer_snapshot(false);
        return to_print_attempt(r.outcome);
    } catch (const std::exception& e) {
        return PrintAttempt::failed("render_failed", e.what());
    }
}

std::optional<sync::SyncStatus> DeviceStaffServices::sync_status() const {
    if (!sync_) return std::nullopt;
    return sync_->status();
}

sync::KioskHealth health_of(const PrinterSnapshot& s) {
    using printer::PrintFault;
    sync::KioskHealth h;
    switch (s.fault) {
        case PrintFault::None:
            h.printer = "ready";
            break;
        case PrintFault::Unreachable:
        case PrintFault::Offline:
        case PrintFault::ConnectionLost:
        case PrintFault::NoStatusReply:
            h.printer = "offline";
            break;
        default:
            h.printer = "error";
    }
    if (s.fault == PrintFault::PaperOut || (s.paper_counter && s.paper_left_mm <= 0))
        h.paper = "out";
    else if (s.paper_low)
        h.paper = "low";
    else if (s.paper_counter || s.status_supported)
        h.paper = "ok";
    else
        h.paper = "unknown";  // a write-only printer without a paper counter
    return h;
}

sync::KioskHealth DeviceStaffServices::health() const {
    std::lock_guard lock(mutex_);
    return health_of(last_);
}

}  // namespace kiosk::app
