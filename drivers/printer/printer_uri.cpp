#include "drivers/printer/printer_uri.h"

#include <algorithm>
#include <cctype>

#include "drivers/printer/char_device_transport.h"
#include "drivers/printer/file_transport.h"
#include "drivers/printer/tcp_transport.h"

namespace kiosk::printer {
namespace {

constexpr std::string_view kExpected =
    "expected file:PATH, tcp://HOST[:PORT], usb:/dev/usb/lpN or serial:/dev/ttyX[?baud=N&flow=F]";

PrinterUriResult fail(std::string_view text, const std::string& why) {
    PrinterUriResult result;
    result.error = "invalid printer URI '" + std::string(text) + "': " + why;
    return result;
}

PrinterUriResult ok(PrinterUri uri) {
    PrinterUriResult result;
    result.uri = std::move(uri);
    return result;
}

bool is_scheme_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

bool has_space_or_control(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7F;
    });
}

PrinterUriResult parse_file(std::string_view text, std::string_view rest) {
    if (rest.starts_with("//")) {
        if (!rest.starts_with("///"))
            return fail(text,
                        "a file URI cannot name a host; use file:/abs/path, file:///abs/path "
                        "or file:relative/path");
        rest.remove_prefix(2);
    }
    if (rest.empty()) return fail(text, "the file path is empty");
    if (rest.find('\0') != std::string_view::npos)
        return fail(text, "the file path contains a NUL byte");
    PrinterUri uri;
    uri.scheme = PrinterUri::Scheme::File;
    uri.path = std::string(rest);
    return ok(std::move(uri));
}

PrinterUriResult parse_tcp(std::string_view text, std::string_view rest) {
    if (!rest.starts_with("//")) return fail(text, "a tcp URI must look like tcp://HOST[:PORT]");
    std::string_view authority = rest.substr(2);
    if (const size_t slash = authority.find_first_of("/?#"); slash != std::string_view::npos)
        return fail(text, "unexpected '" + std::string(authority.substr(slash)) +
                              "' after the host and port; raw TCP printers take no path");
    if (authority.find('@') != std::string_view::npos)
        return fail(text, "user names are not supported in printer URIs");

    std::string_view host;
    std::string_view port_text;
    bool has_port = false;
    if (authority.starts_with("[")) {
        const size_t close = authority.find(']');
        if (close == std::string_view::npos) return fail(text, "'[' without a closing ']'");
        host = authority.substr(1, close - 1);
        const std::string_view after = authority.substr(close + 1);
        if (host.find(':') == std::string_view::npos)
            return fail(text,
                        "brackets are only for IPv6 addresses, got '" + std::string(host) + "'");
        if (!after.empty()) {
            if (after[0] != ':')
                return fail(text, "unexpected '" + std::string(after) + "' after ']'");
            has_port = true;
            port_text = after.substr(1);
        }
    } else {
        const size_t colon = authority.find(':');
        if (colon != std::string_view::npos &&
            authority.find(':', colon + 1) != std::string_view::npos)
            return fail(text, "IPv6 addresses must be in brackets, e.g. tcp://[::1]:9100");
        host = authority.substr(0, colon);
        if (colon != std::string_view::npos) {
            has_port = true;
            port_text = authority.substr(colon + 1);
        }
    }
    if (host.empty()) return fail(text, "the host is empty");
    if (has_space_or_control(host))
        return fail(text, "the host contains spaces or control characters");

    PrinterUri uri;
    uri.scheme = PrinterUri::Scheme::Tcp;
    uri.host = std::string(host);
    if (has_port) {
        if (port_text.empty()) return fail(text, "the port after ':' is empty");
        if (port_text.size() > 5 || !std::all_of(port_text.begin(), port_text.end(),
                                                 [](char c) { return c >= '0' && c <= '9'; }))
            return fail(text, "the port '" + std::string(port_text) + "' is not a number 1-65535");
        const int port = std::stoi(std::string(port_text));
        if (port < 1 || port > 65535)
            return fail(text, "the port " + std::to_string(port) + " is out of range 1-65535");
        uri.port = static_cast<uint16_t>(port);
    }
    return ok(std::move(uri));
}

// usb: and serial: take an absolute device path (file:-style "///" allowed).
PrinterUriResult device_path(std::string_view text, std::string_view rest, std::string& path) {
    if (rest.starts_with("//")) {
        if (!rest.starts_with("///"))
            return fail(text, "a device URI cannot name a host; use e.g. usb:/dev/usb/lp0");
        rest.remove_prefix(2);
    }
    if (rest.empty()) return fail(text, "the device path is empty");
    if (!rest.starts_with("/"))
        return fail(text, "the device path must be absolute, e.g. /dev/usb/lp0 or /dev/ttyUSB0");
    if (has_space_or_control(rest))
        return fail(text, "the device path contains spaces or control characters");
    path = std::string(rest);
    return {};
}

PrinterUriResult parse_usb(std::string_view text, std::string_view rest) {
    if (rest.find('?') != std::string_view::npos)
        return fail(text, "usb: takes no options (the USB printer class has no line settings)");
    PrinterUri uri;
    uri.scheme = PrinterUri::Scheme::Usb;
    if (PrinterUriResult bad = device_path(text, rest, uri.path); !bad.error.empty()) return bad;
    return ok(std::move(uri));
}

PrinterUriResult parse_serial(std::string_view text, std::string_view rest) {
    PrinterUri uri;
    uri.scheme = PrinterUri::Scheme::Serial;
    std::string_view query;
    if (const size_t q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    if (PrinterUriResult bad = device_path(text, rest, uri.path); !bad.error.empty()) return bad;
    while (!query.empty()) {
        const size_t amp = query.find('&');
        const std::string_view item = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            return fail(text, "option '" + std::string(item) + "' is not key=value");
        const std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
        if (key == "baud") {
            const bool digits = !value.empty() && value.size() <= 7 &&
                                std::all_of(value.begin(), value.end(),
                                            [](char c) { return c >= '0' && c <= '9'; });
            const int baud = digits ? std::stoi(std::string(value)) : 0;
            if (!serial::is_supported_baud(baud))
                return fail(text, "baud '" + std::string(value) +
                                      "' is not one of 2400 4800 9600 19200 38400 57600 115200 "
                                      "230400");
            uri.serial.baud = baud;
        } else if (key == "flow") {
            if (value == "rtscts")
                uri.serial.flow = serial::FlowControl::RtsCts;
            else if (value == "xonxoff")
                uri.serial.flow = serial::FlowControl::XonXoff;
            else if (value == "none")
                uri.serial.flow = serial::FlowControl::None;
            else
                return fail(text,
                            "flow '" + std::string(value) + "' must be rtscts, xonxoff or none");
        } else {
            return fail(text,
                        "unknown serial option '" + std::string(key) + "' (known: baud, flow)");
        }
    }
    return ok(std::move(uri));
}

}  // namespace

PrinterUriResult parse_printer_uri(std::string_view text) {
    if (text.empty()) {
        PrinterUriResult result;
        result.error = "printer URI is empty — " + std::string(kExpected);
        return result;
    }
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        !std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon),
                     is_scheme_char))
        return fail(text, "no scheme — " + std::string(kExpected));
    std::string scheme(text.substr(0, colon));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string_view rest = text.substr(colon + 1);
    if (scheme == "file") return parse_file(text, rest);
    if (scheme == "tcp") return parse_tcp(text, rest);
    if (scheme == "usb") return parse_usb(text, rest);
    if (scheme == "serial") return parse_serial(text, rest);
    PrinterUriResult result;
    result.error =
        "unknown printer URI scheme '" + scheme + "' — supported: file:, tcp://, usb:, serial:";
    return result;
}

std::unique_ptr<PrinterTransport> make_printer_transport(const PrinterUri& uri,
                                                         TransportTimeouts timeouts) {
    if (uri.scheme == PrinterUri::Scheme::Tcp)
        return std::make_unique<TcpTransport>(uri.host, uri.port, timeouts);
    if (uri.scheme == PrinterUri::Scheme::Usb)
        return std::make_unique<CharDeviceTransport>(CharDeviceTransport::Kind::Usb, uri.path);
    if (uri.scheme == PrinterUri::Scheme::Serial)
        return std::make_unique<CharDeviceTransport>(CharDeviceTransport::Kind::Serial, uri.path,
                                                     uri.serial);
    return std::make_unique<FileTransport>(uri.path);
}

std::unique_ptr<PrinterTransport> open_printer_transport(const std::string& uri,
                                                         TransportTimeouts timeouts,
                                                         std::string* error) {
    PrinterUriResult parsed = parse_printer_uri(uri);
    if (!parsed.ok()) {
        if (error) *error = parsed.error;
        return nullptr;
    }
    if (error) error->clear();
    return make_printer_transport(*parsed.uri, timeouts);
}

}  // namespace kiosk::printer
