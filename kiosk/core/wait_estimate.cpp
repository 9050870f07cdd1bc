#include "wait_estimate.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

int estimate_wait_minutes(int people_ahead, std::optional<double> mean_service_seconds,
                          int default_service_minutes, int open_counters) {
    if (people_ahead <= 0) return 0;
    const double per_citizen_s = mean_service_seconds && *mean_service_seconds > 0
                                     ? *mean_service_seconds
                                     : default_service_minutes * 60.0;
    const double total_s = people_ahead * per_citizen_s / std::max(1, open_counters);
    return std::max(1, static_cast<int>(std::ceil(total_s / 60.0)));
}

}  // namespace kiosk
