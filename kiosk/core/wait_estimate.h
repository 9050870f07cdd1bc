#pragma once
// "Thời gian chờ dự kiến": people ahead × mean service time ÷ counters serving the field.
#include <optional>

namespace kiosk {

// Minutes, rounded up; 0 when nobody is ahead. Without measured service times the configured
// default per citizen is used, so the first ticket of the day still gets an honest estimate.
int estimate_wait_minutes(int people_ahead, std::optional<double> mean_service_seconds,
                          int default_service_minutes, int open_counters);

}  // namespace kiosk
