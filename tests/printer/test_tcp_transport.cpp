// TcpTransport against the fake network printer: delivery, connection reuse, reconnect after an
// idle drop, refused connections, a stalled printer, a printer that hangs up mid-job.
#include <doctest/doctest.h>

#include <random>

#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/escpos_encoder.h"
#include "drivers/printer/tcp_transport.h"
#include "fake_tcp_printer.h"
#include "test_bitmaps.h"

using namespace kiosk;
using namespace kiosk::printer;
using kiosk::printer::testing::FakeTcpPrinter;
using namespace std::chrono_literals;
using Bytes = std::vector<uint8_t>;

namespace {

TcpTransport transport_for(const FakeTcpPrinter& printer) {
    return TcpTransport("127.0.0.1", printer.port(), TransportTimeouts{2000ms});
}

EncodedJob ticket_job(int seed, int height = 600) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    return encode_raster_job(testing::random_bitmap(576, height, rng), RasterJobOptions{});
}

MonoBitmap ticket_bitmap(int seed, int height = 600) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    return testing::random_bitmap(576, height, rng);
}

}  // namespace

TEST_CASE("a job reaches the network printer bit-exact, band by band") {
    FakeTcpPrinter printer;
    TcpTransport transport = transport_for(printer);
    CHECK(transport.describe() == printer.uri());
    const EncodedJob job = ticket_job(1);
    REQUIRE(job.chunk_ends.size() == 3);

    const TransportResult r = transport.send(job.bytes, job.chunk_ends, 5000ms);
    REQUIRE_MESSAGE(r.ok, r.detail);
    CHECK(r.bytes_written == job.bytes.size());
    CHECK(!r.reconnected);
    REQUIRE(printer.wait_for_bytes(job.bytes.size(), 5000ms));
    CHECK(printer.received() == job.bytes);
    const auto jobs = printer.jobs();
    REQUIRE(jobs.size() == 1);
    CHECK(testing::same_bitmap(jobs[0].raster, ticket_bitmap(1)));
    CHECK(jobs[0].cut == CutMode::Partial);
}

TEST_CASE("the connection is kept between jobs") {
    FakeTcpPrinter printer;
    TcpTransport transport = transport_for(printer);
    const EncodedJob a = ticket_job(2), b = ticket_job(3, 100);
    REQUIRE(transport.send(a.bytes, a.chunk_ends, 5000ms).ok);
    REQUIRE(transport.send(b.bytes, b.chunk_ends, 5000ms).ok);
    REQUIRE(printer.wait_for_bytes(a.bytes.size() + b.bytes.size(), 5000ms));
    CHECK(printer.connections_accepted() == 1);
    CHECK(transport.connected());
    const auto jobs = printer.jobs();
    REQUIRE(jobs.size() == 2);
    CHECK(testing::same_bitmap(jobs[1].raster, ticket_bitmap(3, 100)));
}

TEST_CASE("after the printer dropped an idle connection the next job reconnects and arrives") {
    FakeTcpPrinter printer;
    TcpTransport transport = transport_for(printer);
    const EncodedJob a = ticket_job(4), b = ticket_job(5);
    REQUIRE(transport.send(a.bytes, a.chunk_ends, 5000ms).ok);
    REQUIRE(printer.wait_for_bytes(a.bytes.size(), 5000ms));
    printer.drop_connection();
    CHECK(!printer.has_client());

    const TransportResult r = transport.send(b.bytes, b.chunk_ends, 5000ms);
    REQUIRE_MESSAGE(r.ok, r.detail);
    CHECK(r.reconnected);
    REQUIRE(printer.wait_for_bytes(a.bytes.size() + b.bytes.size(), 5000ms));
    CHECK(printer.connections_accepted() == 2);
    const auto jobs = printer.jobs();
    REQUIRE(jobs.size() == 2);
    CHECK(testing::same_bitmap(jobs[0].raster, ticket_bitmap(4)));
    CHECK(testing::same_bitmap(jobs[1].raster, ticket_bitmap(5)));
    CHECK(jobs[1].clean());
}

TEST_CASE("a refused connection is ConnectFailed with the reason") {
    FakeTcpPrinter printer;
    printer.refuse_connections();
    TcpTransport transport = transport_for(printer);
    const EncodedJob job = ticket_job(6, 10);
    const TransportResult r = transport.send(job.bytes, job.chunk_ends, 5000ms);
    CHECK(!r.ok);
    CHECK(r.error == TransportError::ConnectFailed);
    CHECK(r.detail.find("Connection refused") != std::string::npos);
    CHECK(r.detail.find(printer.uri()) != std::string::npos);
    CHECK(r.bytes_written == 0);
    CHECK(!transport.connected());
}

TEST_CASE("a printer that stops reading makes the job end in WriteTimeout") {
    FakeTcpPrinter printer;
    printer.stall_after(100000);  // took the first 100 KB, then e.g. ran out of paper
    TcpTransport transport = transport_for(printer);
    const Bytes job(32 * 1024 * 1024, 0x00);  // more than every socket buffer on the way
    const TransportResult r = transport.send(job, {}, 300ms);
    CHECK(!r.ok);
    CHECK(r.error == TransportError::WriteTimeout);
    CHECK(r.bytes_written < job.size());
    CHECK(r.bytes_written >= 100000);
    CHECK(r.detail.find("deadline") != std::string::npos);
    CHECK(!transport.connected());  // the printer is mid-job: never reuse that connection
    CHECK(printer.bytes_received() == 100000);
}

TEST_CASE("a printer that hangs up mid-job gives Disconnected; the next job goes through") {
    FakeTcpPrinter printer;
    printer.close_after(5000);
    TcpTransport transport = transport_for(printer);
    const Bytes big(32 * 1024 * 1024, 0x00);
    const TransportResult r = transport.send(big, {}, 10000ms);
    CHECK(!r.ok);
    CHECK(r.error == TransportError::Disconnected);
    CHECK(r.bytes_written < big.size());
    CHECK(r.detail.find("connection lost") != std::string::npos);

    printer.close_after(SIZE_MAX);
    const EncodedJob job = ticket_job(7, 50);
    const TransportResult again = transport.send(job.bytes, job.chunk_ends, 5000ms);
    REQUIRE_MESSAGE(again.ok, again.detail);
    REQUIRE(printer.wait_for_bytes(5000 + job.bytes.size(), 5000ms));
    CHECK(printer.connections_accepted() == 2);
    const auto jobs = printer.jobs();
    REQUIRE(!jobs.empty());
    CHECK(testing::same_bitmap(jobs.back().raster, ticket_bitmap(7, 50)));
}

TEST_CASE("IPv6 hosts are bracketed in descriptions") {
    CHECK(TcpTransport("::1", 9100, {}).describe() == "tcp://[::1]:9100");
    CHECK(TcpTransport("10.0.0.9", 9101, {}).describe() == "tcp://10.0.0.9:9101");
}
