#pragma once
// The decoder fuzz body, shared by the libFuzzer target (clang, KIOSK_FUZZ) and the replay test
// that runs in every build. Decodes the input under tight limits and checks the invariants.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "drivers/printer/escpos_decoder.h"

namespace kiosk::printer::testing {

// Limits small enough that a fuzzer cannot make the decoder allocate much.
DecodeLimits fuzz_decode_limits();

// Returns "" when every invariant holds, else what broke (the fuzz target aborts on it).
std::string check_decoder_invariants(std::span<const uint8_t> input);

}  // namespace kiosk::printer::testing
