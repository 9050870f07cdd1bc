#include "drivers/printer/printer_transport.h"

namespace kiosk::printer {

std::string_view to_string(TransportError error) {
    switch (error) {
        case TransportError::None:
            return "None";
        case TransportError::InvalidUri:
            return "InvalidUri";
        case TransportError::OpenFailed:
            return "OpenFailed";
        case TransportError::ResolveFailed:
            return "ResolveFailed";
        case TransportError::ConnectFailed:
            return "ConnectFailed";
        case TransportError::ConnectTimeout:
            return "ConnectTimeout";
        case TransportError::WriteTimeout:
            return "WriteTimeout";
        case TransportError::WriteFailed:
            return "WriteFailed";
        case TransportError::Disconnected:
            return "Disconnected";
        case TransportError::ReadFailed:
            return "ReadFailed";
        case TransportError::DeviceGone:
            return "DeviceGone";
    }
    return "Unknown";
}

ReceiveResult PrinterTransport::receive(std::span<uint8_t>, std::chrono::milliseconds) {
    ReceiveResult r;
    r.error = TransportError::ReadFailed;
    r.detail = describe() + ": this transport cannot read replies from the printer";
    return r;
}

}  // namespace kiosk::printer
