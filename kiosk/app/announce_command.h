#pragma once
// `kiosk announce NUMBER COUNTER [--wav OUT.wav] [--reading north|south|digits]`: prints the
// words of a call and plays it (or writes it as a WAV), so an office can check its recordings and
// its reading rules without a calling board. Clips marked '*' come from the office's directory.
#include <optional>
#include <ostream>
#include <string>

#include "drivers/audio/audio_output.h"
#include "kiosk/core/vietnamese_numbers.h"

namespace kiosk::app {

struct AnnounceCommandOptions {
    std::string number;  // as printed on the ticket: "1005", "A012"
    int counter = 0;
    NumberReading reading = NumberReading::North;  // config [voice] reading, or --reading
    int repeat = 1;                                // config [voice] repeat
    std::string clips_dir;          // office recordings ([voice] clips_dir); may be empty
    std::string default_clips_dir;  // empty: audio::find_default_voice_dir()
    std::string wav_path;           // write the audio here instead of playing it
    std::string audio_device;       // SDL device name ([voice] device); empty = default
    int gap_ms = 80;                // silence between words ([voice] gap_ms)
    int pause_ms = 700;             // between repetitions ([voice] pause_ms)
    // Plays here instead of opening an SDL device (tests); not owned.
    audio::AudioOutput* output = nullptr;
};

// kExitOk when the call was written or played; kExitBadConfig for a number, counter or option
// that cannot be announced; kExitFailure for missing or unreadable clips and audio device errors.
int announce_command(const AnnounceCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kiosk::app
