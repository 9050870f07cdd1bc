#pragma once
// Citizen satisfaction ratings (notes/domain.md §12): a ticket served today by a counter can be
// rated once, on one of five levels, with an optional reason word for the two low levels. The
// rating and its `rating.submitted` outbox event commit in one transaction (docs/sync-api.md).
// Opens its own connection to the kiosk's queue.db; use it from one thread (the app worker, or
// the hub under its mutex).
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "clock.h"
#include "sqlite_db.h"

namespace kiosk {

// 1 = Rất không hài lòng … 5 = Rất hài lòng.
inline constexpr int kRatingLevelMin = 1;
inline constexpr int kRatingLevelMax = 5;
inline constexpr int kRatingReasonMaxLevel = 2;  // reasons are asked for levels 1 and 2 only
inline constexpr size_t kRatingCommentMaxBytes = 500;

// "RKHL", "KHL", "BT", "HL", "RHL" (the short codes of domain.md §12); "" outside 1–5.
const char* rating_level_code(int level);

enum class RatingReason { None, LongWait, StaffAttitude, UnclearGuidance, ComplexProcedure };
const char* to_string(RatingReason r);  // "", "long_wait", "staff_attitude", …
std::optional<RatingReason> rating_reason_from_string(const std::string& s);

// Why a ticket cannot be rated (each one gets its own calm words on screen).
enum class RatingRefusal {
    None,
    NotFound,      // no ticket with that number today
    NotServedYet,  // waiting, at a counter or set aside: rating comes after the service
    Voided,        // the number was cancelled (printer failure)
    NoShow,        // missed its calls and left the queue
    OtherDay,      // a ticket of another day (scanned QR)
    AlreadyRated,  // one rating per ticket
};
const char* to_string(RatingRefusal r);  // "not_found", "not_served_yet", … (logs, LAN API)

// The served ticket a rating is about.
struct RatableTicket {
    int64_t id = 0;
    std::string business_date;
    std::string number;
    std::string service_id;  // the field that served it (after any transfer)
    int counter = 0;
    TimePoint served_at{};
};

struct RatingCheck {
    RatingRefusal refusal = RatingRefusal::NotFound;
    std::optional<RatableTicket> ticket;  // set when rateable
    bool ok() const { return refusal == RatingRefusal::None; }
};

struct RatingInput {
    std::string business_date;  // the ticket's day (today's for a typed number)
    std::string number;
    int level = 0;  // 1–5
    RatingReason reason = RatingReason::None;
    std::string comment;           // optional, NFC, ≤ 500 bytes (LAN tablets); never shown
    std::string source = "kiosk";  // "kiosk" or "lan" (who took it)
};

struct RatingResult {
    RatingRefusal refusal = RatingRefusal::None;
    std::optional<RatableTicket> ticket;
    std::string event_uuid;  // the outbox event written with it
    bool ok() const { return refusal == RatingRefusal::None; }
};

class RatingStore {
  public:
    explicit RatingStore(const std::string& path);
    ~RatingStore();

    // Whether the ticket `number` of `business_date` can be rated at `now`: served by a counter
    // on its own day, that day being today, and not rated yet.
    RatingCheck check(const std::string& business_date, const std::string& number,
                      TimePoint now) const;
    // Records the rating and its outbox event in one transaction, re-checking inside it (two
    // kiosks or a kiosk and a LAN tablet may race). Throws std::invalid_argument for a level
    // outside 1–5, a reason with a level above 2, or a comment that is too long or not NFC;
    // StoreError when SQLite fails (nothing is written then).
    RatingResult submit(const RatingInput& input, TimePoint now);

    // Ratings recorded for a day, by level (staff screen, reports).
    std::map<int, int> counts_of_day(const std::string& business_date) const;

  private:
    RatingCheck check_locked(const std::string& business_date, const std::string& number,
                             TimePoint now) const;

    std::unique_ptr<SqliteDb> db_;
};

}  // namespace kiosk
