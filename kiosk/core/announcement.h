#pragma once
// What the calling board says for one call, as a sequence of clip ids: chime, "Xin mời công dân có
// số thứ tự", the ticket number, "đến quầy số", the counter number — said `repeat` times with a
// pause between. Pure: a recall builds the same announcement again and queues it behind whatever
// is playing (drivers/audio never mixes two announcements over each other).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/vietnamese_numbers.h"

namespace kiosk {

inline constexpr std::string_view kChimeClip = "chime";
inline constexpr std::string_view kInviteClip = "invite";  // Xin mời công dân có số thứ tự
inline constexpr std::string_view kToCounterClip = "to-counter";  // đến quầy số
// Silence between repetitions; not a file — the player inserts it (length is its setting).
inline constexpr std::string_view kPauseClip = "pause";

inline constexpr int kMaxCounterNumber = 999;
inline constexpr int kMaxRepeat = 3;

struct AnnouncementStyle {
    // How the ticket number is read. The counter is always read as a number: with Digits it uses
    // the Northern words ("quầy số mười hai", not "một hai").
    NumberReading reading = NumberReading::North;
    int repeat = 1;  // sentences per call, 1..kMaxRepeat; one chime before the first
};

struct Call {
    std::string ticket_number;  // as printed: "1005", "A012"
    int counter = 0;            // 1..kMaxCounterNumber
};

struct Announcement {
    std::vector<std::string> clip_ids;  // chime, invite, …, [pause, invite, …]
    std::string sentence;  // one repetition, NFC: "Xin mời công dân có số thứ tự … đến quầy số ba"
};

struct AnnouncementResult {
    std::optional<Announcement> announcement;
    std::string error;  // why the call cannot be announced (bad number, counter, repeat)
    bool ok() const { return announcement.has_value(); }
};

AnnouncementResult build_announcement(const Call& call, const AnnouncementStyle& style);

// Every clip id an announcement can contain that is backed by a recording (phrases, chime,
// number words, letters) with its words; the chime's text is empty. kPauseClip is not listed.
const std::vector<VoiceWord>& voice_vocabulary();
std::optional<std::string_view> voice_word_text(std::string_view clip_id);

}  // namespace kiosk
