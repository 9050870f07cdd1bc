#include "citizen_messages.h"

namespace kiosk::app {

CitizenMessage message_for(IssueStatus status, const std::string& number) {
    switch (status) {
        case IssueStatus::Issued: return {};
        case IssueStatus::PrintFailed:
            return {"Máy in gặp sự cố nên chưa in được vé. Số " + number +
                        " đã được huỷ. Vui lòng báo cán bộ tiếp nhận để được hỗ trợ.",
                    "The printer has a problem and could not print your ticket. Number " + number +
                        " has been cancelled. Please ask the reception staff for help."};
        case IssueStatus::DailyCapReached:
            return {"Lĩnh vực này đã hết số thứ tự trong hôm nay. Vui lòng quay lại vào ngày làm việc tiếp theo "
                    "hoặc hỏi cán bộ tiếp nhận.",
                    "All numbers for this service have been given out today. Please come back on the next "
                    "working day or ask the reception staff."};
        case IssueStatus::UnknownService:
        case IssueStatus::StoreFailed:
            return {"Hệ thống tạm thời không cấp được số thứ tự. Vui lòng báo cán bộ tiếp nhận.",
                    "The system cannot give out numbers at the moment. Please ask the reception staff."};
    }
    return {};
}

}  // namespace kiosk::app
