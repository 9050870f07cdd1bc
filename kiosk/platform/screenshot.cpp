#include "kiosk/platform/screenshot.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include <stb_image_write.h>

namespace kiosk::platform {

std::string save_screenshot(SDL_Renderer* renderer, const std::string& path) {
    int w = 0, h = 0;
    if (SDL_GetRendererOutputSize(renderer, &w, &h) != 0 || w <= 0 || h <= 0)
        return std::string("screenshot ") + path + ": no renderer output size: " + SDL_GetError();
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) *
                                      4);
    // RGBA32 is bytes R, G, B, A in memory on any endianness: what stb expects.
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), w * 4) != 0)
        return std::string("screenshot ") + path +
               ": SDL_RenderReadPixels failed: " + SDL_GetError();
    for (std::size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255;  // the frame is opaque

    std::error_code ec;
    const std::filesystem::path target(path);
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) return "screenshot " + path + ": cannot create directory: " + ec.message();
    const std::string temp = path + ".tmp";
    if (!stbi_write_png(temp.c_str(), w, h, 4, pixels.data(), w * 4)) {
        std::remove(temp.c_str());
        return "screenshot " + path + ": cannot write " + temp + ": " + std::strerror(errno);
    }
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        std::remove(temp.c_str());
        return "screenshot " + path + ": cannot rename " + temp + ": " + ec.message();
    }
    return {};
}

}  // namespace kiosk::platform
