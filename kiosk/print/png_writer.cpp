#include "kiosk/print/png_writer.h"

// Declarations only: Debian's libstb already contains the implementation.
#include <stb_image_write.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace kiosk::print {
namespace {

constexpr int kMaxDimension = 1 << 15;

std::string errno_text(int err) {
    return std::strerror(err);
}

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    const auto* bytes = static_cast<const uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

// Writes all of `data` to fd; returns errno on failure, 0 on success.
int write_all(int fd, const std::vector<uint8_t>& data) {
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        done += static_cast<size_t>(n);
    }
    return 0;
}

PngWriteResult write_atomically(const std::string& path, const std::vector<uint8_t>& png) {
    const std::filesystem::path target(path);
    std::filesystem::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    std::string tmp = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();

    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        return {"cannot create temporary file for '" + path + "' in '" + dir.string() +
                "': " + errno_text(errno)};
    ::fchmod(fd, 0644);  // mkstemp creates 0600; previews are meant to be read by others

    if (const int err = write_all(fd, png)) {
        ::close(fd);
        ::unlink(tmp.c_str());
        return {"cannot write " + std::to_string(png.size()) + " bytes to '" + tmp +
                "': " + errno_text(err)};
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return {"cannot flush '" + tmp + "' to disk: " + errno_text(err)};
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return {"cannot close '" + tmp + "': " + errno_text(err)};
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return {"cannot rename '" + tmp + "' to '" + path + "': " + errno_text(err)};
    }
    return {};
}

PngWriteResult encode_and_write(const std::string& path, int width, int height, int channels,
                                const uint8_t* pixels, int stride) {
    if (path.empty()) return {"cannot write PNG: empty path"};
    if (width <= 0 || height <= 0 || width > kMaxDimension || height > kMaxDimension)
        return {"cannot write PNG '" + path + "': invalid size " + std::to_string(width) + "x" +
                std::to_string(height) + " (1.." + std::to_string(kMaxDimension) + " each)"};
    if (pixels == nullptr) return {"cannot write PNG '" + path + "': no pixel data"};
    if (stride == 0) stride = width * channels;
    if (stride < width * channels)
        return {"cannot write PNG '" + path + "': row stride " + std::to_string(stride) +
                " is smaller than " + std::to_string(width * channels) + " bytes per row"};

    std::vector<uint8_t> png;
    if (stbi_write_png_to_func(append_bytes, &png, width, height, channels, pixels, stride) == 0 ||
        png.empty())
        return {"cannot write PNG '" + path + "': stb_image_write failed to encode " +
                std::to_string(width) + "x" + std::to_string(height) + " image"};
    return write_atomically(path, png);
}

}  // namespace

PngWriteResult write_png(const std::string& path, const MonoBitmap& bitmap) {
    if (bitmap.empty()) return {"cannot write PNG '" + path + "': bitmap is empty"};
    const std::vector<uint8_t> gray = bitmap.to_gray8();
    return encode_and_write(path, bitmap.width(), bitmap.height(), 1, gray.data(), bitmap.width());
}

PngWriteResult write_png_gray8(const std::string& path, int width, int height,
                               const uint8_t* pixels, int stride) {
    return encode_and_write(path, width, height, 1, pixels, stride);
}

PngWriteResult write_png_rgba8(const std::string& path, int width, int height,
                               const uint8_t* pixels, int stride) {
    return encode_and_write(path, width, height, 4, pixels, stride);
}

}  // namespace kiosk::print
