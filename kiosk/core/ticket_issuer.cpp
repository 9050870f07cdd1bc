#include "ticket_issuer.h"

#include "wait_estimate.h"

namespace kiosk {

const char* to_string(IssueStatus s) {
    switch (s) {
        case IssueStatus::Issued:
            return "issued";
        case IssueStatus::PrintFailed:
            return "print_failed";
        case IssueStatus::DailyCapReached:
            return "daily_cap_reached";
        case IssueStatus::UnknownService:
            return "unknown_service";
        case IssueStatus::StoreFailed:
            return "store_failed";
    }
    return "unknown";
}

TicketIssuer::TicketIssuer(TicketStore& store, const KioskConfig& config, const Clock& clock)
    : store_(store), config_(config), clock_(clock) {}

int TicketIssuer::wait_minutes_for(const ServiceConfig& service, int people_ahead) const {
    return estimate_wait_minutes(
        people_ahead, store_.mean_service_seconds(service.id, config_.service_time_window),
        config_.default_service_minutes, static_cast<int>(service.counters.size()));
}

TicketSlip TicketIssuer::make_slip(const ServiceConfig& service, const Reservation& r,
                                   int wait_minutes) const {
    TicketSlip slip;
    slip.office_name = config_.office_name_vi;
    slip.number = r.ticket.number;
    slip.service_name_vi = service.name_vi;
    slip.service_name_en = service.name_en;
    slip.counters = service.counters;
    slip.people_ahead = r.people_ahead;
    slip.estimated_wait_minutes = wait_minutes;
    slip.issued_at_text = local_datetime_vn(r.ticket.reserved_at);
    slip.priority = r.ticket.priority;
    slip.qr_payload =
        expand_ticket_url(config_.ticket_url_template, config_.office_id,
                          local_date_compact(r.ticket.reserved_at), r.ticket.number, service.id);
    slip.footer = config_.ticket_footer_vi;
    return slip;
}

std::optional<TicketSlip> TicketIssuer::reprint_slip(const Ticket& ticket) const {
    const ServiceConfig* service = config_.find_service(ticket.service_id);
    if (!service) return std::nullopt;
    Reservation r;
    r.ticket = ticket;
    r.people_ahead = store_.people_ahead_of(ticket);
    TicketSlip slip = make_slip(*service, r, wait_minutes_for(*service, r.people_ahead));
    slip.reprint = true;
    slip.reprinted_at_text = local_datetime_vn(clock_.now());
    return slip;
}

IssueOutcome TicketIssuer::issue(const std::string& service_id, bool priority, const PrintFn& print,
                                 const std::function<void(const IssueOutcome&)>& on_reserved) {
    IssueOutcome out;
    const ServiceConfig* service = config_.find_service(service_id);
    if (!service) {
        out.status = IssueStatus::UnknownService;
        out.detail = "no service with id '" + service_id + "' in " + config_.source;
        return out;
    }
    try {
        ReserveResult rr = store_.reserve({service, priority, clock_.now()});
        if (!rr.reservation) {
            out.status = IssueStatus::DailyCapReached;
            out.detail = "daily cap of " + std::to_string(service->daily_cap) + " reached for " +
                         service->id;
            return out;
        }
        const Reservation& r = *rr.reservation;
        out.ticket = r.ticket;
        out.people_ahead = r.people_ahead;
        out.wait_minutes = wait_minutes_for(*service, r.people_ahead);
        out.slip = make_slip(*service, r, out.wait_minutes);
        if (on_reserved) on_reserved(out);

        store_.mark_printing(r.ticket.id);
        PrintAttempt attempt;
        try {
            attempt = print(out.slip);
        } catch (const std::exception& e) {
            attempt = PrintAttempt::failed("render_failed", e.what());
        }
        out.attempt = attempt;
        if (attempt.ok) {
            store_.mark_issued(r.ticket.id, clock_.now());
            out.ticket = store_.ticket(r.ticket.id);
            out.status = IssueStatus::Issued;
            return out;
        }
        out.detail = attempt.error_code + ": " + attempt.detail;
        if (attempt.whole_job_sent) {
            store_.mark_issued(r.ticket.id, clock_.now(), /*print_unconfirmed=*/true);
            out.ticket = store_.ticket(r.ticket.id);
            out.status = IssueStatus::Issued;
            out.print_unconfirmed = true;
            return out;
        }
        if (attempt.bytes_sent) out.detail += " (part of the job reached the printer)";
        store_.mark_void(r.ticket.id, out.detail, clock_.now());
        out.ticket = store_.ticket(r.ticket.id);
        out.status = IssueStatus::PrintFailed;
        return out;
    } catch (const StoreError& e) {
        out.status = IssueStatus::StoreFailed;
        out.detail = e.what();
        return out;
    }
}

}  // namespace kiosk
