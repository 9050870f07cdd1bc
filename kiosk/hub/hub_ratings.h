#pragma once
// POST /lan/v1/ratings (docs/lan-api.md): a rating tablet at a counter submits a citizen's
// satisfaction rating through the hub, into the same RatingStore (and outbox) as the kiosk
// screen. Validates the JSON body, answers 201 with the rating or a refusal with its code.
// Thread-safe: one RatingStore connection behind a mutex, opened on first use.
#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <string>

#include "kiosk/core/clock.h"

namespace kiosk {
class RatingStore;
}

namespace kiosk::hub {

struct LanRatingReply {
    int status = 500;
    nlohmann::json body;
};

class LanRatings {
  public:
    LanRatings(std::string db_path, const Clock& clock);
    ~LanRatings();

    // Body: {"number": "1001", "level": 1-5, "reason": "long_wait" (levels 1-2, optional),
    // "comment": "…" (optional, ≤ 500 bytes), "business_date": "YYYY-MM-DD" (optional, today)}.
    LanRatingReply submit(const nlohmann::json& body);

  private:
    std::string db_path_;
    const Clock& clock_;
    std::mutex mutex_;
    std::unique_ptr<RatingStore> store_;
};

}  // namespace kiosk::hub
