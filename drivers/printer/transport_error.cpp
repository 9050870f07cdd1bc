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
    }
    return "Unknown";
}

}  // namespace kiosk::printer
