#include "kiosk/app/rating_flow.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>
#include <optional>

#include "kiosk/core/rating_store.h"
#include "kiosk/core/scan_payload.h"

namespace kiosk::app {

using namespace std::chrono;
using ui::RatingProblem;
using ui::RatingRefusalKind;
using ui::RatingStage;

struct RatingFlow::State {
    State(const KioskConfig& c, const Clock& k, RatingFlowOptions opts)
        : config(c), clock(k), o(std::move(opts)) {}

    const KioskConfig& config;
    const Clock& clock;
    RatingFlowOptions o;

    mutable std::mutex mutex;
    ui::RatingView v;
    std::vector<std::string> letters;  // prefix letters of the office's fields
    bool camera = false;
    uint64_t generation = 0;  // bumped by every job and reset: stale answers are dropped
    bool in_flight = false;
    TimePoint last_activity{};
    std::optional<TimePoint> thanks_at;
    std::string business_date;  // the ticket in hand (with v.number)
    std::string last_payload;
    TimePoint last_payload_at{};

    // Worker thread only (opened on first use there).
    std::unique_ptr<RatingStore> store;
};

namespace {

using StatePtr = std::shared_ptr<RatingFlow::State>;
using WeakState = std::weak_ptr<RatingFlow::State>;

constexpr size_t kMaxTyped = 8;  // "HT123456": two letters and up to six digits

void wake(const StatePtr& s) {
    if (s->o.wake) s->o.wake();
}

void clear_locked(RatingFlow::State& s) {
    s.v = {};
    s.v.letters = s.letters;
    s.v.camera = s.camera;
    s.business_date.clear();
    s.thanks_at.reset();
    s.in_flight = false;
    ++s.generation;
}

RatingStore* store_on_worker(RatingFlow::State& s) {
    if (!s.store) s.store = std::make_unique<RatingStore>(s.o.db_path);  // throws StoreError
    return s.store.get();
}

RatingRefusalKind refusal_kind(RatingRefusal r) {
    switch (r) {
        case RatingRefusal::NotServedYet:
            return RatingRefusalKind::NotServedYet;
        case RatingRefusal::Voided:
            return RatingRefusalKind::Voided;
        case RatingRefusal::NoShow:
            return RatingRefusalKind::NoShow;
        case RatingRefusal::OtherDay:
            return RatingRefusalKind::OtherDay;
        case RatingRefusal::AlreadyRated:
            return RatingRefusalKind::AlreadyRated;
        case RatingRefusal::None:
        case RatingRefusal::NotFound:
            break;
    }
    return RatingRefusalKind::NotFound;
}

void show_refusal_locked(RatingFlow::State& s, RatingRefusal r) {
    s.v.stage = RatingStage::Refused;
    s.v.refusal = refusal_kind(r);
    s.in_flight = false;
    s.last_activity = s.clock.now();
}

void show_failed_locked(RatingFlow::State& s) {
    s.v.stage = RatingStage::Failed;
    s.in_flight = false;
    s.last_activity = s.clock.now();
}

// Under the lock: the Checking stage for a ticket; returns the job to post outside the lock (a
// test's poster may run it inline, re-entering the flow).
std::function<void()> start_check_locked(const StatePtr& s, std::string date, std::string number) {
    const uint64_t gen = ++s->generation;
    s->v.stage = RatingStage::Checking;
    s->v.number = number;
    s->v.problem = RatingProblem::None;
    s->v.typed.clear();
    s->v.level = 0;
    s->business_date = date;
    s->in_flight = true;
    s->last_activity = s->clock.now();
    return [s, gen, date = std::move(date), number = std::move(number)] {
        s->o.post([w = WeakState(s), gen, date, number] {
            const StatePtr st = w.lock();
            if (!st) return;
            std::optional<RatingCheck> check;
            try {
                check = store_on_worker(*st)->check(date, number, st->clock.now());
            } catch (const std::exception& e) {
                spdlog::error("rating: checking ticket {} of {}: {}", number, date, e.what());
            }
            {
                std::lock_guard lock(st->mutex);
                if (st->generation != gen) return;
                if (!check) {
                    show_failed_locked(*st);
                } else if (!check->ok()) {
                    spdlog::info("rating: ticket {} of {} cannot be rated: {}", number, date,
                                 to_string(check->refusal));
                    show_refusal_locked(*st, check->refusal);
                } else {
                    const RatableTicket& t = *check->ticket;
                    st->v.stage = RatingStage::Choose;
                    st->v.counter = t.counter;
                    if (const ServiceConfig* svc = st->config.find_service(t.service_id)) {
                        st->v.service_vi = svc->name_vi;
                        st->v.service_en = svc->name_en;
                    }
                    st->in_flight = false;
                    st->last_activity = st->clock.now();
                }
            }
            wake(st);
        });
    };
}

std::function<void()> start_submit_locked(const StatePtr& s, int level, RatingReason reason) {
    const uint64_t gen = ++s->generation;
    s->v.stage = RatingStage::Saving;
    s->v.level = level;
    s->in_flight = true;
    s->last_activity = s->clock.now();
    RatingInput in;
    in.business_date = s->business_date;
    in.number = s->v.number;
    in.level = level;
    in.reason = reason;
    return [s, gen, in = std::move(in)] {
        s->o.post([w = WeakState(s), gen, in] {
            const StatePtr st = w.lock();
            if (!st) return;
            std::optional<RatingResult> result;
            try {
                result = store_on_worker(*st)->submit(in, st->clock.now());
            } catch (const std::exception& e) {
                spdlog::error("rating: recording level {} for ticket {} of {}: {}", in.level,
                              in.number, in.business_date, e.what());
            }
            if (result && result->ok()) {
                spdlog::info("rating: ticket {} of {} rated {} ({}){} at counter {}, event {}",
                             in.number, in.business_date, in.level, rating_level_code(in.level),
                             in.reason == RatingReason::None
                                 ? std::string()
                                 : std::string(", reason ") + to_string(in.reason),
                             result->ticket->counter, result->event_uuid);
                if (st->o.on_recorded) st->o.on_recorded();
            }
            {
                std::lock_guard lock(st->mutex);
                if (st->generation != gen) return;
                if (!result) {
                    show_failed_locked(*st);
                } else if (!result->ok()) {  // rated meanwhile elsewhere, or changed state
                    spdlog::info("rating: ticket {} of {} refused at save: {}", in.number,
                                 in.business_date, to_string(result->refusal));
                    show_refusal_locked(*st, result->refusal);
                } else {
                    st->v.stage = RatingStage::Thanks;
                    st->thanks_at = st->clock.now();
                    st->in_flight = false;
                    st->last_activity = st->clock.now();
                }
            }
            wake(st);
        });
    };
}

bool typed_char_ok(const RatingFlow::State& s, const std::string& c) {
    if (c.size() != 1) return false;
    if (c[0] >= '0' && c[0] <= '9') return true;
    for (const std::string& l : s.letters)
        if (l == c) return true;
    return false;
}

std::vector<std::string> prefix_letters(const KioskConfig& config) {
    std::vector<std::string> out;
    for (const ServiceConfig& svc : config.services)
        for (char ch : svc.prefix) {
            if (ch < 'A' || ch > 'Z') continue;
            const std::string letter(1, ch);
            if (std::find(out.begin(), out.end(), letter) == out.end()) out.push_back(letter);
        }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

RatingFlow::RatingFlow(const KioskConfig& config, const Clock& clock, RatingFlowOptions options)
    : s_(std::make_shared<State>(config, clock, std::move(options))) {
    s_->letters = prefix_letters(config);
    s_->v.letters = s_->letters;
    s_->last_activity = clock.now();
}

RatingFlow::~RatingFlow() {
    std::lock_guard lock(s_->mutex);
    ++s_->generation;
}

void RatingFlow::open() {
    std::lock_guard lock(s_->mutex);
    clear_locked(*s_);
    s_->last_activity = s_->clock.now();
}

void RatingFlow::open_for(const std::string& number) {
    std::function<void()> job;
    {
        std::lock_guard lock(s_->mutex);
        clear_locked(*s_);
        job = start_check_locked(s_, local_date_iso(s_->clock.now()), number);
    }
    job();  // posts to the worker; the answer wakes the UI
}

void RatingFlow::reset() {
    std::lock_guard lock(s_->mutex);
    clear_locked(*s_);
    s_->last_payload.clear();
}

void RatingFlow::set_camera_available(bool available) {
    std::lock_guard lock(s_->mutex);
    s_->camera = available;
    s_->v.camera = available;
}

void RatingFlow::on_scan(std::string_view payload) {
    std::function<void()> job;
    {
        std::lock_guard lock(s_->mutex);
        const TimePoint now = s_->clock.now();
        if (payload == s_->last_payload && now - s_->last_payload_at < s_->o.repeat_window) return;
        s_->last_payload.assign(payload);
        s_->last_payload_at = now;
        s_->last_activity = now;
        if (s_->in_flight) return;  // one thing at a time
        const ScanPayload p =
            classify_payload(payload, {now, s_->config.ticket_url_template, s_->config.office_id});
        spdlog::info("rating: scanned {}", to_log_string(p));
        const RatingStage stage = s_->v.stage;
        if (const TicketRef* t = p.ticket()) {
            // The ticket on screen seen again (held under the scanner): nothing to do.
            const bool same = t->number == s_->v.number && t->date == s_->business_date;
            if (same && (stage == RatingStage::Choose || stage == RatingStage::Reason ||
                         stage == RatingStage::Thanks))
                return;
            job = start_check_locked(s_, t->date, t->number);
        } else if (stage == RatingStage::Entry || stage == RatingStage::Refused ||
                   stage == RatingStage::Failed) {
            const PayloadRejection* r = p.rejection();
            s_->v.stage = RatingStage::Entry;
            s_->v.typed.clear();
            s_->v.problem = r && r->reason == RejectReason::TicketOtherOffice
                                ? RatingProblem::TicketElsewhere
                                : RatingProblem::ScanNotTicket;
        } else {
            return;  // mid-rating: a stray code does not interrupt the citizen
        }
    }
    if (job) job();
    wake(s_);
}

void RatingFlow::handle(const ui::Action& action) {
    if (action.type != ui::ActionType::Rating) return;
    std::function<void()> job;
    {
        std::lock_guard lock(s_->mutex);
        ui::RatingView& v = s_->v;
        const TimePoint now = s_->clock.now();
        s_->last_activity = now;
        const std::string& arg = action.arg;
        if (arg == "again") {
            if (!s_->in_flight) clear_locked(*s_);
        } else if (v.stage == RatingStage::Entry) {
            if (arg.rfind("key:", 0) == 0) {
                const std::string c = arg.substr(4);
                if (typed_char_ok(*s_, c) && v.typed.size() < kMaxTyped) v.typed += c;
                v.problem = RatingProblem::None;
            } else if (arg == "back") {
                if (!v.typed.empty()) v.typed.pop_back();
                v.problem = RatingProblem::None;
            } else if (arg == "clear") {
                v.typed.clear();
                v.problem = RatingProblem::None;
            } else if (arg == "submit") {
                if (v.typed.empty())
                    v.problem = RatingProblem::TypedEmpty;
                else  // a typed number is always today's
                    job = start_check_locked(s_, local_date_iso(now), v.typed);
            }
        } else if (v.stage == RatingStage::Choose && arg.rfind("level:", 0) == 0) {
            const std::string digit = arg.substr(6);
            const int level = digit.size() == 1 ? digit[0] - '0' : 0;
            if (level >= kRatingLevelMin && level <= kRatingLevelMax) {
                if (level <= kRatingReasonMaxLevel && s_->config.rating.ask_reason) {
                    v.stage = RatingStage::Reason;
                    v.level = level;
                } else {
                    job = start_submit_locked(s_, level, RatingReason::None);
                }
            }
        } else if (v.stage == RatingStage::Reason) {
            if (arg == "skip") {
                job = start_submit_locked(s_, v.level, RatingReason::None);
            } else if (arg.rfind("reason:", 0) == 0) {
                const auto reason = rating_reason_from_string(arg.substr(7));
                if (reason && *reason != RatingReason::None)
                    job = start_submit_locked(s_, v.level, *reason);
            }
        }
    }
    if (job) job();
    wake(s_);
}

ui::RatingView RatingFlow::view() const {
    std::lock_guard lock(s_->mutex);
    ui::RatingView v = s_->v;
    if (s_->thanks_at) {
        const auto left = seconds(s_->config.rating.thanks_s) -
                          duration_cast<seconds>(s_->clock.now() - *s_->thanks_at);
        v.seconds_until_home = static_cast<int>(std::max<int64_t>(0, left.count()));
    }
    return v;
}

bool RatingFlow::thanks_expired(TimePoint now) const {
    std::lock_guard lock(s_->mutex);
    return s_->thanks_at && now - *s_->thanks_at >= seconds(s_->config.rating.thanks_s);
}

bool RatingFlow::idle_expired(TimePoint now) const {
    std::lock_guard lock(s_->mutex);
    if (s_->in_flight) return false;
    return now - s_->last_activity >= seconds(s_->config.idle_timeout_s);
}

TimePoint RatingFlow::next_deadline() const {
    std::lock_guard lock(s_->mutex);
    TimePoint next = s_->last_activity + seconds(s_->config.idle_timeout_s);
    if (s_->thanks_at) {  // the countdown changes every second
        const auto since = s_->clock.now() - *s_->thanks_at;
        next = std::min(next, *s_->thanks_at + duration_cast<seconds>(since) + seconds(1));
    }
    return next;
}

bool RatingFlow::busy() const {
    std::lock_guard lock(s_->mutex);
    return s_->in_flight;
}

}  // namespace kiosk::app
