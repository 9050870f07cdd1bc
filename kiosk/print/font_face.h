#pragma once
// One TrueType face loaded with FreeType, with a per-size cache of thresholded glyph masks.
// Glyphs are rasterised anti-aliased and then cut at a fixed threshold (never dithered) so text
// stays crisp on a thermal head. Faces are cached per path for the life of the process.
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace kiosk::print {

// Base of everything the print renderer throws.
class RenderError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A font could not be opened or used. what() names the file and the FreeType error.
class FontError : public RenderError {
  public:
    FontError(std::string path, int freetype_error, const std::string& message);
    const std::string& path() const { return path_; }
    int freetype_error() const { return freetype_error_; }

  private:
    std::string path_;
    int freetype_error_;
};

// Nominal em size in pixels. width < height gives a horizontally condensed face (used to fit
// a long queue number); width == height is the normal face.
struct PixelSize {
    int width = 0;
    int height = 0;
    static PixelSize square(int px) { return {px, px}; }
    bool operator==(const PixelSize&) const = default;
};

// A glyph as black/white pixels, positioned relative to the pen (x) and the baseline (y).
struct GlyphMask {
    uint32_t index = 0;        // glyph index in the face (for kerning)
    int left = 0;              // first column, relative to the pen position
    int top = 0;               // rows above the baseline of the first row
    int width = 0;             // mask columns
    int height = 0;            // mask rows
    int advance_26_6 = 0;      // pen advance, 1/64 pixel
    std::vector<uint8_t> ink;  // width × height, 1 = black
};

// Line box for one size: ascent/descent include (with one blank row to spare) the tallest
// Vietnamese stacked capitals and the deepest dot-below marks actually present in the face, so
// nothing drawn on a line is clipped.
struct VerticalMetrics {
    int ascent = 0;   // rows above the baseline
    int descent = 0;  // rows below the baseline
    int line_height() const { return ascent + descent; }
};

class FontFace {
  public:
    // Opens the file; throws FontError (path + FreeType error) when it is missing or unusable.
    static std::shared_ptr<FontFace> load(const std::string& path);
    ~FontFace();
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;

    const std::string& path() const { return path_; }
    bool has_kerning() const { return has_kerning_; }

    // Thresholded mask for a code point at a size. The reference stays valid for the life of
    // the face. Throws FontError if FreeType cannot render it (a damaged font).
    const GlyphMask& glyph(char32_t code_point, PixelSize size);
    // Kerning between two glyph indices in 1/64 pixel (0 when the face has no kern table).
    int kerning_26_6(uint32_t left_index, uint32_t right_index, PixelSize size);
    VerticalMetrics metrics(PixelSize size);

    // Coverage (0–255) at or above which a pixel becomes black. Slightly below half so thin
    // strokes survive on the thermal head.
    static constexpr uint8_t kInkThreshold = 110;

  private:
    FontFace() = default;
    void select_size(PixelSize size);  // mutex_ held
    const GlyphMask& glyph_locked(char32_t code_point, PixelSize size);

    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string path_;
    bool has_kerning_ = false;
    std::mutex mutex_;  // a FreeType face is not thread-safe
    PixelSize selected_{};
    std::unordered_map<uint64_t, GlyphMask> glyphs_;
    std::unordered_map<uint64_t, VerticalMetrics> metrics_;
};

// Process-wide cache: each font file is opened once. Thread-safe.
class FontCache {
  public:
    static FontCache& shared();
    // Throws FontError when the file cannot be loaded (failures are not cached: a font that
    // appears later, e.g. after a package install, is picked up on the next call).
    std::shared_ptr<FontFace> get(const std::string& path);
    void clear();

  private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<FontFace>> faces_;
};

}  // namespace kiosk::print
