// The office catalogue in the controller: opening hours gate "Lấy số", a tap racing the closing
// minute gets a message and no number, and a new catalogue applies hours at once but routing
// only after a restart.
#include <doctest/doctest.h>

#include <atomic>

#include "kiosk/app/catalog_source.h"
#include "kiosk/app/kiosk_controller.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::app;
using namespace std::chrono;
using ui::ActionType;

namespace {

TimePoint local(int y, int mo, int d, int h, int mi, int s = 0) {
    LocalDateTime l;
    l.year = y;
    l.month = mo;
    l.day = d;
    l.hour = h;
    l.minute = mi;
    l.second = s;
    return from_local(l);
}

KioskConfig demo_enforcing_hours() {
    KioskConfig c = *parse_config(embedded_demo_config(), "<embedded>").config;
    c.catalog.opening_hours = OpeningHoursMode::Enforce;
    return c;
}

std::shared_ptr<const Catalog> demo_catalog(const KioskConfig& c) {
    std::string error;
    auto catalog = load_catalog_file(c, "/nonexistent", error);
    REQUIRE_MESSAGE(catalog, error);
    return std::make_shared<const Catalog>(*catalog);
}

struct Fixture {
    explicit Fixture(TimePoint start) : clock(start) {
        controller.set_catalog_start(&configured, start_warnings);
        controller.set_catalog(catalog);
        controller.start();
        controller.wait_idle();
    }
    test::TempDir dir{"catalog-ctl"};
    KioskConfig configured = demo_enforcing_hours();
    std::shared_ptr<const Catalog> catalog = demo_catalog(configured);
    KioskConfig config = apply_catalog(configured, *catalog).config;
    std::vector<CatalogWarning> start_warnings;
    ManualClock clock;
    std::atomic<int> prints{0};
    KioskController controller{config, dir.file("queue.db"), clock, [this](const TicketSlip&) {
                                   ++prints;
                                   return PrintAttempt::printed();
                               }};
    void act(ActionType t, std::string arg = {}) { controller.handle({t, std::move(arg)}); }
};

}  // namespace

TEST_CASE("Sunday: Lấy số stays closed, says when to come, and the picker does not open") {
    Fixture f(local(2026, 11, 29, 10, 0));
    const ui::ViewModel vm = f.controller.view_model();
    CHECK(vm.closed_vi == "Ngoài giờ tiếp nhận. Mời Quý khách quay lại lúc 07:00, Thứ Hai 30/11.");
    CHECK(vm.closed_en == "Outside reception hours. Please come back at 07:00 on Monday 30/11.");
    f.act(ActionType::OpenServicePicker);
    CHECK(f.controller.view_model().screen == ui::Screen::Home);
}

TEST_CASE("the screen opens by itself at 07:00: the deadline is the opening minute") {
    Fixture f(local(2026, 11, 30, 6, 59, 30));
    CHECK_FALSE(f.controller.view_model().closed_vi.empty());
    CHECK(f.controller.next_deadline() == local(2026, 11, 30, 7, 0));
    f.clock.set(local(2026, 11, 30, 7, 0));
    CHECK(f.controller.view_model().closed_vi.empty());
    f.act(ActionType::OpenServicePicker);
    CHECK(f.controller.view_model().screen == ui::Screen::ServicePicker);
}

TEST_CASE("a tap racing the last-ticket minute: home with the reason, never a number") {
    Fixture f(local(2026, 11, 30, 11, 14));
    f.act(ActionType::OpenServicePicker);
    REQUIRE(f.controller.view_model().screen == ui::Screen::ServicePicker);
    f.clock.set(local(2026, 11, 30, 11, 15));  // 15 minutes before 11:30
    f.act(ActionType::SelectService, "ho-tich");
    f.controller.wait_idle();
    const ui::ViewModel vm = f.controller.view_model();
    CHECK(vm.screen == ui::Screen::Home);
    CHECK(vm.ticket.number.empty());
    CHECK(vm.closed_vi == "Đã hết giờ lấy số buổi này. Mời Quý khách quay lại lúc 13:30.");
    CHECK(f.prints == 0);
}

TEST_CASE("Monday 09:00: a number, with the catalogue's name and counters") {
    Fixture f(local(2026, 11, 30, 9, 0));
    f.act(ActionType::OpenServicePicker);
    f.act(ActionType::SelectService, "tu-phap");
    f.controller.wait_idle();
    const ui::ViewModel vm = f.controller.view_model();
    CHECK(vm.ticket.phase == ui::TicketPhase::Ready);
    CHECK(vm.ticket.number == "5001");
    CHECK(vm.ticket.service_name_vi == "Lý lịch tư pháp");  // config says "Tư pháp – …"
    CHECK(vm.ticket.counters == std::vector<int>{7});
    CHECK(f.prints == 1);
}

TEST_CASE("a new catalogue: hours at once, a routing change noted for after a restart") {
    Fixture f(local(2026, 11, 29, 10, 0));  // Sunday: closed under the demo catalogue
    Catalog next = *f.catalog;
    next.version = 8;
    next.opening_hours.push_back({7, {{"08:00", "12:00"}}});  // now open on Sunday mornings
    next.counters[0].field_codes = {"G09-TP05"};              // counter 1 moves to Chứng thực
    f.controller.set_catalog(std::make_shared<const Catalog>(next));
    const ui::ViewModel vm = f.controller.view_model();
    CHECK(vm.closed_vi.empty());
    REQUIRE(vm.staff.catalog_notes_en.size() == 1);
    CHECK(vm.staff.catalog_notes_en[0].find("applies after a restart") != std::string::npos);
    CHECK(vm.staff.catalog_notes_vi[0].find("khởi động lại") != std::string::npos);
    // Routing is unchanged: Hộ tịch still shows counters 1 and 2.
    CHECK(vm.services[0].counters == std::vector<int>{1, 2});
    // The same catalogue again adds no second note.
    f.controller.set_catalog(std::make_shared<const Catalog>(next));
    CHECK(f.controller.view_model().staff.catalog_notes_en.size() == 1);
}

TEST_CASE("[catalog] opening_hours = ignore: numbers at any hour") {
    Fixture f(local(2026, 11, 29, 23, 0));
    KioskConfig ignoring = f.config;
    ignoring.catalog.opening_hours = OpeningHoursMode::Ignore;
    test::TempDir dir("catalog-ignore");
    KioskController c(ignoring, dir.file("queue.db"), f.clock,
                      [](const TicketSlip&) { return PrintAttempt::printed(); });
    c.set_catalog(f.catalog);
    CHECK(c.view_model().closed_vi.empty());
}
