#include "scan_bench_zbar.h"

#include <zbar.h>

namespace kiosk::bench {

std::vector<std::string> zbar_decode(const uint8_t* pixels, int width, int height) {
    std::vector<std::string> out;
    zbar::zbar_image_scanner_t* scanner = zbar::zbar_image_scanner_create();
    zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_CODE128, zbar::ZBAR_CFG_ENABLE, 1);
    zbar::zbar_image_t* image = zbar::zbar_image_create();
    zbar::zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(image, static_cast<unsigned>(width), static_cast<unsigned>(height));
    zbar::zbar_image_set_data(
        image, pixels, static_cast<unsigned long>(width) * static_cast<unsigned long>(height),
        nullptr);
    if (zbar::zbar_scan_image(scanner, image) > 0)
        for (auto* s = zbar::zbar_image_first_symbol(image); s; s = zbar::zbar_symbol_next(s))
            out.emplace_back(zbar::zbar_symbol_get_data(s));
    zbar::zbar_image_destroy(image);
    zbar::zbar_image_scanner_destroy(scanner);
    return out;
}

}  // namespace kiosk::bench
