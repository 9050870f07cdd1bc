#include "clip_library.h"

#include <filesystem>

#include "drivers/audio/resample.h"
#include "drivers/audio/wav_file.h"

namespace kiosk::audio {

namespace {

bool is_safe_id(const std::string& id) {
    if (id.empty()) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::string clip_file(const std::string& dir, const std::string& id) {
    return dir.empty() ? std::string() : (std::filesystem::path(dir) / (id + ".wav")).string();
}

}  // namespace

ClipLibrary::ClipLibrary(ClipDirectories dirs) : dirs_(std::move(dirs)) {
    if (dirs_.sample_rate < 8000 || dirs_.sample_rate > 192000) {
        throw AudioError("clip library: sample rate " + std::to_string(dirs_.sample_rate) +
                         " Hz is outside 8000-192000");
    }
}

std::string ClipLibrary::path_of(const std::string& id) const {
    if (!is_safe_id(id)) return {};  // ids come from code, but never let one climb directories
    for (const auto* dir : {&dirs_.override_dir, &dirs_.default_dir}) {
        const std::string path = clip_file(*dir, id);
        std::error_code ec;
        if (!path.empty() && std::filesystem::is_regular_file(path, ec)) return path;
    }
    return {};
}

std::vector<std::string> ClipLibrary::missing(const std::vector<std::string>& ids) const {
    std::vector<std::string> out;
    for (const auto& id : ids) {
        if (path_of(id).empty()) out.push_back(id);
    }
    return out;
}

const AudioBuffer& ClipLibrary::clip(const std::string& id) {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(id); it != cache_.end()) return it->second;
    if (!is_safe_id(id)) {
        throw AudioError("voice clip id '" + id + "' is invalid (a-z, 0-9, '-', '_' only)");
    }
    const std::string path = path_of(id);
    if (path.empty()) {
        std::string tried;
        for (const auto* dir : {&dirs_.override_dir, &dirs_.default_dir}) {
            if (dir->empty()) continue;
            tried += (tried.empty() ? "" : ", ") + clip_file(*dir, id);
        }
        throw AudioError("voice clip '" + id + "' not found (tried " +
                         (tried.empty() ? std::string("no directory configured") : tried) + ")");
    }
    AudioBuffer audio = resample_linear(read_wav(path), dirs_.sample_rate);
    return cache_.emplace(id, std::move(audio)).first->second;
}

}  // namespace kiosk::audio
