// The staff side of the controller: the hidden corner, the PIN gate, and the staff screen's
// printer, reprint and status work (always on the worker, the printer's one owner thread).
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "kiosk/app/kiosk_controller.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/rating_store.h"

namespace kiosk::app {

using namespace std::chrono;

namespace {

constexpr int kCornerTaps = 5;       // taps on the hidden corner …
constexpr seconds kCornerWindow{4};  // … within this long open the PIN keypad
constexpr size_t kMaxPinDigits = 8;
constexpr size_t kMaxTypedNumber = 8;

std::string clock_text(TimePoint t, bool with_seconds) {
    const LocalDateTime l = to_local(t);
    char text[16];
    if (with_seconds)
        std::snprintf(text, sizeof text, "%02d:%02d:%02d", l.hour, l.minute, l.second);
    else
        std::snprintf(text, sizeof text, "%02d:%02d", l.hour, l.minute);
    return text;
}

// Ticket numbers are typed as printed ("1005", "A012"); staff may type lower case.
std::string normalise_number(std::string typed) {
    std::transform(typed.begin(), typed.end(), typed.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return typed;
}

}  // namespace

void KioskController::staff_corner_tap_locked() {
    const TimePoint now = clock_.now();
    if (screen_ != ui::Screen::Home || issuing_) return;  // only from the idle home screen
    std::erase_if(corner_taps_, [&](TimePoint t) { return now - t > kCornerWindow; });
    corner_taps_.push_back(now);
    if (static_cast<int>(corner_taps_.size()) < kCornerTaps) return;
    corner_taps_.clear();
    if (!config_.staff.enabled) {
        spdlog::warn("staff screen requested, but the config has no [staff] pin_hash: ignored");
        return;
    }
    spdlog::info("staff: PIN keypad opened");
    screen_ = ui::Screen::StaffPin;
    pin_entry_.clear();
    pin_wrong_ = false;
}

void KioskController::staff_command(const std::string& command) {
    std::unique_lock lock(mutex_);
    if (screen_ == ui::Screen::StaffPin) {
        staff_pin_command_locked(command);
        return;
    }
    if (screen_ != ui::Screen::Staff) return;  // a stale tap after the screen changed
    if (command == "exit") {
        spdlog::info("staff: logged out");
        go_home_locked();
        return;
    }
    if (staff_busy_) return;  // one printer job at a time; the buttons are disabled meanwhile
    if (command == "reprint-number") {
        staff_.panel = ui::StaffPanel::ReprintNumber;
        staff_.typed_number.clear();
        staff_.result_vi.clear();  // the keypad needs the room
        staff_.result_en.clear();
    } else if (command == "cancel") {
        staff_.panel = ui::StaffPanel::Overview;
    } else if (command == "key-back") {
        if (!staff_.typed_number.empty()) staff_.typed_number.pop_back();
    } else if (command.rfind("key:", 0) == 0) {
        if (staff_.typed_number.size() < kMaxTypedNumber) staff_.typed_number += command.substr(4);
    } else if (command == "reprint-typed" || command == "reprint-last") {
        const std::string number =
            command == "reprint-last" ? std::string() : normalise_number(staff_.typed_number);
        if (command == "reprint-typed" && number.empty()) return;
        staff_.panel = ui::StaffPanel::Overview;
        lock.unlock();
        staff_post([this, number] { reprint_on_worker(number); });
    } else if (command == "printer-check") {
        lock.unlock();
        staff_post([this] {
            refresh_staff_on_worker(true);
            std::lock_guard l(mutex_);
            staff_.result_vi = "Đã kiểm tra máy in lúc " + clock_text(clock_.now(), true) + ".";
            staff_.result_en = "Printer checked at " + clock_text(clock_.now(), true) + ".";
            staff_.result_error = !staff_.printer_ready;
        });
    } else if (command == "paper-loaded") {
        lock.unlock();
        staff_post([this] {
            if (staff_services_) staff_services_->paper_loaded();
            refresh_staff_on_worker(false);
            set_staff_result("Đã ghi nhận cuộn giấy mới.", "New paper roll recorded.", false);
        });
    } else if (command == "test-page") {
        lock.unlock();
        staff_post([this] {
            if (!staff_services_) return;
            const PrintAttempt a = staff_services_->print_test_page();
            refresh_staff_on_worker(false);
            if (a.ok)
                set_staff_result("Đã in trang thử.", "Test page printed.", false);
            else
                set_staff_result("Không in được trang thử: " + a.citizen_vi,
                                 "Test page not printed: " + a.citizen_en, true);
        });
    } else {
        spdlog::warn("staff: unknown command '{}'", command);
    }
}

void KioskController::staff_pin_command_locked(const std::string& command) {
    if (command == "exit") {
        go_home_locked();
    } else if (command == "pin-back") {
        if (!pin_entry_.empty()) pin_entry_.pop_back();
    } else if (command.rfind("pin:", 0) == 0) {
        const std::string digit = command.substr(4);
        if (digit.size() == 1 && std::isdigit(static_cast<unsigned char>(digit[0])) &&
            pin_entry_.size() < kMaxPinDigits && !pin_gate_.locked()) {
            pin_entry_ += digit;
            pin_wrong_ = false;
        }
    } else if (command == "pin-ok") {
        const StaffPinGate::Result r = pin_gate_.try_pin(pin_entry_);
        pin_entry_.clear();
        pin_wrong_ = r == StaffPinGate::Result::Wrong;
        if (r == StaffPinGate::Result::Accepted) {
            spdlog::info("staff: PIN accepted, staff screen open");
            screen_ = ui::Screen::Staff;
            staff_.panel = ui::StaffPanel::Overview;
            staff_.result_vi.clear();
            staff_.result_en.clear();
            worker_.post([this] {
                refresh_staff_on_worker(false);
                wake();
            });
        } else if (r == StaffPinGate::Result::Locked) {
            spdlog::warn("staff: PIN keypad locked for {} s after {} wrong PINs",
                         config_.staff.lockout_s, config_.staff.lock_after);
        } else {
            spdlog::warn("staff: wrong PIN ({} tries left)", pin_gate_.tries_left());
        }
    }
}

void KioskController::staff_post(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        staff_busy_ = true;
    }
    wake();
    worker_.post([this, job = std::move(job)] {
        try {
            job();
        } catch (const std::exception& e) {
            spdlog::error("staff action failed: {}", e.what());
            set_staff_result("Không thực hiện được. Chi tiết trong nhật ký.",
                             "That did not work. See the log for details.", true);
        }
        {
            std::lock_guard lock(mutex_);
            staff_busy_ = false;
        }
        wake();
    });
}

void KioskController::set_staff_result(std::string vi, std::string en, bool error) {
    std::lock_guard lock(mutex_);
    staff_.result_vi = std::move(vi);
    staff_.result_en = std::move(en);
    staff_.result_error = error;
}

void KioskController::refresh_staff_on_worker(bool query_printer) {
    ui::StaffView facts;
    if (staff_services_) {
        const PrinterSnapshot p = staff_services_->printer_snapshot(query_printer);
        facts.printer_ready = p.ready;
        facts.printer_words_vi = p.words_vi;
        facts.printer_words_en = p.words_en;
        facts.printer_detail = p.detail;
        facts.printer_transport = p.transport;
        facts.paper_counter = p.paper_counter;
        facts.paper_left_mm = p.paper_left_mm;
        facts.paper_roll_mm = p.paper_roll_mm;
        facts.paper_low = p.paper_low;
        if (const auto s = staff_services_->sync_status()) {
            facts.sync_configured = true;
            facts.sync_online = s->online;
            facts.sync_last_success = s->last_success ? clock_text(*s->last_success, true) : "";
            facts.sync_last_error = s->last_error;
            facts.outbox_depth = s->outbox_depth;
        }
    }
    if (store_) {
        const std::string today = local_date_iso(clock_.now());
        for (const Ticket& t : store_->tickets_of_day(today)) {
            if (t.state == TicketState::Void)
                ++facts.void_today;
            else if (t.issued_at)
                ++facts.issued_today;
            if (t.print_unconfirmed) ++facts.unconfirmed_today;
        }
        if (const auto last = store_->last_issued(today)) {
            facts.last_number = last->number;
            if (const ServiceConfig* s = config_.find_service(last->service_id)) {
                facts.last_service_vi = s->name_vi;
                facts.last_service_en = s->name_en;
            }
            facts.last_time = clock_text(*last->issued_at, false);
        }
        if (!facts.sync_configured) facts.outbox_depth = Outbox(db_path_).depth();
        if (config_.rating.enabled) {
            facts.ratings_enabled = true;
            try {
                for (const auto& [level, count] : RatingStore(db_path_).counts_of_day(today)) {
                    facts.ratings_today += count;
                    if (level >= 4) facts.ratings_satisfied += count;
                    if (level <= 2) facts.ratings_unhappy += count;
                }
            } catch (const std::exception& e) {
                spdlog::error("staff: cannot count today's ratings: {}", e.what());
            }
        }
    }
    std::lock_guard lock(mutex_);
    // Keep what belongs to the screen (panel, typing, the last result); replace the facts.
    facts.panel = staff_.panel;
    facts.typed_number = staff_.typed_number;
    facts.result_vi = staff_.result_vi;
    facts.result_en = staff_.result_en;
    facts.result_error = staff_.result_error;
    staff_ = std::move(facts);
}

void KioskController::reprint_on_worker(const std::string& number) {
    const std::string today = local_date_iso(clock_.now());
    const std::optional<Ticket> t =
        number.empty() ? store_->last_issued(today) : store_->find_by_number(today, number);
    const std::string shown = number.empty() ? (t ? t->number : std::string()) : number;
    if (!t) {
        set_staff_result("Không có số " + shown + " trong hôm nay.",
                         "No number " + shown + " today.", true);
        return;
    }
    if (t->state == TicketState::Void || !t->issued_at) {
        spdlog::warn("staff: reprint of {} refused: state {}", t->number, to_string(t->state));
        set_staff_result("Số " + t->number + " đã bị huỷ hoặc chưa được in — không in lại.",
                         "Number " + t->number + " was cancelled or never printed — not reprinted.",
                         true);
        return;
    }
    const std::optional<TicketSlip> slip = issuer_->reprint_slip(*t);
    if (!slip) {
        set_staff_result("Lĩnh vực của số " + t->number + " không còn trong cấu hình.",
                         "The service of number " + t->number + " is no longer configured.", true);
        return;
    }
    PrintAttempt a;
    try {
        a = print_(*slip);
    } catch (const std::exception& e) {
        a = PrintAttempt::failed("render_failed", e.what());
    }
    refresh_staff_on_worker(false);
    if (!a.ok) {
        spdlog::error("staff: reprint of {} failed: {} — {}", t->number, a.error_code, a.detail);
        set_staff_result("Không in lại được số " + t->number + ". " + a.citizen_vi,
                         "Number " + t->number + " not reprinted. " + a.citizen_en, true);
        return;
    }
    store_->record_reprint(t->id, clock_.now());
    if (outbox_listener_) outbox_listener_();
    spdlog::info("staff: reprinted {}", t->number);
    set_staff_result("Đã in lại vé " + t->number + ".", "Ticket " + t->number + " printed again.",
                     false);
}

void KioskController::poll_printer_on_worker() {
    if (!staff_services_) return;
    const PrinterSnapshot p = staff_services_->printer_snapshot(true);
    {
        std::lock_guard lock(mutex_);
        if (!printer_trouble_) return;  // a ticket printed meanwhile
        if (p.status_supported && p.ready) {
            spdlog::info("printer ready again: ticketing resumes");
            printer_trouble_ = false;
            printer_blocked_ = false;
            notice_vi_.clear();
            notice_en_.clear();
        } else if (p.status_supported) {
            // Known faulty: stop taking numbers we cannot print, say so, keep polling.
            printer_blocked_ = true;
            notice_vi_ = "Máy in: " + p.words_vi + ". Tạm ngừng cấp số — vui lòng báo cán bộ.";
            notice_en_ = "Printer: " + p.words_en + ". Numbers paused — please tell the staff.";
        }
    }
    wake();
}

void KioskController::fill_staff_view_locked(ui::ViewModel& vm) const {
    if (screen_ != ui::Screen::Staff && screen_ != ui::Screen::StaffPin) return;
    vm.staff = staff_;
    vm.staff.busy = staff_busy_;
    vm.staff.pin.digits_entered = static_cast<int>(pin_entry_.size());
    vm.staff.pin.wrong = pin_wrong_;
    vm.staff.pin.tries_left = pin_gate_.tries_left();
    vm.staff.pin.locked_seconds = pin_gate_.locked_seconds_left();
    for (const auto& s : config_.services)
        if (!s.prefix.empty() && !std::isdigit(static_cast<unsigned char>(s.prefix[0])) &&
            std::find(vm.staff.prefixes.begin(), vm.staff.prefixes.end(), s.prefix) ==
                vm.staff.prefixes.end())
            vm.staff.prefixes.push_back(s.prefix);
}

}  // namespace kiosk::app
