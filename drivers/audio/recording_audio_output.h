#pragma once
// Test double for AudioOutput: keeps every enqueued buffer, and their concatenation — exactly the
// samples a device would play, in order. Thread-safe.
#include <mutex>
#include <vector>

#include "drivers/audio/audio_output.h"

namespace kiosk::audio {

class RecordingAudioOutput final : public AudioOutput {
  public:
    explicit RecordingAudioOutput(int sample_rate = kVoiceSampleRate);

    int sample_rate() const override { return sample_rate_; }
    void enqueue(const AudioBuffer& audio) override;
    double queued_seconds() const override { return 0; }  // "plays" instantly
    bool wait_until_played(std::chrono::milliseconds) override { return true; }

    std::vector<AudioBuffer> enqueued() const;  // one entry per enqueue() call
    AudioBuffer played() const;                 // all of them back to back

  private:
    int sample_rate_;
    mutable std::mutex mutex_;
    std::vector<AudioBuffer> enqueued_;
};

}  // namespace kiosk::audio
