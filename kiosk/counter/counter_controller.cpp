#include "kiosk/counter/counter_controller.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

#include "kiosk/counter/counter_strings.h"

namespace kiosk::counter {
namespace {

using std::chrono::duration_cast;
using std::chrono::microseconds;
using std::chrono::milliseconds;

constexpr std::size_t kMaxKeypadChars = 10;

const char* op_name(int op) {
    static const char* const kNames[] = {"next",     "recall",      "no-show", "finish", "hold",
                                         "transfer", "call-number", "pause",   "resume"};
    return kNames[op];
}

int64_t us_of(TimePoint t) {
    return duration_cast<microseconds>(t.time_since_epoch()).count();
}

}  // namespace

CounterController::CounterController(CounterBackend& backend, const Clock& clock,
                                     CounterTiming timing)
    : backend_(backend),
      clock_(clock),
      timing_(timing),
      number_(backend.counter()),
      worker_([this] { return refresh(); }) {}

CounterController::~CounterController() = default;

void CounterController::set_waker(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

void CounterController::start() {
    worker_.start();
}

void CounterController::wait_idle() {
    worker_.drain();
}

void CounterController::wake() {
    std::function<void()> w;
    {
        std::lock_guard lock(mutex_);
        w = wake_;
    }
    if (w) w();
}

// ---- hub → state ----

void CounterController::apply_counter_locked(const hub::CounterInfo& info) {
    if (info.number != number_) return;
    info_ = info;
}

void CounterController::apply_state_locked(const hub::HubState& state) {
    have_state_ = true;
    office_name_vi_ = state.office_name_vi;
    services_ = state.services;
    counters_.clear();
    for (const hub::CounterInfo& c : state.counters) {
        counters_.push_back(c.number);
        apply_counter_locked(c);
    }
    if (state.now_us > 0) hub_skew_ = microseconds(state.now_us - us_of(clock_.now()));
}

void CounterController::on_hub_event(const hub::HubEvent& event) {
    {
        std::lock_guard lock(mutex_);
        switch (event.kind) {
            case hub::HubEvent::Kind::Connected:
                break;  // the snapshot that follows says more
            case hub::HubEvent::Kind::Disconnected:
                if (connection_ != Connection::Lost)
                    spdlog::warn("counter {}: hub event stream lost: {}", number_, event.detail);
                connection_ = Connection::Lost;
                break;
            case hub::HubEvent::Kind::Snapshot:
                connection_ = Connection::Connected;
                apply_state_locked(event.snapshot);
                break;
            case hub::HubEvent::Kind::Counter:
                apply_counter_locked(event.counter);
                break;
            case hub::HubEvent::Kind::Waiting:
                services_ = event.waiting;
                break;
            case hub::HubEvent::Kind::Call:
                return;  // the board's business; this counter's own calls come as Counter
        }
    }
    wake();
}

milliseconds CounterController::refresh() {
    auto result = backend_.state();
    milliseconds next = timing_.refresh;
    {
        std::lock_guard lock(mutex_);
        if (result) {
            if (connection_ != Connection::Connected)
                spdlog::info("counter {}: queue hub reachable", number_);
            connection_ = Connection::Connected;
            apply_state_locked(*result);
        } else if (result.error().code == hub::HubErrorCode::Unreachable) {
            if (connection_ != Connection::Lost)
                spdlog::warn("counter {}: queue hub unreachable: {}", number_,
                             result.error().detail);
            connection_ = Connection::Lost;
            next = timing_.retry;
        } else {
            // Reachable but refusing (bad token, unknown counter): say so and keep trying slowly.
            connection_ = Connection::Connected;
            spdlog::error("counter {}: queue hub refused the state request: {} ({})", number_,
                          hub::to_code_string(result.error().code), result.error().detail);
            set_message_locked(result.error().message_vi, result.error().message_en, true);
        }
    }
    wake();
    return next;
}

// ---- actions ----

void CounterController::set_message_locked(std::string vi, std::string en, bool error) {
    message_vi_ = std::move(vi);
    message_en_ = std::move(en);
    message_error_ = error;
}

void CounterController::post(Op op, std::string arg, hub::TransferTarget target) {
    // Caller holds the mutex. One request at a time: a second F1 while the first is on its way
    // must not call two citizens.
    if (busy_ || connection_ != Connection::Connected) return;
    busy_ = true;
    dialog_ = Dialog::None;
    worker_.post(
        [this, op, arg = std::move(arg), target = std::move(target)] { run(op, arg, target); });
}

void CounterController::run(Op op, const std::string& arg, const hub::TransferTarget& target) {
    std::string before;
    {
        std::lock_guard lock(mutex_);
        if (info_.current) before = info_.current->number;
    }
    hub::HubResult<hub::CounterReply> r = [&]() -> hub::HubResult<hub::CounterReply> {
        switch (op) {
            case Op::Next:
                return backend_.next();
            case Op::Recall:
                return backend_.recall();
            case Op::NoShow:
                return backend_.no_show();
            case Op::Finish:
                return backend_.finish();
            case Op::Hold:
                return backend_.hold();
            case Op::Transfer:
                return backend_.transfer(target);
            case Op::CallNumber:
                return backend_.call_number(arg);
            case Op::Pause:
                return backend_.pause(arg);
            case Op::Resume:
                return backend_.resume();
        }
        return hub::make_hub_error(hub::HubErrorCode::BadRequest, "unknown counter action");
    }();

    {
        std::lock_guard lock(mutex_);
        busy_ = false;
        const char* name = op_name(static_cast<int>(op));
        if (!r) {
            const hub::HubError& e = r.error();
            if (e.code == hub::HubErrorCode::Unreachable) connection_ = Connection::Lost;
            spdlog::warn("counter {}: {} refused: {} ({})", number_, name,
                         hub::to_code_string(e.code), e.detail);
            set_message_locked(e.message_vi, e.message_en, true);
        } else {
            connection_ = Connection::Connected;
            apply_counter_locked(r->counter);
            const std::string number = r->ticket ? r->ticket->number : before;
            const bool dropped = r->ticket && r->ticket->state == "no_show";
            spdlog::info("counter {}: {} {}{}", number_, name, number,
                         r->priority_call ? " (priority call)" : "");
            CStr what = CStr::DidCall;
            switch (op) {
                case Op::Next:
                case Op::CallNumber:
                    what = CStr::DidCall;
                    break;
                case Op::Recall:
                    what = CStr::DidRecall;
                    break;
                case Op::NoShow:
                    what = dropped ? CStr::DidNoShowDropped : CStr::DidNoShowBack;
                    break;
                case Op::Finish:
                    what = CStr::DidFinish;
                    break;
                case Op::Hold:
                    what = CStr::DidHold;
                    break;
                case Op::Transfer:
                    what = CStr::DidTransfer;
                    break;
                case Op::Pause:
                    what = CStr::DidPause;
                    break;
                case Op::Resume:
                    what = CStr::DidResume;
                    break;
            }
            set_message_locked(vi(what, number), en(what, number), false);
        }
    }
    wake();
}

void CounterController::handle(const CounterAction& action) {
    {
        std::lock_guard lock(mutex_);
        const bool has_current = info_.current.has_value();
        switch (action.type) {
            case CounterActionType::CallNext:
                if (!info_.paused) post(Op::Next);
                break;
            case CounterActionType::Recall:
                if (has_current) post(Op::Recall);
                break;
            case CounterActionType::NoShow:
                if (has_current) post(Op::NoShow);
                break;
            case CounterActionType::Finish:
                if (has_current) post(Op::Finish);
                break;
            case CounterActionType::Hold:
                if (has_current) post(Op::Hold);
                break;
            case CounterActionType::OpenTransfer:
                if (has_current && !busy_) dialog_ = Dialog::Transfer;
                break;
            case CounterActionType::TransferToField:
                if (has_current && dialog_ == Dialog::Transfer)
                    post(Op::Transfer, {}, hub::TransferTarget{action.arg, 0});
                break;
            case CounterActionType::TransferToCounter:
                if (has_current && dialog_ == Dialog::Transfer) {
                    int to = 0;
                    try {
                        to = std::stoi(action.arg);
                    } catch (const std::exception&) {
                        break;
                    }
                    post(Op::Transfer, {}, hub::TransferTarget{{}, to});
                }
                break;
            case CounterActionType::OpenKeypad:
                if (!info_.paused && !busy_) {
                    dialog_ = Dialog::Keypad;
                    keypad_.clear();
                }
                break;
            case CounterActionType::KeypadAppend:
                if (dialog_ != Dialog::Keypad) break;
                for (char c : action.arg) {
                    const auto u = static_cast<unsigned char>(c);
                    if (keypad_.size() >= kMaxKeypadChars) break;
                    if (std::isdigit(u) || std::isalpha(u) || c == '-')
                        keypad_ += static_cast<char>(std::toupper(u));
                }
                break;
            case CounterActionType::KeypadBackspace:
                if (dialog_ == Dialog::Keypad && !keypad_.empty()) keypad_.pop_back();
                break;
            case CounterActionType::KeypadConfirm:
                if (dialog_ == Dialog::Keypad && !keypad_.empty()) post(Op::CallNumber, keypad_);
                break;
            case CounterActionType::CallHeld:
                if (!info_.paused && !action.arg.empty()) post(Op::CallNumber, action.arg);
                break;
            case CounterActionType::OpenPause:
                if (!info_.paused && !busy_) dialog_ = Dialog::Pause;
                break;
            case CounterActionType::Pause: {
                if (dialog_ != Dialog::Pause) break;
                const auto reasons = pause_reasons();
                std::size_t index = reasons.size();
                try {
                    index = static_cast<std::size_t>(std::stoul(action.arg));
                } catch (const std::exception&) {
                }
                if (index < reasons.size()) post(Op::Pause, vi(reasons[index]));
                break;
            }
            case CounterActionType::Resume:
                if (info_.paused) post(Op::Resume);
                break;
            case CounterActionType::CloseDialog:
                dialog_ = Dialog::None;
                break;
        }
    }
}

// ---- snapshot for the UI ----

CounterViewModel CounterController::view_model() const {
    std::lock_guard lock(mutex_);
    CounterViewModel vm;
    vm.counter = number_;
    vm.office_name_vi = office_name_vi_;
    const TimePoint now = clock_.now();
    const LocalDateTime local = to_local(now);
    vm.hour = local.hour;
    vm.minute = local.minute;
    vm.connection = connection_;
    vm.busy = busy_;
    vm.paused = info_.paused;
    vm.pause_reason = info_.pause_reason;
    vm.served_today = info_.served_today;
    vm.message_vi = message_vi_;
    vm.message_en = message_en_;
    vm.message_is_error = message_error_;
    vm.dialog = dialog_;
    vm.keypad_text = keypad_;

    const auto service_of = [this](const std::string& id) -> const hub::ServiceWaiting* {
        for (const auto& s : services_)
            if (s.service_id == id) return &s;
        return nullptr;
    };
    if (info_.current) {
        const hub::LanTicket& t = *info_.current;
        vm.has_current = true;
        vm.current.number = t.number;
        if (const auto* s = service_of(t.service_id)) {
            vm.current.service_vi = s->name_vi;
            vm.current.service_en = s->name_en;
        } else {
            vm.current.service_vi = vm.current.service_en = t.service_id;
        }
        vm.current.priority = t.priority;
        vm.current.recalls = t.recalls;
        vm.current.no_shows = t.no_shows;
        if (t.called_at_us > 0) {
            const int64_t hub_now = us_of(now) + hub_skew_.count();
            vm.current.seconds_since_called =
                static_cast<int>(std::max<int64_t>(0, (hub_now - t.called_at_us) / 1'000'000));
        }
    }
    for (const std::string& id : info_.services) {
        if (const auto* s = service_of(id)) {
            vm.fields.push_back({s->service_id, s->name_vi, s->name_en, s->waiting});
        } else {
            vm.fields.push_back({id, id, id, 0});
        }
    }
    for (const hub::LanTicket& t : info_.held)
        vm.held.push_back(t.number);
    for (const auto& s : services_) {
        if (info_.current && s.service_id == info_.current->service_id) continue;
        vm.transfer_fields.push_back({s.service_id, s.name_vi, s.name_en});
    }
    for (int c : counters_)
        if (c != number_) vm.transfer_counters.push_back(c);
    for (CStr r : pause_reasons()) {
        vm.pause_reasons_vi.push_back(vi(r));
        vm.pause_reasons_en.push_back(en(r));
    }
    return vm;
}

std::optional<milliseconds> CounterController::next_change_in() const {
    const TimePoint now = clock_.now();
    const auto since_epoch = duration_cast<milliseconds>(now.time_since_epoch()).count();
    milliseconds next(60'000 - since_epoch % 60'000);  // the header clock's next minute
    std::lock_guard lock(mutex_);
    if (info_.current && info_.current->called_at_us > 0) {
        // The service timer ticks on the hub's second boundaries.
        const int64_t elapsed_us = us_of(now) + hub_skew_.count() - info_.current->called_at_us;
        const int64_t into_second_ms = ((elapsed_us % 1'000'000) + 1'000'000) % 1'000'000 / 1000;
        next = std::min(next, milliseconds(1000 - into_second_ms));
    }
    return next;
}

}  // namespace kiosk::counter
