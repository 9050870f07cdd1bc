#pragma once
// Printer URIs (config key printer.uri) and the factory that turns one into a transport.
//   file:PATH          file:/var/lib/kiosk/printer.bin, file:out/printer.bin (relative to the
//                      working directory), file:///abs/path. A host (file://host/x) is rejected.
//   tcp://HOST[:PORT]  tcp://10.0.0.9:9100, tcp://printer.local, tcp://[::1]:9100. The port is
//                      optional and defaults to 9100, the raw-printing port every ESC/POS network
//                      printer listens on. No path, user or query parts.
//   usb:/dev/usb/lp0   the kernel usblp node (or a udev symlink such as /dev/kiosk-printer).
//   serial:/dev/ttyUSB0[?baud=115200&flow=rtscts|xonxoff|none]   raw serial line; baud
//                      defaults to 115200, flow to rtscts. Device paths must be absolute.
// Anything else is rejected with a message naming the scheme.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "drivers/printer/printer_transport.h"
#include "drivers/serial/serial_port.h"

namespace kiosk::printer {

inline constexpr uint16_t kDefaultRawPort = 9100;

struct PrinterUri {
    enum class Scheme { File, Tcp, Serial, Usb };
    Scheme scheme = Scheme::File;
    std::string path;  // File, Serial, Usb
    std::string host;  // Tcp, without IPv6 brackets
    uint16_t port = kDefaultRawPort;
    serial::SerialSettings serial;  // Serial
};

struct PrinterUriResult {
    std::optional<PrinterUri> uri;
    std::string error;  // set when !uri: "invalid printer URI 'tcp://x:0': port must be 1–65535"
    bool ok() const { return uri.has_value(); }
};

PrinterUriResult parse_printer_uri(std::string_view text);

// Creates the transport for a parsed URI. Nothing is opened or connected until the first send,
// so a printer that is off at start-up is reported on the first job, not at launch.
std::unique_ptr<PrinterTransport> make_printer_transport(const PrinterUri& uri,
                                                         TransportTimeouts timeouts);

// parse + make. On a bad URI returns nullptr and sets *error (if given).
std::unique_ptr<PrinterTransport> open_printer_transport(const std::string& uri,
                                                         TransportTimeouts timeouts,
                                                         std::string* error);

}  // namespace kiosk::printer
