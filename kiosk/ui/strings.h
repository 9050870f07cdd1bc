#pragma once
// Every fixed text the kiosk screens show, Vietnamese first, English second (all NFC; a unit test
// checks). Texts with a value use "{}" placeholders filled by the helpers below, never printf.
#include <span>
#include <string>
#include <vector>

#include "kiosk/ui/view_model.h"

namespace kiosk::ui {

// X-macro: one list, so the table, the enum and the NFC test can never disagree.
#define KIOSK_UI_STRINGS(X)                                                                     \
    X(Welcome, "Kính chào Quý khách", "Welcome")                                                \
    X(TakeNumber, "Lấy số thứ tự", "Take a queue number")                                       \
    X(TakeNumberHint, "Chọn lĩnh vực, rồi nhận vé giấy",                                        \
      "Choose a service, then take your paper ticket")                                          \
    X(PrinterPaused, "Máy in đang tạm ngừng. Vui lòng báo cán bộ tiếp nhận.",                   \
      "The printer is paused. Please tell the reception staff.")                                \
    X(CheckDossier, "Tra cứu hồ sơ", "Check my dossier")                                        \
    X(ProcedureGuide, "Thủ tục & giấy tờ", "Procedures & documents")                            \
    X(ProcedureGuideHint, "Cần mang giấy tờ gì, lệ phí, thời hạn", "What to bring, fees, time") \
    X(RateService, "Đánh giá hài lòng", "Rate our service")                                     \
    X(RateServiceHint, "Sau khi được phục vụ", "After you were served")                         \
    X(ComingSoon, "Sắp có", "Coming soon")                                                      \
    X(LanguageToggle, "English", "Tiếng Việt")                                                  \
    X(ChooseService, "Chọn lĩnh vực", "Choose a service")                                       \
    X(ChooseServiceHint, "Chạm vào lĩnh vực bạn cần làm thủ tục", "Touch the service you need") \
    X(WaitingPeople, "Đang chờ: {} người", "Waiting: {} people")                                \
    X(WaitingOne, "Đang chờ: 1 người", "Waiting: 1 person")                                     \
    X(WaitingNone, "Không có người chờ", "No one is waiting")                                   \
    X(Counters, "Quầy {}", "Counter {}")                                                        \
    X(CountersMany, "Quầy {}", "Counters {}")                                                   \
    X(SoldOut, "Đã hết số hôm nay", "No more numbers today")                                    \
    X(Priority, "Ưu tiên", "Priority")                                                          \
    X(PriorityWho, "Người cao tuổi, người khuyết tật, phụ nữ mang thai, người có công",         \
      "Older people, people with disabilities, pregnant women, people of merit")                \
    X(PriorityOn, "Đã chọn ưu tiên – chạm lần nữa để bỏ",                                       \
      "Priority selected – touch again to undo")                                                \
    X(PriorityOff, "Chưa chọn – chạm để chọn", "Not selected – touch to select")                \
    X(Home, "Về trang chủ", "Home")                                                             \
    X(Printing, "Đang in vé…", "Printing your ticket…")                                         \
    X(PleaseWait, "Vui lòng chờ trong giây lát", "Please wait a moment")                        \
    X(TakeTicket, "Mời bạn nhận vé", "Please take your ticket")                                 \
    X(YourNumber, "SỐ THỨ TỰ CỦA BẠN", "YOUR NUMBER")                                           \
    X(PriorityMark, "ƯU TIÊN", "PRIORITY")                                                      \
    X(PeopleAhead, "Trước bạn: {} người", "People ahead of you: {}")                            \
    X(WaitAbout, "Thời gian chờ: khoảng {} phút", "Estimated wait: about {} minutes")           \
    X(WaitUnderMinute, "Thời gian chờ: dưới 1 phút", "Estimated wait: under a minute")          \
    X(YouAreNext, "Bạn là người tiếp theo", "You are next")                                     \
    X(PrintFailed, "Không in được vé", "The ticket could not be printed")                       \
    X(UnconfirmedNote, "Nếu máy chưa ra vé, vui lòng báo cán bộ tiếp nhận để in lại.",          \
      "If no ticket came out, please ask the reception staff to print it again.")               \
    X(NumberVoided, "Số {} đã bị huỷ.", "Number {} has been cancelled.")                        \
    X(TryAgainOrAskStaff, "Vui lòng thử lại hoặc báo cán bộ tiếp nhận.",                        \
      "Please try again or tell the reception staff.")                                          \
    X(BackHomeIn, "Tự động về trang chủ sau {} giây", "Back to the home screen in {} s")        \
    X(Sunday, "Chủ Nhật", "Sunday")                                                             \
    X(Monday, "Thứ Hai", "Monday")                                                              \
    X(Tuesday, "Thứ Ba", "Tuesday")                                                             \
    X(Wednesday, "Thứ Tư", "Wednesday")                                                         \
    X(Thursday, "Thứ Năm", "Thursday")                                                          \
    X(Friday, "Thứ Sáu", "Friday")                                                              \
    X(Saturday, "Thứ Bảy", "Saturday")

enum class Str {
#define KIOSK_UI_STR_ENUM(name, vi, en) name,
    KIOSK_UI_STRINGS(KIOSK_UI_STR_ENUM)
#undef KIOSK_UI_STR_ENUM
};

struct UiString {
    Str id;
    const char* key;  // the enum name, for test messages
    const char* vi;
    const char* en;
};

std::span<const UiString> all_ui_strings();
const char* tr(Language lang, Str id);
// The first "{}" in `pattern` replaced by `value` (pattern returned unchanged if it has none).
std::string fill(const char* pattern, const std::string& value);

// "Thứ Sáu, 27/11/2026" / "Friday, 27/11/2026"; weekday 0 = Sunday (out of range: date only).
std::string format_date(Language lang, int year, int month, int day, int weekday);
std::string format_clock(int hour, int minute);  // "07:05"
std::string format_waiting(Language lang, int waiting);
std::string format_counters(Language lang, const std::vector<int>& counters);  // "Quầy 1, 2"
// people_ahead == 0 → "Bạn là người tiếp theo"; otherwise the estimate line.
std::string format_wait_estimate(Language lang, int people_ahead, int wait_minutes);

}  // namespace kiosk::ui
