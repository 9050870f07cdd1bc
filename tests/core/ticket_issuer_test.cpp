#include <doctest/doctest.h>

#include "kiosk/core/outbox.h"
#include "kiosk/core/ticket_issuer.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace std::chrono;

namespace {
struct Fixture {
    test::TempDir dir;
    KioskConfig config = *parse_config(embedded_demo_config(), "<embedded>").config;
    ManualClock clock{sys_days{2026y / 11 / 27} + 2h + 5min + 9s};  // 09:05:09 local
    TicketStore store{dir.file("q.db")};
    TicketIssuer issuer{store, config, clock};
};
PrintAttempt printed(const TicketSlip&) {
    return PrintAttempt::printed();
}
}  // namespace

TEST_CASE("a printed ticket is committed as issued with a complete slip") {
    Fixture f;
    std::optional<TicketState> state_while_printing;
    std::string number_seen_early;
    auto out = f.issuer.issue(
        "ho-tich", true,
        [&](const TicketSlip& slip) {
            state_while_printing = f.store.ticket(1)->state;
            CHECK(slip.number == "1001");
            return printed(slip);
        },
        [&](const IssueOutcome& o) { number_seen_early = o.ticket->number; });
    CHECK(number_seen_early == "1001");
    CHECK(state_while_printing == TicketState::Printing);
    REQUIRE(out.status == IssueStatus::Issued);
    CHECK(out.ticket->state == TicketState::Issued);
    CHECK(out.slip.qr_payload == "https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/1001");
    CHECK(out.slip.issued_at_text == "27/11/2026 09:05:09");
    CHECK(out.slip.service_name_vi == "Hộ tịch");
    CHECK(out.slip.counters == std::vector<int>{1, 2});
    CHECK(out.slip.priority);
    CHECK(out.people_ahead == 0);
    CHECK(out.wait_minutes == 0);
}

TEST_CASE("wait estimate uses the configured default split across the field's counters") {
    Fixture f;
    for (int i = 0; i < 3; ++i)
        f.issuer.issue("ho-tich", false, printed);
    auto out = f.issuer.issue("ho-tich", false, printed);
    CHECK(out.people_ahead == 3);
    CHECK(out.wait_minutes == 12);  // 3 × 8 min ÷ 2 counters
    CHECK(out.slip.estimated_wait_minutes == 12);
}

TEST_CASE(
    "a print failure voids the number, keeps the cause, and the next citizen gets a new number") {
    Fixture f;
    auto out = f.issuer.issue("dat-dai", false, [](const TicketSlip&) {
        return PrintAttempt::failed("connect_failed", "tcp://10.0.0.9:9100: connection refused");
    });
    CHECK(out.status == IssueStatus::PrintFailed);
    CHECK(out.ticket->state == TicketState::Void);
    CHECK(out.ticket->void_reason == "connect_failed: tcp://10.0.0.9:9100: connection refused");
    CHECK(f.issuer.issue("dat-dai", false, printed).ticket->number == "3002");
    CHECK(Outbox(f.dir.file("q.db")).pending(10)[0].type == "ticket.voided");
}

TEST_CASE("a job the printer took whole but never confirmed is honoured and flagged, not voided") {
    Fixture f;
    auto out = f.issuer.issue("ho-tich", false, [](const TicketSlip&) {
        PrintAttempt a =
            PrintAttempt::failed("unconfirmed", "no GS r 1 reply within 15000 ms", true);
        a.whole_job_sent = true;
        return a;
    });
    CHECK(out.status == IssueStatus::Issued);
    CHECK(out.print_unconfirmed);
    CHECK(out.ticket->state == TicketState::Issued);
    CHECK(out.ticket->print_unconfirmed);
    const auto events = Outbox(f.dir.file("q.db")).pending(10);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "ticket.issued");
    CHECK(events[0].payload.find("\"print_unconfirmed\":true") != std::string::npos);
    // A job cut off half-way is still voided: part of a ticket is not a ticket.
    auto cut = f.issuer.issue("ho-tich", false, [](const TicketSlip&) {
        return PrintAttempt::failed("connection_lost", "peer reset after 40 KB", true);
    });
    CHECK(cut.status == IssueStatus::PrintFailed);
    CHECK(cut.ticket->state == TicketState::Void);
}

TEST_CASE("a renderer exception is a print failure, not a crash") {
    Fixture f;
    auto out = f.issuer.issue("ho-tich", false, [](const TicketSlip&) -> PrintAttempt {
        throw std::runtime_error("font missing");
    });
    CHECK(out.status == IssueStatus::PrintFailed);
    CHECK(out.detail == "render_failed: font missing");
}

TEST_CASE("unknown service and daily cap are reported without touching the store") {
    Fixture f;
    CHECK(f.issuer.issue("nope", false, printed).status == IssueStatus::UnknownService);
    f.config.services[0].daily_cap = 1;
    CHECK(f.issuer.issue("ho-tich", false, printed).status == IssueStatus::Issued);
    auto capped = f.issuer.issue("ho-tich", false, printed);
    CHECK(capped.status == IssueStatus::DailyCapReached);
    CHECK_FALSE(capped.ticket);
}
