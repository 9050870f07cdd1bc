#pragma once
// Chains clips into one buffer: each clip as recorded, `gap_ms` of silence between neighbours, and
// the pause id (kiosk::kPauseClip, "pause") replaced by `pause_ms` of silence instead of a gap.
// Concatenation, never overlap: the result is sample-for-sample predictable from the clip files.
#include <string>
#include <vector>

#include "drivers/audio/audio_buffer.h"
#include "drivers/audio/clip_library.h"

namespace kiosk::audio {

struct SequenceTiming {
    int gap_ms = 80;     // between words: short, the clips are trimmed
    int pause_ms = 700;  // between repetitions of the sentence
};

// Throws AudioError for an unknown clip (see ClipLibrary::clip) or negative timings.
AudioBuffer assemble_clips(const std::vector<std::string>& clip_ids, ClipLibrary& library,
                           const SequenceTiming& timing = {});

}  // namespace kiosk::audio
