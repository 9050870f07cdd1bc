#include "drivers/serial/serial_port.h"

#include <termios.h>

#include <cerrno>

#include <cstring>

namespace kiosk::serial {
namespace {

std::string errno_text(int error_number) {
    return std::string(std::strerror(error_number)) + " (errno " + std::to_string(error_number) +
           ")";
}

speed_t speed_for(int baud) {
    switch (baud) {
        case 1200:
            return B1200;
        case 2400:
            return B2400;
        case 4800:
            return B4800;
        case 9600:
            return B9600;
        case 19200:
            return B19200;
        case 38400:
            return B38400;
        case 57600:
            return B57600;
        case 115200:
            return B115200;
        case 230400:
            return B230400;
        default:
            return B0;
    }
}

}  // namespace

std::string_view to_string(FlowControl flow) {
    switch (flow) {
        case FlowControl::None:
            return "none";
        case FlowControl::RtsCts:
            return "rtscts";
        case FlowControl::XonXoff:
            return "xonxoff";
    }
    return "none";
}

bool is_supported_baud(int baud) {
    return speed_for(baud) != B0;
}

std::string configure_serial_port(int fd, const SerialSettings& settings) {
    termios tio{};
    if (::tcgetattr(fd, &tio) != 0) return "tcgetattr (not a serial port?): " + errno_text(errno);
    ::cfmakeraw(&tio);  // 8 data bits, no parity, no echo, no line editing, no CR/LF mapping
    tio.c_cflag |= CLOCAL | CREAD;
    tio.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | CRTSCTS);
    tio.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
    if (settings.flow == FlowControl::RtsCts) tio.c_cflag |= CRTSCTS;
    // XON/XOFF: the printer pauses us with XOFF (13) and resumes with XON (11); both bytes are
    // swallowed by the tty, and neither collides with a status reply pattern.
    if (settings.flow == FlowControl::XonXoff) tio.c_iflag |= IXON | IXOFF;
    tio.c_cc[VMIN] = 0;
    tio.c_cc[VTIME] = 0;
    const speed_t speed = speed_for(settings.baud);
    if (speed == B0) return "unsupported baud rate " + std::to_string(settings.baud);
    if (::cfsetispeed(&tio, speed) != 0 || ::cfsetospeed(&tio, speed) != 0)
        return "cfsetspeed " + std::to_string(settings.baud) + ": " + errno_text(errno);
    if (::tcsetattr(fd, TCSANOW, &tio) != 0) return "tcsetattr: " + errno_text(errno);
    // Unsent output from a previous owner is dropped; input is not flushed: a pending XON from
    // the printer must not be lost (stale replies are drained before each query anyway).
    ::tcflush(fd, TCOFLUSH);
    return {};
}

}  // namespace kiosk::serial
