#pragma once
// The board's voice: calls are queued and spoken one after another on their own thread — chime,
// "Xin mời công dân có số thứ tự … đến quầy số …" — never over each other; a recall is simply
// queued again. Each announcement is logged with its clip ids (and optionally written as a WAV)
// so an office, or a test, can check exactly what was said.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "drivers/audio/audio_output.h"
#include "drivers/audio/clip_library.h"
#include "kiosk/core/announcement.h"

namespace kiosk::board {

struct VoiceSetup {
    std::string clips_dir;    // office recordings ([voice] clips_dir); may be empty
    std::string default_dir;  // the espeak-ng set; empty = audio::find_default_voice_dir()
    int gap_ms = 120;         // between words ([voice] gap_ms)
    int pause_ms = 700;       // between repetitions of the sentence
    int between_ms = 800;     // silence after each announcement, before the next one
    std::string wav_log_dir;  // non-empty: write each announcement as NNNN-<number>-q<k>.wav
};

struct SpokenCall {
    std::string number;
    int counter = 0;
    bool recall = false;
};

// What was (or could not be) said, in order; for logs and tests.
struct AnnouncementRecord {
    SpokenCall call;
    std::vector<std::string> clip_ids;
    double seconds = 0;    // length of the speech
    std::string wav_path;  // when wav_log_dir is set
    std::string error;     // empty when it was played
};

class AnnouncementQueue {
  public:
    // Throws audio::AudioError when no clip directory exists at all.
    AnnouncementQueue(VoiceSetup setup, audio::AudioOutput& output);
    ~AnnouncementQueue();  // stops after the announcement in hand; the rest is dropped
    AnnouncementQueue(const AnnouncementQueue&) = delete;
    AnnouncementQueue& operator=(const AnnouncementQueue&) = delete;

    // Any thread; returns at once.
    void enqueue(const SpokenCall& call, const AnnouncementStyle& style);
    // Blocks until everything queued has been spoken (or max_wait passed); true when it has.
    bool wait_idle(std::chrono::milliseconds max_wait);
    std::vector<AnnouncementRecord> history() const;

  private:
    struct Item {
        SpokenCall call;
        AnnouncementStyle style;
    };
    void loop();
    AnnouncementRecord speak(const Item& item);

    VoiceSetup setup_;
    audio::AudioOutput& output_;
    std::unique_ptr<audio::ClipLibrary> library_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Item> queue_;
    bool speaking_ = false;
    bool stopping_ = false;
    int counter_ = 0;  // announcements so far (file names)
    std::vector<AnnouncementRecord> history_;
    std::thread thread_;  // last: started when everything else exists
};

}  // namespace kiosk::board
