#pragma once
// What the procedure guide screen draws (Screen::Procedures): filled by the app's ProcedureFlow
// from the cached catalogue.
#include <string>
#include <vector>

namespace kiosk::ui {

struct ProcedureView {};

}  // namespace kiosk::ui
