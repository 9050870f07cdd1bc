#pragma once
// The national dossier status (Cổng DVCQG TrangThaiHoSo, 1–10) in the plain words the kiosk
// shows and prints (notes/domain.md §4), and what the citizen does next. Header-only: the
// screens (kiosk/ui) and the status slip (kiosk/print) use the same words. All text NFC.
#include <array>

namespace kiosk {

struct StatusWords {
    const char* vi;
    const char* en;
    const char* next_vi;  // what happens next / what to do
    const char* next_en;
};

inline constexpr std::array<StatusWords, 10> kDossierStatusWords{{
    {"Chờ tiếp nhận", "Waiting to be received", "Cán bộ sẽ kiểm tra và tiếp nhận hồ sơ của bạn.",
     "Staff will check and receive your dossier."},
    {"Đã tiếp nhận", "Received", "Hồ sơ đã được chuyển đến đơn vị xử lý.",
     "Your dossier has been passed to the unit that handles it."},
    {"Từ chối tiếp nhận", "Not accepted", "Vui lòng hỏi cán bộ tiếp nhận để biết lý do.",
     "Please ask the reception staff for the reason."},
    {"Đang xử lý", "Being processed", "Hồ sơ đang được giải quyết. Bạn chưa cần làm gì thêm.",
     "Your dossier is being worked on. You need to do nothing yet."},
    {"Chờ bổ sung hồ sơ", "Waiting for more documents",
     "Vui lòng bổ sung giấy tờ theo hướng dẫn. Hỏi cán bộ tiếp nhận nếu chưa rõ.",
     "Please bring the missing documents. Ask the reception staff if unsure."},
    {"Chờ nộp phí, lệ phí", "Waiting for the fee",
     "Vui lòng nộp phí, lệ phí để hồ sơ được xử lý tiếp.",
     "Please pay the fee so that your dossier can go on."},
    {"Đã rút hồ sơ", "Withdrawn", "Hồ sơ đã được rút theo đề nghị của bạn.",
     "The dossier was withdrawn as you asked."},
    {"Dừng xử lý", "Processing stopped", "Hồ sơ đang tạm dừng. Vui lòng hỏi cán bộ tiếp nhận.",
     "Your dossier is on hold. Please ask the reception staff."},
    {"Đã có kết quả – mời nhận kết quả", "Result ready – please collect it",
     "Mời bạn đến nhận kết quả.", "Please come and collect your result."},
    {"Đã trả kết quả", "Result handed over", "Thủ tục đã hoàn thành.",
     "The procedure is complete."},
}};

inline constexpr StatusWords kUnknownStatusWords{"Đang cập nhật trạng thái", "Status being updated",
                                                 "", ""};

inline const StatusWords& dossier_status_words(int code) {
    if (code < 1 || code > 10) return kUnknownStatusWords;
    return kDossierStatusWords[static_cast<std::size_t>(code - 1)];
}

// 9 and 10: the result exists; 3 and 7: the dossier ended without one. "Quá hạn" is an overlay:
// the server's flag, or past the appointment while not finished (app/lookup_dossier.cpp).
inline bool dossier_status_finished(int code) {
    return code == 3 || code == 7 || code == 9 || code == 10;
}
// The result can be collected: what to bring and where matter.
inline bool dossier_result_pending_pickup(int code) {
    return code == 2 || code == 4 || code == 5 || code == 6 || code == 9;
}

}  // namespace kiosk
