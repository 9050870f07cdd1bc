// The board's voice queue with the real default clips: the exact clip sequence of each call, a
// recall spoken again, whole announcements one after another (never overlapping), WAV log.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "drivers/audio/clip_sequence.h"
#include "drivers/audio/recording_audio_output.h"
#include "drivers/audio/wav_file.h"
#include "kiosk/board/announcement_queue.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::board;
using namespace std::chrono_literals;

namespace {

std::string clips_dir() {
    return std::string(KIOSK_BINARY_DIR) + "/assets/voice/vi";
}

VoiceSetup setup(const std::string& wav_dir = {}) {
    return VoiceSetup{"", clips_dir(), 120, 700, 800, wav_dir};
}

// A device that "plays" at 40× real time and notes whether audio arrived while it was still
// playing something else (which a queue that does not wait would do).
class SimulatedDevice final : public audio::AudioOutput {
  public:
    int sample_rate() const override { return audio::kVoiceSampleRate; }
    void enqueue(const audio::AudioBuffer& a) override {
        const auto now = std::chrono::steady_clock::now();
        if (now < busy_until_) overlapped = true;
        busy_until_ = now + std::chrono::microseconds(static_cast<long>(a.seconds() * 1e6 / 40.0));
        ++enqueued;
    }
    double queued_seconds() const override {
        const auto left = busy_until_ - std::chrono::steady_clock::now();
        return std::max(0.0, std::chrono::duration<double>(left).count() * 40.0);
    }
    bool wait_until_played(std::chrono::milliseconds) override {
        std::this_thread::sleep_until(busy_until_);
        return true;
    }
    std::atomic<bool> overlapped{false};
    std::atomic<int> enqueued{0};

  private:
    std::chrono::steady_clock::time_point busy_until_{};
};

}  // namespace

TEST_CASE("each call is spoken as chime, invitation, number, 'to counter', counter") {
    if (!std::filesystem::exists(clips_dir() + "/chime.wav")) {
        MESSAGE("default voice clips not built in " << clips_dir() << ": skipped");
        return;
    }
    audio::RecordingAudioOutput out;
    AnnouncementQueue queue(setup(), out);
    queue.enqueue({"1005", 3, false}, {NumberReading::North, 1});
    queue.enqueue({"2001", 12, false}, {NumberReading::Digits, 1});
    queue.enqueue({"1005", 3, true}, {NumberReading::North, 1});  // recall: said again
    REQUIRE(queue.wait_idle(20s));
    const auto history = queue.history();
    REQUIRE(history.size() == 3);
    const std::vector<std::string> call_1005{"chime", "invite", "digit-1", "nghin",      "digit-0",
                                             "tram",  "linh",   "digit-5", "to-counter", "digit-3"};
    CHECK(history[0].clip_ids == call_1005);
    CHECK(history[0].error.empty());
    CHECK(history[1].clip_ids == std::vector<std::string>{"chime", "invite", "digit-2", "digit-0",
                                                          "digit-0", "digit-1", "to-counter",
                                                          "muoi-ten", "digit-2"});
    CHECK(history[2].call.recall);
    CHECK(history[2].clip_ids == call_1005);

    // What reached the device: three whole announcements in order, each followed by silence.
    audio::ClipLibrary library({"", clips_dir(), audio::kVoiceSampleRate});
    const auto enqueued = out.enqueued();
    REQUIRE(enqueued.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        audio::AudioBuffer expected =
            audio::assemble_clips(history[i].clip_ids, library, {120, 700});
        expected.samples.resize(
            expected.samples.size() + audio::samples_for_ms(audio::kVoiceSampleRate, 800), 0);
        CHECK(enqueued[i].samples == expected.samples);
    }
}

TEST_CASE("a burst of calls from several threads: one at a time, never over each other") {
    if (!std::filesystem::exists(clips_dir() + "/chime.wav")) {
        MESSAGE("default voice clips not built: skipped");
        return;
    }
    SimulatedDevice device;
    AnnouncementQueue queue(setup(), device);
    std::vector<std::thread> callers;
    for (int t = 0; t < 3; ++t)
        callers.emplace_back([&queue, t] {
            for (int i = 0; i < 3; ++i)
                queue.enqueue({std::to_string(1001 + t * 10 + i), t + 1, i == 2}, {});
        });
    for (auto& c : callers)
        c.join();
    REQUIRE(queue.wait_idle(60s));
    CHECK(device.enqueued == 9);
    CHECK_FALSE(device.overlapped);
    CHECK(queue.history().size() == 9);
}

TEST_CASE("--wav-log writes each announcement as its own WAV; a bad number is logged, not played") {
    if (!std::filesystem::exists(clips_dir() + "/chime.wav")) {
        MESSAGE("default voice clips not built: skipped");
        return;
    }
    test::TempDir dir("wavlog");
    audio::RecordingAudioOutput out;
    AnnouncementQueue queue(setup(dir.file("wav")), out);
    queue.enqueue({"1015", 2, false}, {});
    queue.enqueue({"?!", 2, false}, {});
    queue.enqueue({"1015", 2, true}, {});
    REQUIRE(queue.wait_idle(20s));
    const auto h = queue.history();
    REQUIRE(h.size() == 3);
    CHECK_FALSE(h[1].error.empty());
    CHECK(h[1].clip_ids.empty());
    CHECK(out.enqueued().size() == 2);
    REQUIRE(std::filesystem::exists(h[0].wav_path));
    CHECK(std::filesystem::path(h[0].wav_path).filename() == "0001-1015-q2-call.wav");
    CHECK(std::filesystem::path(h[2].wav_path).filename() == "0002-1015-q2-recall.wav");
    const audio::AudioBuffer written = audio::read_wav(h[2].wav_path);
    CHECK(written.seconds() == doctest::Approx(h[2].seconds).epsilon(0.001));
}
