#include "lan_types.h"

namespace kiosk::hub {
namespace {

struct ErrorText {
    HubErrorCode code;
    const char* name;
    int status;
    const char* vi;
    const char* en;
};

constexpr ErrorText kErrors[] = {
    {HubErrorCode::None, "ok", 200, "", ""},
    {HubErrorCode::Unreachable, "unreachable", 0,
     "Không kết nối được với máy chủ hàng đợi. Đang thử lại…",
     "Cannot reach the queue hub. Retrying…"},
    {HubErrorCode::Unauthorized, "unauthorized", 401,
     "Mã truy cập không hợp lệ. Vui lòng báo cán bộ kỹ thuật.",
     "The access token is not valid. Please tell the technician."},
    {HubErrorCode::Forbidden, "forbidden", 403, "Máy này không được phép làm thao tác này.",
     "This device is not allowed to do that."},
    {HubErrorCode::BadRequest, "bad_request", 400, "Yêu cầu không hợp lệ.",
     "The request is not valid."},
    {HubErrorCode::CounterUnknown, "counter_unknown", 404, "Không có quầy này trong cấu hình.",
     "This counter is not in the office configuration."},
    {HubErrorCode::ServiceUnknown, "service_unknown", 404, "Không có lĩnh vực này.",
     "There is no such service field."},
    {HubErrorCode::TicketNotFound, "ticket_not_found", 404,
     "Không tìm thấy số thứ tự này trong hàng chờ hôm nay.", "This number is not waiting today."},
    {HubErrorCode::NothingWaiting, "nothing_waiting", 409, "Không còn ai đang chờ.",
     "Nobody is waiting."},
    {HubErrorCode::CounterPaused, "counter_paused", 409,
     "Quầy đang tạm dừng. Bấm \"Tiếp tục\" để gọi số.",
     "The counter is paused. Press \"Resume\" to call."},
    {HubErrorCode::NoCurrentTicket, "no_current_ticket", 409, "Quầy chưa gọi số nào.",
     "No number has been called at this counter."},
    {HubErrorCode::WrongState, "wrong_state", 409, "Số thứ tự này không thể chuyển như vậy.",
     "This ticket cannot change that way."},
    {HubErrorCode::DailyCapReached, "daily_cap_reached", 409,
     "Lĩnh vực này đã hết số thứ tự hôm nay.", "This service has no numbers left today."},
    {HubErrorCode::ServerError, "server_error", 500, "Máy chủ hàng đợi gặp lỗi. Vui lòng thử lại.",
     "The queue hub had an error. Please retry."},
    {HubErrorCode::BadReply, "bad_reply", 0, "Máy chủ hàng đợi trả lời không hiểu được.",
     "The queue hub sent a reply that cannot be read."},
};

const ErrorText& text_of(HubErrorCode code) {
    for (const auto& e : kErrors)
        if (e.code == code) return e;
    return kErrors[0];
}

}  // namespace

const char* to_code_string(HubErrorCode code) {
    return text_of(code).name;
}

std::optional<HubErrorCode> hub_error_code_from_string(const std::string& code) {
    for (const auto& e : kErrors)
        if (code == e.name) return e.code;
    return std::nullopt;
}

int http_status_of(HubErrorCode code) {
    return text_of(code).status;
}

HubError make_hub_error(HubErrorCode code, std::string detail) {
    const ErrorText& t = text_of(code);
    return HubError{code, t.vi, t.en, std::move(detail), t.status};
}

}  // namespace kiosk::hub
