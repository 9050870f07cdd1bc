// The staff side: PIN hashing and lockout, the hidden corner, reprint through the real store, and
// the printer poll that lifts the notice when a status-capable printer recovers.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <sstream>

#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/staff_pin.h"
#include "kiosk/app/ticket_printer.h"
#include "kiosk/core/call_queue.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/rating_store.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::app;
using namespace std::chrono;
using ui::ActionType;

namespace {

// The demo config without its own [staff] table, so a test can add the one it needs.
std::string demo_without_staff() {
    std::string text = embedded_demo_config();
    const auto begin = text.find("\n[staff]\n");
    REQUIRE(begin != std::string::npos);
    const auto end = text.find("\n\n", begin + 1);
    text.erase(begin, end - begin);
    return text;
}

StaffConfig staff_with_pin(const std::string& pin) {
    const std::string toml = demo_without_staff() + "\n[staff]\npin_hash = \"" +
                             make_staff_pin_hash(pin) + "\"\nlock_after = 3\nlockout_s = 60\n";
    auto parsed = parse_config(toml, "<test>");
    REQUIRE(parsed.ok());
    return parsed.config->staff;
}

// Behaves like a printer that answers status queries: a fault until told it is fixed.
class FakeStaffServices final : public StaffServices {
  public:
    PrinterSnapshot printer_snapshot(bool query_now) override {
        std::lock_guard lock(mutex);
        if (query_now) ++queries;
        PrinterSnapshot s;
        s.status_supported = true;
        s.fault = fault;
        s.ready = fault == printer::PrintFault::None;
        s.words_vi = s.ready ? "sẵn sàng" : "hết giấy — thay cuộn mới";
        s.words_en = s.ready ? "ready" : "paper out — load a new roll";
        s.transport = "tcp://127.0.0.1:9100";
        return s;
    }
    void paper_loaded() override { ++rolls; }
    PrintAttempt print_test_page() override { return PrintAttempt::printed(); }
    std::optional<sync::SyncStatus> sync_status() const override { return std::nullopt; }

    std::mutex mutex;
    printer::PrintFault fault = printer::PrintFault::None;
    int queries = 0;
    std::atomic<int> rolls{0};
};

struct Fixture {
    test::TempDir dir;
    KioskConfig config = [] {
        KioskConfig c = *parse_config(embedded_demo_config(), "<embedded>").config;
        c.staff = staff_with_pin("2468");
        return c;
    }();
    ManualClock clock{sys_days{2026y / 11 / 27} + 2h};
    std::mutex printed_mutex;
    std::vector<TicketSlip> printed;
    std::function<PrintAttempt(const TicketSlip&)> printer = [this](const TicketSlip& s) {
        std::lock_guard lock(printed_mutex);
        printed.push_back(s);
        return PrintAttempt::printed();
    };
    FakeStaffServices services;
    KioskController controller{config, dir.file("queue.db"), clock,
                               [this](const TicketSlip& s) { return printer(s); }};
    Fixture() {
        controller.set_staff_services(&services);
        controller.start();
        controller.wait_idle();
    }
    void act(ActionType t, std::string arg = {}) { controller.handle({t, std::move(arg)}); }
    void staff(const std::string& command) {
        act(ActionType::Staff, command);
        controller.wait_idle();
    }
    void open_pin_keypad() {
        for (int i = 0; i < 5; ++i)
            act(ActionType::StaffCorner);
    }
    void type_pin(const std::string& pin) {
        for (char c : pin)
            staff(std::string("pin:") + c);
        staff("pin-ok");
    }
    void issue(const std::string& service) {
        act(ActionType::OpenServicePicker);
        act(ActionType::SelectService, service);
        controller.wait_idle();
        act(ActionType::GoHome);
    }
    ui::ViewModel vm() const { return controller.view_model(); }
};

}  // namespace

TEST_CASE("a staff PIN is stored salted and matches only itself") {
    const StaffConfig a = staff_with_pin("2468");
    const StaffConfig b = staff_with_pin("2468");
    CHECK(a.pin_salt != b.pin_salt);  // a fresh salt each time
    CHECK(a.pin_sha256 != b.pin_sha256);
    CHECK(staff_pin_matches(a, "2468"));
    CHECK_FALSE(staff_pin_matches(a, "2469"));
    CHECK_FALSE(staff_pin_matches(a, "24680"));
    CHECK_FALSE(staff_pin_matches(a, ""));
    CHECK_FALSE(is_valid_staff_pin("12a4"));
    CHECK_FALSE(is_valid_staff_pin("123"));
    CHECK_THROWS_AS(make_staff_pin_hash("12"), std::invalid_argument);
}

TEST_CASE("[staff] refuses a plain PIN and names the key") {
    const auto r =
        parse_config(demo_without_staff() + "\n[staff]\npin_hash = \"2468\"\n", "k.toml");
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].to_string().find("k.toml: staff.pin_hash: must be \"sha256:") == 0);
    CHECK(r.errors[0].to_string().find("2468") == std::string::npos);  // never echoed
}

TEST_CASE("`kiosk staff-pin` prints a config block that the config reader accepts") {
    std::istringstream in("97531\n");
    std::ostringstream out, err;
    REQUIRE(staff_pin_command(in, out, err) == 0);
    const auto r = parse_config(demo_without_staff() + "\n" + out.str(), "<t>");
    REQUIRE(r.ok());
    CHECK(staff_pin_matches(r.config->staff, "97531"));
    std::istringstream bad("12ab\n");
    CHECK(staff_pin_command(bad, out, err) == 2);
}

TEST_CASE("the PIN keypad locks after too many wrong PINs and opens again after the lockout") {
    const StaffConfig staff = staff_with_pin("2468");  // lock_after = 3, lockout_s = 60
    ManualClock clock{sys_days{2026y / 11 / 27}};
    StaffPinGate gate(staff, clock);
    CHECK(gate.try_pin("1111") == StaffPinGate::Result::Wrong);
    CHECK(gate.tries_left() == 2);
    CHECK(gate.try_pin("2222") == StaffPinGate::Result::Wrong);
    CHECK(gate.try_pin("3333") == StaffPinGate::Result::Locked);
    CHECK(gate.try_pin("2468") == StaffPinGate::Result::Locked);  // even the right one, now
    CHECK(gate.locked_seconds_left() == 60);
    clock.advance(seconds(61));
    CHECK_FALSE(gate.locked());
    CHECK(gate.try_pin("2468") == StaffPinGate::Result::Accepted);
    StaffConfig off;
    StaffPinGate disabled(off, clock);
    CHECK(disabled.try_pin("2468") == StaffPinGate::Result::Disabled);
}

TEST_CASE("five taps on the hidden corner open the PIN keypad; slow or few taps do not") {
    Fixture f;
    for (int i = 0; i < 4; ++i)
        f.act(ActionType::StaffCorner);
    CHECK(f.vm().screen == ui::Screen::Home);
    f.clock.advance(seconds(5));  // the first four are now too old
    f.act(ActionType::StaffCorner);
    CHECK(f.vm().screen == ui::Screen::Home);
    for (int i = 0; i < 4; ++i)
        f.act(ActionType::StaffCorner);
    CHECK(f.vm().screen == ui::Screen::StaffPin);
    f.type_pin("1357");
    auto vm = f.vm();
    CHECK(vm.screen == ui::Screen::StaffPin);
    CHECK(vm.staff.pin.wrong);
    CHECK(vm.staff.pin.tries_left == 2);
    CHECK(vm.staff.pin.digits_entered == 0);
    f.staff("pin:2");
    CHECK(f.vm().staff.pin.digits_entered == 1);
    f.staff("pin-back");
    f.type_pin("2468");
    vm = f.vm();
    CHECK(vm.screen == ui::Screen::Staff);
    CHECK(vm.staff.printer_ready);
    CHECK(vm.staff.printer_transport == "tcp://127.0.0.1:9100");
    f.staff("exit");
    CHECK(f.vm().screen == ui::Screen::Home);
}

TEST_CASE("without [staff] the corner does nothing") {
    Fixture f;
    f.config.staff = {};
    f.open_pin_keypad();
    CHECK(f.vm().screen == ui::Screen::Home);
}

TEST_CASE("reprint: the latest or a typed number, marked as a copy, recorded in the outbox") {
    Fixture f;
    f.issue("ho-tich");  // 1001
    f.issue("dat-dai");  // 3001
    f.issue("ho-tich");  // 1002
    f.open_pin_keypad();
    f.type_pin("2468");
    auto vm = f.vm();
    REQUIRE(vm.screen == ui::Screen::Staff);
    CHECK(vm.staff.last_number == "1002");
    CHECK(vm.staff.issued_today == 3);

    f.staff("reprint-last");
    {
        std::lock_guard lock(f.printed_mutex);
        REQUIRE(f.printed.size() == 4);
        const TicketSlip& copy = f.printed.back();
        CHECK(copy.number == "1002");
        CHECK(copy.reprint);
        CHECK_FALSE(copy.reprinted_at_text.empty());
        CHECK(copy.qr_payload == f.printed[2].qr_payload);  // the same ticket, the same QR
        CHECK(copy.people_ahead == 1);                      // 1001 still waits ahead of it
    }
    CHECK(f.vm().staff.result_vi == "Đã in lại vé 1002.");

    f.staff("reprint-number");
    CHECK(f.vm().staff.panel == ui::StaffPanel::ReprintNumber);
    for (const char* k : {"key:3", "key:0", "key:0", "key:9"})
        f.act(ActionType::Staff, k);
    f.staff("key-back");
    f.staff("key:1");
    CHECK(f.vm().staff.typed_number == "3001");
    f.staff("reprint-typed");
    {
        std::lock_guard lock(f.printed_mutex);
        REQUIRE(f.printed.size() == 5);
        CHECK(f.printed.back().number == "3001");
        CHECK(f.printed.back().people_ahead == 0);
    }
    CHECK(f.vm().staff.panel == ui::StaffPanel::Overview);

    int reprinted = 0;
    for (const auto& e : Outbox(f.dir.file("queue.db")).pending(100))
        if (e.type == "ticket.reprinted") ++reprinted;
    CHECK(reprinted == 2);

    // Unknown and voided numbers are refused with a reason.
    f.staff("reprint-number");
    for (const char* k : {"key:7", "key:7", "key:7"})
        f.staff(k);
    f.staff("reprint-typed");
    CHECK(f.vm().staff.result_vi == "Không có số 777 trong hôm nay.");
    CHECK(f.vm().staff.result_error);
}

TEST_CASE("a voided number is never reprinted") {
    Fixture f;
    f.printer = [](const TicketSlip&) { return PrintAttempt::failed("paper_out", "paper end"); };
    f.issue("ho-tich");  // 1001 void
    f.printer = [&](const TicketSlip& s) {
        std::lock_guard lock(f.printed_mutex);
        f.printed.push_back(s);
        return PrintAttempt::printed();
    };
    f.open_pin_keypad();
    f.type_pin("2468");
    CHECK(f.vm().staff.void_today == 1);
    CHECK(f.vm().staff.last_number.empty());
    f.staff("reprint-number");
    for (const char* k : {"key:1", "key:0", "key:0", "key:1"})
        f.staff(k);
    f.staff("reprint-typed");
    CHECK(f.vm().staff.result_vi.find("đã bị huỷ") != std::string::npos);
    std::lock_guard lock(f.printed_mutex);
    CHECK(f.printed.empty());
}

TEST_CASE(
    "after a print failure a status-capable printer is polled; numbers resume by themselves") {
    Fixture f;
    f.services.fault = printer::PrintFault::PaperOut;
    f.printer = [](const TicketSlip&) { return PrintAttempt::failed("paper_out", "paper end"); };
    f.issue("ho-tich");
    CHECK_FALSE(f.vm().notice_vi.empty());
    CHECK(f.vm().printer_ready);  // not blocked until the printer itself says so

    f.clock.advance(seconds(11));
    f.controller.tick();
    f.controller.wait_idle();
    auto vm = f.vm();
    CHECK_FALSE(vm.printer_ready);  // "Lấy số" disabled with the printer's own words
    CHECK(vm.notice_vi.find("hết giấy") != std::string::npos);
    f.act(ActionType::OpenServicePicker);
    CHECK(f.vm().screen == ui::Screen::Home);

    {
        std::lock_guard lock(f.services.mutex);
        f.services.fault = printer::PrintFault::None;  // staff loaded paper
    }
    f.clock.advance(seconds(11));
    f.controller.tick();
    f.controller.wait_idle();
    vm = f.vm();
    CHECK(vm.printer_ready);
    CHECK(vm.notice_vi.empty());
    std::lock_guard lock(f.services.mutex);
    CHECK(f.services.queries == 2);
}

TEST_CASE("paper-loaded reaches the device and the staff screen says so") {
    Fixture f;
    f.open_pin_keypad();
    f.type_pin("2468");
    f.staff("paper-loaded");
    CHECK(f.services.rolls == 1);
    CHECK(f.vm().staff.result_vi == "Đã ghi nhận cuộn giấy mới.");
    f.clock.advance(seconds(f.config.idle_timeout_s + 1));
    f.controller.tick();
    CHECK(f.vm().screen == ui::Screen::Home);  // idle staff screen logs out
}

TEST_CASE(
    "heartbeat health follows the real printer: offline when unreachable, paper from the counter") {
    test::TempDir dir;
    KioskConfig config = *parse_config(embedded_demo_config(), "<embedded>").config;
    {
        // Port 9 on loopback: connection refused at once.
        TicketPrinter printer(config, "tcp://127.0.0.1:9", "");
        DeviceStaffServices staff(config, printer);
        std::vector<std::string> changes;
        staff.set_on_change([&](const sync::KioskHealth& h, const std::string& detail) {
            changes.push_back(h.printer + "/" + h.paper);
            CHECK_FALSE(detail.empty());
        });
        CHECK(staff.health().printer == "ready");  // nothing known yet
        TicketSlip slip;
        slip.number = "1001";
        slip.service_name_vi = "Hộ tịch";
        CHECK_FALSE(printer.print(slip).ok);
        const PrinterSnapshot s = staff.printer_snapshot(false);
        CHECK_FALSE(s.ready);
        CHECK(s.transport.find("127.0.0.1:9") != std::string::npos);
        CHECK(staff.health().printer == "offline");
        CHECK(staff.health().paper == "unknown");  // write-only without a paper counter
        staff.printer_snapshot(false);             // the same words again: no second event
        CHECK(changes == std::vector<std::string>{"offline/unknown"});
    }
    config.printer.paper_roll_mm = 100;  // a short roll: one ticket brings it below paper_low_mm
    config.printer.paper_low_mm = 99;
    TicketPrinter printer(config, "file:" + dir.file("p.bin"), "", dir.file("paper"));
    DeviceStaffServices staff(config, printer);
    std::vector<std::string> changes;
    staff.set_on_change([&](const sync::KioskHealth& h, const std::string&) {
        changes.push_back(h.printer + "/" + h.paper);
    });
    staff.printer_snapshot(false);  // a full roll, ready: the baseline, no event
    CHECK(changes.empty());
    TicketSlip slip;
    slip.number = "1001";
    slip.service_name_vi = "Hộ tịch";
    REQUIRE(printer.print(slip).ok);
    staff.printer_snapshot(false);
    CHECK(staff.health().printer == "ready");
    CHECK(staff.health().paper == "low");
    staff.paper_loaded();
    CHECK(staff.health().paper == "ok");
    CHECK(staff.printer_snapshot(false).paper_left_mm == 100);
    CHECK(changes == std::vector<std::string>{"ready/low", "ready/ok"});
}

TEST_CASE("the staff screen counts today's ratings, and the unhappy ones apart") {
    Fixture f;
    f.issue("ho-tich");  // 1001
    f.issue("ho-tich");  // 1002
    f.issue("ho-tich");  // 1003 (still waiting: not rated)
    f.open_pin_keypad();
    f.type_pin("2468");
    CHECK_FALSE(f.vm().staff.ratings_enabled);  // the demo config has no counters here

    // Counter 1 serves two citizens; they rate 5 and 1 (a real queue.db, real transactions).
    const std::string db = f.dir.file("queue.db");
    {
        CallQueue queue(db, f.config, CallQueueOptions{});
        for (int i = 0; i < 2; ++i) {
            REQUIRE(queue.call_next(1, f.clock.now()).ok());
            REQUIRE(queue.finish(1, f.clock.now()).ok());
        }
    }
    RatingStore ratings(db);
    const std::string today = local_date_iso(f.clock.now());
    const auto rate = [&](const char* number, int level) {
        RatingInput in;
        in.business_date = today;
        in.number = number;
        in.level = level;
        return ratings.submit(in, f.clock.now()).ok();
    };
    REQUIRE(rate("1001", 5));
    REQUIRE(rate("1002", 1));

    f.config.rating.enabled = true;  // the controller reads it on each refresh
    f.staff("printer-check");        // refreshes the staff facts on the worker
    const auto s = f.vm().staff;
    CHECK(s.ratings_enabled);
    CHECK(s.ratings_today == 2);
    CHECK(s.ratings_satisfied == 1);
    CHECK(s.ratings_unhappy == 1);
}
