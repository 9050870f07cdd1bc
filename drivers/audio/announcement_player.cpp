#include "announcement_player.h"

namespace kiosk::audio {

AnnouncementPlayer::AnnouncementPlayer(ClipLibrary& library, AudioOutput& output,
                                       PlayerSettings settings)
    : library_(library), output_(output), settings_(settings) {
    if (library_.sample_rate() != output_.sample_rate()) {
        throw AudioError("announcement player: clips at " + std::to_string(library_.sample_rate()) +
                         " Hz, output at " + std::to_string(output_.sample_rate()) + " Hz");
    }
    if (settings_.between_ms < 0) throw AudioError("announcement player: between_ms < 0");
}

AudioBuffer AnnouncementPlayer::play(const std::vector<std::string>& clip_ids) {
    AudioBuffer speech = assemble_clips(clip_ids, library_, settings_.timing);
    AudioBuffer with_pause = speech;
    with_pause.samples.insert(with_pause.samples.end(),
                              samples_for_ms(with_pause.sample_rate, settings_.between_ms), 0);
    std::lock_guard lock(mutex_);  // one enqueue per announcement, in call order
    output_.enqueue(with_pause);
    return speech;
}

}  // namespace kiosk::audio
