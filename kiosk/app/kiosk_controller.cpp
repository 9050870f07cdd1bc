#include "kiosk_controller.h"

#include <spdlog/spdlog.h>

#include "kiosk/app/citizen_messages.h"

namespace kiosk::app {

using namespace std::chrono;

namespace {
// How often a printer that failed is asked whether it is ready again.
constexpr seconds kPrinterPollInterval{10};
}  // namespace

KioskController::KioskController(const KioskConfig& config, std::string db_path, const Clock& clock,
                                 PrintFn print)
    : config_(config),
      db_path_(std::move(db_path)),
      clock_(clock),
      print_(std::move(print)),
      pin_gate_(config.staff, clock) {
    language_ = config_.default_language == "en" ? ui::Language::En : ui::Language::Vi;
    last_activity_ = clock_.now();
    enable_lookup({}, {});  // cache only until run_kiosk hands over the server and printer
    make_procedure_flow();
    make_rating_flow();
}

KioskController::~KioskController() = default;

void KioskController::set_waker(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

void KioskController::wake() {
    std::function<void()> w;
    {
        std::lock_guard lock(mutex_);
        w = wake_;
    }
    if (w) w();
}

void KioskController::start() {
    worker_.post([this] {
        try {
            store_ = std::make_unique<TicketStore>(db_path_);
            issuer_ = std::make_unique<TicketIssuer>(*store_, config_, clock_);
            const auto recovered = store_->recover_interrupted(clock_.now());
            for (const auto& r : recovered)
                spdlog::warn("recovered ticket {} ({}) left {} by an earlier stop: now {}",
                             r.ticket.number, r.ticket.business_date, to_string(r.ticket.state),
                             to_string(r.resolved_to));
            if (!recovered.empty() && outbox_listener_) outbox_listener_();
            {
                std::lock_guard lock(mutex_);
                store_ok_ = true;
                notice_vi_.clear();
                notice_en_.clear();
            }
            refresh_snapshot_on_worker();
        } catch (const std::exception& e) {
            spdlog::error("queue store unavailable: {}", e.what());
            std::lock_guard lock(mutex_);
            store_ok_ = false;
            notice_vi_ = "Tạm ngừng cấp số thứ tự. Vui lòng liên hệ cán bộ tiếp nhận.";
            notice_en_ = "Queue numbers are paused. Please ask the reception staff.";
        }
        wake();
    });
}

void KioskController::queue_changed() {
    worker_.post([this] {
        if (!store_) return;
        refresh_snapshot_on_worker();
        wake();
    });
}

void KioskController::refresh_snapshot_on_worker() {
    QueueSnapshot snap;
    snap.business_date = local_date_iso(clock_.now());
    try {
        snap.waiting = store_->waiting_counts(snap.business_date);
        snap.issued = store_->issued_counts(snap.business_date);
    } catch (const std::exception& e) {
        spdlog::error("cannot read queue counts: {}", e.what());
    }
    std::lock_guard lock(mutex_);
    snapshot_ = std::move(snap);
}

ui::ViewModel KioskController::view_model() const {
    const TimePoint now = clock_.now();
    const LocalDateTime local = to_local(now);
    std::lock_guard lock(mutex_);
    ui::ViewModel vm;
    vm.screen = screen_;
    vm.language = language_;
    vm.office_name_vi = config_.office_name_vi;
    vm.office_name_en = config_.office_name_en;
    vm.year = local.year;
    vm.month = local.month;
    vm.day = local.day;
    vm.weekday = local.weekday;
    vm.hour = local.hour;
    vm.minute = local.minute;
    vm.priority_selected = priority_;
    vm.printer_ready = store_ok_ && !printer_blocked_;
    if (const HoursMessage closed = closed_message(hours_locked(now), now); !closed.vi.empty()) {
        vm.closed_vi = closed.vi;
        vm.closed_en = closed.en;
    }
    fill_staff_view_locked(vm);
    for (const CatalogWarning& w : catalog_notes_) {
        vm.staff.catalog_notes_vi.push_back(w.vi);
        vm.staff.catalog_notes_en.push_back(w.en);
    }
    vm.notice_vi = notice_vi_;
    vm.notice_en = notice_en_;
    for (const auto& s : config_.services) {
        ui::ServiceTile tile;
        tile.id = s.id;
        tile.name_vi = s.name_vi;
        if (catalog_ && !s.field_code.empty())  // a renamed field shows its new name at once
            for (const ServiceField& f : catalog_->fields)
                if (f.code == s.field_code) tile.name_vi = f.name;
        tile.name_en = s.name_en;
        tile.counters = s.counters;
        if (auto it = snapshot_.waiting.find(s.id); it != snapshot_.waiting.end())
            tile.waiting = it->second;
        const auto issued = snapshot_.issued.find(s.id);
        tile.available =
            store_ok_ && (issued == snapshot_.issued.end() || issued->second < s.daily_cap);
        vm.services.push_back(std::move(tile));
    }
    vm.ticket = ticket_;
    if (screen_ == ui::Screen::Lookup) vm.lookup = lookup_->view();
    vm.procedures_available = procedures_available_locked();
    if (screen_ == ui::Screen::Procedures) vm.procedures = procedures_->view();
    vm.rating_available = rating_available_locked();
    if (screen_ == ui::Screen::Rating) vm.rating = rating_->view();
    if (ticket_finished_at_) {
        const auto left =
            seconds(config_.ticket_screen_s) - duration_cast<seconds>(now - *ticket_finished_at_);
        vm.ticket.seconds_until_home = static_cast<int>(std::max<int64_t>(0, left.count()));
    }
    return vm;
}

void KioskController::go_home_locked() {
    screen_ = ui::Screen::Home;
    priority_ = false;
    ticket_ = {};
    ticket_finished_at_.reset();
    lookup_->reset();  // nothing of the last citizen's dossier stays on screen
    procedures_->reset();
    rating_->reset();
    pin_entry_.clear();
    pin_wrong_ = false;
    staff_.panel = ui::StaffPanel::Overview;
    staff_.typed_number.clear();
    staff_.result_vi.clear();
    staff_.result_en.clear();
    // The next citizen starts in the office's language.
    language_ = config_.default_language == "en" ? ui::Language::En : ui::Language::Vi;
}

void KioskController::handle(const ui::Action& action) {
    std::unique_lock lock(mutex_);
    last_activity_ = clock_.now();
    switch (action.type) {
        case ui::ActionType::UserActivity:
            break;
        case ui::ActionType::OpenServicePicker:
            // Outside issuing hours the home screen already says why and when to come back.
            if (store_ok_ && !printer_blocked_ && !issuing_ && hours_locked(last_activity_).issuing)
                screen_ = ui::Screen::ServicePicker;
            break;
        case ui::ActionType::TogglePriority:
            priority_ = !priority_;
            break;
        case ui::ActionType::ToggleLanguage:
            language_ = language_ == ui::Language::Vi ? ui::Language::En : ui::Language::Vi;
            break;
        case ui::ActionType::GoHome:
            if (!issuing_) go_home_locked();  // never leave while the printer is working
            break;
        case ui::ActionType::SelectService:
            lock.unlock();
            select_service(action.arg);
            break;
        case ui::ActionType::OpenLookup:
            if (!issuing_ && screen_ == ui::Screen::Home) {
                screen_ = ui::Screen::Lookup;
                lookup_->open();
            }
            break;
        case ui::ActionType::LookupKey:
        case ui::ActionType::LookupSubmit:
        case ui::ActionType::LookupPrintSlip:
        case ui::ActionType::LookupAgain:
        case ui::ActionType::LookupRetry:
            if (screen_ != ui::Screen::Lookup) break;
            lock.unlock();  // the flow may wake the UI (which takes mutex_)
            lookup_->handle(action);
            break;
        case ui::ActionType::StaffCorner:
            staff_corner_tap_locked();
            break;
        case ui::ActionType::Staff:
            lock.unlock();
            staff_command(action.arg);
            break;
        case ui::ActionType::OpenProcedures:  // ProcedureFlow (kiosk_controller_procedures.cpp)
            open_procedures_locked();
            break;
        case ui::ActionType::Procedures:
            if (screen_ != ui::Screen::Procedures) break;
            lock.unlock();  // the flow may wake the UI; an issue takes mutex_ again
            procedures_command(action);
            break;
        case ui::ActionType::OpenRating:  // RatingFlow (kiosk_controller_rating.cpp)
            open_rating_locked(action.arg);
            break;
        case ui::ActionType::Rating:
            if (screen_ != ui::Screen::Rating) break;
            lock.unlock();  // the flow wakes the UI (which takes mutex_)
            rating_->handle(action);
            break;
    }
}

void KioskController::select_service(const std::string& service_id) {
    const ServiceConfig* service = config_.find_service(service_id);
    bool priority;
    {
        std::lock_guard lock(mutex_);
        // A double tap or a tap during printing must not take a second number.
        // From the picker, or "Lấy số cho thủ tục này" in the procedure guide.
        if (issuing_ || !service || !store_ok_ ||
            (screen_ != ui::Screen::ServicePicker && screen_ != ui::Screen::Procedures))
            return;
        if (!hours_locked(clock_.now()).issuing) {
            // A tap racing the closing minute: never a number. The home screen's take-number
            // button says why and when to come back.
            go_home_locked();
            spdlog::info("no ticket for {}: outside issuing hours", service_id);
            return;
        }
        issuing_ = true;
        priority = priority_;
        screen_ = ui::Screen::Ticket;
        ticket_ = {};
        ticket_.service_name_vi = service->name_vi;
        ticket_.service_name_en = service->name_en;
        ticket_.counters = service->counters;
        ticket_.priority = priority;
        ticket_.phase = ui::TicketPhase::Printing;
        ticket_finished_at_.reset();
    }
    worker_.post([this, service_id, priority] {
        auto on_reserved = [this](const IssueOutcome& o) {
            {
                std::lock_guard lock(mutex_);
                ticket_.number = o.ticket->number;
                ticket_.people_ahead = o.people_ahead;
                ticket_.wait_minutes = o.wait_minutes;
            }
            wake();
        };
        IssueOutcome out = issuer_->issue(service_id, priority, print_, on_reserved);
        if (out.status == IssueStatus::Issued)
            spdlog::info("issued {} for {}{} ({} ahead, ~{} min)", out.ticket->number, service_id,
                         priority ? " [priority]" : "", out.people_ahead, out.wait_minutes);
        else
            spdlog::error("ticket for {} not issued: {} — {}", service_id, to_string(out.status),
                          out.detail);
        if (out.ticket && outbox_listener_)
            outbox_listener_();  // issued or voided: an event to send
        refresh_snapshot_on_worker();
        {
            std::lock_guard lock(mutex_);
            issuing_ = false;
            const std::string number = out.ticket ? out.ticket->number : std::string();
            ticket_.number = number;
            ticket_.people_ahead = out.people_ahead;
            ticket_.wait_minutes = out.wait_minutes;
            if (out.status == IssueStatus::Issued) {
                ticket_.phase = ui::TicketPhase::Ready;
                ticket_.print_unconfirmed = out.print_unconfirmed;
                notice_vi_.clear();
                notice_en_.clear();
                printer_trouble_ = false;
                printer_blocked_ = false;
            } else {
                ticket_.phase = ui::TicketPhase::Failed;
                // The printer's own words when it said what is wrong ("Máy in hết giấy …").
                const CitizenMessage m =
                    out.attempt.citizen_vi.empty()
                        ? message_for(out.status)
                        : CitizenMessage{out.attempt.citizen_vi, out.attempt.citizen_en};
                ticket_.error_vi = m.vi;
                ticket_.error_en = m.en;
                ticket_.number_voided = out.status == IssueStatus::PrintFailed;
                if (out.status == IssueStatus::PrintFailed) {
                    printer_trouble_ = true;
                    next_printer_poll_ = clock_.now() + kPrinterPollInterval;
                    notice_vi_ =
                        "Máy in đang gặp sự cố. Nếu không nhận được vé, vui lòng báo cán bộ tiếp "
                        "nhận.";
                    notice_en_ =
                        "The printer has a problem. If you get no ticket, please ask the reception "
                        "staff.";
                }
            }
            ticket_finished_at_ = clock_.now();
            last_activity_ = clock_.now();
        }
        wake();
    });
}

void KioskController::tick() {
    const TimePoint now = clock_.now();
    bool day_changed = false;
    bool poll_printer = false;
    {
        std::lock_guard lock(mutex_);
        if (!issuing_) {
            if (ticket_finished_at_ &&
                now - *ticket_finished_at_ >= seconds(config_.ticket_screen_s))
                go_home_locked();
            else if (screen_ == ui::Screen::Rating
                         ? rating_->thanks_expired(now) ||
                               (rating_->idle_expired(now) &&  // taps elsewhere count too
                                now - last_activity_ >= seconds(config_.idle_timeout_s))
                     : screen_ == ui::Screen::Lookup
                         ? lookup_->idle_expired(now)  // not while a lookup is in flight
                         : screen_ != ui::Screen::Home &&
                               now - last_activity_ >= seconds(config_.idle_timeout_s))
                go_home_locked();
        }
        day_changed = store_ok_ && !snapshot_.business_date.empty() &&
                      snapshot_.business_date != local_date_iso(now);
        if (day_changed) snapshot_.business_date = local_date_iso(now);  // post the refresh once
        poll_printer =
            printer_trouble_ && staff_services_ && !issuing_ && now >= next_printer_poll_;
        if (poll_printer) next_printer_poll_ = now + kPrinterPollInterval;
    }
    if (poll_printer) worker_.post([this] { poll_printer_on_worker(); });
    if (day_changed)
        worker_.post([this] {
            refresh_snapshot_on_worker();
            wake();
        });
}

TimePoint KioskController::next_deadline() const {
    const TimePoint now = clock_.now();
    // The clock on screen shows minutes; the next minute boundary is always a deadline.
    TimePoint next = time_point_cast<minutes>(now) + minutes(1);
    std::lock_guard lock(mutex_);
    if (ticket_finished_at_) {
        // The countdown changes every second.
        const auto since = now - *ticket_finished_at_;
        next = std::min(next, *ticket_finished_at_ + duration_cast<seconds>(since) + seconds(1));
    }
    if (printer_trouble_ && staff_services_) next = std::min(next, next_printer_poll_);
    next = std::min(next, hours_locked(now).next_change);  // "Lấy số" opens or closes
    // The PIN lock countdown changes every second.
    if (screen_ == ui::Screen::StaffPin && pin_gate_.locked())
        next = std::min(next, now + seconds(1));
    if (screen_ == ui::Screen::Lookup) next = std::min(next, lookup_->idle_deadline());
    if (screen_ == ui::Screen::Rating) next = std::min(next, rating_->next_deadline());
    // While printing nothing times out (tick() waits for the worker), so no idle deadline then.
    if (screen_ != ui::Screen::Home && !issuing_)
        next = std::min(next, last_activity_ + seconds(config_.idle_timeout_s));
    return std::max(next, now);
}

void KioskController::wait_idle() {
    worker_.drain();
}

}  // namespace kiosk::app
