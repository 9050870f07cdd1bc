#pragma once
// `kiosk decode IMAGE…`: what the kiosk reads from still images — per symbol its symbology, the
// raw payload (personal parts masked: CCCD fields, SGT owner IDs) and the parsed dossier code or
// why it was rejected. For support staff puzzling over a receipt that will not scan, and tests.
#include <ostream>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"

namespace kiosk::app {

struct DecodeCommandOptions {
    std::vector<std::string> images;
    bool live = false;  // the camera's fast hints instead of the thorough still-image mode
};

// Exit code: 0 when every image yielded a valid dossier code, 1 otherwise (no symbol, only
// rejected/CCCD/ticket payloads, unreadable file), 2 when no image was given.
int decode_command(const KioskConfig& config, const DecodeCommandOptions& options,
                   const Clock& clock, std::ostream& out, std::ostream& err);

}  // namespace kiosk::app
