#include "kiosk/print/qr_raster.h"

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace kiosk::print {
namespace {

struct QrCodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

std::string quoted_prefix(std::string_view payload) {
    constexpr size_t kShown = 40;
    std::string shown;
    for (char c : payload.substr(0, kShown)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F) {
            shown += c;
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", u);
            shown += hex;
        }
    }
    return "\"" + shown + (payload.size() > kShown ? "…\"" : "\"");
}

}  // namespace

QrResult render_qr(std::string_view payload, const QrOptions& options) {
    QrResult result;
    if (payload.empty()) {
        result.error = "QR payload is empty";
        return result;
    }
    for (size_t i = 0; i < payload.size(); ++i) {
        const auto u = static_cast<unsigned char>(payload[i]);
        if (u < 0x20 || u > 0x7E) {
            char detail[96];
            std::snprintf(detail, sizeof detail, "byte 0x%02X at offset %zu", u, i);
            result.error = "QR payload " + quoted_prefix(payload) +
                           " is not printable ASCII: " + detail +
                           " (printed QR codes must be ASCII for keyboard-wedge scanners)";
            return result;
        }
    }
    if (options.max_width <= 0 || options.min_scale < 1 || options.max_scale < options.min_scale ||
        options.quiet_zone < 0) {
        result.error = "invalid QR options: max_width " + std::to_string(options.max_width) +
                       ", scale " + std::to_string(options.min_scale) + ".." +
                       std::to_string(options.max_scale) + ", quiet zone " +
                       std::to_string(options.quiet_zone);
        return result;
    }

    const std::string text(payload);  // NUL-terminated copy for the C API
    errno = 0;
    std::unique_ptr<QRcode, QrCodeDeleter> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) {
        const int err = errno;
        result.error = "QR payload " + quoted_prefix(payload) + " (" +
                       std::to_string(payload.size()) + " bytes) cannot be encoded: " +
                       (err == ERANGE ? std::string("too long for a version-40 symbol at ECC M")
                                      : std::string(std::strerror(err)));
        return result;
    }

    const int modules = code->width;
    const int total_modules = modules + 2 * options.quiet_zone;
    int scale = std::min(options.max_scale, options.max_width / total_modules);
    if (scale < options.min_scale) {
        result.error = "QR payload " + quoted_prefix(payload) + " needs version " +
                       std::to_string(code->version) + " (" + std::to_string(total_modules) +
                       " modules with quiet zone), which does not fit " +
                       std::to_string(options.max_width) + " dots at the minimum scale of " +
                       std::to_string(options.min_scale) + " dots per module";
        return result;
    }

    QrRaster qr;
    qr.version = code->version;
    qr.modules = modules;
    qr.scale = scale;
    qr.bitmap = MonoBitmap(total_modules * scale, total_modules * scale);
    const int offset = options.quiet_zone * scale;
    for (int my = 0; my < modules; ++my)
        for (int mx = 0; mx < modules; ++mx)
            if (code->data[my * modules + mx] & 1)  // bit 0 = dark module
                qr.bitmap.fill_rect(offset + mx * scale, offset + my * scale, scale, scale);
    result.qr = std::move(qr);
    return result;
}

}  // namespace kiosk::print
