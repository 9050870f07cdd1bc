#include "issue_command.h"

#include "kiosk/app/admin_commands.h"
#include "kiosk/app/data_dir.h"
#include "kiosk/app/ticket_printer.h"
#include "kiosk/core/ticket_issuer.h"

namespace kiosk::app {

int issue_command(const KioskConfig& config, const IssueCommandOptions& o, std::ostream& out,
                  std::ostream& err) {
    if (!config.find_service(o.service_id)) {
        err << "unknown service '" << o.service_id << "'; known:";
        for (const auto& s : config.services)
            err << " " << s.id;
        err << "\n";
        return kExitBadConfig;
    }
    try {
        DataDirLock lock(o.data_dir);
        TicketPrinter printer(config, o.printer_uri, o.preview_dir, o.data_dir + "/paper_counter");
        TicketStore store(o.data_dir + "/queue.db");
        SystemClock clock;
        for (const auto& r : store.recover_interrupted(clock.now()))
            err << "recovered " << r.ticket.number << ": " << to_string(r.ticket.state) << " -> "
                << to_string(r.resolved_to) << "\n";
        TicketIssuer issuer(store, config, clock);
        int failures = 0;
        for (int i = 0; i < o.count; ++i) {
            const IssueOutcome res =
                issuer.issue(o.service_id, o.priority,
                             [&](const TicketSlip& slip) { return printer.print(slip); });
            if (res.status == IssueStatus::Issued) {
                out << res.ticket->number << " issued\n" << std::flush;
            } else {
                ++failures;
                err << (res.ticket ? res.ticket->number : std::string("-")) << " "
                    << to_string(res.status) << ": " << res.detail << "\n";
                if (res.status == IssueStatus::DailyCapReached ||
                    res.status == IssueStatus::StoreFailed)
                    break;
            }
        }
        return failures == 0 ? kExitOk : kExitFailure;
    } catch (const std::exception& e) {
        err << e.what() << "\n";
        return kExitFailure;
    }
}

}  // namespace kiosk::app
