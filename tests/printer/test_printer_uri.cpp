// Printer URI table: what is accepted, what it means, and the exact rejection messages.
#include <doctest/doctest.h>

#include "drivers/printer/printer_uri.h"

using namespace kiosk::printer;

TEST_CASE("good printer URIs") {
    struct Row {
        const char* text;
        PrinterUri::Scheme scheme;
        const char* path_or_host;
        uint16_t port;
    };
    const Row rows[] = {
        {"file:/var/lib/motcua-kiosk/printer.bin", PrinterUri::Scheme::File,
         "/var/lib/motcua-kiosk/printer.bin", 9100},
        {"file:out/printer.bin", PrinterUri::Scheme::File, "out/printer.bin", 9100},
        {"file:///tmp/p.bin", PrinterUri::Scheme::File, "/tmp/p.bin", 9100},
        {"FILE:/tmp/p.bin", PrinterUri::Scheme::File, "/tmp/p.bin", 9100},
        {"tcp://10.0.0.9:9100", PrinterUri::Scheme::Tcp, "10.0.0.9", 9100},
        {"tcp://10.0.0.9", PrinterUri::Scheme::Tcp, "10.0.0.9", 9100},
        {"tcp://printer.local:9101", PrinterUri::Scheme::Tcp, "printer.local", 9101},
        {"tcp://[::1]:9100", PrinterUri::Scheme::Tcp, "::1", 9100},
        {"tcp://[fe80::1%eth0]", PrinterUri::Scheme::Tcp, "fe80::1%eth0", 9100},
        {"tcp://127.0.0.1:65535", PrinterUri::Scheme::Tcp, "127.0.0.1", 65535},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        const PrinterUriResult r = parse_printer_uri(row.text);
        REQUIRE_MESSAGE(r.ok(), r.error);
        CHECK(r.uri->scheme == row.scheme);
        if (row.scheme == PrinterUri::Scheme::File) {
            CHECK(r.uri->path == row.path_or_host);
        } else {
            CHECK(r.uri->host == row.path_or_host);
            CHECK(r.uri->port == row.port);
        }
    }
}

TEST_CASE("bad printer URIs are rejected with a precise message") {
    struct Row {
        const char* text;
        const char* message;
    };
    const Row rows[] = {
        {"http://10.0.0.9",
         "unknown printer URI scheme 'http' — supported: file:, tcp://, usb:, serial:"},
        {"",
         "printer URI is empty — expected file:PATH, tcp://HOST[:PORT], usb:/dev/usb/lpN or "
         "serial:/dev/ttyX[?baud=N&flow=F]"},
        {"/dev/usb/lp0",
         "invalid printer URI '/dev/usb/lp0': no scheme — expected file:PATH, tcp://HOST[:PORT], "
         "usb:/dev/usb/lpN or serial:/dev/ttyX[?baud=N&flow=F]"},
        {"usb:", "invalid printer URI 'usb:': the device path is empty"},
        {"usb:lp0",
         "invalid printer URI 'usb:lp0': the device path must be absolute, e.g. /dev/usb/lp0 or "
         "/dev/ttyUSB0"},
        {"usb://host/dev/lp0",
         "invalid printer URI 'usb://host/dev/lp0': a device URI cannot name a host; use e.g. "
         "usb:/dev/usb/lp0"},
        {"usb:/dev/usb/lp0?baud=9600",
         "invalid printer URI 'usb:/dev/usb/lp0?baud=9600': usb: takes no options (the USB "
         "printer class has no line settings)"},
        {"serial:/dev/ttyUSB0?baud=12345",
         "invalid printer URI 'serial:/dev/ttyUSB0?baud=12345': baud '12345' is not one of 2400 "
         "4800 9600 19200 38400 57600 115200 230400"},
        {"serial:/dev/ttyUSB0?baud=",
         "invalid printer URI 'serial:/dev/ttyUSB0?baud=': baud '' is not one of 2400 4800 9600 "
         "19200 38400 57600 115200 230400"},
        {"serial:/dev/ttyUSB0?flow=dsrdtr",
         "invalid printer URI 'serial:/dev/ttyUSB0?flow=dsrdtr': flow 'dsrdtr' must be rtscts, "
         "xonxoff or none"},
        {"serial:/dev/ttyUSB0?parity=even",
         "invalid printer URI 'serial:/dev/ttyUSB0?parity=even': unknown serial option 'parity' "
         "(known: baud, flow)"},
        {"serial:/dev/ttyUSB0?baud",
         "invalid printer URI 'serial:/dev/ttyUSB0?baud': option 'baud' is not key=value"},
        {"file:", "invalid printer URI 'file:': the file path is empty"},
        {"file://host/x",
         "invalid printer URI 'file://host/x': a file URI cannot name a host; use file:/abs/path, "
         "file:///abs/path or file:relative/path"},
        {"tcp:10.0.0.9",
         "invalid printer URI 'tcp:10.0.0.9': a tcp URI must look like tcp://HOST[:PORT]"},
        {"tcp://", "invalid printer URI 'tcp://': the host is empty"},
        {"tcp://:9100", "invalid printer URI 'tcp://:9100': the host is empty"},
        {"tcp://10.0.0.9:", "invalid printer URI 'tcp://10.0.0.9:': the port after ':' is empty"},
        {"tcp://10.0.0.9:0",
         "invalid printer URI 'tcp://10.0.0.9:0': the port 0 is out of range 1-65535"},
        {"tcp://10.0.0.9:65536",
         "invalid printer URI 'tcp://10.0.0.9:65536': the port 65536 is out of range 1-65535"},
        {"tcp://10.0.0.9:91x0",
         "invalid printer URI 'tcp://10.0.0.9:91x0': the port '91x0' is not a number 1-65535"},
        {"tcp://10.0.0.9:9100/print",
         "invalid printer URI 'tcp://10.0.0.9:9100/print': unexpected '/print' after the host and "
         "port; raw TCP printers take no path"},
        {"tcp://::1:9100",
         "invalid printer URI 'tcp://::1:9100': IPv6 addresses must be in brackets, e.g. "
         "tcp://[::1]:9100"},
        {"tcp://[::1", "invalid printer URI 'tcp://[::1': '[' without a closing ']'"},
        {"tcp://[10.0.0.9]:9100",
         "invalid printer URI 'tcp://[10.0.0.9]:9100': brackets are only for IPv6 addresses, got "
         "'10.0.0.9'"},
        {"tcp://user@10.0.0.9",
         "invalid printer URI 'tcp://user@10.0.0.9': user names are not supported in printer URIs"},
        {"tcp://bad host",
         "invalid printer URI 'tcp://bad host': the host contains spaces or control characters"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        const PrinterUriResult r = parse_printer_uri(row.text);
        CHECK(!r.ok());
        CHECK(r.error == row.message);
    }
}

TEST_CASE("open_printer_transport builds the transport or reports the URI error") {
    std::string error = "stale";
    auto file = open_printer_transport("file:/tmp/x.bin", {}, &error);
    REQUIRE(file);
    CHECK(error.empty());
    CHECK(file->describe() == "file:/tmp/x.bin");

    auto tcp = open_printer_transport("tcp://[::1]", {}, &error);
    REQUIRE(tcp);
    CHECK(tcp->describe() == "tcp://[::1]:9100");

    auto usb = open_printer_transport("usb:/dev/usb/lp0", {}, &error);
    REQUIRE(usb);
    CHECK(usb->describe() == "usb:/dev/usb/lp0");
    CHECK(usb->can_receive());

    auto serial = open_printer_transport("serial:/dev/ttyS0?flow=xonxoff&baud=9600", {}, &error);
    REQUIRE(serial);
    CHECK(serial->describe() == "serial:/dev/ttyS0?baud=9600&flow=xonxoff");

    auto bad = open_printer_transport("lpt:/dev/lp0", {}, &error);
    CHECK(bad == nullptr);
    CHECK(error == "unknown printer URI scheme 'lpt' — supported: file:, tcp://, usb:, serial:");
}

TEST_CASE("usb: and serial: URIs name an absolute device; serial options have defaults") {
    const PrinterUriResult usb = parse_printer_uri("usb:/dev/usb/lp0");
    REQUIRE(usb.ok());
    CHECK(usb.uri->scheme == PrinterUri::Scheme::Usb);
    CHECK(usb.uri->path == "/dev/usb/lp0");
    CHECK(parse_printer_uri("usb:///dev/kiosk-printer").uri->path == "/dev/kiosk-printer");

    const PrinterUriResult plain = parse_printer_uri("serial:/dev/ttyUSB0");
    REQUIRE(plain.ok());
    CHECK(plain.uri->scheme == PrinterUri::Scheme::Serial);
    CHECK(plain.uri->path == "/dev/ttyUSB0");
    CHECK(plain.uri->serial.baud == 115200);
    CHECK(plain.uri->serial.flow == kiosk::serial::FlowControl::RtsCts);

    const PrinterUriResult full = parse_printer_uri("serial:/dev/ttyS1?baud=9600&flow=none");
    REQUIRE(full.ok());
    CHECK(full.uri->path == "/dev/ttyS1");
    CHECK(full.uri->serial.baud == 9600);
    CHECK(full.uri->serial.flow == kiosk::serial::FlowControl::None);
}
