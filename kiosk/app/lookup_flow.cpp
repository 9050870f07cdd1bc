#include "kiosk/app/lookup_flow.h"

#include <spdlog/spdlog.h>

#include <mutex>
#include <optional>

#include "kiosk/app/lookup_dossier.h"
#include "kiosk/core/dossier_cache.h"
#include "kiosk/core/scan_payload.h"
#include "kiosk/core/ticket_store.h"
#include "kiosk/print/status_slip.h"

namespace kiosk::app {

using namespace std::chrono;
using ui::LookupMessage;
using ui::LookupProblem;
using ui::LookupStage;

struct LookupFlow::State {
    State(const KioskConfig& c, const Clock& k, LookupFlowOptions opts)
        : config(c), clock(k), o(std::move(opts)) {}

    const KioskConfig& config;
    const Clock& clock;
    LookupFlowOptions o;

    mutable std::mutex mutex;
    ui::LookupView v;
    bool camera = false;
    uint64_t generation = 0;  // bumped by every request and reset: stale answers are dropped
    TimePoint last_activity{};
    bool in_flight = false;  // dossier request, cache read or ticket query
    bool printing = false;
    // The lookup in hand (kept for "Thử lại" until reset; the factor never leaves memory).
    std::string code, factor_kind, factor;
    std::optional<TimePoint> cached_fetched_at;
    std::string last_payload;
    TimePoint last_payload_at{};

    // Worker thread only (opened on first use there).
    std::unique_ptr<DossierCache> cache;
    std::unique_ptr<TicketStore> tickets;
};

namespace {

using StatePtr = std::shared_ptr<LookupFlow::State>;
using WeakState = std::weak_ptr<LookupFlow::State>;

void wake(const StatePtr& st) {
    if (st->o.wake) st->o.wake();
}

// A fresh scan screen; keeps the camera flag.
void clear_view_locked(LookupFlow::State& s) {
    s.v = {};
    s.v.camera = s.camera;
    s.code.clear();
    s.factor_kind.clear();
    s.factor.clear();
    s.cached_fetched_at.reset();
    s.in_flight = false;
    ++s.generation;
}

DossierCache* cache_on_worker(LookupFlow::State& s) {
    if (s.o.db_path.empty()) return nullptr;
    if (!s.cache) {
        try {
            s.cache = std::make_unique<DossierCache>(s.o.db_path);
        } catch (const std::exception& e) {
            spdlog::error("lookup: dossier cache unavailable: {}", e.what());
            return nullptr;
        }
    }
    return s.cache.get();
}

TicketStore* tickets_on_worker(LookupFlow::State& s) {
    if (s.o.db_path.empty()) return nullptr;
    if (!s.tickets) {
        try {
            s.tickets = std::make_unique<TicketStore>(s.o.db_path);
        } catch (const std::exception& e) {
            spdlog::error("lookup: queue store unavailable for ticket lookups: {}", e.what());
            return nullptr;
        }
    }
    return s.tickets.get();
}

void show_message_locked(LookupFlow::State& s, LookupMessage m, std::string server_message = {}) {
    s.v.stage = LookupStage::Message;
    s.v.message = m;
    s.v.server_message = std::move(server_message);
    s.in_flight = false;
    s.last_activity = s.clock.now();
}

void show_result_locked(LookupFlow::State& s, const sync::Dossier& d,
                        std::optional<TimePoint> cached_at) {
    s.v.stage = LookupStage::Result;
    s.v.dossier = to_dossier_view(d, s.clock.now());
    s.v.from_cache = cached_at.has_value();
    s.v.cached_at = cached_at ? local_time_hm(*cached_at) + " " + local_date_vn(*cached_at) : "";
    s.v.slip = ui::SlipPhase::None;
    s.cached_fetched_at = cached_at;
    s.in_flight = false;
    s.last_activity = s.clock.now();
}

// Offline (or no server): the last answer kept for this code, else a plain message.
void show_cached_or(const StatePtr& self, uint64_t gen, LookupMessage fallback) {
    self->o.post([w = WeakState(self), gen, fallback] {
        const StatePtr s = w.lock();
        if (!s) return;
        std::string code;
        {
            std::lock_guard lock(s->mutex);
            if (s->generation != gen) return;
            code = s->code;
        }
        std::optional<CachedDossier> hit;
        std::optional<sync::Dossier> dossier;
        if (DossierCache* cache = cache_on_worker(*s)) {
            try {
                hit = cache->get(code);
            } catch (const std::exception& e) {
                spdlog::error("lookup: reading the dossier cache for {}: {}", code, e.what());
            }
        }
        const TimePoint now = s->clock.now();
        if (hit && now - hit->fetched_at <= kDossierCacheKeep) {
            std::string error;
            dossier = dossier_from_json(hit->body, error);
            if (!dossier)
                spdlog::warn("lookup: cached answer for {} unusable ({}); not shown", code, error);
        }
        {
            std::lock_guard lock(s->mutex);
            if (s->generation != gen) return;
            if (dossier) {
                spdlog::info("lookup {}: offline, showing the answer cached at {}", code,
                             iso8601_local(hit->fetched_at));
                show_result_locked(*s, *dossier, hit->fetched_at);
            } else {
                show_message_locked(*s, fallback);
            }
        }
        wake(s);
    });
}

void remember_answer(const StatePtr& self, const sync::Dossier& d) {
    self->o.post([w = WeakState(self), d] {
        const StatePtr s = w.lock();
        if (!s) return;
        DossierCache* cache = cache_on_worker(*s);
        if (!cache) return;
        try {
            const TimePoint now = s->clock.now();
            cache->put(d.code, dossier_to_json(d), now);
            cache->prune(now - kDossierCacheKeep);
        } catch (const std::exception& e) {
            spdlog::error("lookup: caching the answer for {}: {}", d.code, e.what());
        }
    });
}

void on_answer(const WeakState& w, uint64_t gen, bool factor_sent, const sync::LookupResult& r) {
    const StatePtr s = w.lock();
    if (!s) return;
    using Kind = sync::LookupResult::Kind;
    std::optional<sync::Dossier> to_cache;
    bool offline = false;
    {
        std::lock_guard lock(s->mutex);
        if (s->generation != gen) return;  // the citizen moved on
        spdlog::info("lookup {}: {}{}", s->code, static_cast<int>(r.kind),
                     r.detail.empty() ? "" : " (" + r.detail + ")");
        s->last_activity = s->clock.now();
        switch (r.kind) {
            case Kind::Found:
                if (r.dossier) {
                    show_result_locked(*s, *r.dossier, std::nullopt);
                    // A dossier behind a second factor is not kept: the kiosk cannot check the
                    // factor offline, so a cached copy would let anyone with the code read it.
                    if (!factor_sent) to_cache = r.dossier;
                } else {
                    offline = true;
                }
                break;
            case Kind::NeedsFactor:
            case Kind::FactorMismatch:
                s->v.stage = LookupStage::Factor;
                s->v.factors = r.factors;
                s->v.typed.clear();
                s->v.page = ui::KeypadPage::Digits;
                s->v.problem = r.kind == Kind::FactorMismatch ? LookupProblem::FactorWrong
                                                              : LookupProblem::None;
                s->factor.clear();
                s->factor_kind.clear();
                s->in_flight = false;
                break;
            case Kind::NotFound:
                show_message_locked(*s, LookupMessage::NotFound);
                break;
            case Kind::InvalidCode:
                s->v = {};
                s->v.camera = s->camera;
                s->v.problem = LookupProblem::TypedInvalid;
                s->in_flight = false;
                break;
            case Kind::RateLimited:
                show_message_locked(*s, LookupMessage::RateLimited, r.message);
                break;
            case Kind::Unavailable:
                offline = true;
                break;
        }
    }
    if (to_cache) remember_answer(s, *to_cache);
    if (offline)
        show_cached_or(s, gen, LookupMessage::Offline);
    else
        wake(s);
}

// Under the lock: the Looking stage for `code`; returns the request to send outside the lock
// (a test's fake may answer synchronously, re-entering the flow).
std::function<void()> start_lookup_locked(const StatePtr& s, std::string code, std::string kind,
                                          std::string factor) {
    const uint64_t gen = ++s->generation;
    s->code = std::move(code);
    s->factor_kind = std::move(kind);
    s->factor = std::move(factor);
    s->v.stage = LookupStage::Looking;
    s->v.code = s->code;
    s->v.typed.clear();
    s->v.problem = LookupProblem::None;
    s->v.problem_hint_vi.clear();
    s->v.slip = ui::SlipPhase::None;
    s->in_flight = true;
    s->last_activity = s->clock.now();
    if (!s->o.lookup) {
        return [s, gen] { show_cached_or(s, gen, LookupMessage::NotConfigured); };
    }
    const bool factor_sent = !s->factor.empty();
    return [s, gen, factor_sent, code = s->code, kind = s->factor_kind, factor = s->factor] {
        s->o.lookup(code, kind, factor,
                    [w = WeakState(s), gen, factor_sent](const sync::LookupResult& r) {
                        on_answer(w, gen, factor_sent, r);
                    });
    };
}

std::function<void()> start_ticket_locked(const StatePtr& s, const TicketRef& ref) {
    const uint64_t gen = ++s->generation;
    s->code.clear();
    s->v.problem = LookupProblem::None;
    s->v.typed.clear();
    s->last_activity = s->clock.now();
    if (ref.date != local_date_iso(s->clock.now())) {
        show_message_locked(*s, LookupMessage::TicketNotToday);
        return {};
    }
    s->v.stage = LookupStage::Looking;
    s->v.code.clear();
    s->in_flight = true;
    return [self = s, gen, ref] {
        self->o.post([w = WeakState(self), gen, ref] {
            const StatePtr st = w.lock();
            if (!st) return;
            std::optional<Ticket> ticket;
            int ahead = 0;
            if (TicketStore* store = tickets_on_worker(*st)) {
                try {
                    ticket = store->find_by_number(ref.date, ref.number);
                    if (ticket) ahead = store->people_ahead_of(*ticket);
                } catch (const std::exception& e) {
                    spdlog::error("lookup: ticket {} of {}: {}", ref.number, ref.date, e.what());
                }
            }
            {
                std::lock_guard lock(st->mutex);
                if (st->generation != gen) return;
                const bool usable = ticket && (ticket->state == TicketState::Issued ||
                                               ticket->state == TicketState::Called ||
                                               ticket->state == TicketState::Served);
                if (!usable) {
                    show_message_locked(*st, LookupMessage::TicketUnknown);
                } else {
                    ui::TicketPlaceView t;
                    t.number = ticket->number;
                    if (const ServiceConfig* svc = st->config.find_service(ticket->service_id)) {
                        t.service_vi = svc->name_vi;
                        t.service_en = svc->name_en;
                        t.counters = svc->counters;
                    }
                    t.people_ahead = ahead;
                    t.waiting = ticket->state == TicketState::Issued;
                    t.called = ticket->state == TicketState::Called;
                    t.served = ticket->state == TicketState::Served;
                    st->v.stage = LookupStage::TicketPlace;
                    st->v.ticket = std::move(t);
                    st->in_flight = false;
                    st->last_activity = st->clock.now();
                }
            }
            wake(st);
        });
    };
}

bool factor_allowed(const std::vector<std::string>& factors, const char* kind) {
    if (factors.empty()) return true;  // the server did not say: let it judge
    for (const std::string& f : factors)
        if (f == kind) return true;
    return false;
}

bool keypad_char(const std::string& key) {
    if (key.size() != 1) return false;
    const char c = key[0];
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-';
}

constexpr size_t kMaxTypedCode = 32;
constexpr size_t kMaxTypedFactor = 12;

}  // namespace

LookupFlow::LookupFlow(const KioskConfig& config, const Clock& clock, LookupFlowOptions options)
    : s_(std::make_shared<State>(config, clock, std::move(options))) {
    s_->last_activity = clock.now();
}

LookupFlow::~LookupFlow() {
    std::lock_guard lock(s_->mutex);
    ++s_->generation;
}

void LookupFlow::open() {
    std::lock_guard lock(s_->mutex);
    clear_view_locked(*s_);
    s_->last_activity = s_->clock.now();
}

void LookupFlow::reset() {
    std::lock_guard lock(s_->mutex);
    clear_view_locked(*s_);
    s_->printing = false;  // a slip in the printer finishes; its outcome is no longer shown
    s_->last_payload.clear();
}

void LookupFlow::set_camera_available(bool available) {
    std::lock_guard lock(s_->mutex);
    s_->camera = available;
    s_->v.camera = available;
}

void LookupFlow::on_scan(std::string_view payload) {
    std::function<void()> request;
    {
        std::lock_guard lock(s_->mutex);
        const TimePoint now = s_->clock.now();
        if (payload == s_->last_payload && now - s_->last_payload_at < s_->o.repeat_window)
            return;  // the same code seen again: camera frames, scanner double reads
        s_->last_payload.assign(payload);
        s_->last_payload_at = now;
        s_->last_activity = now;
        if (s_->in_flight || s_->printing) return;  // one thing at a time

        const ScanPayload p =
            classify_payload(payload, {now, s_->config.ticket_url_template, s_->config.office_id});
        spdlog::info("lookup: scanned {}", to_log_string(p));
        const LookupStage stage = s_->v.stage;
        if (const DossierPayload* d = p.dossier()) {
            const std::string code = d->code.text();
            if (stage == LookupStage::Factor && code == s_->code) {
                // The receipt again while we ask for the factor: its SGT is the factor.
                if (d->owner_id.empty()) return;
                request = start_lookup_locked(s_, code, "id_number", d->owner_id.reveal());
            } else {
                request = d->owner_id.empty()
                              ? start_lookup_locked(s_, code, "", "")
                              : start_lookup_locked(s_, code, "id_number", d->owner_id.reveal());
            }
        } else if (const CitizenIdCard* card = p.citizen_id()) {
            if (stage == LookupStage::Factor && factor_allowed(s_->v.factors, "id_number")) {
                request = start_lookup_locked(s_, s_->code, "id_number", card->id_number.reveal());
            } else {
                if (stage != LookupStage::Factor) s_->v.stage = LookupStage::Scan;
                s_->v.problem = LookupProblem::CccdFirst;
            }
        } else if (const TicketRef* t = p.ticket()) {
            request = start_ticket_locked(s_, *t);
        } else if (const PayloadRejection* r = p.rejection()) {
            if (stage != LookupStage::Factor) {
                s_->v.stage = LookupStage::Scan;
                s_->v.typed.clear();
            }
            s_->v.problem = LookupProblem::ScanInvalid;
            s_->v.problem_hint_vi = r->hint_vi;
        }
    }
    if (request) request();
    wake(s_);
}

void LookupFlow::handle(const ui::Action& action) {
    std::function<void()> request;
    {
        std::lock_guard lock(s_->mutex);
        ui::LookupView& v = s_->v;
        const TimePoint now = s_->clock.now();
        s_->last_activity = now;
        switch (action.type) {
            case ui::ActionType::LookupKey: {
                if (v.stage != LookupStage::Scan && v.stage != LookupStage::Factor) break;
                const bool factor = v.stage == LookupStage::Factor;
                const std::string& key = action.arg;
                if (key == "back") {
                    if (!v.typed.empty()) v.typed.pop_back();
                } else if (key == "clear") {
                    v.typed.clear();
                } else if (key == "letters" && !factor) {
                    v.page = ui::KeypadPage::Letters;
                } else if (key == "digits") {
                    v.page = ui::KeypadPage::Digits;
                } else if (keypad_char(key)) {
                    const bool digit = key[0] >= '0' && key[0] <= '9';
                    if (factor && !digit) break;
                    if (v.typed.size() < (factor ? kMaxTypedFactor : kMaxTypedCode)) v.typed += key;
                }
                v.problem = LookupProblem::None;
                v.problem_hint_vi.clear();
                break;
            }
            case ui::ActionType::LookupSubmit:
                if (v.stage == LookupStage::Scan) {
                    const DossierCodeResult r = normalize_manual_dossier_code(v.typed, now);
                    if (r.ok()) {
                        request = start_lookup_locked(s_, r.code->text(), "", "");
                    } else {
                        spdlog::info("lookup: typed code refused: {}", r.reason);
                        v.problem = LookupProblem::TypedInvalid;
                    }
                } else if (v.stage == LookupStage::Factor) {
                    const size_t n = v.typed.size();
                    if (n == 12 && factor_allowed(v.factors, "id_number")) {
                        request = start_lookup_locked(s_, s_->code, "id_number", v.typed);
                    } else if (n >= 4 && n <= 8 && factor_allowed(v.factors, "lookup_code")) {
                        request = start_lookup_locked(s_, s_->code, "lookup_code", v.typed);
                    } else {
                        v.problem = LookupProblem::FactorLength;
                    }
                }
                break;
            case ui::ActionType::LookupAgain:
                clear_view_locked(*s_);
                break;
            case ui::ActionType::LookupRetry:
                if (!s_->code.empty() && !s_->in_flight)
                    request = start_lookup_locked(s_, s_->code, s_->factor_kind, s_->factor);
                break;
            case ui::ActionType::LookupPrintSlip: {
                if (v.stage != LookupStage::Result || s_->printing) break;
                s_->printing = true;
                v.slip = ui::SlipPhase::Printing;
                print::StatusSlip slip = to_status_slip(v.dossier);
                slip.office_name = s_->config.office_name_vi;
                if (v.from_cache) slip.cached_at = v.cached_at;
                slip.printed_at = local_datetime_vn(now);
                slip.footer = s_->config.ticket_footer_vi;
                const uint64_t gen = s_->generation;
                // Posted after the lock is released (a test's poster runs jobs inline).
                request = [self = s_, job = [w = WeakState(s_), gen, slip = std::move(slip)] {
                    const StatePtr s = w.lock();
                    if (!s) return;
                    PrintAttempt attempt;
                    try {
                        const MonoBitmap bitmap = print::render_status_slip(
                            slip, print::TicketRenderOptions::from_config(s->config.printer,
                                                                          s->config.display));
                        attempt = s->o.print_slip
                                      ? s->o.print_slip(bitmap, slip.code)
                                      : PrintAttempt::failed("no_printer", "no slip printer wired");
                    } catch (const std::exception& e) {
                        attempt = PrintAttempt::failed("render_failed", e.what());
                    }
                    if (attempt.ok)
                        spdlog::info("lookup: status slip for {} printed", slip.code);
                    else
                        spdlog::warn("lookup: status slip for {} not printed: {} — {}", slip.code,
                                     attempt.error_code, attempt.detail);
                    {
                        std::lock_guard guard(s->mutex);
                        s->printing = false;
                        s->last_activity = s->clock.now();
                        if (s->generation != gen) return;
                        s->v.slip = attempt.ok ? ui::SlipPhase::Printed : ui::SlipPhase::Failed;
                        s->v.slip_error_vi = attempt.citizen_vi;
                        s->v.slip_error_en = attempt.citizen_en;
                    }
                    wake(s);
                }]() mutable { self->o.post(std::move(job)); };
                break;
            }
            default:
                break;
        }
    }
    if (request) request();
}

ui::LookupView LookupFlow::view() const {
    std::lock_guard lock(s_->mutex);
    ui::LookupView v = s_->v;
    if (s_->cached_fetched_at)
        v.cached_minutes_ago = static_cast<int>(std::max<int64_t>(
            0, duration_cast<minutes>(s_->clock.now() - *s_->cached_fetched_at).count()));
    return v;
}

bool LookupFlow::idle_expired(TimePoint now) const {
    std::lock_guard lock(s_->mutex);
    if (s_->in_flight || s_->printing) return false;
    return now - s_->last_activity >= seconds(s_->config.idle_timeout_s);
}

TimePoint LookupFlow::idle_deadline() const {
    std::lock_guard lock(s_->mutex);
    return s_->last_activity + seconds(s_->config.idle_timeout_s);
}

bool LookupFlow::busy() const {
    std::lock_guard lock(s_->mutex);
    return s_->in_flight || s_->printing;
}

}  // namespace kiosk::app
