#pragma once
// zbar (optional, LGPL, Debian libzbar-dev) as a comparison decoder for scan_bench. Kept in its
// own translation unit: zbar's C++ headers clash with ZXing's.
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::bench {

// Texts of the QR and Code 128 symbols zbar finds in an 8-bit grey (Y800) image.
std::vector<std::string> zbar_decode(const uint8_t* pixels, int width, int height);

}  // namespace kiosk::bench
