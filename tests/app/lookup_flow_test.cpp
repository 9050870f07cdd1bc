// LookupFlow with a fake dossier server: every payload kind, the second factor, offline with and
// without the cache, the kiosk's own ticket QR, the status slip and the idle return.
#include <doctest/doctest.h>

#include <deque>
#include <optional>

#include "kiosk/app/lookup_dossier.h"
#include "kiosk/app/lookup_flow.h"
#include "kiosk/core/dossier_cache.h"
#include "kiosk/core/ticket_store.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::app;
using namespace std::chrono;
using ui::LookupStage;

namespace {

const char* const kCode = "000.00.21.H41-251120-0007";
const char* const kCccd =
    "040095001234|187654321|Nguyễn Văn An|15061995|Nam|Xóm 3, Nghi Lộc, Nghệ An|10082021";

TimePoint at(int y, int mo, int d, int h, int mi) {
    return from_local({y, mo, d, h, mi, 0, 0});
}

KioskConfig demo_config() {
    ConfigResult r = parse_config(embedded_demo_config(), "demo");
    REQUIRE(r.ok());
    return *r.config;
}

sync::Dossier sample_dossier(const std::string& code = kCode) {
    sync::Dossier d;
    d.code = code;
    d.status = {4, "Đang xử lý", "Đang thẩm định hồ sơ"};
    d.procedure_code = "1.004227";
    d.procedure_name = "Cấp giấy chứng nhận quyền sử dụng đất lần đầu";
    d.owner_masked = "N. V. A***";
    d.received_at = "2025-11-20T09:14:00+07:00";
    d.appointment_at = "2025-12-18T16:00:00+07:00";
    d.handling_unit = "Văn phòng Đăng ký đất đai tỉnh Nghệ An";
    d.current_step = "Thẩm định hồ sơ";
    d.pickup_place = "Quầy 04";
    d.history = {{"2025-11-20T09:14:00+07:00", "Bộ phận Một cửa", "Tiếp nhận hồ sơ", "VP ĐKĐĐ"},
                 {"2025-11-21T10:30:00+07:00", "VP ĐKĐĐ", "Thẩm định hồ sơ", ""}};
    return d;
}

sync::LookupResult found(const sync::Dossier& d = sample_dossier()) {
    sync::LookupResult r;
    r.kind = sync::LookupResult::Kind::Found;
    r.dossier = d;
    return r;
}

sync::LookupResult kind(sync::LookupResult::Kind k, std::vector<std::string> factors = {}) {
    sync::LookupResult r;
    r.kind = k;
    r.factors = std::move(factors);
    return r;
}

// A dossier server that answers from a script, at once or when told to.
struct FakeServer {
    struct Call {
        std::string code, kind, factor;
    };
    std::vector<Call> calls;
    std::deque<sync::LookupResult> answers;  // answered at once, in order
    bool hold = false;                       // keep the callback for answer_held()
    std::function<void(const sync::LookupResult&)> held;

    DossierLookupFn fn() {
        return [this](const std::string& code, const std::string& k, const std::string& factor,
                      std::function<void(const sync::LookupResult&)> done) {
            calls.push_back({code, k, factor});
            if (hold || answers.empty()) {
                held = std::move(done);
                return;
            }
            const sync::LookupResult r = answers.front();
            answers.pop_front();
            done(r);
        };
    }
    void answer_held(const sync::LookupResult& r) {
        REQUIRE(held);
        auto done = std::move(held);
        held = nullptr;
        done(r);
    }
};

struct Fixture {
    test::TempDir dir{"lookup-flow"};
    KioskConfig config = demo_config();
    ManualClock clock{at(2026, 11, 27, 9, 12)};
    FakeServer server;
    int wakes = 0;
    std::vector<MonoBitmap> printed;
    PrintAttempt print_result = PrintAttempt::printed();
    std::unique_ptr<LookupFlow> flow;

    // db: another fixture's store (the same kiosk restarted without a server).
    explicit Fixture(bool with_server = true, const std::string& db = "") {
        LookupFlowOptions o;
        if (with_server) o.lookup = server.fn();
        o.post = [](std::function<void()> job) { job(); };  // the worker, inline
        o.print_slip = [this](const MonoBitmap& b, const std::string&) {
            printed.push_back(b);
            return print_result;
        };
        o.db_path = db.empty() ? dir.file("queue.db") : db;
        o.wake = [this] { ++wakes; };
        flow = std::make_unique<LookupFlow>(config, clock, std::move(o));
        flow->open();
    }
    ui::LookupView view() const { return flow->view(); }
    void key(const std::string& k) { flow->handle({ui::ActionType::LookupKey, k}); }
    void type(const std::string& keys) {
        for (char c : keys)
            key(std::string(1, c));
    }
    void act(ui::ActionType t) { flow->handle({t, ""}); }
};

}  // namespace

TEST_CASE("a bare receipt code is looked up and the answer shown in plain terms") {
    Fixture f;
    f.server.answers.push_back(found());
    f.flow->on_scan(kCode);
    REQUIRE(f.server.calls.size() == 1);
    CHECK(f.server.calls[0].code == kCode);
    CHECK(f.server.calls[0].factor.empty());
    const ui::LookupView v = f.view();
    REQUIRE(v.stage == LookupStage::Result);
    CHECK(v.dossier.status_code == 4);
    CHECK(v.dossier.appointment_date == "18/12/2025");
    CHECK(v.dossier.appointment_time == "16:00");
    CHECK(v.dossier.received_date == "20/11/2025");
    CHECK_FALSE(v.from_cache);
    REQUIRE(v.dossier.history.size() == 2);
    CHECK(v.dossier.history[0].action == "Thẩm định hồ sơ");  // latest first
    CHECK(v.dossier.history[0].when == "21/11/2025 10:30");
    CHECK(f.wakes > 0);
    // Answered without a factor: kept for offline use.
    const DossierCache cache(f.dir.file("queue.db"));
    REQUIRE(cache.get(kCode));
    std::string error;
    const auto back = dossier_from_json(cache.get(kCode)->body, error);
    INFO(error);
    REQUIRE(back.has_value());
    CHECK(back->appointment_at == sample_dossier().appointment_at);
    CHECK(back->history.size() == 2);
}

TEST_CASE("a receipt URL's owner ID goes along as the factor and the answer is not cached") {
    Fixture f;
    f.server.answers.push_back(found());
    f.flow->on_scan(std::string("https://dvc.example.gov.vn/tra-cuu?SGT=040095001234&MHS=") +
                    kCode);
    REQUIRE(f.server.calls.size() == 1);
    CHECK(f.server.calls[0].kind == "id_number");
    CHECK(f.server.calls[0].factor == "040095001234");
    CHECK(f.view().stage == LookupStage::Result);
    CHECK_FALSE(DossierCache(f.dir.file("queue.db")).get(kCode));
}

TEST_CASE("the server asks for a second factor: typed ID number, lookup code, wrong answers") {
    Fixture f;
    f.server.answers.push_back(
        kind(sync::LookupResult::Kind::NeedsFactor, {"id_number", "lookup_code"}));
    f.flow->on_scan(kCode);
    REQUIRE(f.view().stage == LookupStage::Factor);
    CHECK(f.view().factors.size() == 2);

    f.type("12A3");  // letters are not accepted on the factor keypad
    CHECK(f.view().typed == "123");
    f.act(ui::ActionType::LookupSubmit);  // 3 digits: neither kind
    CHECK(f.view().problem == ui::LookupProblem::FactorLength);
    CHECK(f.server.calls.size() == 1);

    f.key("clear");
    f.type("040095001234");
    f.server.answers.push_back(
        kind(sync::LookupResult::Kind::FactorMismatch, {"id_number", "lookup_code"}));
    f.act(ui::ActionType::LookupSubmit);
    REQUIRE(f.server.calls.size() == 2);
    CHECK(f.server.calls[1].code == kCode);
    CHECK(f.server.calls[1].kind == "id_number");
    CHECK(f.server.calls[1].factor == "040095001234");
    CHECK(f.view().stage == LookupStage::Factor);
    CHECK(f.view().problem == ui::LookupProblem::FactorWrong);
    CHECK(f.view().typed.empty());  // the wrong number does not stay on screen

    f.type("7919");
    f.server.answers.push_back(found());
    f.act(ui::ActionType::LookupSubmit);
    REQUIRE(f.server.calls.size() == 3);
    CHECK(f.server.calls[2].kind == "lookup_code");
    CHECK(f.view().stage == LookupStage::Result);
    CHECK_FALSE(DossierCache(f.dir.file("queue.db")).get(kCode));  // behind a factor: not kept
}

TEST_CASE("a CCCD card is only a second factor") {
    Fixture f;
    f.flow->on_scan(kCccd);
    CHECK(f.server.calls.empty());
    CHECK(f.view().stage == LookupStage::Scan);
    CHECK(f.view().problem == ui::LookupProblem::CccdFirst);

    f.server.answers.push_back(kind(sync::LookupResult::Kind::NeedsFactor, {"id_number"}));
    f.flow->on_scan(kCode);
    REQUIRE(f.view().stage == LookupStage::Factor);
    f.server.answers.push_back(found());
    f.flow->on_scan(kCccd);
    REQUIRE(f.server.calls.size() == 2);
    CHECK(f.server.calls[1].kind == "id_number");
    CHECK(f.server.calls[1].factor == "040095001234");
    CHECK(f.view().stage == LookupStage::Result);
}

TEST_CASE("anything else is refused with the parser's Vietnamese hint") {
    Fixture f;
    f.flow->on_scan("https://dvc.example.gov.vn/apiqr/qr?id=12345");
    CHECK(f.server.calls.empty());
    const ui::LookupView v = f.view();
    CHECK(v.stage == LookupStage::Scan);
    CHECK(v.problem == ui::LookupProblem::ScanInvalid);
    CHECK(v.problem_hint_vi.find("Mã không hợp lệ") != std::string::npos);
    f.key("1");  // typing clears the problem
    CHECK(f.view().problem == ui::LookupProblem::None);
}

TEST_CASE("the keypad is forgiving of separators and refuses an incomplete code") {
    Fixture f;
    f.type("0000021H412511200007");  // no separators at all
    f.server.answers.push_back(found());
    f.act(ui::ActionType::LookupSubmit);
    REQUIRE(f.server.calls.size() == 1);
    CHECK(f.server.calls[0].code == kCode);

    f.act(ui::ActionType::LookupAgain);
    CHECK(f.view().stage == LookupStage::Scan);
    f.key("letters");
    CHECK(f.view().page == ui::KeypadPage::Letters);
    f.type("H41-2511");
    f.key("back");
    CHECK(f.view().typed == "H41-251");
    f.act(ui::ActionType::LookupSubmit);
    CHECK(f.server.calls.size() == 1);
    CHECK(f.view().problem == ui::LookupProblem::TypedInvalid);
}

TEST_CASE("offline: the cached answer with its age, or a plain message; retry asks again") {
    Fixture f;
    f.server.answers.push_back(found());
    f.flow->on_scan(kCode);
    REQUIRE(f.view().stage == LookupStage::Result);
    f.act(ui::ActionType::LookupAgain);

    f.clock.advance(hours(2));
    f.server.answers.push_back(kind(sync::LookupResult::Kind::Unavailable));
    f.flow->on_scan(kCode);  // outside the repeat window: a new lookup
    REQUIRE(f.server.calls.size() == 2);
    ui::LookupView v = f.view();
    REQUIRE(v.stage == LookupStage::Result);
    CHECK(v.from_cache);
    CHECK(v.cached_at == "09:12 27/11/2026");
    CHECK(v.cached_minutes_ago == 120);
    CHECK(v.dossier.status_code == 4);

    // Another code, never seen: nothing to show but the plain message.
    f.act(ui::ActionType::LookupAgain);
    f.server.answers.push_back(kind(sync::LookupResult::Kind::Unavailable));
    f.flow->on_scan("H41.22.10.01-251103-0012");
    v = f.view();
    CHECK(v.stage == LookupStage::Message);
    CHECK(v.message == ui::LookupMessage::Offline);
    f.server.answers.push_back(found(sample_dossier("H41.22.10.01-251103-0012")));
    f.act(ui::ActionType::LookupRetry);
    REQUIRE(f.server.calls.size() == 4);
    CHECK(f.server.calls[3].code == "H41.22.10.01-251103-0012");
    CHECK(f.view().stage == LookupStage::Result);
    CHECK_FALSE(f.view().from_cache);
}

TEST_CASE("without a dossier server the cache still answers; not found is said plainly") {
    {
        Fixture f;
        f.server.answers.push_back(found());
        f.flow->on_scan(kCode);  // fills the cache
        Fixture g(false, f.dir.file("queue.db"));
        g.flow->on_scan(kCode);
        CHECK(g.view().stage == LookupStage::Result);
        CHECK(g.view().from_cache);
        g.act(ui::ActionType::LookupAgain);
        g.flow->on_scan("H41.22.10.01-251103-0012");  // never looked up: nothing kept
        CHECK(g.view().stage == LookupStage::Message);
        CHECK(g.view().message == ui::LookupMessage::NotConfigured);
    }
    Fixture f;
    f.server.answers.push_back(kind(sync::LookupResult::Kind::NotFound));
    f.flow->on_scan(kCode);
    CHECK(f.view().stage == LookupStage::Message);
    CHECK(f.view().message == ui::LookupMessage::NotFound);
    CHECK(f.view().code == kCode);
    f.server.answers.push_back(kind(sync::LookupResult::Kind::RateLimited));
    f.act(ui::ActionType::LookupRetry);
    CHECK(f.view().message == ui::LookupMessage::RateLimited);
}

TEST_CASE(
    "idle: home after the timeout, never while a request is in flight; late answers dropped") {
    Fixture f;
    f.server.hold = true;
    f.flow->on_scan(kCode);
    CHECK(f.view().stage == LookupStage::Looking);
    CHECK(f.flow->busy());
    f.clock.advance(seconds(f.config.idle_timeout_s + 5));
    CHECK_FALSE(f.flow->idle_expired(f.clock.now()));
    f.server.answer_held(found());
    CHECK(f.view().stage == LookupStage::Result);
    // The countdown restarts when the answer arrives: the citizen is reading.
    f.clock.advance(seconds(f.config.idle_timeout_s - 1));
    CHECK_FALSE(f.flow->idle_expired(f.clock.now()));
    f.clock.advance(seconds(1));
    CHECK(f.flow->idle_expired(f.clock.now()));
    CHECK(f.flow->idle_deadline() <= f.clock.now());

    f.flow->reset();  // the controller went home
    f.flow->open();
    f.flow->on_scan("H41.22.10.01-251103-0012");
    f.flow->reset();
    f.server.answer_held(found());  // arrives after the citizen left
    CHECK(f.view().stage == LookupStage::Scan);
    CHECK(f.view().dossier.code.empty());
}

TEST_CASE("the same payload read twice in a row is looked up once") {
    Fixture f;
    f.server.answers.push_back(found());
    f.server.answers.push_back(found());
    f.flow->on_scan(kCode);
    f.flow->on_scan(kCode);
    f.clock.advance(milliseconds(500));
    f.flow->on_scan(kCode);
    CHECK(f.server.calls.size() == 1);
}

TEST_CASE("the kiosk's own ticket QR shows the ticket's place in today's queue") {
    Fixture f;
    const ServiceConfig& svc = f.config.services.front();
    TicketStore store(f.dir.file("queue.db"));
    std::string mine;
    for (int i = 0; i < 3; ++i) {
        const ReserveResult r = store.reserve({&svc, false, f.clock.now()});
        REQUIRE(r.reservation);
        store.mark_printing(r.reservation->ticket.id);
        store.mark_issued(r.reservation->ticket.id, f.clock.now());
        mine = r.reservation->ticket.number;
        f.clock.advance(seconds(1));
    }
    const std::string url = "https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/" + mine;
    f.flow->on_scan(url);
    ui::LookupView v = f.view();
    REQUIRE(v.stage == LookupStage::TicketPlace);
    CHECK(v.ticket.number == mine);
    CHECK(v.ticket.people_ahead == 2);
    CHECK(v.ticket.service_vi == svc.name_vi);
    CHECK(v.ticket.waiting);
    CHECK(f.server.calls.empty());

    f.act(ui::ActionType::LookupAgain);
    f.flow->on_scan("https://dichvucong.example.gov.vn/hang-doi/nghean/20261126/" + mine);
    CHECK(f.view().stage == LookupStage::Message);
    CHECK(f.view().message == ui::LookupMessage::TicketNotToday);
    f.act(ui::ActionType::LookupAgain);
    f.flow->on_scan("https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/9999");
    CHECK(f.view().message == ui::LookupMessage::TicketUnknown);
}

TEST_CASE("\"In phiếu\" renders the status slip and prints it on the worker") {
    Fixture f;
    f.server.answers.push_back(found());
    f.flow->on_scan(kCode);
    f.act(ui::ActionType::LookupPrintSlip);
    REQUIRE(f.printed.size() == 1);
    CHECK(f.printed[0].width() == f.config.printer.dots);
    CHECK(f.printed[0].height() > 400);
    CHECK(f.view().slip == ui::SlipPhase::Printed);

    f.print_result = PrintAttempt::failed("paper_out", "sensor");
    f.print_result.citizen_vi = "Máy in hết giấy.";
    f.act(ui::ActionType::LookupPrintSlip);
    CHECK(f.printed.size() == 2);
    CHECK(f.view().slip == ui::SlipPhase::Failed);
    CHECK(f.view().slip_error_vi == "Máy in hết giấy.");
}

TEST_CASE("Quá hạn: past the appointment and not finished, even when the server did not say so") {
    const TimePoint now = sys_days{2026y / 11 / 27} + 2h;  // 09:00 local
    sync::Dossier d = sample_dossier();
    d.overdue = false;
    d.appointment_at = "2026-11-27T08:59:00+07:00";  // a minute ago
    CHECK(to_dossier_view(d, now).overdue);
    d.status.code = 9;  // result ready: finished, never overdue by the kiosk's rule
    CHECK_FALSE(to_dossier_view(d, now).overdue);
    d.status.code = 4;
    d.appointment_at = "2026-11-27T16:30:00+07:00";  // later today
    CHECK_FALSE(to_dossier_view(d, now).overdue);
    d.overdue = true;  // the server knows better (e.g. a step ran over its own deadline)
    CHECK(to_dossier_view(d, now).overdue);
}
