#pragma once
// Finds and caches voice clips by id: `<override_dir>/<id>.wav` (the office's own recordings)
// wins over `<default_dir>/<id>.wav` (the espeak-ng set generated at build time), clip by clip.
// Every clip is converted to mono 16-bit at the library's rate when first loaded. Thread-safe.
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "drivers/audio/audio_buffer.h"

namespace kiosk::audio {

struct ClipDirectories {
    std::string override_dir;  // may be empty or missing: then only defaults are used
    std::string default_dir;
    int sample_rate = kVoiceSampleRate;
};

class ClipLibrary {
  public:
    explicit ClipLibrary(ClipDirectories dirs);

    int sample_rate() const { return dirs_.sample_rate; }
    const ClipDirectories& directories() const { return dirs_; }

    // The file that would be used for `id`, or "" when neither directory has one.
    std::string path_of(const std::string& id) const;
    // Ids (from `ids`) that have no file in either directory, in the given order.
    std::vector<std::string> missing(const std::vector<std::string>& ids) const;

    // The clip at sample_rate(). Throws AudioError naming the id and the paths tried, or the
    // file's problem. The reference stays valid for the library's lifetime.
    const AudioBuffer& clip(const std::string& id);

  private:
    ClipDirectories dirs_;
    mutable std::mutex mutex_;
    std::map<std::string, AudioBuffer> cache_;
};

}  // namespace kiosk::audio
