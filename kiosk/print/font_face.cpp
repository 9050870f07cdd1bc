#include "kiosk/print/font_face.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string_view>

namespace kiosk::print {
namespace {

struct FtErrorEntry {
    int code;
    const char* message;
};

// FreeType's own message table (the documented FT_ERRORDEF expansion of fterrors.h), so
// messages work even when the library was built without FT_CONFIG_OPTION_ERROR_STRINGS.
// clang-format off
const char* freetype_message(FT_Error error) {
#undef FTERRORS_H_
#define FT_ERRORDEF(e, v, s) {e, s},
#define FT_ERROR_START_LIST {
#define FT_ERROR_END_LIST {0, nullptr}};
    static const FtErrorEntry table[] =
#include FT_ERRORS_H
    for (const FtErrorEntry* e = table; e->message != nullptr; ++e)
        if (e->code == error) return e->message;
    return "unknown FreeType error";
}
// clang-format on

std::string describe(const std::string& what, const std::string& path, FT_Error error) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%02X", static_cast<unsigned>(error));
    return what + " '" + path + "': FreeType error " + code + " (" + freetype_message(error) + ")";
}

constexpr int kMaxPixelSize = 4000;

uint64_t glyph_key(char32_t cp, PixelSize size) {
    return static_cast<uint64_t>(cp & 0x1FFFFFu) | (static_cast<uint64_t>(size.width) << 21) |
           (static_cast<uint64_t>(size.height) << 37);
}

uint64_t size_key(PixelSize size) {
    return static_cast<uint64_t>(size.width) << 32 | static_cast<uint64_t>(size.height);
}

// The tallest and deepest letters Vietnamese text can contain: stacked circumflex/breve + tone
// above capitals, dot below under descender-free letters, and Latin descenders.
constexpr char32_t kTallProbes[] = U"ẪỖỮẬỆẶỘẤẦẨỄỀỂỸỶỠỚẮẰẲẴÁÂĂÕ|";
constexpr char32_t kDeepProbes[] = U"gjpqyỵỴẠẶỢỰỆỘỊ|";

// Drops blank border rows/columns (anti-aliased fringe below the threshold) so a mask's box
// is exactly its ink, which makes measured extents equal to what is drawn.
void trim_to_ink(GlyphMask& g) {
    int l = g.width, r = 0, t = g.height, b = 0;
    for (int y = 0; y < g.height; ++y)
        for (int x = 0; x < g.width; ++x)
            if (g.ink[static_cast<size_t>(y) * g.width + x]) {
                l = std::min(l, x), r = std::max(r, x + 1);
                t = std::min(t, y), b = std::max(b, y + 1);
            }
    if (r <= l) {  // no ink at all (space, or a mark that vanished at this size)
        g.width = g.height = 0;
        g.ink.clear();
        return;
    }
    if (l == 0 && t == 0 && r == g.width && b == g.height) return;
    std::vector<uint8_t> ink(static_cast<size_t>(r - l) * static_cast<size_t>(b - t));
    for (int y = t; y < b; ++y)
        std::copy_n(g.ink.begin() + static_cast<ptrdiff_t>(y) * g.width + l, r - l,
                    ink.begin() + static_cast<ptrdiff_t>(y - t) * (r - l));
    g.left += l;
    g.top -= t;
    g.width = r - l;
    g.height = b - t;
    g.ink = std::move(ink);
}

}  // namespace

FontError::FontError(std::string path, int freetype_error, const std::string& message)
    : RenderError(message), path_(std::move(path)), freetype_error_(freetype_error) {}

struct FontFace::Impl {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    ~Impl() {
        if (face) FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }
};

std::shared_ptr<FontFace> FontFace::load(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw FontError(path, FT_Err_Cannot_Open_Resource,
                        describe("cannot load font", path, FT_Err_Cannot_Open_Resource) +
                            ": no such regular file");

    std::shared_ptr<FontFace> font(new FontFace());
    font->impl_ = std::make_unique<Impl>();
    font->path_ = path;
    if (FT_Error e = FT_Init_FreeType(&font->impl_->library))
        throw FontError(path, e, describe("cannot initialise FreeType for font", path, e));
    if (FT_Error e = FT_New_Face(font->impl_->library, path.c_str(), 0, &font->impl_->face))
        throw FontError(path, e, describe("cannot load font", path, e));
    FT_Face face = font->impl_->face;
    if (!FT_IS_SCALABLE(face))
        throw FontError(
            path, FT_Err_Invalid_File_Format,
            describe("font is not scalable (outline) font", path, FT_Err_Invalid_File_Format));
    if (FT_Error e = FT_Select_Charmap(face, FT_ENCODING_UNICODE))
        throw FontError(path, e, describe("font has no Unicode character map", path, e));
    font->has_kerning_ = FT_HAS_KERNING(face);
    return font;
}

FontFace::~FontFace() = default;

void FontFace::select_size(PixelSize size) {
    if (size.width <= 0 || size.height <= 0 || size.width > kMaxPixelSize ||
        size.height > kMaxPixelSize)
        throw RenderError("font '" + path_ + "': pixel size " + std::to_string(size.width) + "x" +
                          std::to_string(size.height) + " outside 1.." +
                          std::to_string(kMaxPixelSize));
    if (size == selected_) return;
    if (FT_Error e = FT_Set_Pixel_Sizes(impl_->face, static_cast<FT_UInt>(size.width),
                                        static_cast<FT_UInt>(size.height)))
        throw FontError(path_, e,
                        describe("cannot set pixel size " + std::to_string(size.width) + "x" +
                                     std::to_string(size.height) + " on font",
                                 path_, e));
    selected_ = size;
}

const GlyphMask& FontFace::glyph(char32_t code_point, PixelSize size) {
    std::lock_guard lock(mutex_);
    return glyph_locked(code_point, size);
}

const GlyphMask& FontFace::glyph_locked(char32_t code_point, PixelSize size) {
    const uint64_t key = glyph_key(code_point, size);
    if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;

    select_size(size);
    FT_Face face = impl_->face;
    const FT_UInt index = FT_Get_Char_Index(face, code_point);  // 0 = .notdef box
    if (FT_Error e = FT_Load_Glyph(face, index, FT_LOAD_TARGET_LIGHT | FT_LOAD_RENDER)) {
        char cp[16];
        std::snprintf(cp, sizeof cp, "U+%04X", static_cast<unsigned>(code_point));
        throw FontError(path_, e,
                        describe(std::string("cannot render ") + cp + " with font", path_, e));
    }
    const FT_GlyphSlot slot = face->glyph;
    const FT_Bitmap& bm = slot->bitmap;

    GlyphMask g;
    g.index = index;
    g.left = slot->bitmap_left;
    g.top = slot->bitmap_top;
    g.width = static_cast<int>(bm.width);
    g.height = static_cast<int>(bm.rows);
    g.advance_26_6 = static_cast<int>(slot->advance.x);
    g.ink.assign(static_cast<size_t>(g.width) * static_cast<size_t>(g.height), 0);
    for (int y = 0; y < g.height; ++y) {
        const unsigned char* src = bm.buffer + static_cast<ptrdiff_t>(y) * bm.pitch;
        uint8_t* dst = g.ink.data() + static_cast<size_t>(y) * g.width;
        for (int x = 0; x < g.width; ++x) {
            const bool black = bm.pixel_mode == FT_PIXEL_MODE_MONO
                                   ? (src[x >> 3] & (0x80 >> (x & 7))) != 0
                                   : src[x] >= kInkThreshold;
            dst[x] = black ? 1 : 0;
        }
    }
    trim_to_ink(g);
    return glyphs_.emplace(key, std::move(g)).first->second;
}

int FontFace::kerning_26_6(uint32_t left_index, uint32_t right_index, PixelSize size) {
    if (!has_kerning_ || left_index == 0 || right_index == 0) return 0;
    std::lock_guard lock(mutex_);
    select_size(size);
    FT_Vector delta{};
    if (FT_Get_Kerning(impl_->face, left_index, right_index, FT_KERNING_DEFAULT, &delta) != 0)
        return 0;  // kerning is an refinement; a bad pair must not stop printing
    return static_cast<int>(delta.x);
}

VerticalMetrics FontFace::metrics(PixelSize size) {
    std::lock_guard lock(mutex_);
    const uint64_t key = size_key(size);
    if (auto it = metrics_.find(key); it != metrics_.end()) return it->second;

    select_size(size);
    const FT_Size_Metrics& m = impl_->face->size->metrics;
    VerticalMetrics vm;
    vm.ascent = static_cast<int>((m.ascender + 63) >> 6);
    vm.descent = static_cast<int>((-m.descender + 63) >> 6);
    for (char32_t cp : std::u32string_view(kTallProbes)) {
        const GlyphMask& g = glyph_locked(cp, size);
        if (g.height > 0) vm.ascent = std::max(vm.ascent, g.top + 1);
    }
    for (char32_t cp : std::u32string_view(kDeepProbes)) {
        const GlyphMask& g = glyph_locked(cp, size);
        if (g.height > 0) vm.descent = std::max(vm.descent, g.height - g.top + 1);
    }
    metrics_.emplace(key, vm);
    return vm;
}

FontCache& FontCache::shared() {
    static FontCache cache;
    return cache;
}

std::shared_ptr<FontFace> FontCache::get(const std::string& path) {
    std::lock_guard lock(mutex_);
    if (auto it = faces_.find(path); it != faces_.end()) return it->second;
    auto face = FontFace::load(path);
    faces_.emplace(path, face);
    return face;
}

void FontCache::clear() {
    std::lock_guard lock(mutex_);
    faces_.clear();
}

}  // namespace kiosk::print
