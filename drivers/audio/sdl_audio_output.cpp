#include "sdl_audio_output.h"

#include <SDL.h>

#include <thread>

namespace kiosk::audio {

SdlAudioOutput::SdlAudioOutput(int sample_rate, const std::string& device)
    : sample_rate_(sample_rate) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        throw AudioError(std::string("SDL audio: cannot initialise (") + SDL_GetError() +
                         "); set SDL_AUDIODRIVER or write a WAV file instead");
    }
    SDL_AudioSpec want{};
    want.freq = sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;      // ~46 ms at 22.05 kHz: small enough that a call starts promptly
    want.callback = nullptr;  // queue mode (SDL_QueueAudio)
    SDL_AudioSpec have{};
    device_ = SDL_OpenAudioDevice(device.empty() ? nullptr : device.c_str(), 0, &want, &have, 0);
    if (device_ == 0) {
        const std::string why = SDL_GetError();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        throw AudioError("SDL audio: cannot open device '" +
                         (device.empty() ? std::string("default") : device) + "' (driver " +
                         (SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "none") +
                         "): " + why);
    }
    device_buffer_frames_ = have.samples;
    SDL_PauseAudioDevice(device_, 0);  // start: plays silence until something is queued
}

SdlAudioOutput::~SdlAudioOutput() {
    SDL_CloseAudioDevice(device_);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlAudioOutput::enqueue(const AudioBuffer& audio) {
    if (audio.sample_rate != sample_rate_) {
        throw AudioError("SDL audio: buffer at " + std::to_string(audio.sample_rate) +
                         " Hz, device opened at " + std::to_string(sample_rate_) + " Hz");
    }
    if (audio.samples.empty()) return;
    const auto bytes = static_cast<Uint32>(audio.samples.size() * sizeof(std::int16_t));
    if (SDL_QueueAudio(device_, audio.samples.data(), bytes) != 0) {
        throw AudioError(std::string("SDL audio: queueing failed: ") + SDL_GetError());
    }
}

double SdlAudioOutput::queued_seconds() const {
    const Uint32 bytes = SDL_GetQueuedAudioSize(device_);
    return static_cast<double>(bytes) / sizeof(std::int16_t) / sample_rate_;
}

bool SdlAudioOutput::wait_until_played(std::chrono::milliseconds max_wait) {
    const auto deadline = std::chrono::steady_clock::now() + max_wait;
    while (SDL_GetQueuedAudioSize(device_) > 0) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    // The queue is empty once the device thread has taken the last chunk; it still has to play
    // that chunk (one device buffer). Two buffers' time covers the driver's own latency.
    std::this_thread::sleep_for(
        std::chrono::milliseconds(2 * 1000 * device_buffer_frames_ / sample_rate_ + 20));
    return true;
}

std::string SdlAudioOutput::driver_name() const {
    const char* name = SDL_GetCurrentAudioDriver();
    return name ? name : "";
}

}  // namespace kiosk::audio
