#include "recording_audio_output.h"

namespace kiosk::audio {

RecordingAudioOutput::RecordingAudioOutput(int sample_rate) : sample_rate_(sample_rate) {}

void RecordingAudioOutput::enqueue(const AudioBuffer& audio) {
    if (audio.sample_rate != sample_rate_) {
        throw AudioError("recording output: buffer at " + std::to_string(audio.sample_rate) +
                         " Hz, output runs at " + std::to_string(sample_rate_) + " Hz");
    }
    std::lock_guard lock(mutex_);
    enqueued_.push_back(audio);
}

std::vector<AudioBuffer> RecordingAudioOutput::enqueued() const {
    std::lock_guard lock(mutex_);
    return enqueued_;
}

AudioBuffer RecordingAudioOutput::played() const {
    std::lock_guard lock(mutex_);
    AudioBuffer all;
    all.sample_rate = sample_rate_;
    for (const auto& b : enqueued_)
        all.samples.insert(all.samples.end(), b.samples.begin(), b.samples.end());
    return all;
}

}  // namespace kiosk::audio
