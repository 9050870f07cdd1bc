#include "citizen_messages.h"

namespace kiosk::app {

CitizenMessage message_for(IssueStatus status) {
    switch (status) {
        case IssueStatus::Issued:
            return {};
        case IssueStatus::PrintFailed:
            // The screen adds "Số … đã bị huỷ" and what to do; this says why.
            return {"Máy in đang gặp sự cố nên chưa in được vé — vui lòng báo cán bộ tiếp nhận.",
                    "The printer has a problem and could not print your ticket — please tell the "
                    "reception staff."};
        case IssueStatus::DailyCapReached:
            return {
                "Lĩnh vực này đã hết số thứ tự trong hôm nay. Vui lòng quay lại vào ngày làm việc "
                "tiếp theo.",
                "All numbers for this service have been given out today. Please come back on the "
                "next "
                "working day."};
        case IssueStatus::UnknownService:
        case IssueStatus::StoreFailed:
            return {"Hệ thống tạm thời không cấp được số thứ tự.",
                    "The system cannot give out numbers at the moment."};
    }
    return {};
}

}  // namespace kiosk::app
