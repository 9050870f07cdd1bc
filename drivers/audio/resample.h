#pragma once
// Sample-rate conversion for office recordings made at 44.1/48 kHz. Linear interpolation: speech
// clips only, where its mild high-frequency loss does not matter. Deterministic (integer result of
// the same double arithmetic on every run), so assembled announcements are reproducible.
#include "drivers/audio/audio_buffer.h"

namespace kiosk::audio {

// Returns `audio` unchanged when the rates already match. Throws AudioError on a rate <= 0.
AudioBuffer resample_linear(const AudioBuffer& audio, int target_rate);

}  // namespace kiosk::audio
