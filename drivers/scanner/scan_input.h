#pragma once
// One read from any code source — camera, USB scanner (evdev or serial), a keyboard burst
// caught in the UI, or the headless script's `scan` command — delivered through one callback
// type so the lookup flow does not care where a code came from.
#include <functional>
#include <string>

namespace kiosk::scanner {

enum class ScanSource { Camera, EvdevScanner, SerialScanner, KeyboardBurst, Script };
const char* to_string(ScanSource source);  // "camera", "evdev scanner", …

// Scanners in keyboard or serial mode do not say which symbology they read.
enum class ScanSymbology { Unknown, QrCode, Code128 };
const char* to_string(ScanSymbology symbology);  // "unknown", "QR Code", "Code 128"

struct ScanInput {
    std::string payload;  // the code's text exactly as read (UTF-8; wedge scanners: ASCII)
    ScanSource source = ScanSource::Camera;
    ScanSymbology symbology = ScanSymbology::Unknown;
};

// Called on the source's own thread (camera worker, scanner reader): hand the read over to the
// UI thread (e.g. SDL_PushEvent) and return quickly. Never logs the payload (personal data).
using ScanInputCallback = std::function<void(const ScanInput&)>;

}  // namespace kiosk::scanner
