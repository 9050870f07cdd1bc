#include "kiosk/app/procedure_flow.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "kiosk/core/text_search.h"
#include "kiosk/print/checklist_slip.h"

namespace kiosk::app {
namespace {

constexpr size_t kMaxQuery = 40;    // characters on the search line
constexpr size_t kMaxResults = 50;  // drawn in the list; the count says when there are more
constexpr int kChannelDirect = 1;   // trực tiếp: what the counter behind the kiosk handles

// The catalogue as the guide uses it: only fields a kiosk service serves, and their
// procedures, with a search index over them. Built once per catalogue version.
struct Prepared {
    std::shared_ptr<const Catalog> catalog;
    std::vector<size_t> served;  // procedure indices, catalogue order
    ProcedureIndex index;
    std::vector<ui::ProcedureFieldItem> fields;
    std::map<std::string, const ServiceConfig*> service_for_field;
    std::map<std::string, std::string> field_name;  // code → the catalogue's Vietnamese name
};

std::shared_ptr<const Prepared> prepare(const KioskConfig& config,
                                        std::shared_ptr<const Catalog> catalog) {
    auto p = std::make_shared<Prepared>();
    p->catalog = std::move(catalog);
    if (!p->catalog) return p;
    for (const ServiceField& f : p->catalog->fields) {
        p->field_name[f.code] = f.name;
        for (const ServiceConfig& s : config.services)
            if (!s.field_code.empty() && s.field_code == f.code) {
                p->service_for_field.emplace(f.code, &s);
                break;
            }
    }
    std::map<std::string, int> per_field;
    const auto& procedures = p->catalog->procedures;
    for (size_t i = 0; i < procedures.size(); ++i)
        if (p->service_for_field.count(procedures[i].field_code)) {
            p->served.push_back(i);
            ++per_field[procedures[i].field_code];
        }
    // Fields in the catalogue's order (the office's own order).
    for (const ServiceField& f : p->catalog->fields) {
        const auto n = per_field.find(f.code);
        if (n == per_field.end()) continue;
        const ServiceConfig* s = p->service_for_field.at(f.code);
        p->fields.push_back({f.code, f.name, s->name_en.empty() ? f.name : s->name_en, n->second});
    }
    if (!p->served.empty()) p->index = ProcedureIndex(procedures, p->served);
    return p;
}

// 100000 → "100.000 đồng" (Vietnamese thousands dots).
std::string format_vnd(int64_t vnd) {
    const std::string digits = std::to_string(vnd);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    out += " đồng";
    return out;
}

}  // namespace

struct ProcedureFlow::State {
    State(const KioskConfig& c, const Clock& k, ProcedureFlowOptions opts)
        : config(c), clock(k), o(std::move(opts)) {}

    const KioskConfig& config;
    const Clock& clock;
    ProcedureFlowOptions o;

    mutable std::mutex mutex;
    mutable std::shared_ptr<const Prepared> prepared;  // the latest catalogue seen
    std::shared_ptr<const Prepared> shown;             // the catalogue the open guide uses
    ui::ProcedureView v;
    bool printing = false;
    uint64_t generation = 0;  // bumped by reset and every new detail: late slip answers dropped

    const Prepared& prepared_for(const std::shared_ptr<const Catalog>& catalog) const {
        if (!prepared || prepared->catalog != catalog) prepared = prepare(config, catalog);
        return *prepared;
    }

    ui::ProcedureItem item(size_t i) const {
        const Procedure& p = shown->catalog->procedures[i];
        ui::ProcedureItem it{p.code, p.name, {}, {}};
        for (const ui::ProcedureFieldItem& f : shown->fields)
            if (f.code == p.field_code) {
                it.field_vi = f.name_vi;
                it.field_en = f.name_en;
            }
        return it;
    }

    void run_search_locked() {
        v.results.clear();
        size_t total = 0;
        for (const size_t i : shown->index.search(v.query, kMaxResults, &total))
            v.results.push_back(item(i));
        v.total_results = static_cast<int>(total);
    }

    void show_field_locked(const std::string& code) {
        for (const ui::ProcedureFieldItem& f : shown->fields)
            if (f.code == code) {
                v.stage = ui::ProcedureStage::FieldList;
                v.field = f;
                v.items.clear();
                for (const size_t i : shown->served)
                    if (shown->catalog->procedures[i].field_code == code)
                        v.items.push_back(item(i));
                return;
            }
    }

    void show_detail_locked(const std::string& code, bool from_search) {
        for (const size_t i : shown->served) {
            const Procedure& p = shown->catalog->procedures[i];
            if (p.code != code) continue;
            const ui::ProcedureItem it = item(i);
            ui::ProcedureDetail d;
            d.code = p.code;
            d.name = p.name;
            d.field_vi = it.field_vi;
            d.field_en = it.field_en;
            d.agency = p.agency;
            d.result = p.result;
            for (const ChannelTerms& c : p.channels) {
                ui::ProcedureChannelLine line{c.channel, c.processing_time, c.fee_vnd == 0,
                                              c.fee_text};
                if (line.fee_text.empty() && !line.free) line.fee_text = format_vnd(c.fee_vnd);
                d.channels.push_back(std::move(line));
            }
            // Trực tiếp first: the citizen is standing in the office.
            std::stable_sort(d.channels.begin(), d.channels.end(),
                             [](const auto& a, const auto& b) { return a.channel < b.channel; });
            for (const RequiredDocument& doc : p.documents)
                d.documents.push_back({doc.name, doc.originals, doc.copies});
            const auto s = shown->service_for_field.find(p.field_code);
            d.can_issue = s != shown->service_for_field.end();
            if (d.can_issue) d.service_id = s->second->id;
            v.detail = std::move(d);
            v.stage = ui::ProcedureStage::Detail;
            v.from_search = from_search;
            v.slip = ui::SlipPhase::None;
            v.slip_error_vi.clear();
            v.slip_error_en.clear();
            ++generation;
            return;
        }
        spdlog::warn("procedure guide: procedure {} is not in the served catalogue", code);
    }

    void key_locked(const std::string& key) {
        std::string& q = v.query;
        if (key == "back") {
            if (!q.empty()) q.pop_back();
        } else if (key == "clear") {
            q.clear();
        } else if (key == "space") {
            if (!q.empty() && q.back() != ' ' && q.size() < kMaxQuery) q += ' ';
        } else if (key.size() == 1 && key[0] >= 'A' && key[0] <= 'Z') {
            if (q.size() < kMaxQuery) q += key;
        } else {
            return;
        }
        run_search_locked();
    }
};

namespace {

using StatePtr = std::shared_ptr<ProcedureFlow::State>;

// "Miễn phí", with the catalogue's own words after it when they add something ("Miễn lệ phí"
// adds nothing).
std::string free_fee_text(const std::string& catalogue_words) {
    if (catalogue_words.empty() || catalogue_words.find("Miễn") != std::string::npos)
        return "Miễn phí";
    return "Miễn phí (" + catalogue_words + ")";
}
using WeakState = std::weak_ptr<ProcedureFlow::State>;

print::ChecklistSlip to_checklist(const ui::ProcedureDetail& d, const KioskConfig& config,
                                  TimePoint now) {
    print::ChecklistSlip slip;
    slip.office_name = config.office_name_vi;
    slip.procedure_name = d.name;
    slip.procedure_code = d.code;
    slip.field_name = d.field_vi;
    slip.agency = d.agency;
    for (const ui::ProcedureDocumentLine& doc : d.documents)
        slip.documents.push_back({doc.name, doc.originals, doc.copies});
    // The counter's terms (trực tiếp), else the first channel listed.
    const ui::ProcedureChannelLine* terms = nullptr;
    for (const auto& c : d.channels)
        if (c.channel == kChannelDirect) terms = &c;
    if (!terms && !d.channels.empty()) terms = &d.channels.front();
    if (terms) {
        slip.processing_time = terms->processing_time;
        slip.fee = terms->free ? free_fee_text(terms->fee_text) : terms->fee_text;
    }
    slip.result = d.result;
    slip.printed_at = local_datetime_vn(now);
    return slip;
}

}  // namespace

ProcedureFlow::ProcedureFlow(const KioskConfig& config, const Clock& clock,
                             ProcedureFlowOptions options)
    : s_(std::make_shared<State>(config, clock, std::move(options))) {}

ProcedureFlow::~ProcedureFlow() = default;

bool ProcedureFlow::available(const std::shared_ptr<const Catalog>& catalog) const {
    if (!catalog) return false;
    std::lock_guard lock(s_->mutex);
    return !s_->prepared_for(catalog).served.empty();
}

bool ProcedureFlow::open(std::shared_ptr<const Catalog> catalog) {
    if (!catalog) return false;
    std::lock_guard lock(s_->mutex);
    const Prepared& p = s_->prepared_for(catalog);
    if (p.served.empty()) return false;
    s_->shown = s_->prepared;
    s_->v = {};
    s_->v.fields = p.fields;
    ++s_->generation;
    return true;
}

void ProcedureFlow::reset() {
    std::lock_guard lock(s_->mutex);
    s_->v = {};
    s_->shown.reset();
    ++s_->generation;
}

ProcedureRequest ProcedureFlow::handle(const ui::Action& action) {
    if (action.type != ui::ActionType::Procedures) return {};
    const std::string& arg = action.arg;
    ProcedureRequest request;
    std::function<void()> print_job;
    {
        std::lock_guard lock(s_->mutex);
        if (!s_->shown) return {};
        ui::ProcedureView& v = s_->v;
        if (arg.rfind("field:", 0) == 0) {
            s_->show_field_locked(arg.substr(6));
        } else if (arg == "search") {
            v.stage = ui::ProcedureStage::Search;
            s_->run_search_locked();
        } else if (arg.rfind("key:", 0) == 0) {
            if (v.stage == ui::ProcedureStage::Search) s_->key_locked(arg.substr(4));
        } else if (arg.rfind("open:", 0) == 0) {
            s_->show_detail_locked(arg.substr(5), v.stage == ui::ProcedureStage::Search);
        } else if (arg == "back") {
            switch (v.stage) {
                case ui::ProcedureStage::Fields:
                    break;
                case ui::ProcedureStage::Search:
                case ui::ProcedureStage::FieldList:
                    v.stage = ui::ProcedureStage::Fields;
                    break;
                case ui::ProcedureStage::Detail:
                    // Back to where the citizen came from; the query is kept.
                    if (v.from_search) {
                        v.stage = ui::ProcedureStage::Search;
                    } else {
                        v.stage = ui::ProcedureStage::Fields;
                        if (!v.field.code.empty()) s_->show_field_locked(v.field.code);
                    }
                    ++s_->generation;
                    break;
            }
        } else if (arg == "issue") {
            if (v.stage == ui::ProcedureStage::Detail && v.detail.can_issue) {
                request.issue_service_id = v.detail.service_id;
                spdlog::info("procedure guide: ticket for {} asked from procedure {}",
                             v.detail.service_id, v.detail.code);
            }
        } else if (arg == "print") {
            if (v.stage == ui::ProcedureStage::Detail && !s_->printing) {
                s_->printing = true;
                v.slip = ui::SlipPhase::Printing;
                const uint64_t gen = s_->generation;
                print_job = [w = WeakState(s_), gen,
                             slip = to_checklist(v.detail, s_->config, s_->clock.now())] {
                    const StatePtr s = w.lock();
                    if (!s) return;
                    PrintAttempt attempt;
                    try {
                        const MonoBitmap bitmap = print::render_checklist_slip(
                            slip, print::TicketRenderOptions::from_config(s->config.printer,
                                                                          s->config.display));
                        attempt = s->o.print_slip
                                      ? s->o.print_slip(bitmap, "checklist-" + slip.procedure_code)
                                      : PrintAttempt::failed("no_printer", "no slip printer wired");
                    } catch (const std::exception& e) {
                        attempt = PrintAttempt::failed("render_failed", e.what());
                    }
                    if (attempt.ok)
                        spdlog::info("procedure guide: checklist for {} printed",
                                     slip.procedure_code);
                    else
                        spdlog::warn("procedure guide: checklist for {} not printed: {} — {}",
                                     slip.procedure_code, attempt.error_code, attempt.detail);
                    {
                        std::lock_guard guard(s->mutex);
                        s->printing = false;
                        if (s->generation != gen) return;
                        s->v.slip = attempt.ok ? ui::SlipPhase::Printed : ui::SlipPhase::Failed;
                        s->v.slip_error_vi = attempt.citizen_vi;
                        s->v.slip_error_en = attempt.citizen_en;
                    }
                    if (s->o.wake) s->o.wake();
                };
            }
        }
    }
    if (print_job) s_->o.post(std::move(print_job));  // after the lock: tests run jobs inline
    return request;
}

ui::ProcedureView ProcedureFlow::view() const {
    std::lock_guard lock(s_->mutex);
    return s_->v;
}

bool ProcedureFlow::printing() const {
    std::lock_guard lock(s_->mutex);
    return s_->printing;
}

}  // namespace kiosk::app
