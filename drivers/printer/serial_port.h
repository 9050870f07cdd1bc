#pragma once
// termios set-up for an ESC/POS printer on a serial line: raw 8N1, a fixed baud rate and the
// flow control the printer is set to. Epson's DTR/DSR default is not available in termios, so
// the printer must be switched to RTS/CTS or XON/XOFF (notes §6).
#include <string>
#include <string_view>

namespace kiosk::printer {

enum class FlowControl { None, RtsCts, XonXoff };

struct SerialSettings {
    int baud = 115200;
    FlowControl flow = FlowControl::RtsCts;
};

std::string_view to_string(FlowControl flow);  // "none", "rtscts", "xonxoff"
// 2400 … 230400 (the rates ESC/POS printers offer).
bool is_supported_baud(int baud);
// Puts the open tty `fd` into raw mode with `settings` and flushes both queues. Returns an
// empty string, or what failed ("tcsetattr: Inappropriate ioctl for device (errno 25)").
std::string configure_serial_port(int fd, const SerialSettings& settings);

}  // namespace kiosk::printer
