#pragma once
// The payload-parser fuzz body, shared by the libFuzzer target (clang, KIOSK_FUZZ) and the replay
// test that runs in every build. Classifies the input and checks the invariants.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "kiosk/core/scan_payload.h"

namespace kiosk::scan::testing {

// Fixed context: 27/11/2026 10:00 in Vietnam, the demo ticket URL template, office "nghean".
PayloadContext fuzz_payload_context();

// Returns "" when every invariant holds, else what broke (the fuzz target aborts on it).
std::string check_payload_invariants(std::span<const uint8_t> input);

}  // namespace kiosk::scan::testing
