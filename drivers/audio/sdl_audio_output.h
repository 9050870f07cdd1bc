#pragma once
// AudioOutput on an SDL2 audio device using SDL's own queue (SDL_QueueAudio): the device thread
// plays queued audio in order and silence when the queue is empty, so announcements queued from
// any thread play one after another and never overlap. SDL_AUDIODRIVER selects the driver
// (pulseaudio, pipewire, alsa; "disk" with SDL_DISKAUDIOFILE writes the raw samples to a file).
#include <cstdint>
#include <string>

#include "drivers/audio/audio_output.h"

namespace kiosk::audio {

class SdlAudioOutput final : public AudioOutput {
  public:
    // Opens `device` ("" = the system default) for mono signed 16-bit at `sample_rate`; SDL
    // converts when the hardware wants another format. Throws AudioError with SDL's reason.
    explicit SdlAudioOutput(int sample_rate = kVoiceSampleRate, const std::string& device = "");
    ~SdlAudioOutput() override;
    SdlAudioOutput(const SdlAudioOutput&) = delete;
    SdlAudioOutput& operator=(const SdlAudioOutput&) = delete;

    int sample_rate() const override { return sample_rate_; }
    void enqueue(const AudioBuffer& audio) override;
    double queued_seconds() const override;
    bool wait_until_played(std::chrono::milliseconds max_wait) override;

    std::string driver_name() const;  // the SDL audio driver in use, for logs

  private:
    int sample_rate_;
    std::uint32_t device_ = 0;
    int device_buffer_frames_ = 0;
};

}  // namespace kiosk::audio
