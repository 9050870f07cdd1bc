#pragma once
// Where announcements go: the SDL device on the calling board, or a recorder in tests. Audio is
// appended behind everything queued before, so two announcements never overlap.
#include <chrono>

#include "drivers/audio/audio_buffer.h"

namespace kiosk::audio {

class AudioOutput {
  public:
    virtual ~AudioOutput() = default;

    virtual int sample_rate() const = 0;
    // Queues mono 16-bit samples at sample_rate() behind earlier audio; returns at once.
    // Throws AudioError on a rate mismatch or a device failure.
    virtual void enqueue(const AudioBuffer& audio) = 0;
    // Audio queued but not yet handed to the device.
    virtual double queued_seconds() const = 0;
    // Blocks until everything queued has been played, at most `max_wait`; true when it has.
    virtual bool wait_until_played(std::chrono::milliseconds max_wait) = 0;
};

}  // namespace kiosk::audio
