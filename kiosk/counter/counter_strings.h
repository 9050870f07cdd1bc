#pragma once
// Every fixed text of the counter terminal, Vietnamese first, English second (NFC; a unit test
// checks). "{}" placeholders are filled with ui::fill, never printf.
#include <span>
#include <string>

namespace kiosk::counter {

#define KIOSK_COUNTER_STRINGS(X)                                                                \
    X(CounterTitle, "Quầy {}", "Counter {}")                                                    \
    X(NowServing, "ĐANG PHỤC VỤ", "NOW SERVING")                                                \
    X(NobodyCalled, "Chưa gọi ai", "Nobody called yet")                                         \
    X(NobodyCalledHint, "Nhấn “Gọi số tiếp theo” (F1) để mời công dân",                         \
      "Press “Call next” (F1) to invite a citizen")                                             \
    X(Elapsed, "Thời gian phục vụ: {}", "Serving for: {}")                                      \
    X(PriorityMark, "ƯU TIÊN", "PRIORITY")                                                      \
    X(RecalledTimes, "Đã gọi lại {} lần", "Called again {} times")                              \
    X(MissedTimes, "Đã vắng mặt {} lần", "Not here {} times before")                            \
    X(WaitingTitle, "Đang chờ", "Waiting")                                                      \
    X(WaitingPeople, "{} người", "{} people")                                                   \
    X(ServedToday, "Đã phục vụ hôm nay: {}", "Served today: {}")                                \
    X(HeldTitle, "Đang tạm giữ – chạm để gọi lại", "On hold – touch to call back")              \
    X(CallNext, "Gọi số tiếp theo", "Call next")                                                \
    X(Recall, "Gọi lại", "Call again")                                                          \
    X(NoShow, "Vắng mặt", "Not here")                                                           \
    X(Finish, "Hoàn thành", "Done")                                                             \
    X(Hold, "Tạm giữ", "Hold")                                                                  \
    X(Transfer, "Chuyển", "Transfer")                                                           \
    X(CallNumber, "Gọi số cụ thể", "Call a number")                                             \
    X(PauseCounter, "Tạm dừng quầy", "Pause counter")                                           \
    X(ResumeCounter, "Tiếp tục quầy", "Resume counter")                                         \
    X(Connecting, "Đang kết nối máy chủ hàng đợi…", "Connecting to the queue server…")          \
    X(Connected, "Đã kết nối", "Connected")                                                     \
    X(PillConnecting, "Đang kết nối…", "Connecting…")                                           \
    X(PillLost, "Mất kết nối", "Disconnected")                                                  \
    X(ConnectionLost, "Mất kết nối máy chủ hàng đợi — đang kết nối lại…",                       \
      "Lost the queue server — reconnecting…")                                                  \
    X(ButtonsWait, "Các nút sẽ dùng được khi kết nối lại.",                                     \
      "The buttons work again once reconnected.")                                               \
    X(Sending, "Đang gửi…", "Sending…")                                                         \
    X(PausedBanner, "Quầy đang tạm dừng: {}", "Counter paused: {}")                             \
    X(PausedHint, "Nhấn “Tiếp tục quầy” (F8) để mở lại", "Press “Resume counter” (F8) to open") \
    X(DidCall, "Đã gọi số {}", "Called {}")                                                     \
    X(DidRecall, "Đã gọi lại số {}", "Called {} again")                                         \
    X(DidNoShowBack, "Số {} vắng mặt – đã đưa lại hàng chờ", "{} not here – back in the line")  \
    X(DidNoShowDropped, "Số {} vắng mặt quá số lần cho phép – đã bỏ lượt",                      \
      "{} missed too often – removed from the line")                                            \
    X(DidFinish, "Đã hoàn thành số {}", "{} done")                                              \
    X(DidHold, "Đã tạm giữ số {}", "{} put on hold")                                            \
    X(DidTransfer, "Đã chuyển số {}", "{} transferred")                                         \
    X(DidPause, "Quầy đã tạm dừng", "Counter paused")                                           \
    X(DidResume, "Quầy đã mở lại", "Counter open again")                                        \
    X(TransferTitle, "Chuyển số {} đến", "Transfer {} to")                                      \
    X(TransferFields, "Lĩnh vực khác", "Another field")                                         \
    X(TransferCounters, "Quầy khác", "Another counter")                                         \
    X(CounterN, "Quầy {}", "Counter {}")                                                        \
    X(KeypadTitle, "Nhập số cần gọi", "Type the number to call")                                \
    X(KeypadEmpty, "Chưa nhập số", "No number typed yet")                                       \
    X(KeypadCall, "Gọi số này", "Call this number")                                             \
    X(KeypadDelete, "Xoá", "Delete")                                                            \
    X(PauseTitle, "Lý do tạm dừng quầy", "Why is the counter pausing?")                         \
    X(Close, "Đóng", "Close")                                                                   \
    X(ReasonBreak, "Nghỉ giải lao", "Short break")                                              \
    X(ReasonLunch, "Nghỉ trưa", "Lunch break")                                                  \
    X(ReasonMeeting, "Họp", "Meeting")                                                          \
    X(ReasonHelping, "Hỗ trợ quầy khác", "Helping another counter")                             \
    X(ReasonTechnical, "Sự cố kỹ thuật", "Technical problem")                                   \
    X(ReasonEndOfShift, "Hết giờ làm việc", "End of shift")

enum class CStr {
#define KIOSK_COUNTER_STR_ENUM(name, vi, en) name,
    KIOSK_COUNTER_STRINGS(KIOSK_COUNTER_STR_ENUM)
#undef KIOSK_COUNTER_STR_ENUM
};

struct CounterString {
    CStr id;
    const char* key;
    const char* vi;
    const char* en;
};

std::span<const CounterString> all_counter_strings();
const char* vi(CStr id);
const char* en(CStr id);
// The pattern's first "{}" replaced by value, in each language.
std::string vi(CStr id, const std::string& value);
std::string en(CStr id, const std::string& value);

// The pause reasons offered by F8, in order (sent to the hub in Vietnamese).
std::span<const CStr> pause_reasons();

// "02:15" under an hour, "1:02:15" beyond; negative counts as 0.
std::string format_elapsed(int seconds);

}  // namespace kiosk::counter
