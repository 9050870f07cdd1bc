#include "rating_store.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "store_schema.h"
#include "ticket.h"
#include "ticket_store.h"
#include "unicode.h"

namespace kiosk {
namespace {

struct ReasonName {
    RatingReason reason;
    const char* name;
};
constexpr ReasonName kReasonNames[] = {
    {RatingReason::None, ""},
    {RatingReason::LongWait, "long_wait"},
    {RatingReason::StaffAttitude, "staff_attitude"},
    {RatingReason::UnclearGuidance, "unclear_guidance"},
    {RatingReason::ComplexProcedure, "complex_procedure"},
};

void validate(const RatingInput& in) {
    if (in.level < kRatingLevelMin || in.level > kRatingLevelMax)
        throw std::invalid_argument("rating level must be 1-5, got " + std::to_string(in.level));
    if (in.reason != RatingReason::None && in.level > kRatingReasonMaxLevel)
        throw std::invalid_argument("a rating reason is only taken for levels 1-2, got level " +
                                    std::to_string(in.level));
    if (in.comment.size() > kRatingCommentMaxBytes)
        throw std::invalid_argument("rating comment longer than 500 bytes (" +
                                    std::to_string(in.comment.size()) + ")");
    if (!in.comment.empty() && (!is_valid_utf8(in.comment) || !is_nfc(in.comment)))
        throw std::invalid_argument("rating comment is not NFC UTF-8");
    if (in.source != "kiosk" && in.source != "lan")
        throw std::invalid_argument("rating source must be 'kiosk' or 'lan', got '" + in.source +
                                    "'");
}

}  // namespace

const char* rating_level_code(int level) {
    switch (level) {
        case 1:
            return "RKHL";
        case 2:
            return "KHL";
        case 3:
            return "BT";
        case 4:
            return "HL";
        case 5:
            return "RHL";
        default:
            return "";
    }
}

const char* to_string(RatingReason r) {
    for (const auto& n : kReasonNames)
        if (n.reason == r) return n.name;
    return "";
}

std::optional<RatingReason> rating_reason_from_string(const std::string& s) {
    for (const auto& n : kReasonNames)
        if (s == n.name) return n.reason;
    return std::nullopt;
}

const char* to_string(RatingRefusal r) {
    switch (r) {
        case RatingRefusal::None:
            return "ok";
        case RatingRefusal::NotFound:
            return "not_found";
        case RatingRefusal::NotServedYet:
            return "not_served_yet";
        case RatingRefusal::Voided:
            return "voided";
        case RatingRefusal::NoShow:
            return "no_show";
        case RatingRefusal::OtherDay:
            return "other_day";
        case RatingRefusal::AlreadyRated:
            return "already_rated";
    }
    return "unknown";
}

RatingStore::RatingStore(const std::string& path) : db_(open_store(path)) {}

RatingStore::~RatingStore() = default;

RatingCheck RatingStore::check(const std::string& business_date, const std::string& number,
                               TimePoint now) const {
    return check_locked(business_date, number, now);
}

RatingCheck RatingStore::check_locked(const std::string& business_date, const std::string& number,
                                      TimePoint now) const {
    RatingCheck out;
    // Ratings are taken on the day of the service only: the citizen still remembers it, and a
    // ticket number is reused the next day.
    if (business_date != local_date_iso(now)) {
        out.refusal = RatingRefusal::OtherDay;
        return out;
    }
    Statement q(*db_,
                "SELECT t.id, t.state, t.service_id, t.counter, t.served_at_us, r.id "
                "FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id "
                "WHERE t.business_date=?1 AND t.number=?2");
    q.bind(1, business_date).bind(2, number);
    if (!q.step()) {
        out.refusal = RatingRefusal::NotFound;
        return out;
    }
    const auto state = ticket_state_from_string(q.column_text(1));
    if (!state)
        throw StoreError(db_->path() + ": ticket " + number + " of " + business_date +
                         " has unknown state '" + q.column_text(1) + "'");
    if (q.column_opt_int(5)) {
        out.refusal = RatingRefusal::AlreadyRated;
        return out;
    }
    const int counter = static_cast<int>(q.column_int(3));
    const auto served_us = q.column_opt_int(4);
    switch (*state) {
        case TicketState::Served:
            // Served means a counter finished it; a row without one is not a service we can
            // attribute, so it is treated as not served.
            if (counter == 0 || !served_us) {
                out.refusal = RatingRefusal::NotServedYet;
                return out;
            }
            break;
        case TicketState::Void:
            out.refusal = RatingRefusal::Voided;
            return out;
        case TicketState::NoShow:
            out.refusal = RatingRefusal::NoShow;
            return out;
        case TicketState::Reserved:
        case TicketState::Printing:
        case TicketState::Issued:
        case TicketState::Called:
        case TicketState::Held:
            out.refusal = RatingRefusal::NotServedYet;
            return out;
    }
    RatableTicket t;
    t.id = q.column_int(0);
    t.business_date = business_date;
    t.number = number;
    t.service_id = q.column_text(2);
    t.counter = counter;
    t.served_at = from_us(*served_us);
    out.refusal = RatingRefusal::None;
    out.ticket = std::move(t);
    return out;
}

RatingResult RatingStore::submit(const RatingInput& in, TimePoint now) {
    validate(in);
    RatingResult out;
    Transaction tx(*db_);
    RatingCheck c = check_locked(in.business_date, in.number, now);
    out.refusal = c.refusal;
    if (!c.ok()) return out;  // nothing written; the transaction rolls back empty
    const RatableTicket& t = *c.ticket;
    const std::string reason = to_string(in.reason);
    nlohmann::json payload = {
        {"target", "ticket"},
        {"ticket_id", t.id},
        {"business_date", t.business_date},
        {"number", t.number},
        {"service_id", t.service_id},
        {"counter", t.counter},
        {"level", in.level},
        {"level_code", rating_level_code(in.level)},
        {"source", in.source},
        {"served_at", iso8601_local(t.served_at)},
        {"at", iso8601_local(now)},
    };
    if (!reason.empty()) payload["reason"] = reason;
    if (!in.comment.empty()) payload["comment"] = in.comment;
    out.event_uuid = insert_outbox_event(*db_, "rating.submitted", payload.dump(), now);
    Statement(*db_,
              "INSERT INTO ratings(ticket_id, business_date, number, service_id, counter, level, "
              "reason, comment, source, rated_at_us, event_uuid) "
              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .bind(1, t.id)
        .bind(2, t.business_date)
        .bind(3, t.number)
        .bind(4, t.service_id)
        .bind(5, int64_t{t.counter})
        .bind(6, int64_t{in.level})
        .bind(7, reason)
        .bind(8, in.comment)
        .bind(9, in.source)
        .bind(10, to_us(now))
        .bind(11, out.event_uuid)
        .run();
    tx.commit();
    out.ticket = std::move(c.ticket);
    return out;
}

std::map<int, int> RatingStore::counts_of_day(const std::string& business_date) const {
    std::map<int, int> out;
    Statement q(*db_, "SELECT level, COUNT(*) FROM ratings WHERE business_date=?1 GROUP BY level");
    q.bind(1, business_date);
    while (q.step())
        out[static_cast<int>(q.column_int(0))] = static_cast<int>(q.column_int(1));
    return out;
}

}  // namespace kiosk
