#pragma once
// Parameter counts of the fixed-length ESC/POS commands the decoder recognises and skips
// (code pages, styles, spacing, ASB, drawer pulse …). Variable-length commands (GS v 0, GS ( …,
// ESC *, GS k, ESC D) are parsed by the decoder itself.
#include <cstdint>

namespace kiosk::printer::escpos {

// Parameter bytes after `prefix code` (prefix ESC, GS or FS); -1 if not a known fixed command.
int fixed_parameter_count(uint8_t prefix, uint8_t code);

}  // namespace kiosk::printer::escpos
