#pragma once
// A grey camera picture handed to the runner for display (the UI never touches SDL): the runner
// uploads it to a texture when `sequence` changes and gives the UI an ImTextureID.
#include <cstdint>
#include <memory>

namespace kiosk::platform {

struct GrayPreview {
    int width = 0;
    int height = 0;
    std::uint64_t sequence = 0;                  // changes ⇒ re-upload
    std::shared_ptr<const std::uint8_t> pixels;  // width × height bytes, no padding
};

}  // namespace kiosk::platform
