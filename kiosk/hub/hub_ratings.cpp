#include "hub_ratings.h"

#include <spdlog/spdlog.h>

#include <regex>
#include <stdexcept>

#include "kiosk/core/rating_store.h"
#include "kiosk/core/unicode.h"

namespace kiosk::hub {

using nlohmann::json;

namespace {

LanRatingReply bad_request(const std::string& detail) {
    return {400,
            {{"error",
              {{"code", "bad_request"},
               {"message_vi", "Yêu cầu không hợp lệ."},
               {"message_en", "The request is not valid."},
               {"detail", detail}}}}};
}

// The refusal in the same shape as every hub error, with the kiosk's calm words.
LanRatingReply refused(RatingRefusal r, const std::string& number) {
    const char* vi = "Vé này không đánh giá được.";
    const char* en = "This ticket cannot be rated.";
    switch (r) {
        case RatingRefusal::NotFound:
            vi = "Không tìm thấy vé số này trong hôm nay.";
            en = "No ticket with this number today.";
            break;
        case RatingRefusal::NotServedYet:
            vi = "Vé chưa được phục vụ xong.";
            en = "The ticket has not been served yet.";
            break;
        case RatingRefusal::Voided:
            vi = "Vé đã bị huỷ.";
            en = "The ticket was cancelled.";
            break;
        case RatingRefusal::NoShow:
            vi = "Vé đã bị bỏ qua do vắng mặt.";
            en = "The ticket was dropped after missed calls.";
            break;
        case RatingRefusal::OtherDay:
            vi = "Chỉ đánh giá được vé của hôm nay.";
            en = "Only today's tickets can be rated.";
            break;
        case RatingRefusal::AlreadyRated:
            vi = "Vé đã được đánh giá.";
            en = "The ticket has already been rated.";
            break;
        case RatingRefusal::None:
            break;
    }
    return {r == RatingRefusal::NotFound ? 404 : 409,
            {{"error",
              {{"code", to_string(r)},
               {"message_vi", vi},
               {"message_en", en},
               {"detail", "ticket " + number}}}}};
}

}  // namespace

LanRatings::LanRatings(std::string db_path, const Clock& clock)
    : db_path_(std::move(db_path)), clock_(clock) {}

LanRatings::~LanRatings() = default;

LanRatingReply LanRatings::submit(const json& body) {
    static const std::regex number_re("^[0-9A-Z]{1,16}$");
    static const std::regex date_re(R"(^\d{4}-\d{2}-\d{2}$)");
    const TimePoint now = clock_.now();
    RatingInput in;
    in.source = "lan";
    auto number = body.find("number");
    if (number == body.end() || !number->is_string() ||
        !std::regex_match(number->get_ref<const std::string&>(), number_re))
        return bad_request("number must be the printed ticket number (1-16 of 0-9 A-Z)");
    in.number = number->get<std::string>();
    auto level = body.find("level");
    if (level == body.end() || !level->is_number_integer() || level->get<int64_t>() < 1 ||
        level->get<int64_t>() > 5)
        return bad_request("level must be an integer 1-5");
    in.level = static_cast<int>(level->get<int64_t>());
    if (auto reason = body.find("reason"); reason != body.end()) {
        const auto r = reason->is_string() ? rating_reason_from_string(reason->get<std::string>())
                                           : std::nullopt;
        if (!r || *r == RatingReason::None)
            return bad_request(
                "reason must be long_wait, staff_attitude, unclear_guidance or complex_procedure");
        if (in.level > kRatingReasonMaxLevel) return bad_request("reason only with level 1 or 2");
        in.reason = *r;
    }
    if (auto comment = body.find("comment"); comment != body.end()) {
        if (!comment->is_string() ||
            comment->get_ref<const std::string&>().size() > kRatingCommentMaxBytes ||
            !to_nfc(comment->get<std::string>(), in.comment))
            return bad_request("comment must be UTF-8 text of at most 500 bytes");
    }
    in.business_date = local_date_iso(now);
    if (auto date = body.find("business_date"); date != body.end()) {
        if (!date->is_string() || !std::regex_match(date->get_ref<const std::string&>(), date_re))
            return bad_request("business_date must be YYYY-MM-DD");
        in.business_date = date->get<std::string>();
    }
    RatingResult result;
    try {
        std::lock_guard lock(mutex_);
        if (!store_) store_ = std::make_unique<RatingStore>(db_path_);
        result = store_->submit(in, now);
    } catch (const std::invalid_argument& e) {
        return bad_request(e.what());
    } catch (const std::exception& e) {
        spdlog::error("hub: rating for ticket {}: store failed: {}", in.number, e.what());
        return {500,
                {{"error",
                  {{"code", "server_error"},
                   {"message_vi", "Hệ thống đang gặp sự cố. Vui lòng thử lại sau."},
                   {"message_en", "The system has a problem. Please try again later."}}}}};
    }
    if (!result.ok()) {
        spdlog::info("hub: rating for ticket {} of {} refused: {}", in.number, in.business_date,
                     to_string(result.refusal));
        return refused(result.refusal, in.number);
    }
    spdlog::info("hub: ticket {} of {} rated {} ({}) from a LAN tablet, counter {}", in.number,
                 in.business_date, in.level, rating_level_code(in.level), result.ticket->counter);
    return {201,
            {{"rating",
              {{"number", in.number},
               {"business_date", in.business_date},
               {"service_id", result.ticket->service_id},
               {"counter", result.ticket->counter},
               {"level", in.level},
               {"level_code", rating_level_code(in.level)},
               {"event_id", result.event_uuid}}}}};
}

}  // namespace kiosk::hub
