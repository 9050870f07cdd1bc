#include "clip_sequence.h"

#include "kiosk/core/announcement.h"

namespace kiosk::audio {

AudioBuffer assemble_clips(const std::vector<std::string>& clip_ids, ClipLibrary& library,
                           const SequenceTiming& timing) {
    if (timing.gap_ms < 0 || timing.pause_ms < 0) {
        throw AudioError("clip sequence: gap_ms and pause_ms must not be negative");
    }
    const int rate = library.sample_rate();
    AudioBuffer out;
    out.sample_rate = rate;
    bool after_clip = false;  // a gap goes only between two spoken clips
    for (const auto& id : clip_ids) {
        if (id == kPauseClip) {
            out.samples.insert(out.samples.end(), samples_for_ms(rate, timing.pause_ms), 0);
            after_clip = false;
            continue;
        }
        const AudioBuffer& clip = library.clip(id);
        if (after_clip)
            out.samples.insert(out.samples.end(), samples_for_ms(rate, timing.gap_ms), 0);
        out.samples.insert(out.samples.end(), clip.samples.begin(), clip.samples.end());
        after_clip = true;
    }
    return out;
}

}  // namespace kiosk::audio
