#pragma once
// Cuts the leading and trailing near-silence espeak-ng puts around every word, keeping a short
// margin, so chained clips sound like one sentence and the gaps are ours (mixer gap_ms).
#include "drivers/audio/audio_buffer.h"

namespace kiosk::audio {

struct TrimSettings {
    int threshold = 300;  // |sample| at or below this counts as silence (~ -40 dBFS)
    int margin_ms = 20;   // kept before the first and after the last loud sample
};

// An all-silent clip comes back empty.
AudioBuffer trim_silence(const AudioBuffer& audio, const TrimSettings& settings = {});

}  // namespace kiosk::audio
