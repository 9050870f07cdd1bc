// RatingFlow and the controller's rating screen (issue 4, rating.submitted): entry by typed
// number or ticket QR, the five levels, the reason after a low level, thanks, refusals. Store
// jobs run inline here (the poster is synchronous); the controller tests use its real worker.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <atomic>

#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/rating_flow.h"
#include "kiosk/core/call_queue.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/ticket_store.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::app;
using namespace std::chrono;
using ui::ActionType;
using ui::RatingStage;

namespace {

KioskConfig demo_config() {
    return *parse_config(embedded_demo_config(), "<embedded>").config;
}

// queue.db with tickets of "ho-tich": 1001 served at counter 2, 1002 still waiting.
void seed_queue(const std::string& path, const KioskConfig& config, TimePoint now) {
    TicketStore tickets(path);
    for (int i = 0; i < 2; ++i) {
        auto r = tickets.reserve({config.find_service("ho-tich"), false, now});
        tickets.mark_printing(r.reservation->ticket.id);
        tickets.mark_issued(r.reservation->ticket.id, now);
    }
    CallQueue q(path, config, {});
    REQUIRE(q.call_next(2, now + 1min).ok());
    REQUIRE(q.finish(2, now + 4min).ok());
}

std::vector<nlohmann::json> rating_payloads(const std::string& path) {
    std::vector<nlohmann::json> out;
    for (const OutboxEvent& e : Outbox(path).pending(1000))
        if (e.type == "rating.submitted") out.push_back(nlohmann::json::parse(e.payload));
    return out;
}

struct FlowFixture {
    test::TempDir dir;
    std::string path = dir.file("queue.db");
    KioskConfig config = demo_config();
    ManualClock clock{sys_days{2026y / 11 / 27} + 2h};
    std::atomic<int> recorded{0};
    std::unique_ptr<RatingFlow> flow;

    explicit FlowFixture(std::string db_path = {}) {
        seed_queue(path, config, clock.now());
        clock.advance(10min);
        RatingFlowOptions o;
        o.post = [](std::function<void()> job) { job(); };
        o.db_path = db_path.empty() ? path : db_path;
        o.on_recorded = [this] { ++recorded; };
        flow = std::make_unique<RatingFlow>(config, clock, std::move(o));
        flow->open();
    }
    void act(const std::string& arg) { flow->handle({ActionType::Rating, arg}); }
    void type(const std::string& number) {
        for (char c : number)
            act(std::string("key:") + c);
        act("submit");
    }
    std::string ticket_url(const std::string& date_compact, const std::string& number) {
        return expand_ticket_url(config.ticket_url_template, config.office_id, date_compact, number,
                                 "ho-tich");
    }
};

}  // namespace

TEST_CASE("typed number → the ticket's field and counter → Rất hài lòng → thanks, one event") {
    FlowFixture f;
    CHECK(f.flow->view().stage == RatingStage::Entry);
    f.type("1001");
    ui::RatingView v = f.flow->view();
    REQUIRE(v.stage == RatingStage::Choose);
    CHECK(v.number == "1001");
    CHECK(v.service_vi == "Hộ tịch");
    CHECK(v.service_en == "Civil status");
    CHECK(v.counter == 2);
    f.act("level:5");
    v = f.flow->view();
    REQUIRE(v.stage == RatingStage::Thanks);
    CHECK(v.level == 5);
    CHECK(v.seconds_until_home == f.config.rating.thanks_s);
    CHECK(f.recorded == 1);
    const auto events = rating_payloads(f.path);
    REQUIRE(events.size() == 1);
    CHECK(events[0]["level"] == 5);
    CHECK(events[0]["number"] == "1001");
    CHECK(events[0]["counter"] == 2);

    CHECK_FALSE(f.flow->thanks_expired(f.clock.now()));
    f.clock.advance(seconds(f.config.rating.thanks_s));
    CHECK(f.flow->thanks_expired(f.clock.now()));

    // The same ticket again: already rated, said calmly; "again" starts over.
    f.act("again");
    CHECK(f.flow->view().stage == RatingStage::Entry);
    f.type("1001");
    v = f.flow->view();
    CHECK(v.stage == RatingStage::Refused);
    CHECK(v.refusal == ui::RatingRefusalKind::AlreadyRated);
    CHECK(rating_payloads(f.path).size() == 1);
}

TEST_CASE("a low level asks for one reason; the reason (or none) goes into the event") {
    FlowFixture f;
    f.type("1001");
    f.act("level:2");
    REQUIRE(f.flow->view().stage == RatingStage::Reason);
    CHECK(f.flow->view().level == 2);
    CHECK(rating_payloads(f.path).empty());  // nothing saved before the reason step
    SUBCASE("a reason") {
        f.act("reason:unclear_guidance");
        REQUIRE(f.flow->view().stage == RatingStage::Thanks);
        const auto events = rating_payloads(f.path);
        REQUIRE(events.size() == 1);
        CHECK(events[0]["level"] == 2);
        CHECK(events[0]["reason"] == "unclear_guidance");
    }
    SUBCASE("skip") {
        f.act("reason:not-a-reason");  // ignored
        CHECK(f.flow->view().stage == RatingStage::Reason);
        f.act("skip");
        REQUIRE(f.flow->view().stage == RatingStage::Thanks);
        const auto events = rating_payloads(f.path);
        REQUIRE(events.size() == 1);
        CHECK_FALSE(events[0].contains("reason"));
    }
}

TEST_CASE("without ask_reason a low level is saved at once") {
    FlowFixture f;
    f.config.rating.ask_reason = false;
    f.type("1001");
    f.act("level:1");
    CHECK(f.flow->view().stage == RatingStage::Thanks);
    REQUIRE(rating_payloads(f.path).size() == 1);
}

TEST_CASE("refusals: waiting, unknown, another day's QR, not a ticket, another office") {
    FlowFixture f;
    f.type("1002");
    ui::RatingView v = f.flow->view();
    CHECK(v.stage == RatingStage::Refused);
    CHECK(v.refusal == ui::RatingRefusalKind::NotServedYet);
    CHECK(v.number == "1002");

    f.act("again");
    f.type("1777");
    CHECK(f.flow->view().refusal == ui::RatingRefusalKind::NotFound);

    f.flow->on_scan(f.ticket_url("20261126", "1001"));
    CHECK(f.flow->view().stage == RatingStage::Refused);
    CHECK(f.flow->view().refusal == ui::RatingRefusalKind::OtherDay);

    f.flow->on_scan("000.00.21.H41-250312-0007");  // a dossier receipt, not a ticket
    v = f.flow->view();
    CHECK(v.stage == RatingStage::Entry);
    CHECK(v.problem == ui::RatingProblem::ScanNotTicket);

    f.flow->on_scan("https://dichvucong.example.gov.vn/hang-doi/hanoi/20261127/1001");
    CHECK(f.flow->view().problem == ui::RatingProblem::TicketElsewhere);

    f.act("submit");  // nothing typed
    CHECK(f.flow->view().problem == ui::RatingProblem::TypedEmpty);
    CHECK(rating_payloads(f.path).empty());
}

TEST_CASE("the ticket's QR goes straight to the levels; the same QR again changes nothing") {
    FlowFixture f;
    f.flow->on_scan(f.ticket_url("20261127", "1001"));
    REQUIRE(f.flow->view().stage == RatingStage::Choose);
    CHECK(f.flow->view().counter == 2);
    f.clock.advance(5s);  // past the repeat window: a camera still sees the ticket
    f.flow->on_scan(f.ticket_url("20261127", "1001"));
    CHECK(f.flow->view().stage == RatingStage::Choose);
    f.flow->on_scan("not a code at all");  // mid-rating: ignored
    CHECK(f.flow->view().stage == RatingStage::Choose);
}

TEST_CASE("the keypad takes digits and the office's prefix letters only, up to 8") {
    FlowFixture f;
    f.act("key:A");  // the demo office's prefixes are digits
    f.act("key:x");
    f.act("key:12");
    CHECK(f.flow->view().typed.empty());
    CHECK(f.flow->view().letters.empty());
    for (int i = 0; i < 10; ++i)
        f.act("key:9");
    CHECK(f.flow->view().typed == "99999999");
    f.act("back");
    CHECK(f.flow->view().typed == "9999999");
    f.act("clear");
    CHECK(f.flow->view().typed.empty());

    KioskConfig lettered = demo_config();
    lettered.services[0].prefix = "HT";
    lettered.services[1].prefix = "A";
    RatingFlowOptions o;
    o.post = [](std::function<void()> job) { job(); };
    o.db_path = f.path;
    RatingFlow flow(lettered, f.clock, std::move(o));
    flow.open();
    CHECK(flow.view().letters == std::vector<std::string>{"A", "H", "T"});
    flow.handle({ActionType::Rating, "key:H"});
    flow.handle({ActionType::Rating, "key:B"});
    flow.handle({ActionType::Rating, "key:1"});
    CHECK(flow.view().typed == "H1");
}

TEST_CASE("a store that cannot be opened shows the calm failure, not a crash") {
    FlowFixture f("/nonexistent-dir/for-sure/queue.db");
    f.type("1001");
    CHECK(f.flow->view().stage == RatingStage::Failed);
    f.act("again");
    CHECK(f.flow->view().stage == RatingStage::Entry);
}

TEST_CASE("idle: the rating screen goes home after the idle timeout, the deadline says when") {
    FlowFixture f;
    const TimePoint start = f.clock.now();
    CHECK(f.flow->next_deadline() <= start + seconds(f.config.idle_timeout_s));
    CHECK_FALSE(f.flow->idle_expired(start));
    CHECK(f.flow->idle_expired(start + seconds(f.config.idle_timeout_s)));
}

// ---- KioskController -------------------------------------------------------------------------

namespace {
struct ControllerFixture {
    test::TempDir dir;
    std::string path = dir.file("queue.db");
    KioskConfig config = [] {
        KioskConfig c = demo_config();
        c.rating.enabled = true;  // a kiosk sharing queue.db with `kiosk hub`
        return c;
    }();
    ManualClock clock{sys_days{2026y / 11 / 27} + 2h};
    std::atomic<int> outbox_wakes{0};
    KioskController controller{config, path, clock,
                               [](const TicketSlip&) { return PrintAttempt::printed(); }};
    ControllerFixture() {
        seed_queue(path, config, clock.now());
        clock.advance(10min);
        controller.set_outbox_listener([this] { ++outbox_wakes; });
        controller.start();
        controller.wait_idle();
    }
    void act(ActionType t, std::string arg = {}) { controller.handle({t, std::move(arg)}); }
};
}  // namespace

TEST_CASE("controller: home shows the rating; typed 1001 → Rất hài lòng → thanks → home") {
    ControllerFixture f;
    CHECK(f.controller.view_model().rating_available);
    f.act(ActionType::OpenRating);
    REQUIRE(f.controller.view_model().screen == ui::Screen::Rating);
    for (const char* k : {"key:1", "key:0", "key:0", "key:1"})
        f.act(ActionType::Rating, k);
    f.act(ActionType::Rating, "submit");
    f.controller.wait_idle();
    REQUIRE(f.controller.view_model().rating.stage == RatingStage::Choose);
    f.act(ActionType::Rating, "level:5");
    f.controller.wait_idle();
    const ui::ViewModel vm = f.controller.view_model();
    REQUIRE(vm.rating.stage == RatingStage::Thanks);
    CHECK(f.outbox_wakes == 1);  // the sync link is told about the new event
    CHECK(rating_payloads(f.path).size() == 1);
    CHECK(f.controller.next_deadline() <= f.clock.now() + 1s);  // the countdown ticks

    f.clock.advance(seconds(f.config.rating.thanks_s));
    f.controller.tick();
    CHECK(f.controller.view_model().screen == ui::Screen::Home);
}

TEST_CASE("controller: a scan on the rating screen rates that ticket, not a dossier lookup") {
    ControllerFixture f;
    f.act(ActionType::OpenRating);
    f.controller.on_scan(expand_ticket_url(f.config.ticket_url_template, f.config.office_id,
                                           "20261127", "1001", "ho-tich"));
    f.controller.wait_idle();
    const ui::ViewModel vm = f.controller.view_model();
    CHECK(vm.screen == ui::Screen::Rating);
    CHECK(vm.rating.stage == RatingStage::Choose);
    f.act(ActionType::GoHome);  // leaving forgets the ticket
    f.act(ActionType::OpenRating);
    CHECK(f.controller.view_model().rating.stage == RatingStage::Entry);
    CHECK(f.controller.view_model().rating.number.empty());
}

TEST_CASE("controller: without [rating] (no hub) the home button is hidden and does nothing") {
    test::TempDir dir;
    const KioskConfig config = demo_config();  // no [hub] listen: rating off by default
    CHECK_FALSE(config.rating.enabled);
    ManualClock clock{sys_days{2026y / 11 / 27} + 2h};
    KioskController controller(config, dir.file("queue.db"), clock,
                               [](const TicketSlip&) { return PrintAttempt::printed(); });
    controller.start();
    controller.wait_idle();
    CHECK_FALSE(controller.view_model().rating_available);
    controller.handle({ActionType::OpenRating, {}});
    CHECK(controller.view_model().screen == ui::Screen::Home);
}

TEST_CASE("controller: the lookup's served ticket offers the rating, which opens on that ticket") {
    ControllerFixture f;
    f.act(ActionType::OpenLookup);
    f.controller.on_scan(expand_ticket_url(f.config.ticket_url_template, f.config.office_id,
                                           "20261127", "1001", "ho-tich"));
    f.controller.wait_idle();
    ui::ViewModel vm = f.controller.view_model();
    REQUIRE(vm.lookup.stage == ui::LookupStage::TicketPlace);
    CHECK(vm.lookup.ticket.served);
    f.act(ActionType::OpenRating, "1001");
    f.controller.wait_idle();
    vm = f.controller.view_model();
    CHECK(vm.screen == ui::Screen::Rating);
    CHECK(vm.rating.stage == RatingStage::Choose);
    CHECK(vm.rating.number == "1001");
    CHECK(vm.lookup.ticket.number.empty());  // the lookup forgot the ticket

    f.act(ActionType::GoHome);
    f.act(ActionType::OpenRating, "1001");  // a number only from the lookup screen
    CHECK(f.controller.view_model().screen == ui::Screen::Home);
}
