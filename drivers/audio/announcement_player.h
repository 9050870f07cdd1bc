#pragma once
// Plays calls: assembles the clip ids of a kiosk::Announcement and queues the audio, followed by a
// short silence, on an AudioOutput. Calls from several threads queue whole announcements one
// after another (a recall is simply another play() of the same clip ids).
#include <mutex>
#include <string>
#include <vector>

#include "drivers/audio/audio_output.h"
#include "drivers/audio/clip_library.h"
#include "drivers/audio/clip_sequence.h"

namespace kiosk::audio {

struct PlayerSettings {
    SequenceTiming timing;
    int between_ms = 1000;  // silence queued after each announcement, before the next one
};

class AnnouncementPlayer {
  public:
    // Throws AudioError when the library and the output run at different rates.
    AnnouncementPlayer(ClipLibrary& library, AudioOutput& output, PlayerSettings settings = {});

    // Assembles and queues; returns the assembled speech (without the trailing silence).
    // Throws AudioError (missing clip, unreadable file, device failure); nothing is queued then.
    AudioBuffer play(const std::vector<std::string>& clip_ids);

  private:
    ClipLibrary& library_;
    AudioOutput& output_;
    PlayerSettings settings_;
    std::mutex mutex_;
};

}  // namespace kiosk::audio
