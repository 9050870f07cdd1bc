#pragma once
// What the satisfaction rating screen draws (Screen::Rating): filled by the app's RatingFlow.
// Nothing personal: a ticket number, its field and counter, and the citizen's own taps.
//
// ActionType::Rating args: "key:<c>" (a digit or prefix letter), "back", "clear", "submit"
// (check the typed number), "level:<1-5>", "reason:<code>" (one of kRatingReasonCodes),
// "skip" (no reason), "again" (enter another number).
#include <string>
#include <vector>

namespace kiosk::ui {

enum class RatingStage {
    Entry,     // "Quét mã QR trên vé hoặc nhập số thứ tự": scan area + number keypad
    Checking,  // the ticket is being looked up in the queue
    Choose,    // "Số 1001 · Hộ tịch · Quầy 2" and the five levels
    Reason,    // after a low level: one optional reason word
    Saving,    // the rating is being written
    Thanks,    // "Cảm ơn Quý khách đã đánh giá", home after a few seconds
    Refused,   // the ticket cannot be rated (why in `refusal`)
    Failed,    // the store could not be read or written
};

enum class RatingRefusalKind { NotFound, NotServedYet, Voided, NoShow, OtherDay, AlreadyRated };

// Why the last input on the Entry stage was refused.
enum class RatingProblem {
    None,
    ScanNotTicket,    // a dossier receipt, an ID card or anything but our ticket QR
    TicketElsewhere,  // our ticket form, another office's ticket
    TypedEmpty,       // "Xác nhận" with nothing typed
};

// Reason words the screen offers (in this order) and the flow accepts.
inline constexpr const char* kRatingReasonCodes[] = {"long_wait", "staff_attitude",
                                                     "unclear_guidance", "complex_procedure"};

struct RatingView {
    RatingStage stage = RatingStage::Entry;
    // Entry: what was typed, the letter keys the office's prefixes need ("A", "B"…; none when
    // every prefix is a digit), whether a camera preview is available.
    std::string typed;
    std::vector<std::string> letters;
    bool camera = false;
    RatingProblem problem = RatingProblem::None;
    // Choose / Reason / Saving / Thanks / Refused: the ticket in question.
    std::string number;
    std::string service_vi, service_en;
    int counter = 0;
    int level = 0;  // Reason / Saving / Thanks: the level tapped (1–5)
    RatingRefusalKind refusal = RatingRefusalKind::NotFound;
    int seconds_until_home = 0;  // Thanks
};

}  // namespace kiosk::ui
