#pragma once
// The dossier lookup screens' texts, Vietnamese first, English second (NFC; tests/ui checks),
// kept apart from strings.h so the lookup and the other screens can grow without colliding.
// Texts with a value use "{}" placeholders filled with ui::fill().
#include <span>
#include <string>

#include "kiosk/ui/strings.h"

namespace kiosk::ui {

#define KIOSK_LOOKUP_STRINGS(X)                                                                               \
    X(Title, "Tra cứu hồ sơ", "Check my dossier")                                                             \
    X(HomeHint, "Quét mã trên giấy tiếp nhận hồ sơ", "Scan the code on your dossier receipt")                 \
    X(HintCamera, "Đưa mã QR vào trong khung", "Hold the QR code inside the frame")                           \
    X(HintScanner, "Đưa mã trên giấy tiếp nhận hồ sơ vào máy quét",                                           \
      "Hold the code on your dossier receipt under the scanner")                                              \
    X(HintCardCamera, "Đưa mặt sau thẻ CCCD vào trong khung",                                                 \
      "Hold the back of the ID card inside the frame")                                                        \
    X(HintCardScanner, "Đưa mặt sau thẻ CCCD vào máy quét",                                                   \
      "Hold the back of the ID card under the scanner")                                                       \
    X(OrType, "Hoặc nhập mã hồ sơ:", "Or type the dossier code:")                                             \
    X(Example, "Ví dụ: 000.00.21.H41-250312-0007", "For example: 000.00.21.H41-250312-0007")                  \
    X(EntryEmpty, "Chạm vào các phím bên dưới", "Touch the keys below")                                       \
    X(KeyBack, "Xoá", "Delete")                                                                               \
    X(KeyClear, "Xoá hết", "Clear")                                                                           \
    X(KeyLetters, "Chữ A–Z", "Letters A–Z")                                                                   \
    X(KeyDigits, "Số 0–9", "Digits 0–9")                                                                      \
    X(KeyLookUp, "Tra cứu", "Look up")                                                                        \
    X(KeyConfirm, "Xác nhận", "Confirm")                                                                      \
    X(TypedInvalid, "Mã chưa đúng. Mã hồ sơ có dạng 000.00.21.H41-250312-0007.",                              \
      "That code is not complete. A dossier code looks like 000.00.21.H41-250312-0007.")                      \
    X(ScanInvalid,                                                                                            \
      "Mã không hợp lệ. Vui lòng quét mã QR trên giấy tiếp nhận hồ sơ hoặc nhập "      \
      "mã hồ sơ.",                                                                                            \
      "This code is not valid. Scan the QR code on your dossier receipt or type "                             \
      "the dossier code.")                                                                                    \
    X(CccdFirst,                                                                                              \
      "Thẻ CCCD chỉ dùng để xác nhận chủ hồ sơ. Vui lòng quét mã trên giấy tiếp "     \
      "nhận hồ sơ trước.",                                                                                    \
      "The ID card only confirms the owner. Please scan the code on your "                                    \
      "dossier receipt first.")                                                                               \
    X(Looking, "Đang tra cứu hồ sơ…", "Looking up your dossier…")                                             \
    X(CodeLine, "Mã hồ sơ: {}", "Dossier code: {}")                                                           \
    X(FactorTitle, "Xác nhận chủ hồ sơ", "Confirm the dossier owner")                                         \
    X(FactorHintBoth,                                                                                         \
      "Hồ sơ này cần xác nhận. Quét mặt sau thẻ CCCD của chủ hồ sơ, hoặc nhập "      \
      "số CCCD (12 chữ số) hay mã tra cứu in trên giấy tiếp nhận.",                                           \
      "This dossier needs a "                                                                                 \
      "check. Scan the back of the owner's ID card, or type the 12-digit ID number or the "                   \
      "lookup code printed on the receipt.")                                                                  \
    X(FactorHintId,                                                                                           \
      "Hồ sơ này cần xác nhận. Quét mặt sau thẻ CCCD của chủ hồ sơ, hoặc nhập "      \
      "số CCCD (12 chữ số).",                                                                                 \
      "This dossier needs a check. Scan the back of the owner's ID "                                          \
      "card, or type the 12-digit ID number.")                                                                \
    X(FactorHintCode, "Hồ sơ này cần xác nhận. Nhập mã tra cứu in trên giấy tiếp nhận.",                      \
      "This dossier needs a check. Type the lookup code printed on the receipt.")                             \
    X(FactorWrong, "Thông tin xác nhận chưa đúng. Vui lòng kiểm tra và nhập lại.",                            \
      "That did not match. Please check it and try again.")                                                   \
    X(FactorLength, "Số CCCD có 12 chữ số; mã tra cứu có từ 4 đến 8 chữ số.",                                 \
      "The ID number has 12 digits; the lookup code has 4 to 8 digits.")                                      \
    X(FactorDigits, "Đã nhập {} chữ số", "{} digits typed")                                                   \
    X(Overdue, "QUÁ HẠN", "OVERDUE")                                                                          \
    X(OverdueNote, "Hồ sơ đã quá ngày hẹn. Vui lòng hỏi cán bộ tiếp nhận.",                                   \
      "The due date has passed. Please ask the reception staff.")                                             \
    X(Appointment, "Ngày hẹn trả kết quả", "Result due on")                                                   \
    X(AppointmentAt, "lúc {}", "at {}")                                                                       \
    X(AppointmentNone, "Chưa có ngày hẹn", "No date yet")                                                     \
    X(Procedure, "Thủ tục", "Procedure")                                                                      \
    X(Received, "Ngày tiếp nhận", "Received on")                                                              \
    X(Unit, "Đơn vị xử lý", "Handled by")                                                                     \
    X(Step, "Bước hiện tại", "Current step")                                                                  \
    X(Owner, "Chủ hồ sơ", "Owner")                                                                            \
    X(Pickup, "Nơi nhận kết quả", "Collect the result at")                                                    \
    X(Bring, "Khi nhận kết quả, mang theo", "Bring when you collect")                                         \
    X(BringWhat, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả; thẻ CCCD bản chính.",                              \
      "The dossier receipt and your original ID card.")                                                       \
    X(History, "Quá trình xử lý", "Processing history")                                                       \
    X(OfflineCached, "Không kết nối được máy chủ. Đây là thông tin lúc {}",                                   \
      "The server cannot be reached. This is the information from {}")                                        \
    X(AgeNow, "vừa xong", "just now")                                                                         \
    X(AgeMinutes, "{} phút trước", "{} min ago")                                                              \
    X(AgeHours, "{} giờ trước", "{} h ago")                                                                   \
    X(AgeDays, "{} ngày trước", "{} days ago")                                                                \
    X(PrintSlip, "In phiếu", "Print slip")                                                                    \
    X(PrintSlipHint, "Phiếu ghi trạng thái và ngày hẹn", "Status and due date on paper")                      \
    X(SlipPrinting, "Đang in phiếu…", "Printing the slip…")                                                   \
    X(SlipPrinted, "Mời bạn nhận phiếu", "Please take your slip")                                             \
    X(SlipFailed, "Không in được phiếu", "The slip could not be printed")                                     \
    X(Another, "Tra cứu mã khác", "Look up another code")                                                     \
    X(Retry, "Thử lại", "Try again")                                                                          \
    X(NotFoundTitle, "Không tìm thấy hồ sơ", "Dossier not found")                                             \
    X(NotFoundBody,                                                                                           \
      "Không có hồ sơ mang mã {}. Vui lòng kiểm tra lại mã trên giấy tiếp nhận "           \
      "hoặc hỏi cán bộ tiếp nhận.",                                                                           \
      "There is no dossier with the code {}. Please check the "                                               \
      "code on your receipt or ask the reception staff.")                                                     \
    X(OfflineTitle, "Chưa tra cứu được", "The lookup did not work")                                           \
    X(OfflineBody,                                                                                            \
      "Máy tạm thời không kết nối được máy chủ. Vui lòng thử lại sau ít phút hoặc " \
      "hỏi cán bộ tiếp nhận.",                                                                                \
      "The kiosk cannot reach the server right now. Please try again "                                        \
      "in a few minutes or ask the reception staff.")                                                         \
    X(RateLimitedTitle, "Đã nhập sai nhiều lần", "Too many wrong tries")                                      \
    X(RateLimitedBody, "Vui lòng thử lại sau 15 phút hoặc hỏi cán bộ tiếp nhận.",                             \
      "Please try again in 15 minutes or ask the reception staff.")                                           \
    X(NotConfiguredBody,                                                                                      \
      "Máy này chưa kết nối với hệ thống hồ sơ. Vui lòng hỏi cán bộ tiếp "            \
      "nhận.",                                                                                                \
      "This kiosk is not connected to the dossier system. Please ask the reception "                          \
      "staff.")                                                                                               \
    X(TicketTitle, "Vé số {}", "Ticket {}")                                                                   \
    X(TicketCalled, "Số của bạn đã được gọi. Mời bạn đến quầy.",                                              \
      "Your number has been called. Please go to the counter.")                                               \
    X(TicketServed, "Vé này đã được phục vụ xong.", "This ticket has been served.")                           \
    X(TicketNotToday, "Vé này không phải của hôm nay", "This ticket is not from today")                       \
    X(TicketNotTodayBody, "Số thứ tự chỉ dùng trong ngày. Mời bạn lấy số mới.",                               \
      "Queue numbers are valid for one day. Please take a new number.")                                       \
    X(TicketUnknown, "Không tìm thấy vé này", "This ticket was not found")                                    \
    X(TicketUnknownBody, "Vui lòng hỏi cán bộ tiếp nhận.", "Please ask the reception staff.")

enum class LkStr {
#define KIOSK_LK_STR_ENUM(name, vi, en) name,
    KIOSK_LOOKUP_STRINGS(KIOSK_LK_STR_ENUM)
#undef KIOSK_LK_STR_ENUM
};

struct LookupString {
    LkStr id;
    const char* key;
    const char* vi;
    const char* en;
};

std::span<const LookupString> all_lookup_strings();
const char* tr(Language lang, LkStr id);

// Plain words for a national status code 1–10 and what happens next (kiosk/core/dossier_status.h).
const char* status_words(Language lang, int status_code);
const char* status_next_step(Language lang, int status_code);
// "2 giờ trước" / "2 h ago" from minutes (0 → "vừa xong").
std::string format_age(Language lang, int minutes);

}  // namespace kiosk::ui
