#include "voice_paths.h"

#include <filesystem>
#include <vector>

namespace kiosk::audio {

namespace {

std::vector<std::filesystem::path> candidates(const std::string& lang) {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const auto bin = exe.parent_path();
    return {bin / ".." / "assets" / "voice" / lang,
            bin / ".." / "share" / "motcua-kiosk" / "voice" / lang};
}

}  // namespace

std::string default_voice_dir_candidates(const std::string& lang) {
    std::string text;
    for (const auto& dir : candidates(lang)) {
        text += (text.empty() ? "" : ", ") + dir.lexically_normal().string();
    }
    return text;
}

std::string find_default_voice_dir(const std::string& lang) {
    for (const auto& dir : candidates(lang)) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / "chime.wav", ec)) {
            return dir.lexically_normal().string();
        }
    }
    return {};
}

}  // namespace kiosk::audio
