#pragma once
// The satisfaction rating screens' texts, Vietnamese first, English second (NFC; tests/ui
// checks), kept apart from strings.h so the screens can grow without colliding.
// Texts with a value use "{}" placeholders filled with ui::fill().
#include <span>
#include <string>

#include "kiosk/ui/strings.h"

namespace kiosk::ui {

#define KIOSK_RATING_STRINGS(X)                                                                \
    X(EntryTitle, "Quét mã QR trên vé hoặc nhập số thứ tự",                                    \
      "Scan the QR code on your ticket or type its number")                                    \
    X(HintCamera, "Đưa mã QR trên vé vào trong khung",                                         \
      "Hold the ticket's QR code inside the frame")                                            \
    X(HintScanner, "Đưa mã QR trên vé vào máy quét",                                           \
      "Hold the ticket's QR code under the scanner")                                           \
    X(OrType, "Hoặc nhập số thứ tự in trên vé:", "Or type the number printed on your ticket:") \
    X(EntryEmpty, "Chạm vào các phím số", "Touch the number keys")                             \
    X(KeyBack, "Xoá", "Delete")                                                                \
    X(KeyClear, "Xoá hết", "Clear")                                                            \
    X(KeyOk, "Xác nhận", "Confirm")                                                            \
    X(ScanNotTicket,                                                                           \
      "Đây không phải mã trên vé số thứ tự. Vui lòng quét mã QR trên vé hoặc nhập số thứ tự.", \
      "This is not the code on a queue ticket. Scan the QR code on your ticket or type its "   \
      "number.")                                                                               \
    X(TicketElsewhere, "Vé này không phải của trung tâm này. Vui lòng hỏi cán bộ tiếp nhận.",  \
      "This ticket is from another office. Please ask the reception staff.")                   \
    X(TypedEmpty, "Vui lòng nhập số thứ tự in trên vé.",                                       \
      "Please type the number printed on your ticket.")                                        \
    X(Checking, "Đang tìm vé số {}…", "Looking for ticket {}…")                                \
    X(TicketLine, "Số {}", "Number {}")                                                        \
    X(CounterLine, "Quầy {}", "Counter {}")                                                    \
    X(ChooseTitle, "Quý khách có hài lòng với việc phục vụ không?",                            \
      "How satisfied are you with the service?")                                               \
    X(ChooseHint, "Chạm vào một mức đánh giá", "Touch one answer")                             \
    X(Level5, "Rất hài lòng", "Very satisfied")                                                \
    X(Level4, "Hài lòng", "Satisfied")                                                         \
    X(Level3, "Bình thường", "Neutral")                                                        \
    X(Level2, "Không hài lòng", "Dissatisfied")                                                \
    X(Level1, "Rất không hài lòng", "Very dissatisfied")                                       \
    X(ReasonTitle, "Điều gì làm Quý khách chưa hài lòng?", "What was not good?")               \
    X(ReasonHint, "Chạm vào một ý, hoặc chọn Bỏ qua", "Touch one, or choose Skip")             \
    X(ReasonLongWait, "Chờ lâu", "Long wait")                                                  \
    X(ReasonAttitude, "Thái độ phục vụ", "Staff attitude")                                     \
    X(ReasonGuidance, "Hướng dẫn chưa rõ", "Unclear guidance")                                 \
    X(ReasonProcedure, "Thủ tục phức tạp", "Complicated procedure")                            \
    X(Skip, "Bỏ qua", "Skip")                                                                  \
    X(Saving, "Đang ghi nhận đánh giá…", "Saving your rating…")                                \
    X(Thanks, "Cảm ơn Quý khách đã đánh giá", "Thank you for your rating")                     \
    X(ThanksBody, "Ý kiến của Quý khách giúp chúng tôi phục vụ tốt hơn.",                      \
      "Your opinion helps us serve you better.")                                               \
    X(YouChose, "Quý khách đã chọn: {}", "You chose: {}")                                      \
    X(NotFoundTitle, "Không tìm thấy vé số {}", "Ticket {} was not found")                     \
    X(NotFoundBody, "Vui lòng kiểm tra số in trên vé hôm nay hoặc hỏi cán bộ tiếp nhận.",      \
      "Please check the number on today's ticket or ask the reception staff.")                 \
    X(NotServedTitle, "Số {} chưa được phục vụ xong.", "Number {} has not been served yet.")   \
    X(NotServedBody, "Mời Quý khách đánh giá sau khi làm xong thủ tục.",                       \
      "Please rate the service once your procedure is done.")                                  \
    X(VoidedTitle, "Vé số {} đã bị huỷ.", "Ticket {} was cancelled.")                          \
    X(VoidedBody, "Vé đã huỷ không dùng để đánh giá được. Vui lòng hỏi cán bộ tiếp nhận.",     \
      "A cancelled ticket cannot be rated. Please ask the reception staff.")                   \
    X(NoShowTitle, "Số {} đã được gọi nhưng không có người đến quầy.",                         \
      "Number {} was called but nobody came to the counter.")                                  \
    X(NoShowBody, "Vui lòng hỏi cán bộ tiếp nhận.", "Please ask the reception staff.")         \
    X(OtherDayTitle, "Vé này không phải của hôm nay.", "This ticket is not from today.")       \
    X(OtherDayBody, "Chỉ đánh giá được trong ngày được phục vụ.",                              \
      "A service can be rated on the day it was given.")                                       \
    X(RatedTitle, "Vé số {} đã được đánh giá.", "Ticket {} has already been rated.")           \
    X(RatedBody, "Mỗi vé chỉ đánh giá một lần. Cảm ơn Quý khách!",                             \
      "Each ticket can be rated once. Thank you!")                                             \
    X(FailedTitle, "Chưa ghi nhận được đánh giá", "The rating could not be saved")             \
    X(FailedBody, "Máy đang gặp sự cố. Vui lòng thử lại sau hoặc báo cán bộ tiếp nhận.",       \
      "The kiosk has a problem. Please try again later or tell the reception staff.")          \
    X(Another, "Nhập số khác", "Another number")

enum class RtStr {
#define KIOSK_RT_STR_ENUM(name, vi, en) name,
    KIOSK_RATING_STRINGS(KIOSK_RT_STR_ENUM)
#undef KIOSK_RT_STR_ENUM
};

struct RatingString {
    RtStr id;
    const char* key;
    const char* vi;
    const char* en;
};

std::span<const RatingString> all_rating_strings();
const char* tr(Language lang, RtStr id);
// The words of a level 1–5 ("Rất hài lòng" …); "" outside.
const char* rating_level_words(Language lang, int level);
// The words of a reason code from kRatingReasonCodes; "" for an unknown code.
const char* rating_reason_words(Language lang, const std::string& code);

}  // namespace kiosk::ui
