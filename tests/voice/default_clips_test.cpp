// The espeak-ng clip set the build generated (drivers/audio/voice_clips.cmake) matches the
// vocabulary the announcements use.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>

#include "drivers/audio/silence_trim.h"
#include "drivers/audio/wav_file.h"
#include "kiosk/core/announcement.h"
#include "kiosk/core/unicode.h"
#include "voice_test_paths.h"

using namespace kiosk;

namespace {

std::map<std::string, std::string> clip_list() {
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/assets/voice/vi/clips.tsv");
    REQUIRE(in);
    std::map<std::string, std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        REQUIRE_MESSAGE(tab != std::string::npos, line);
        CHECK(out.emplace(line.substr(0, tab), line.substr(tab + 1)).second);
    }
    return out;
}

}  // namespace

TEST_CASE("clips.tsv lists exactly the vocabulary, with the same words") {
    const auto list = clip_list();
    std::size_t spoken = 0;
    for (const auto& word : voice_vocabulary()) {
        if (word.id == kChimeClip) continue;  // synthesised
        ++spoken;
        const auto it = list.find(std::string(word.id));
        REQUIRE_MESSAGE(it != list.end(), word.id);
        CHECK(it->second == word.text);
        CHECK(is_nfc(it->second));
    }
    CHECK(list.size() == spoken);
}

TEST_CASE("every clip of the default set exists, decodes and is trimmed speech") {
    const std::string dir = test::default_voice_dir();
    for (const auto& word : voice_vocabulary()) {
        CAPTURE(word.id);
        const std::string path = dir + "/" + std::string(word.id) + ".wav";
        const auto clip = audio::read_wav(path);
        CHECK(clip.sample_rate == audio::kVoiceSampleRate);
        CHECK(clip.seconds() > 0.05);
        CHECK(clip.seconds() < 3.5);
        // Trimming again changes nothing: the build already cut the silence.
        if (word.id != kChimeClip) CHECK(audio::trim_silence(clip).samples == clip.samples);
    }
}
