#pragma once
// Where the default (espeak-ng) clip set lives: next to the executable in the build tree
// (build/bin/kiosk → build/assets/voice/vi) or in an installed tree (bin/ → share/motcua-kiosk/).
#include <string>

namespace kiosk::audio {

// Candidate directories for language `lang`, in search order.
std::string default_voice_dir_candidates(const std::string& lang = "vi");
// The first candidate that holds the chime clip; "" when none does.
std::string find_default_voice_dir(const std::string& lang = "vi");

}  // namespace kiosk::audio
