#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "kiosk/hub/hub_tokens.h"
#include "kiosk/hub/lan_json.h"
#include "kiosk/hub/sse_parser.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::hub;

TEST_CASE("SSE parser: split chunks, CRLF, comments, multi-line data, ids") {
    std::vector<SseEvent> got;
    SseParser p([&](SseEvent e) { got.push_back(std::move(e)); });
    const std::string stream =
        ": keep-alive\r\n\r\nid: 7\r\nevent: call\r\ndata: {\"a\":1}\r\n\r\n"
        "event: waiting\ndata: line1\ndata: line2\n\nid: 8\ndata:x\n\n";
    for (char c : stream)  // one byte at a time: every split point
        p.feed(&c, 1);
    REQUIRE(got.size() == 3);
    CHECK(got[0].id == std::optional<std::string>("7"));
    CHECK(got[0].event == "call");
    CHECK(got[0].data == "{\"a\":1}");
    CHECK_FALSE(got[1].id);
    CHECK(got[1].event == "waiting");
    CHECK(got[1].data == "line1\nline2");
    CHECK(got[2].event == "message");
    CHECK(got[2].data == "x");
}

TEST_CASE("tokens file: roles, comments, bad lines named without echoing the token") {
    std::vector<std::string> errors;
    auto t = HubTokens::parse(
        "# comment\ncounter:3   aaaaaaaaaaaaaaaa1111\nboard bbbbbbbbbbbbbbbb2222 # tv\n"
        "kiosk kkkkkkkkkkkkkkkk3333\ncounter:0 zzzzzzzzzzzzzzzzzzzz\nboard short\n"
        "admin xxxxxxxxxxxxxxxxxxxx\ncounter:4\n",
        "tokens", errors);
    CHECK(t.size() == 3);
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].find("tokens:5: role must be counter:N") == 0);
    CHECK(errors[1].find("tokens:6: token must be 16-128") == 0);
    CHECK(errors[1].find("short") == std::string::npos);
    CHECK(errors[2].find("tokens:7:") == 0);
    CHECK(errors[3].find("tokens:8: expected two fields") == 0);
    auto c = t.find("aaaaaaaaaaaaaaaa1111");
    REQUIRE(c);
    CHECK(c->role == Role::Counter);
    CHECK(c->counter == 3);
    CHECK(t.find_authorization("Bearer bbbbbbbbbbbbbbbb2222")->role == Role::Board);
    CHECK_FALSE(t.find_authorization("bbbbbbbbbbbbbbbb2222"));  // no scheme
    CHECK_FALSE(t.find("aaaaaaaaaaaaaaaa111"));                 // prefix of a token
    CHECK_FALSE(t.find(""));
}

TEST_CASE("tokens file must not be readable by others") {
    test::TempDir dir;
    const std::string path = dir.file("tokens");
    std::ofstream(path) << "board bbbbbbbbbbbbbbbb2222\n";
    chmod(path.c_str(), 0644);
    std::vector<std::string> errors;
    CHECK_FALSE(HubTokens::load(path, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("chmod 600") != std::string::npos);
    chmod(path.c_str(), 0600);
    errors.clear();
    auto t = HubTokens::load(path, errors);
    REQUIRE(t);
    CHECK(t->size() == 1);
    errors.clear();
    CHECK_FALSE(HubTokens::load(dir.file("missing"), errors));
    CHECK(errors.size() == 1);
}

TEST_CASE("LAN JSON: state round trip, error body with Vietnamese wording") {
    HubState s;
    s.business_date = "2026-11-28";
    s.services.push_back({"a", "Hộ tịch", "Civil status", 4});
    CounterInfo c;
    c.number = 3;
    c.paused = true;
    c.pause_reason = "Nghỉ trưa";
    LanTicket t;
    t.id = 9;
    t.number = "1005";
    t.state = "called";
    c.current = t;
    s.counters.push_back(c);
    s.recent_calls.push_back({12, 9, "1005", "a", 3, "recall", true, 77});
    s.notice_vi = "Xin chào";
    const nlohmann::json j = s;
    const HubState back = j.get<HubState>();
    CHECK(back.services.at(0).name_vi == "Hộ tịch");
    CHECK(back.counters.at(0).pause_reason == "Nghỉ trưa");
    CHECK(back.counters.at(0).current->number == "1005");
    CHECK(back.recent_calls.at(0).kind == "recall");
    CHECK(back.recent_calls.at(0).priority);
    CHECK(back.notice_vi == "Xin chào");

    const HubError e =
        parse_error_body(409, error_body(make_hub_error(HubErrorCode::NothingWaiting)).dump());
    CHECK(e.code == HubErrorCode::NothingWaiting);
    CHECK(e.message_vi == "Không còn ai đang chờ.");
    CHECK(e.http_status == 409);
    const HubError junk = parse_error_body(401, "<html>");
    CHECK(junk.code == HubErrorCode::Unauthorized);
    CHECK_FALSE(junk.message_vi.empty());
}
