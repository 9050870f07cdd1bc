// The fake printer itself must behave like the device: status replies, scripted faults.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fake_tcp_printer.h"

using kiosk::printer::testing::FakeTcpPrinter;
using namespace std::chrono_literals;
using Bytes = std::vector<uint8_t>;

namespace {

// A plain blocking client socket, as a status-polling host would use.
struct Client {
    int fd = -1;
    explicit Client(uint16_t port) {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(port);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        timeval timeout{5, 0};  // a missing reply fails the test instead of hanging it
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~Client() { ::close(fd); }
    void send(const Bytes& bytes) const {
        REQUIRE(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
                static_cast<ssize_t>(bytes.size()));
    }
    int read_byte() const {
        uint8_t b = 0;
        return ::recv(fd, &b, 1, 0) == 1 ? b : -1;
    }
};

}  // namespace

TEST_CASE("DLE EOT n is answered from the scripted status") {
    FakeTcpPrinter printer;
    Client client(printer.port());
    client.send({0x10, 0x04, 0x01});
    CHECK(client.read_byte() == 0x12);

    printer.set_status(2, 0x32);  // stopped: paper end
    printer.set_status(4, 0x72);  // paper out
    client.send({0x10, 0x04, 0x02, 0x10, 0x04, 0x04});
    CHECK(client.read_byte() == 0x32);
    CHECK(client.read_byte() == 0x72);

    client.send({0x10});  // a query split across writes is still a query
    REQUIRE(printer.wait_for_bytes(7, 5000ms));
    client.send({0x04, 0x01});
    CHECK(client.read_byte() == 0x12);
    CHECK(printer.status_replies_sent() == 4);
}

TEST_CASE("a silent printer records queries but never answers") {
    FakeTcpPrinter printer;
    Client client(printer.port());
    printer.set_silent(true);
    client.send({0x10, 0x04, 0x01});
    REQUIRE(printer.wait_for_bytes(3, 5000ms));
    printer.set_silent(false);
    printer.set_status(1, 0x1A);  // offline: only this second query gets a reply
    client.send({0x10, 0x04, 0x01});
    CHECK(client.read_byte() == 0x1A);
    CHECK(printer.status_replies_sent() == 1);
    const auto jobs = printer.jobs();
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].status_queries == Bytes{0x01, 0x01});
}

TEST_CASE("close_after hangs up once the connection delivered that many bytes") {
    FakeTcpPrinter printer;
    printer.close_after(4);
    Client client(printer.port());
    client.send({0x1B, 0x40, 0x1B, 0x40, 0x1B, 0x40});
    CHECK(client.read_byte() == -1);  // EOF or reset: the printer closed on us
    CHECK(printer.bytes_received() == 4);
}

TEST_CASE("refuse_connections stops listening") {
    FakeTcpPrinter printer;
    printer.refuse_connections();
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(printer.port());
    CHECK(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0);
    ::close(fd);
    CHECK(printer.connections_accepted() == 0);
}
