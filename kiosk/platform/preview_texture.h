#pragma once
// The camera preview as an SDL streaming texture: grey bytes expanded to RGB24 and uploaded
// once per new frame (sequence), recreated when the size changes. Lives on the UI thread.
#include <cstdint>
#include <vector>

#include "kiosk/platform/gray_preview.h"

struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk::platform {

class PreviewTexture {
  public:
    PreviewTexture() = default;
    ~PreviewTexture();
    PreviewTexture(const PreviewTexture&) = delete;
    PreviewTexture& operator=(const PreviewTexture&) = delete;

    // The texture showing `frame` (uploaded if new), or nullptr (no frame / SDL failed; the
    // reason is logged once per failure streak).
    SDL_Texture* update(SDL_Renderer* renderer, const GrayPreview& frame);
    // Frees the texture (before the renderer goes away).
    void release();

  private:
    SDL_Texture* texture_ = nullptr;
    int width_ = 0, height_ = 0;
    std::uint64_t sequence_ = 0;
    bool failing_ = false;
    std::vector<std::uint8_t> rgb_;
};

}  // namespace kiosk::platform
