#pragma once
// Every fixed text of the calling board, Vietnamese first, English second (NFC; a unit test
// checks).
#include <span>
#include <string>

namespace kiosk::board {

#define KIOSK_BOARD_STRINGS(X)                                                             \
    X(NowCalling, "Xin mời công dân có số", "Now calling number")                          \
    X(ToCounter, "QUẦY", "COUNTER")                                                        \
    X(CallLine, "{} → Quầy {}", "{} → Counter {}")                                         \
    X(JustCalled, "MỚI GỌI", "JUST CALLED")                                                \
    X(CalledAgain, "GỌI LẠI", "CALLED AGAIN")                                              \
    X(NoCallsYet, "Chưa có số nào được gọi", "No number has been called yet")              \
    X(RecentTitle, "Các số vừa gọi", "Recent calls")                                       \
    X(NumberColumn, "Số", "Number")                                                        \
    X(CounterColumn, "Quầy", "Counter")                                                    \
    X(CounterN, "Quầy {}", "Counter {}")                                                   \
    X(WaitingTitle, "Đang chờ", "Waiting")                                                 \
    X(WaitingPeople, "{} người", "{} people")                                              \
    X(Connecting, "Đang kết nối với máy chủ hàng đợi…", "Connecting to the queue server…") \
    X(Reconnecting, "Đang kết nối lại…", "Reconnecting…")                                  \
    X(ReconnectingHint, "Các số mới sẽ hiện ra ngay khi kết nối lại.",                     \
      "New calls will appear as soon as the link is back.")

enum class BStr {
#define KIOSK_BOARD_STR_ENUM(name, vi, en) name,
    KIOSK_BOARD_STRINGS(KIOSK_BOARD_STR_ENUM)
#undef KIOSK_BOARD_STR_ENUM
};

struct BoardString {
    BStr id;
    const char* key;
    const char* vi;
    const char* en;
};

std::span<const BoardString> all_board_strings();
const char* vi(BStr id);
const char* en(BStr id);
// Each "{}" in turn replaced by the values, in each language.
std::string vi(BStr id, const std::string& a, const std::string& b = {});
std::string en(BStr id, const std::string& a, const std::string& b = {});

}  // namespace kiosk::board
