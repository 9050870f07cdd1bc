#include "kiosk/board/announcement_queue.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>

#include "drivers/audio/announcement_player.h"
#include "drivers/audio/clip_sequence.h"
#include "drivers/audio/voice_paths.h"
#include "drivers/audio/wav_file.h"

namespace kiosk::board {
namespace {

std::string join(const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids)
        s += (s.empty() ? "" : " ") + id;
    return s;
}

// File names keep only safe characters of the ticket number.
std::string safe(const std::string& number) {
    std::string s;
    for (char c : number)
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) s += c;
    return s.empty() ? "x" : s;
}

}  // namespace

AnnouncementQueue::AnnouncementQueue(VoiceSetup setup, audio::AudioOutput& output)
    : setup_(std::move(setup)), output_(output) {
    if (setup_.default_dir.empty()) setup_.default_dir = audio::find_default_voice_dir();
    if (setup_.default_dir.empty() && setup_.clips_dir.empty())
        throw audio::AudioError("voice: no clips: the default set was not found in " +
                                audio::default_voice_dir_candidates() +
                                " and [voice] clips_dir is not set");
    library_ = std::make_unique<audio::ClipLibrary>(
        audio::ClipDirectories{setup_.clips_dir, setup_.default_dir, output_.sample_rate()});
    if (!setup_.wav_log_dir.empty()) std::filesystem::create_directories(setup_.wav_log_dir);
    thread_ = std::thread([this] { loop(); });
}

AnnouncementQueue::~AnnouncementQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    cv_.notify_all();
    thread_.join();
}

void AnnouncementQueue::enqueue(const SpokenCall& call, const AnnouncementStyle& style) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back({call, style});
    }
    cv_.notify_all();
}

bool AnnouncementQueue::wait_idle(std::chrono::milliseconds max_wait) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, max_wait, [this] { return queue_.empty() && !speaking_; });
}

std::vector<AnnouncementRecord> AnnouncementQueue::history() const {
    std::lock_guard lock(mutex_);
    return history_;
}

void AnnouncementQueue::loop() {
    for (;;) {
        Item item;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            item = std::move(queue_.front());
            queue_.pop_front();
            speaking_ = true;
        }
        AnnouncementRecord record = speak(item);
        {
            std::lock_guard lock(mutex_);
            history_.push_back(std::move(record));
            speaking_ = false;
        }
        cv_.notify_all();
    }
}

AnnouncementRecord AnnouncementQueue::speak(const Item& item) {
    AnnouncementRecord record;
    record.call = item.call;
    const char* kind = item.call.recall ? "recall" : "call";
    const auto built = build_announcement({item.call.number, item.call.counter}, item.style);
    if (!built.ok()) {
        record.error = built.error;
        spdlog::error("announce: {} {} → counter {}: cannot be read aloud: {}", kind,
                      item.call.number, item.call.counter, built.error);
        return record;
    }
    record.clip_ids = built.announcement->clip_ids;
    try {
        audio::AnnouncementPlayer player(*library_, output_,
                                         {{setup_.gap_ms, setup_.pause_ms}, setup_.between_ms});
        // play() queues behind anything still sounding; waiting here keeps one announcement in
        // the device at a time, so a long queue never piles up inside SDL.
        const audio::AudioBuffer speech = player.play(record.clip_ids);
        record.seconds = speech.seconds();
        if (!setup_.wav_log_dir.empty()) {
            char name[96];
            std::snprintf(name, sizeof name, "%04d-%s-q%d-%s.wav", ++counter_,
                          safe(item.call.number).c_str(), item.call.counter, kind);
            record.wav_path = (std::filesystem::path(setup_.wav_log_dir) / name).string();
            audio::write_wav(record.wav_path, speech);
        }
        spdlog::info("announce: {} {} → counter {} ({:.2f} s): {}", kind, item.call.number,
                     item.call.counter, record.seconds, join(record.clip_ids));
        const auto budget = std::chrono::milliseconds(static_cast<long>(record.seconds * 1000) +
                                                      setup_.between_ms + 10'000);
        if (!output_.wait_until_played(budget))
            spdlog::warn("announce: the audio device did not finish {} within {} ms",
                         item.call.number, budget.count());
    } catch (const std::exception& e) {
        record.error = e.what();
        spdlog::error("announce: {} {} → counter {}: {}", kind, item.call.number, item.call.counter,
                      e.what());
    }
    return record;
}

}  // namespace kiosk::board
