#pragma once
// The two-note "ding-dong" that opens every call, synthesised so the default clip set needs no
// recording: G5 then E5, each with two soft overtones and an exponential decay.
#include "drivers/audio/audio_buffer.h"

namespace kiosk::audio {

AudioBuffer synthesise_chime(int sample_rate = kVoiceSampleRate);

}  // namespace kiosk::audio
