#include "kiosk/platform/preview_texture.h"

#include <cstdio>

#include <SDL.h>

namespace kiosk::platform {

PreviewTexture::~PreviewTexture() {
    release();
}

void PreviewTexture::release() {
    if (texture_) SDL_DestroyTexture(texture_);
    texture_ = nullptr;
    width_ = height_ = 0;
    sequence_ = 0;
}

SDL_Texture* PreviewTexture::update(SDL_Renderer* renderer, const GrayPreview& frame) {
    if (!frame.pixels || frame.width <= 0 || frame.height <= 0) return nullptr;
    if (texture_ && frame.sequence == sequence_ && frame.width == width_ && frame.height == height_)
        return texture_;
    if (!texture_ || frame.width != width_ || frame.height != height_) {
        release();
        texture_ = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB24, SDL_TEXTUREACCESS_STREAMING,
                                     frame.width, frame.height);
        if (!texture_) {
            if (!failing_)
                std::fprintf(stderr, "kiosk: camera preview: SDL_CreateTexture(%dx%d) failed: %s\n",
                             frame.width, frame.height, SDL_GetError());
            failing_ = true;
            return nullptr;
        }
        width_ = frame.width;
        height_ = frame.height;
    }
    const size_t n = static_cast<size_t>(frame.width) * static_cast<size_t>(frame.height);
    rgb_.resize(n * 3);
    const std::uint8_t* g = frame.pixels.get();
    for (size_t i = 0; i < n; ++i)
        rgb_[3 * i] = rgb_[3 * i + 1] = rgb_[3 * i + 2] = g[i];
    if (SDL_UpdateTexture(texture_, nullptr, rgb_.data(), frame.width * 3) != 0) {
        if (!failing_)
            std::fprintf(stderr, "kiosk: camera preview: SDL_UpdateTexture failed: %s\n",
                         SDL_GetError());
        failing_ = true;
        return nullptr;
    }
    failing_ = false;
    sequence_ = frame.sequence;
    return texture_;
}

}  // namespace kiosk::platform
