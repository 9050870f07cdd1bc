#include "announcement.h"

namespace kiosk {

namespace {

std::vector<VoiceWord> build_voice_vocabulary() {
    std::vector<VoiceWord> words = {
        {kChimeClip, ""},
        {kInviteClip, "Xin mời công dân có số thứ tự"},
        {kToCounterClip, "đến quầy số"},
    };
    const auto& numbers = number_vocabulary();
    words.insert(words.end(), numbers.begin(), numbers.end());
    return words;
}

std::string sentence_text(const std::vector<std::string>& clip_ids) {
    std::string text;
    for (const auto& id : clip_ids) {
        const auto word = voice_word_text(id);
        if (!word || word->empty()) continue;  // the chime says nothing
        if (!text.empty()) text += ' ';
        text += *word;
    }
    return text;
}

}  // namespace

const std::vector<VoiceWord>& voice_vocabulary() {
    static const std::vector<VoiceWord> words = build_voice_vocabulary();
    return words;
}

std::optional<std::string_view> voice_word_text(std::string_view clip_id) {
    for (const auto& word : voice_vocabulary()) {
        if (word.id == clip_id) return word.text;
    }
    return std::nullopt;
}

AnnouncementResult build_announcement(const Call& call, const AnnouncementStyle& style) {
    AnnouncementResult result;
    if (call.counter < 1 || call.counter > kMaxCounterNumber) {
        result.error = "counter " + std::to_string(call.counter) + ": must be between 1 and " +
                       std::to_string(kMaxCounterNumber);
        return result;
    }
    if (style.repeat < 1 || style.repeat > kMaxRepeat) {
        result.error = "repeat " + std::to_string(style.repeat) + ": must be between 1 and " +
                       std::to_string(kMaxRepeat);
        return result;
    }
    const auto number = ticket_number_clip_ids(call.ticket_number, style.reading);
    if (!number.ok()) {
        result.error = number.error;
        return result;
    }
    const NumberReading counter_reading =
        style.reading == NumberReading::Digits ? NumberReading::North : style.reading;
    const auto counter = number_clip_ids(static_cast<std::uint64_t>(call.counter), counter_reading);

    std::vector<std::string> sentence;
    sentence.emplace_back(kInviteClip);
    sentence.insert(sentence.end(), number.clip_ids.begin(), number.clip_ids.end());
    sentence.emplace_back(kToCounterClip);
    sentence.insert(sentence.end(), counter->begin(), counter->end());

    Announcement announcement;
    announcement.clip_ids.emplace_back(kChimeClip);
    for (int i = 0; i < style.repeat; ++i) {
        if (i > 0) announcement.clip_ids.emplace_back(kPauseClip);
        announcement.clip_ids.insert(announcement.clip_ids.end(), sentence.begin(), sentence.end());
    }
    announcement.sentence = sentence_text(sentence);
    result.announcement = std::move(announcement);
    return result;
}

}  // namespace kiosk
