#include "drivers/printer/print_outcome.h"

namespace kiosk::printer {

std::string_view error_code(PrintFault fault) {
    switch (fault) {
        case PrintFault::None:
            return "";
        case PrintFault::Offline:
            return "printer_offline";
        case PrintFault::CoverOpen:
            return "cover_open";
        case PrintFault::PaperOut:
            return "paper_out";
        case PrintFault::CutterError:
            return "cutter_error";
        case PrintFault::MechanicalError:
            return "printer_error";
        case PrintFault::UnrecoverableError:
            return "printer_unrecoverable";
        case PrintFault::Overheat:
            return "printer_overheat";
        case PrintFault::NoStatusReply:
            return "no_status_reply";
        case PrintFault::Unreachable:
            return "printer_unreachable";
        case PrintFault::ConnectionLost:
            return "connection_lost";
        case PrintFault::WriteStall:
            return "write_stall";
        case PrintFault::WriteFailed:
            return "write_failed";
        case PrintFault::Unconfirmed:
            return "unconfirmed";
        case PrintFault::EncodeFailed:
            return "encode_failed";
    }
    return "printer_error";
}

CitizenText citizen_message(PrintFault fault) {
    const std::string ask_vi = " — vui lòng báo cán bộ tiếp nhận.";
    const std::string ask_en = " — please tell the reception staff.";
    switch (fault) {
        case PrintFault::None:
            return {};
        case PrintFault::PaperOut:
            return {"Máy in hết giấy" + ask_vi, "The printer is out of paper" + ask_en};
        case PrintFault::CoverOpen:
            return {"Nắp máy in đang mở" + ask_vi, "The printer cover is open" + ask_en};
        case PrintFault::Overheat:
            return {"Máy in đang tạm nghỉ cho nguội, vui lòng thử lại sau ít phút.",
                    "The printer is cooling down; please try again in a minute."};
        case PrintFault::CutterError:
        case PrintFault::MechanicalError:
        case PrintFault::UnrecoverableError:
            return {"Máy in đang bị lỗi" + ask_vi, "The printer has a fault" + ask_en};
        case PrintFault::Offline:
        case PrintFault::NoStatusReply:
        case PrintFault::Unreachable:
            return {"Máy in không phản hồi" + ask_vi, "The printer is not responding" + ask_en};
        case PrintFault::ConnectionLost:
        case PrintFault::WriteStall:
        case PrintFault::WriteFailed:
        case PrintFault::Unconfirmed:
            return {"Máy in chưa in xong vé của bạn" + ask_vi,
                    "The printer did not finish your ticket" + ask_en};
        case PrintFault::EncodeFailed:
            return {"Không tạo được vé" + ask_vi, "The ticket could not be made" + ask_en};
    }
    return {"Máy in đang gặp sự cố" + ask_vi, "The printer has a problem" + ask_en};
}

CitizenText staff_message(PrintFault fault) {
    switch (fault) {
        case PrintFault::None:
            return {"sẵn sàng", "ready"};
        case PrintFault::PaperOut:
            return {"hết giấy — thay cuộn mới", "paper out — load a new roll"};
        case PrintFault::CoverOpen:
            return {"nắp mở — đóng nắp", "cover open — close it"};
        case PrintFault::Offline:
            return {"ngoại tuyến", "offline"};
        case PrintFault::CutterError:
            return {"lỗi dao cắt — kiểm tra kẹt giấy", "autocutter error — check for a jam"};
        case PrintFault::MechanicalError:
            return {"lỗi cơ khí — kiểm tra kẹt giấy", "mechanical error — check for a jam"};
        case PrintFault::UnrecoverableError:
            return {"lỗi không tự khắc phục — tắt/bật máy in, gọi bảo trì",
                    "unrecoverable error — power-cycle, call service"};
        case PrintFault::Overheat:
            return {"đầu in quá nóng — tự hồi phục", "head too hot — recovers by itself"};
        case PrintFault::NoStatusReply:
            return {"không trả lời trạng thái", "no reply to status queries"};
        case PrintFault::Unreachable:
            return {"không kết nối được — kiểm tra nguồn, cáp",
                    "unreachable — check power and cable"};
        case PrintFault::ConnectionLost:
            return {"mất kết nối khi đang in", "connection lost mid-job"};
        case PrintFault::WriteStall:
            return {"ngừng nhận dữ liệu", "stopped taking data"};
        case PrintFault::WriteFailed:
            return {"lỗi ghi dữ liệu", "write failed"};
        case PrintFault::Unconfirmed:
            return {"không xác nhận đã in xong", "did not confirm the job"};
        case PrintFault::EncodeFailed:
            return {"lỗi tạo lệnh in", "could not encode the job"};
    }
    return {"lỗi", "error"};
}

}  // namespace kiosk::printer
