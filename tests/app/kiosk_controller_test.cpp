#include <doctest/doctest.h>

#include <atomic>
#include <future>

#include "kiosk/app/kiosk_controller.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::app;
using namespace std::chrono;
using ui::ActionType;

namespace {
struct Fixture {
    test::TempDir dir;
    KioskConfig config = *parse_config(embedded_demo_config(), "<embedded>").config;
    ManualClock clock{sys_days{2026y / 11 / 27} + 2h};
    std::atomic<int> prints{0};
    std::atomic<int> wakes{0};
    std::function<PrintAttempt(const TicketSlip&)> printer = [this](const TicketSlip&) {
        ++prints;
        return PrintAttempt::printed();
    };
    KioskController controller{config, dir.file("queue.db"), clock,
                               [this](const TicketSlip& s) { return printer(s); }};
    Fixture() {
        controller.set_waker([this] { ++wakes; });
        controller.start();
        controller.wait_idle();
    }
    void act(ActionType t, std::string arg = {}) { controller.handle({t, std::move(arg)}); }
};
}  // namespace

TEST_CASE("home → picker → ticket: the number is issued on the worker and shown") {
    Fixture f;
    CHECK(f.controller.view_model().screen == ui::Screen::Home);
    f.act(ActionType::OpenServicePicker);
    CHECK(f.controller.view_model().screen == ui::Screen::ServicePicker);
    f.act(ActionType::SelectService, "ho-tich");
    CHECK(f.controller.view_model().screen == ui::Screen::Ticket);
    f.controller.wait_idle();
    const ui::ViewModel vm = f.controller.view_model();
    CHECK(vm.ticket.phase == ui::TicketPhase::Ready);
    CHECK(vm.ticket.number == "1001");
    CHECK(vm.ticket.service_name_vi == "Hộ tịch");
    CHECK(vm.services[0].waiting == 1);
    CHECK(f.wakes > 0);
    CHECK(f.prints == 1);
}

TEST_CASE("a second tap while printing takes no second number") {
    Fixture f;
    std::promise<void> release;
    std::shared_future<void> gate = release.get_future().share();
    f.printer = [&](const TicketSlip&) {
        gate.wait();
        ++f.prints;
        return PrintAttempt::printed();
    };
    f.act(ActionType::OpenServicePicker);
    f.act(ActionType::SelectService, "ho-tich");
    f.act(ActionType::SelectService, "ho-tich");
    f.act(ActionType::GoHome);  // ignored while the printer works
    CHECK(f.controller.view_model().screen == ui::Screen::Ticket);
    release.set_value();
    f.controller.wait_idle();
    CHECK(f.prints == 1);
    CHECK(f.controller.view_model().services[0].waiting == 1);
}

TEST_CASE("a print failure shows a clear message and the voided number") {
    Fixture f;
    f.printer = [](const TicketSlip&) { return PrintAttempt::failed("connect_failed", "refused"); };
    f.act(ActionType::OpenServicePicker);
    f.act(ActionType::SelectService, "dat-dai");
    f.controller.wait_idle();
    const auto vm = f.controller.view_model();
    CHECK(vm.ticket.phase == ui::TicketPhase::Failed);
    CHECK(vm.ticket.number_voided);
    CHECK(vm.ticket.number == "3001");
    CHECK(vm.ticket.error_vi.find("Máy in đang gặp sự cố") != std::string::npos);
    CHECK(vm.ticket.error_en.find("printer has a problem") != std::string::npos);
    CHECK_FALSE(vm.notice_vi.empty());
    CHECK(vm.services[2].waiting == 0);
}

TEST_CASE("the ticket screen counts down and returns home; language resets for the next citizen") {
    Fixture f;
    f.act(ActionType::ToggleLanguage);
    f.act(ActionType::TogglePriority);
    f.act(ActionType::OpenServicePicker);
    f.act(ActionType::SelectService, "chung-thuc");
    f.controller.wait_idle();
    CHECK(f.controller.view_model().ticket.priority);
    CHECK(f.controller.view_model().ticket.seconds_until_home == f.config.ticket_screen_s);
    CHECK(f.controller.next_deadline() <= f.clock.now() + 1s);
    f.clock.advance(seconds(f.config.ticket_screen_s - 1));
    f.controller.tick();
    CHECK(f.controller.view_model().screen == ui::Screen::Ticket);
    CHECK(f.controller.view_model().ticket.seconds_until_home == 1);
    f.clock.advance(1s);
    f.controller.tick();
    const auto vm = f.controller.view_model();
    CHECK(vm.screen == ui::Screen::Home);
    CHECK(vm.language == ui::Language::Vi);
    CHECK_FALSE(vm.priority_selected);
}

TEST_CASE("any screen returns home after the idle timeout") {
    Fixture f;
    f.act(ActionType::OpenServicePicker);
    f.clock.advance(seconds(f.config.idle_timeout_s - 1));
    f.controller.tick();
    CHECK(f.controller.view_model().screen == ui::Screen::ServicePicker);
    f.act(ActionType::UserActivity);  // a touch restarts the timer
    f.clock.advance(seconds(f.config.idle_timeout_s - 1));
    f.controller.tick();
    CHECK(f.controller.view_model().screen == ui::Screen::ServicePicker);
    CHECK(f.controller.next_deadline() <= f.clock.now() + 1s);
    f.clock.advance(1s);
    f.controller.tick();
    CHECK(f.controller.view_model().screen == ui::Screen::Home);
}

TEST_CASE("a full field is shown as unavailable") {
    Fixture f;
    f.config.services[4].daily_cap = 1;
    f.act(ActionType::OpenServicePicker);
    f.act(ActionType::SelectService, "tu-phap");
    f.controller.wait_idle();
    CHECK_FALSE(f.controller.view_model().services[4].available);
    CHECK(f.controller.view_model().services[0].available);
}

TEST_CASE("an unusable store pauses ticketing with a notice instead of crashing") {
    KioskConfig config = *parse_config(embedded_demo_config(), "<embedded>").config;
    SystemClock clock;
    KioskController c(config, "/nonexistent-dir/queue.db", clock,
                      [](const TicketSlip&) { return PrintAttempt::printed(); });
    c.start();
    c.wait_idle();
    const auto vm = c.view_model();
    CHECK_FALSE(vm.printer_ready);
    CHECK(vm.notice_vi.find("Tạm ngừng cấp số") != std::string::npos);
    c.handle({ActionType::OpenServicePicker, ""});
    CHECK(c.view_model().screen == ui::Screen::Home);
}
