#pragma once
// What the satisfaction rating screen draws (Screen::Rating): filled by the app's RatingFlow.
#include <string>
#include <vector>

namespace kiosk::ui {

struct RatingView {};

}  // namespace kiosk::ui
