#include "lan_rating_fuzz_body.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "kiosk/core/call_queue.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/ticket_store.h"
#include "kiosk/hub/hub_ratings.h"
#include "support/minimal_config.h"

namespace kiosk::test {

struct LanRatingFuzzBody::State {
    std::filesystem::path dir;
    KioskConfig config;
    SystemClock clock;
    std::unique_ptr<hub::LanRatings> ratings;
    std::string db;
};

LanRatingFuzzBody::LanRatingFuzzBody() : state_(std::make_unique<State>()) {
    State& s = *state_;
    char pattern[] = "/tmp/fuzz-lan-rating-XXXXXX";
    if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
    s.dir = pattern;
    s.db = (s.dir / "queue.db").string();
    ConfigResult parsed = parse_config(kMinimalConfig, "<fuzz>");
    if (!parsed.ok()) throw std::runtime_error("minimal config rejected");
    s.config = *parsed.config;
    const ServiceConfig* service = s.config.find_service("ho-tich");
    {
        TicketStore store(s.db);
        for (int i = 0; i < 20; ++i) {
            const ReserveResult r = store.reserve({service, false, s.clock.now()});
            if (!r.reservation) throw std::runtime_error("reserve failed");
            store.mark_printing(r.reservation->ticket.id);
            store.mark_issued(r.reservation->ticket.id, s.clock.now());
        }
    }
    CallQueue queue(s.db, s.config, CallQueueOptions{});
    for (int i = 0; i < 20; ++i)  // counter 1 serves all twenty
        if (!queue.call_next(1, s.clock.now()).ok() || !queue.finish(1, s.clock.now()).ok())
            throw std::runtime_error("serving the fuzz tickets failed");
    s.ratings = std::make_unique<hub::LanRatings>(s.db, s.clock);
}

LanRatingFuzzBody::~LanRatingFuzzBody() {
    std::error_code ignored;
    std::filesystem::remove_all(state_->dir, ignored);
}

std::string LanRatingFuzzBody::run(std::string_view body) {
    State& s = *state_;
    // The hub answers 400 to bodies that are not JSON before they reach LanRatings.
    const nlohmann::json j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded()) return {};
    const int64_t before = Outbox(s.db).depth();
    const hub::LanRatingReply reply = s.ratings->submit(j);
    const int64_t added = Outbox(s.db).depth() - before;
    const std::string status = std::to_string(reply.status);
    if (reply.status != 201 && reply.status != 400 && reply.status != 404 && reply.status != 409)
        return "unexpected status " + status;
    if (!reply.body.is_object()) return "reply body is not an object (status " + status + ")";
    if (reply.status == 201) {
        if (!reply.body.contains("rating")) return "201 without a rating";
        if (added != 1) return "201 added " + std::to_string(added) + " outbox events";
        ++accepted_;
    } else {
        const auto e = reply.body.find("error");
        if (e == reply.body.end() || !e->is_object() || !e->contains("code") ||
            !(*e)["code"].is_string())
            return "status " + status + " without error.code";
        if (added != 0) return "refusal " + status + " added outbox events";
    }
    return {};
}

}  // namespace kiosk::test
