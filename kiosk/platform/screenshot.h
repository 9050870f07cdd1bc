#pragma once
// Screenshots of the current frame: read the renderer's pixels before SDL_RenderPresent and
// write a PNG via a temporary file + rename, so no reader ever sees a half-written file.
#include <string>

#include <SDL.h>

namespace kiosk::platform {

// Returns an empty string on success, otherwise what failed (with the path and SDL/errno text).
std::string save_screenshot(SDL_Renderer* renderer, const std::string& path);

}  // namespace kiosk::platform
