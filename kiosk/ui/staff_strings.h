#pragma once
// Fixed texts of the staff screens (PIN keypad, printer, reprint, sync), Vietnamese first. Kept
// apart from the citizens' table; the same NFC test covers both.
#include <span>

#include "kiosk/ui/strings.h"

namespace kiosk::ui {

#define KIOSK_STAFF_STRINGS(X)                                                           \
    X(StaffTitle, "Màn hình cán bộ", "Staff screen")                                     \
    X(PinTitle, "Nhập mã PIN cán bộ", "Enter the staff PIN")                             \
    X(PinHint, "Chỉ dành cho cán bộ tiếp nhận", "For reception staff only")              \
    X(PinWrong, "Mã PIN không đúng. Còn {} lần thử.", "Wrong PIN. {} tries left.")       \
    X(PinLocked, "Đã khoá vì nhập sai nhiều lần. Thử lại sau {} giây.",                  \
      "Locked after too many wrong PINs. Try again in {} s.")                            \
    X(Confirm, "Xác nhận", "Confirm")                                                    \
    X(Back, "Quay lại", "Back")                                                          \
    X(DeleteOne, "Xoá lùi", "Delete")                                                    \
    X(LogOut, "Thoát", "Log out")                                                        \
    X(PrinterSection, "Máy in", "Printer")                                               \
    X(PrinterState, "Tình trạng: {}", "State: {}")                                       \
    X(PaperLeft, "Giấy còn khoảng {}", "Paper left: about {}")                           \
    X(PaperLow, "Sắp hết giấy — chuẩn bị cuộn mới", "Paper low — have a new roll ready") \
    X(PaperNotReported, "Máy in không báo lượng giấy còn lại",                           \
      "The printer does not report the paper left")                                      \
    X(CheckPrinter, "Kiểm tra máy in", "Check printer")                                  \
    X(PaperLoaded, "Đã thay cuộn giấy mới", "New roll loaded")                           \
    X(TestPage, "In trang thử", "Print test page")                                       \
    X(ReprintSection, "In lại vé", "Reprint a ticket")                                   \
    X(LastTicket, "Vé gần nhất: {}", "Latest ticket: {}")                                \
    X(NoTicketToday, "Hôm nay chưa in vé nào", "No ticket printed today")                \
    X(ReprintLast, "In lại vé gần nhất", "Reprint the latest")                           \
    X(ReprintOther, "In lại số khác…", "Reprint another…")                               \
    X(TypeNumber, "Nhập số thứ tự cần in lại", "Type the number to reprint")             \
    X(ReprintTyped, "In lại số này", "Reprint this number")                              \
    X(Cancel, "Huỷ", "Cancel")                                                           \
    X(SyncSection, "Máy chủ hồ sơ", "Dossier server")                                    \
    X(SyncNotConfigured, "Chưa cấu hình máy chủ — sự kiện được giữ trong máy",           \
      "No server configured — events are kept on this kiosk")                            \
    X(SyncOnline, "Đang kết nối", "Online")                                              \
    X(SyncOffline, "Mất kết nối — sự kiện được giữ lại và gửi sau",                      \
      "Offline — events are kept and sent later")                                        \
    X(SyncLast, "Đồng bộ lần cuối: {}", "Last sync: {}")                                 \
    X(SyncNever, "Chưa đồng bộ lần nào", "Not synced yet")                               \
    X(OutboxDepth, "Sự kiện chờ gửi: {}", "Events waiting to be sent: {}")               \
    X(SyncError, "Lỗi gần nhất: {}", "Last error: {}")                                   \
    X(TodaySection, "Hôm nay", "Today")                                                  \
    X(IssuedToday, "Đã in: {} vé", "Printed: {}")                                        \
    X(VoidToday, "Đã huỷ: {} số", "Cancelled: {}")                                       \
    X(UnconfirmedToday, "Chưa xác nhận in: {}", "Print not confirmed: {}")               \
    X(RatingsToday, "Lượt đánh giá: {}", "Ratings: {}")                                  \
    X(RatingsSplit, "Hài lòng: {} · Không hài lòng: {}", "Satisfied: {} · Unhappy: {}")  \
    X(Working, "Đang thực hiện…", "Working…")

enum class StaffStr {
#define KIOSK_STAFF_STR_ENUM(name, vi, en) name,
    KIOSK_STAFF_STRINGS(KIOSK_STAFF_STR_ENUM)
#undef KIOSK_STAFF_STR_ENUM
};

struct StaffString {
    StaffStr id;
    const char* key;
    const char* vi;
    const char* en;
};

std::span<const StaffString> all_staff_strings();
const char* tr(Language lang, StaffStr id);

}  // namespace kiosk::ui
