#pragma once
// Printers behind a character device:
//   usb:/dev/usb/lp0      the kernel usblp driver. A blocking usblp write never times out while
//                         the paper is out, so the node is opened O_RDWR|O_NONBLOCK and every
//                         write waits in poll() against the job deadline (EAGAIN = the previous
//                         8 KB URB is still pending). Replies are read from the same node
//                         (bidirectional interfaces only; EINVAL otherwise).
//   serial:/dev/ttyUSB0   a serial line in raw mode with the configured baud rate and flow
//                         control (serial_port.h); the same non-blocking writes and reads.
// The node is opened on the first send and kept open. Any write failure closes it, so the next
// job reopens it: that is how an unplugged and re-plugged printer (ENODEV, then a new device
// behind the same udev symlink) comes back without a restart.
#include <optional>
#include <string>

#include "drivers/printer/fd_writer.h"
#include "drivers/printer/printer_transport.h"
#include "drivers/serial/serial_port.h"

namespace kiosk::printer {

class CharDeviceTransport final : public PrinterTransport {
  public:
    enum class Kind { Usb, Serial };

    CharDeviceTransport(Kind kind, std::string path, serial::SerialSettings serial = {});
    ~CharDeviceTransport() override;
    CharDeviceTransport(const CharDeviceTransport&) = delete;
    CharDeviceTransport& operator=(const CharDeviceTransport&) = delete;

    // One write per chunk (a band), each bounded by the job deadline.
    TransportResult send(std::span<const uint8_t> job, std::span<const size_t> chunk_ends,
                         std::chrono::milliseconds deadline) override;
    // "usb:/dev/usb/lp0", "serial:/dev/ttyUSB0?baud=115200&flow=rtscts"
    std::string describe() const override;
    void close() override;
    bool can_receive() const override { return true; }
    ReceiveResult receive(std::span<uint8_t> into, std::chrono::milliseconds timeout) override;
    size_t discard_input() override;

    bool is_open() const { return fd_ >= 0; }
    // usb: the IEEE 1284 status byte (LPGETSTATUS): 0x20 paper out, 0x10 selected, 0x08 no
    // error (active low). nullopt when closed or not a usblp node.
    std::optional<int> usb_port_status() const;

  private:
    TransportResult open_device();
    TransportResult write_failure(const WriteOutcome& outcome, size_t written, size_t total,
                                  std::chrono::milliseconds budget);

    Kind kind_;
    std::string path_;
    serial::SerialSettings serial_;
    int fd_ = -1;
};

}  // namespace kiosk::printer
