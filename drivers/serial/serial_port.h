#pragma once
// termios set-up for a serial line, shared by ESC/POS printers and serial barcode scanners: raw
// 8N1, a fixed baud rate and the flow control the device is set to. Epson's DTR/DSR default is
// not available in termios, so a printer must be switched to RTS/CTS or XON/XOFF (notes §6).
#include <string>
#include <string_view>

namespace kiosk::serial {

enum class FlowControl { None, RtsCts, XonXoff };

struct SerialSettings {
    int baud = 115200;
    FlowControl flow = FlowControl::RtsCts;
};

std::string_view to_string(FlowControl flow);  // "none", "rtscts", "xonxoff"
// 1200 … 230400 (the rates printers and scanners offer).
bool is_supported_baud(int baud);
// Puts the open tty `fd` into raw mode with `settings` and drops unsent output from a previous
// owner (input is kept; a scanner's caller may flush it). Returns an
// empty string, or what failed ("tcsetattr: Inappropriate ioctl for device (errno 25)").
std::string configure_serial_port(int fd, const SerialSettings& settings);

}  // namespace kiosk::serial
