#include "drivers/printer/printer_device.h"

#include <algorithm>

#include "drivers/printer/escpos_commands.h"

namespace kiosk::printer {
namespace {

using Clock = std::chrono::steady_clock;

PrintFault fault_for(const TransportResult& r) {
    switch (r.error) {
        case TransportError::WriteTimeout:
            return PrintFault::WriteStall;
        case TransportError::Disconnected:
            return r.bytes_written > 0 ? PrintFault::ConnectionLost : PrintFault::Unreachable;
        case TransportError::WriteFailed:
            return PrintFault::WriteFailed;
        case TransportError::ReadFailed:
            return PrintFault::NoStatusReply;
        default:
            return PrintFault::Unreachable;  // open/resolve/connect failures, device gone
    }
}

PrintFault fault_for(const PrinterStatus& s) {
    if (!s.answered()) return PrintFault::NoStatusReply;
    if (s.out_of_paper()) return PrintFault::PaperOut;
    if (s.cover_open) return PrintFault::CoverOpen;
    if (s.unrecoverable_error) return PrintFault::UnrecoverableError;
    if (s.cutter_error) return PrintFault::CutterError;
    if (s.recoverable_error) return PrintFault::MechanicalError;
    if (s.auto_recoverable_error) return PrintFault::Overheat;
    if (s.offline || s.error) return PrintFault::Offline;
    return PrintFault::None;
}

}  // namespace

PrinterProfile PrinterProfile::from_config(const PrinterConfig& c) {
    PrinterProfile p;
    p.dots = c.dots;
    p.dpi = c.dpi;
    p.band_rows = c.band_rows;
    p.status = c.status;
    p.paper_roll_mm = c.paper_roll_mm;
    p.paper_low_mm = c.paper_low_mm;
    p.job_timeout = std::chrono::milliseconds(c.timeout_ms);
    p.status_timeout = std::chrono::milliseconds(c.status_timeout_ms);
    p.confirm_timeout = std::chrono::milliseconds(c.confirm_timeout_ms);
    return p;
}

double job_paper_mm(int raster_rows, int feed_lines, int dpi) {
    constexpr double kLineMm = 25.4 / 6;    // default line spacing 1/6 inch
    constexpr double kCutterMarginMm = 15;  // head-to-cutter distance fed before a cut
    return raster_rows * 25.4 / std::max(dpi, 1) + feed_lines * kLineMm + kCutterMarginMm;
}

PrinterDevice::PrinterDevice(std::unique_ptr<PrinterTransport> transport, PrinterProfile profile,
                             std::string paper_state_path)
    : transport_(std::move(transport)),
      profile_(profile),
      paper_(profile.paper_roll_mm, profile.paper_low_mm, std::move(paper_state_path)) {}

bool PrinterDevice::status_supported() const {
    return profile_.status != PrinterStatusSupport::None && transport_->can_receive();
}

std::vector<uint8_t> PrinterDevice::resync_bytes() const {
    // A pending GS v 0 wants at most one band of data; 8192 is the floor the notes recommend.
    const size_t band = static_cast<size_t>(std::clamp(profile_.band_rows, 1, 256)) *
                        static_cast<size_t>((profile_.dots + 7) / 8);
    std::vector<uint8_t> bytes(std::max<size_t>(8192, band), escpos::NUL);
    bytes.push_back(escpos::ESC);
    bytes.push_back(escpos::kInit);
    return bytes;
}

bool PrinterDevice::resync(std::string& detail, PrintFault& fault) {
    if (!resync_pending_) return true;
    if (!transport_->needs_resync()) {
        resync_pending_ = false;
        return true;
    }
    const std::vector<uint8_t> bytes = resync_bytes();
    const TransportResult r = transport_->send(bytes, {}, profile_.job_timeout);
    if (!r.ok) {
        fault = fault_for(r);
        if (fault == PrintFault::ConnectionLost) fault = PrintFault::Unreachable;
        detail = "resync before the job failed: " + r.detail;
        return false;
    }
    resync_pending_ = false;
    return true;
}

StatusReport PrinterDevice::read_status(std::chrono::milliseconds timeout) {
    StatusReport report;
    report.supported = true;
    transport_->discard_input();
    const std::vector<uint8_t> query = status_query_bytes();
    const TransportResult sent = transport_->send(query, {}, timeout);
    if (!sent.ok) {
        report.fault = fault_for(sent);
        if (report.fault == PrintFault::ConnectionLost) report.fault = PrintFault::Unreachable;
        report.detail = "status query not sent: " + sent.detail;
        return report;
    }
    const auto deadline = Clock::now() + timeout;
    int next = 1;
    size_t ignored = 0;
    while (next <= 4) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
        if (left <= std::chrono::milliseconds::zero()) break;
        uint8_t buffer[64];
        const ReceiveResult got = transport_->receive(buffer, left);
        if (!got.ok) {
            report.fault = got.error == TransportError::ReadFailed ? PrintFault::NoStatusReply
                                                                   : PrintFault::Unreachable;
            report.detail = "status reply: " + got.detail;
            return report;
        }
        if (got.bytes == 0) break;  // timeout
        for (size_t i = 0; i < got.bytes && next <= 4; ++i) {
            // Anything without the DLE EOT pattern (a late GS r reply, XON/XOFF) is not ours.
            if (report.status.apply(next, buffer[i]))
                ++next;
            else
                ++ignored;
        }
    }
    report.fault = fault_for(report.status);
    report.detail = transport_->describe() + ": " + describe(report.status);
    if (!report.status.answered())
        report.detail += " within " + std::to_string(timeout.count()) + " ms (" +
                         std::to_string(next - 1) + " of 4 replies" +
                         (ignored ? ", " + std::to_string(ignored) + " unrelated bytes" : "") +
                         ") — status unknown";
    last_status_ = report.status;
    return report;
}

StatusReport PrinterDevice::query_status() {
    if (!status_supported()) {
        StatusReport report;
        report.detail =
            transport_->describe() + ": printer does not report status (" +
            (transport_->can_receive() ? "profile status = none" : "write-only transport") + ")";
        return report;
    }
    std::string detail;
    PrintFault fault = PrintFault::None;
    if (!resync(detail, fault)) {
        StatusReport report;
        report.supported = true;
        report.fault = fault;
        report.detail = detail;
        current_fault_ = fault;
        current_detail_ = detail;
        return report;
    }
    StatusReport report = read_status(profile_.status_timeout);
    if (report.fault != PrintFault::None) resync_pending_ = true;
    current_fault_ = report.fault;
    current_detail_ = report.fault == PrintFault::None ? std::string() : report.detail;
    return report;
}

PrintOutcome PrinterDevice::finish(PrintOutcome outcome) {
    if (!outcome.ok()) resync_pending_ = true;
    if (!outcome.ok() && outcome.bytes_sent && transport_->needs_resync()) {
        // DLE ENQ 2 (real-time, obeyed even while stopped): clear what the printer still holds
        // of this ticket, so it is not printed after the paper is reloaded or the cover closed
        // — that ticket is void and a late half-copy would confuse the next citizen.
        const uint8_t cancel[] = {escpos::DLE, escpos::ENQ, 2};
        transport_->send(cancel, {}, profile_.status_timeout);
    }
    if (paper_.low()) outcome.paper_low = true;
    if (outcome.status && outcome.status->paper_near_end) outcome.paper_low = true;
    last_ = outcome;
    current_fault_ = outcome.fault;
    current_detail_ = outcome.detail;
    return outcome;
}

PrintOutcome PrinterDevice::print(const EncodedJob& job, double paper_mm) {
    PrintOutcome outcome;
    if (!job.ok()) {
        outcome.fault = PrintFault::EncodeFailed;
        outcome.detail = job.error;
        return finish(outcome);
    }
    if (!resync(outcome.detail, outcome.fault)) return finish(outcome);

    const bool answers = status_supported();
    if (answers) {
        StatusReport before = read_status(profile_.status_timeout);
        outcome.status = before.status;
        if (before.fault != PrintFault::None) {  // fail fast: nothing of the ticket was sent
            outcome.fault = before.fault;
            outcome.detail = "before the job: " + before.detail;
            return finish(outcome);
        }
    }

    const TransportResult sent = transport_->send(job.bytes, job.chunk_ends, profile_.job_timeout);
    outcome.bytes_sent = sent.bytes_written > 0;
    if (!sent.ok) {
        outcome.fault = fault_for(sent);
        outcome.detail = sent.detail;
        if (answers && sent.error != TransportError::WriteFailed) {
            // Name the cause if the printer still answers (paper ran out, cover opened).
            StatusReport after = read_status(profile_.status_timeout);
            if (after.status.answered()) outcome.status = after.status;
            if (after.status.answered() && after.fault != PrintFault::None) {
                outcome.fault = after.fault;
                outcome.detail += "; printer now: " + after.detail;
            }
        }
        if (outcome.bytes_sent) paper_.consume(paper_mm);
        return finish(outcome);
    }
    paper_.consume(paper_mm);

    if (answers && profile_.status == PrinterStatusSupport::Full) {
        // GS r 1 runs only after everything before it: its reply means the ticket is out.
        transport_->discard_input();
        const std::vector<uint8_t> marker = paper_sensor_query_bytes();
        const TransportResult asked = transport_->send(marker, {}, profile_.status_timeout);
        std::optional<PaperSensor> sensor;
        std::string link_error = asked.ok ? "" : asked.detail;
        if (asked.ok) {
            const auto deadline = Clock::now() + profile_.confirm_timeout;
            while (!sensor) {
                const auto left =
                    std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
                if (left <= std::chrono::milliseconds::zero()) break;
                uint8_t buffer[64];
                const ReceiveResult got = transport_->receive(buffer, left);
                if (!got.ok) link_error = got.detail;
                if (!got.ok || got.bytes == 0) break;
                for (size_t i = 0; i < got.bytes && !sensor; ++i)
                    if (!is_realtime_status_byte(buffer[i]))
                        sensor = parse_paper_sensor_reply(buffer[i]);
            }
        }
        if (sensor && !sensor->paper_end) {
            outcome.confirmed = true;
            outcome.paper_low = sensor->near_end;
            return finish(outcome);
        }
        // No confirmation (or "paper end"): find out why.
        StatusReport after = read_status(profile_.status_timeout);
        if (after.status.answered()) outcome.status = after.status;
        if (sensor && sensor->paper_end) {
            outcome.fault = PrintFault::PaperOut;
            outcome.detail = "GS r 1 after the job reported paper end; " + after.detail;
        } else if (after.fault != PrintFault::None && after.status.answered()) {
            outcome.fault = after.fault;
            outcome.detail = "job not confirmed within " +
                             std::to_string(profile_.confirm_timeout.count()) +
                             " ms; printer now: " + after.detail;
        } else if (!link_error.empty()) {
            outcome.fault = PrintFault::ConnectionLost;
            outcome.detail =
                "all " + std::to_string(job.bytes.size()) +
                " bytes sent, then the link failed while waiting for GS r 1: " + link_error +
                "; printer now: " + after.detail;
        } else if (after.fault != PrintFault::None) {
            outcome.fault = after.fault;
            outcome.detail = "job not confirmed and the printer stopped answering: " + after.detail;
        } else {
            outcome.fault = PrintFault::Unconfirmed;
            outcome.detail = "all " + std::to_string(job.bytes.size()) +
                             " bytes sent but no GS r 1 reply within " +
                             std::to_string(profile_.confirm_timeout.count()) +
                             " ms although the printer reports ready";
        }
        return finish(outcome);
    }
    if (answers) {  // "realtime": the status right after the job is the best evidence we get
        StatusReport after = read_status(profile_.status_timeout);
        outcome.status = after.status;
        if (after.fault != PrintFault::None) {
            outcome.fault = after.fault;
            outcome.detail = "after the job: " + after.detail;
            return finish(outcome);
        }
        outcome.confirmed = true;
    }
    return finish(outcome);
}

std::string PrinterDevice::status_line() const {
    const CitizenText words = staff_message(current_fault_);
    std::string line =
        "Máy in: " + words.vi + " | Printer " + transport_->describe() + ": " + words.en;
    if (current_fault_ == PrintFault::None && last_status_)
        line += " (" + describe(*last_status_) + ")";
    if (!current_detail_.empty()) line += " — " + current_detail_;
    if (paper_.enabled())
        line += "; giấy còn ~" + std::to_string(paper_.left_mm() / 1000) + " m / ~" +
                std::to_string(paper_.left_mm() / 1000) + " m of paper left" +
                (paper_.low() ? " — SẮP HẾT / LOW" : "");
    return line;
}

}  // namespace kiosk::printer
