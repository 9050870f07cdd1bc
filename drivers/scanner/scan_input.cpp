#include "drivers/scanner/scan_input.h"

namespace kiosk::scanner {

const char* to_string(ScanSource source) {
    switch (source) {
        case ScanSource::Camera:
            return "camera";
        case ScanSource::EvdevScanner:
            return "evdev scanner";
        case ScanSource::SerialScanner:
            return "serial scanner";
        case ScanSource::KeyboardBurst:
            return "keyboard burst";
        case ScanSource::Script:
            return "script";
    }
    return "unknown";
}

const char* to_string(ScanSymbology symbology) {
    switch (symbology) {
        case ScanSymbology::Unknown:
            return "unknown";
        case ScanSymbology::QrCode:
            return "QR Code";
        case ScanSymbology::Code128:
            return "Code 128";
    }
    return "unknown";
}

}  // namespace kiosk::scanner
