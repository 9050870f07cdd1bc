// kiosk_voice_tool — build-time helper for the default clip set (drivers/audio/CMakeLists.txt):
//   kiosk_voice_tool chime OUT.wav          synthesise the call chime
//   kiosk_voice_tool trim IN.wav OUT.wav    cut espeak-ng's leading/trailing silence, resample
//                                           to 22050 Hz mono 16-bit
#include <cstdio>
#include <string>

#include "drivers/audio/chime.h"
#include "drivers/audio/resample.h"
#include "drivers/audio/silence_trim.h"
#include "drivers/audio/wav_file.h"

using namespace kiosk::audio;

int main(int argc, char** argv) {
    const std::string command = argc > 1 ? argv[1] : "";
    try {
        if (command == "chime" && argc == 3) {
            write_wav(argv[2], synthesise_chime(kVoiceSampleRate));
            return 0;
        }
        if (command == "trim" && argc == 4) {
            const AudioBuffer trimmed =
                trim_silence(resample_linear(read_wav(argv[2]), kVoiceSampleRate));
            if (trimmed.samples.empty()) {
                std::fprintf(stderr, "kiosk_voice_tool: %s is silent\n", argv[2]);
                return 1;
            }
            write_wav(argv[3], trimmed);
            return 0;
        }
    } catch (const AudioError& e) {
        std::fprintf(stderr, "kiosk_voice_tool: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: kiosk_voice_tool chime OUT.wav | trim IN.wav OUT.wav\n");
    return 2;
}
