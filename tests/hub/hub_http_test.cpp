#include <doctest/doctest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "hub/event_log.h"
#include "hub/hub_fixture.h"
#include "kiosk/core/call_queue.h"
#include "kiosk/core/ticket_store.h"

using namespace kiosk;
using namespace kiosk::hub;
using Kind = HubEvent::Kind;
using namespace std::chrono;

namespace {

httplib::Result raw_post(const test::HubFixture& f, const std::string& path,
                         const std::string& body, const std::string& token) {
    httplib::Client c(f.url());
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return c.Post(path, h, body, "application/json");
}

std::string error_code(const httplib::Result& r) {
    auto j = nlohmann::json::parse(r->body, nullptr, false);
    if (j.is_discarded() || !j.contains("error")) return "<no error body: " + r->body + ">";
    return j["error"]["code"].get<std::string>();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

TEST_CASE("bad tokens are refused: missing, unknown, board acting, another counter's token") {
    test::HubFixture f(4);
    f.start();
    f.bulk_issue("a", 3);

    auto none = raw_post(f, "/lan/v1/counters/3/next", "{}", "");
    REQUIRE(none);
    CHECK(none->status == 401);
    CHECK(error_code(none) == "unauthorized");
    CHECK(none->body.find("message_vi") != std::string::npos);

    auto wrong = raw_post(f, "/lan/v1/counters/3/next", "{}", "not-a-known-token-000");
    CHECK(wrong->status == 401);

    HubClient board(f.client(test::HubFixture::board_token()));
    auto b = board.next(3);
    REQUIRE_FALSE(b);
    CHECK(b.error().code == HubErrorCode::Forbidden);
    CHECK(b.error().http_status == 403);
    CHECK(board.state().ok());  // but it may read

    HubClient c3(f.client(test::HubFixture::counter_token(3)));
    auto as4 = c3.next(4);
    REQUIRE_FALSE(as4);
    CHECK(as4.error().code == HubErrorCode::Forbidden);
    auto own = c3.next(3);
    REQUIRE(own);
    CHECK(own->ticket->counter == 3);

    HubClient kiosk(f.client(test::HubFixture::kiosk_token()));
    CHECK(kiosk.next(3).error().code == HubErrorCode::Forbidden);
    CHECK(c3.reserve_ticket("a", false).error().code == HubErrorCode::Forbidden);

    HubClient stranger(f.client("some-guessed-token-1234"));
    CHECK(stranger.state().error().code == HubErrorCode::Unauthorized);
}

TEST_CASE("bad requests get a 4xx JSON error body, never a crash") {
    test::HubFixture f(2);
    f.start();
    const std::string tok = test::HubFixture::counter_token(1);
    CHECK(error_code(raw_post(f, "/lan/v1/counters/1/call", "{not json", tok)) == "bad_request");
    CHECK(error_code(raw_post(f, "/lan/v1/counters/1/call", "{}", tok)) == "bad_request");
    CHECK(error_code(raw_post(f, "/lan/v1/counters/1/call", "[1]", tok)) == "bad_request");
    CHECK(error_code(raw_post(f, "/lan/v1/counters/1/pause", "{\"reason\":\"\"}", tok)) ==
          "bad_request");
    CHECK(error_code(raw_post(f, "/lan/v1/counters/1/transfer", "{}", tok)) == "bad_request");
    CHECK(error_code(raw_post(f, "/lan/v1/counters/1/pause", "{\"reason\":\"\xff\xfe\"}", tok)) ==
          "bad_request");
    auto big = raw_post(f, "/lan/v1/counters/1/pause", std::string(10000, 'x'), tok);
    REQUIRE(big);
    CHECK(big->status == 413);
    CHECK(error_code(big) == "bad_request");
    auto nowhere = raw_post(f, "/lan/v1/nowhere", "{}", tok);
    CHECK(nowhere->status == 404);
    HubClient c1(f.client(tok));
    CHECK(c1.recall(1).error().code == HubErrorCode::NoCurrentTicket);
    CHECK(c1.next(1).error().code == HubErrorCode::NothingWaiting);
    CHECK(c1.call_number(1, "9999").error().code == HubErrorCode::TicketNotFound);
    auto unknown = HubClient(f.client(test::HubFixture::counter_token(1)))
                       .transfer(1, TransferTarget{"nope", 0});
    CHECK(unknown.error().code == HubErrorCode::ServiceUnknown);
}

TEST_CASE("counter actions over HTTP: call, recall, no-show, hold, call back, transfer, pause") {
    test::HubFixture f(3, false, "[hub]\nmax_no_shows = 1\n");
    f.start();
    const auto n = f.bulk_issue("a", 4);
    HubClient c1(f.client(test::HubFixture::counter_token(1)));
    HubClient c2(f.client(test::HubFixture::counter_token(2)));

    auto r = c1.next(1);
    REQUIRE(r);
    CHECK(r->ticket->number == n[0]);
    REQUIRE(r->call);
    CHECK(r->call->kind == "call");
    CHECK(r->counter.current->number == n[0]);

    auto rc = c1.recall(1);
    REQUIRE(rc);
    CHECK(rc->call->kind == "recall");
    CHECK(rc->call->seq > r->call->seq);

    auto ns = c1.no_show(1);  // back in the line behind those already waiting (max 1)
    REQUIRE(ns);
    CHECK(ns->ticket->state == "issued");
    // Staff call the absent citizen again by number; a second miss drops the ticket.
    CHECK(c1.call_number(1, n[0])->ticket->number == n[0]);
    CHECK(c1.no_show(1)->ticket->state == "no_show");

    CHECK(c1.next(1)->ticket->number == n[1]);
    auto h = c1.hold(1);
    REQUIRE(h);
    CHECK(h->counter.held.size() == 1);
    CHECK(c2.next(2)->ticket->number == n[2]);
    auto back = c2.call_number(2, n[1]);  // counter 2 takes the ticket counter 1 held
    REQUIRE(back);
    CHECK(back->ticket->counter == 2);

    auto t = c2.transfer(2, TransferTarget{"b", 0});
    REQUIRE(t);
    CHECK(t->ticket->service_id == "b");
    CHECK(t->ticket->origin_service_id == "a");
    CHECK(t->ticket->number == n[1]);  // same number

    auto p = c1.pause(1, "Nghỉ trưa");
    REQUIRE(p);
    CHECK(p->counter.paused);
    CHECK(p->counter.pause_reason == "Nghỉ trưa");
    CHECK(c1.next(1).error().code == HubErrorCode::CounterPaused);
    CHECK_FALSE(c1.next(1).error().message_vi.empty());
    REQUIRE(c1.resume(1));
    CHECK(c1.next(1)->ticket->number == n[1]);  // transferred to b, which counter 1 serves
    auto fin = c1.finish(1);
    REQUIRE(fin);
    CHECK(fin->ticket->state == "served");

    auto s = c1.state();
    REQUIRE(s);
    CHECK(s->counters.size() == 3);
    CHECK(s->services.at(0).name_vi == "Hộ tịch");
    CHECK(s->notice_vi == "Quý khách vui lòng chờ đến lượt");
    CHECK(s->recent_calls.front().seq == s->last_call_seq);
    CHECK(s->counters.at(0).served_today == 1);
}

TEST_CASE("a second kiosk issues into the hub: reserve, printing, issued, void") {
    test::HubFixture f(2);
    f.start();
    HubClient kiosk(f.client(test::HubFixture::kiosk_token()));
    test::EventLog log;
    HubEventStream board(f.client(test::HubFixture::board_token()), log.callback());
    board.start();
    REQUIRE(log.wait_for([](const auto& ev) { return test::EventLog::count(ev, Kind::Snapshot); }));

    auto r = kiosk.reserve_ticket("a", true);
    REQUIRE(r);
    CHECK(r->ticket.state == "reserved");
    CHECK(r->ticket.priority);
    CHECK(kiosk.mark_printing(r->ticket.id)->state == "printing");
    CHECK(kiosk.mark_issued(r->ticket.id)->state == "issued");
    CHECK(kiosk.mark_issued(r->ticket.id).error().code == HubErrorCode::WrongState);
    CHECK(kiosk.mark_printing(424242).error().code == HubErrorCode::TicketNotFound);
    CHECK(kiosk.reserve_ticket("zz", false).error().code == HubErrorCode::ServiceUnknown);
    auto v = kiosk.reserve_ticket("a", false);
    REQUIRE(v);
    CHECK(kiosk.mark_void(v->ticket.id, "printer out of paper")->state == "void");

    // the board hears the new waiting count without anybody calling
    CHECK(log.wait_for([](const auto& ev) {
        for (const auto& e : ev)
            if (e.kind == Kind::Waiting && e.waiting.at(0).waiting == 1) return true;
        return false;
    }));
    HubClient c1(f.client(test::HubFixture::counter_token(1)));
    auto call = c1.next(1);
    REQUIRE(call);
    CHECK(call->ticket->number == r->ticket.number);
    CHECK(call->priority_call);
}

TEST_CASE("changes by another process on the same file reach the board (data_version poll)") {
    test::HubFixture f(2);
    f.start();
    test::EventLog log;
    HubEventStream board(f.client(test::HubFixture::board_token()), log.callback());
    board.start();
    REQUIRE(log.wait_for([](const auto& ev) { return test::EventLog::count(ev, Kind::Snapshot); }));
    f.bulk_issue("a", 5);  // its own connection, like a kiosk process would write
    CHECK(log.wait_for([](const auto& ev) {
        for (const auto& e : ev)
            if (e.kind == Kind::Waiting && e.waiting.at(0).waiting == 5) return true;
        return false;
    }));
}

TEST_CASE("50 concurrent counters call 10 000 tickets: none twice, none skipped, board hears all") {
    constexpr int kCounters = 50;
    constexpr int kTickets = 10000;
    test::HubFixture f(kCounters);
    f.start();
    const auto numbers = f.bulk_issue("a", kTickets);

    test::EventLog log;
    HubEventStream board(f.client(test::HubFixture::board_token()), log.callback());
    board.start();
    REQUIRE(log.wait_for([](const auto& ev) { return test::EventLog::count(ev, Kind::Snapshot); }));

    std::vector<std::vector<std::string>> got(kCounters);
    std::vector<std::vector<std::pair<int64_t, steady_clock::time_point>>> replied(kCounters);
    std::atomic<int> errors{0};
    std::mutex error_mu;
    std::string first_error;
    const auto t0 = steady_clock::now();
    std::vector<std::thread> threads;
    for (int i = 0; i < kCounters; ++i) {
        threads.emplace_back([&, i] {
            const int counter = i + 1;
            // Fifty back-to-back callers queue behind one disk sync each; on a loaded CI
            // machine a reply can take seconds, which is not what this test is about.
            hub::HubClientOptions o = f.client(test::HubFixture::counter_token(counter));
            o.request_timeout_ms = 60000;
            o.connect_timeout_ms = 30000;  // 50 connects at once on a busy 2-core machine
            HubClient c(o);
            for (;;) {
                auto r = c.next(counter);
                if (!r) {
                    if (r.error().code != HubErrorCode::NothingWaiting) {
                        ++errors;
                        std::lock_guard lock(error_mu);
                        first_error =
                            std::string(to_code_string(r.error().code)) + ": " + r.error().detail;
                    }
                    break;
                }
                got[i].push_back(r->ticket->number);
                replied[i].emplace_back(r->call->seq, steady_clock::now());
            }
        });
    }
    for (auto& t : threads)
        t.join();
    const double seconds = duration<double>(steady_clock::now() - t0).count();

    CHECK_MESSAGE(errors == 0, first_error);
    std::vector<std::string> all;
    for (const auto& g : got)
        all.insert(all.end(), g.begin(), g.end());
    CHECK(all.size() == numbers.size());  // none skipped…
    CHECK(std::set<std::string>(all.begin(), all.end()) ==
          std::set<std::string>(numbers.begin(), numbers.end()));  // …and none twice

    REQUIRE(log.wait_for([&](const auto& ev) {
        return test::EventLog::count(ev, Kind::Call) >= static_cast<size_t>(kTickets);
    }));
    const auto calls = log.calls();
    CHECK(calls.size() == static_cast<size_t>(kTickets));
    bool ordered = true;
    for (size_t i = 1; i < calls.size(); ++i)
        ordered = ordered && calls[i].seq > calls[i - 1].seq;
    CHECK(ordered);
    std::set<std::string> heard;
    for (const auto& c : calls)
        heard.insert(c.number);
    CHECK(heard.size() == static_cast<size_t>(kTickets));

    // call → board latency (reported, not asserted: timing belongs to bench/hub_bench)
    std::map<int64_t, steady_clock::time_point> reply_at;
    for (const auto& r : replied)
        for (const auto& [seq, at] : r)
            reply_at[seq] = at;
    const auto times = log.call_times();
    std::vector<double> lag_ms;
    for (size_t i = 0; i < calls.size(); ++i)
        if (auto it = reply_at.find(calls[i].seq); it != reply_at.end())
            lag_ms.push_back(duration<double, std::milli>(times[i] - it->second).count());
    MESSAGE("10 000 calls by 50 counters in " << seconds << " s; board receipt minus reply: p50 "
                                              << percentile(lag_ms, 0.5) << " ms, p99 "
                                              << percentile(lag_ms, 0.99) << " ms");
}

TEST_CASE("hub restart: counters and the board reconnect, calls made meanwhile are replayed") {
    test::HubFixture f(3);
    f.start();
    const auto n = f.bulk_issue("a", 10);
    test::EventLog log;
    HubEventStream board(f.client(test::HubFixture::board_token()), log.callback(),
                         HubEventStreamOptions{50, 300, 25000});
    board.start();
    REQUIRE(log.wait_for([](const auto& ev) { return test::EventLog::count(ev, Kind::Snapshot); }));
    HubClient c1(f.client(test::HubFixture::counter_token(1)));
    REQUIRE(c1.next(1));
    REQUIRE(c1.pause(1, "Họp giao ban"));
    REQUIRE(
        log.wait_for([](const auto& ev) { return test::EventLog::count(ev, Kind::Call) == 1; }));

    f.stop();
    REQUIRE(log.wait_for(
        [](const auto& ev) { return test::EventLog::count(ev, Kind::Disconnected) == 1; }));
    CHECK_FALSE(board.connected());
    CHECK(c1.resume(1).error().code == HubErrorCode::Unreachable);
    {  // while the hub is down another process calls (same file): the board must still hear it
        CallQueue direct(f.db_path(), f.config(), {});
        REQUIRE(direct.call_next(2, f.clock().now()).ok());
        REQUIRE(direct.call_next(3, f.clock().now()).ok());
    }
    f.start();  // same file, same port

    REQUIRE(
        log.wait_for([](const auto& ev) { return test::EventLog::count(ev, Kind::Call) >= 3; }));
    auto s = c1.state();  // the counter's client reconnects by itself
    REQUIRE(s);
    CHECK(s->counters.at(0).paused);
    CHECK(s->counters.at(0).pause_reason == "Họp giao ban");
    CHECK(s->counters.at(0).current->number == n[0]);
    REQUIRE(c1.resume(1));
    auto next = c1.next(1);
    REQUIRE(next);
    CHECK(next->ticket->number == n[3]);
    REQUIRE(
        log.wait_for([](const auto& ev) { return test::EventLog::count(ev, Kind::Call) >= 4; }));
    const auto calls = log.calls();
    REQUIRE(calls.size() == 4);  // each exactly once, in order
    CHECK(calls[0].number == n[0]);
    CHECK(calls[1].number == n[1]);
    CHECK(calls[1].counter == 2);
    CHECK(calls[2].number == n[2]);
    CHECK(calls[3].number == n[3]);
    for (size_t i = 1; i < calls.size(); ++i)
        CHECK(calls[i].seq == calls[i - 1].seq + 1);
    CHECK(test::EventLog::count(log.events(), Kind::Connected) == 2);
    CHECK(board.connected());
}

TEST_CASE("TLS: verified with the office CA, refused without it; events flow over HTTPS") {
    test::HubFixture f(2, true);
    f.start();
    f.bulk_issue("a", 2);
    HubClient c1(f.client(test::HubFixture::counter_token(1)));
    auto r = c1.next(1);
    REQUIRE_MESSAGE(r, r.error().detail);
    test::EventLog log;
    HubEventStream board(f.client(test::HubFixture::board_token()), log.callback());
    board.start();
    REQUIRE(log.wait_for([](const auto& ev) { return test::EventLog::count(ev, Kind::Snapshot); }));
    REQUIRE(c1.next(1));
    CHECK(log.wait_for([](const auto& ev) { return test::EventLog::count(ev, Kind::Call) == 1; }));

    auto no_ca = f.client(test::HubFixture::counter_token(1));
    no_ca.ca_file.clear();  // system bundle: does not know the office CA
    HubClient untrusting(no_ca);
    CHECK(untrusting.state().error().code == HubErrorCode::Unreachable);
    auto plain = f.client(test::HubFixture::counter_token(1));
    plain.url = "http://localhost:" + std::to_string(f.port());
    CHECK_FALSE(HubClient(plain).state().ok());
}

TEST_CASE("a retried action with the same Idempotency-Key is answered, not done twice") {
    test::HubFixture f(2);
    f.start();
    const auto n = f.bulk_issue("a", 3);
    const std::string tok = test::HubFixture::counter_token(1);
    auto post = [&](const std::string& key) {
        httplib::Client c(f.url());
        httplib::Headers h{{"Authorization", "Bearer " + tok}, {"Idempotency-Key", key}};
        auto r = c.Post("/lan/v1/counters/1/next", h, "{}", "application/json");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        return nlohmann::json::parse(r->body)["ticket"]["number"].get<std::string>();
    };
    CHECK(post("k-1") == n[0]);
    CHECK(post("k-1") == n[0]);  // the lost-reply retry
    CHECK(post("k-2") == n[1]);
    HubClient board(f.client(test::HubFixture::board_token()));
    CHECK(board.state()->services.at(0).waiting == 1);
}
