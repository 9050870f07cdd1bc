#pragma once
// The reply-parser fuzz body, shared by the libFuzzer target (clang, KIOSK_FUZZ) and the replay
// test that runs in every build: feeds the input to every parser and checks the invariants.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace kiosk::sync::testing {
// "" when every invariant holds, else what broke (the fuzz target aborts on it).
std::string check_reply_parsers(std::span<const uint8_t> input);
}  // namespace kiosk::sync::testing
