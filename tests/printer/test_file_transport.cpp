// FileTransport: appending jobs, precise open errors, deadline on a FIFO nobody drains.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/escpos_encoder.h"
#include "drivers/printer/file_transport.h"
#include "test_bitmaps.h"

using namespace kiosk;
using namespace kiosk::printer;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

namespace {

// A fresh directory per test case, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        static int counter = 0;
        path = fs::temp_directory_path() / ("kiosk-printer-test-" + std::to_string(::getpid()) +
                                            "-" + std::to_string(++counter));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

Bytes read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("FileTransport appends two jobs and the file decodes to two jobs") {
    TempDir dir;
    const fs::path file = dir.path / "printer.bin";
    std::mt19937 rng(3);
    const MonoBitmap a = testing::random_bitmap(576, 400, rng);
    const MonoBitmap b = testing::random_bitmap(576, 90, rng);
    const EncodedJob ja = encode_raster_job(a, RasterJobOptions{});
    const EncodedJob jb = encode_raster_job(b, RasterJobOptions{});

    FileTransport transport(file.string());
    CHECK(transport.describe() == "file:" + file.string());
    const TransportResult ra = transport.send(ja.bytes, ja.chunk_ends, 5000ms);
    REQUIRE_MESSAGE(ra.ok, ra.detail);
    CHECK(ra.bytes_written == ja.bytes.size());
    const TransportResult rb = transport.send(jb.bytes, jb.chunk_ends, 5000ms);
    REQUIRE_MESSAGE(rb.ok, rb.detail);

    const Bytes content = read_file(file);
    CHECK(content.size() == ja.bytes.size() + jb.bytes.size());
    const auto jobs = decode_escpos(content);
    REQUIRE(jobs.size() == 2);
    CHECK(testing::same_bitmap(jobs[0].raster, a));
    CHECK(testing::same_bitmap(jobs[1].raster, b));
    CHECK(jobs[0].clean());
    CHECK(jobs[1].clean());
}

TEST_CASE("FileTransport keeps what the file already held") {
    TempDir dir;
    const fs::path file = dir.path / "existing.bin";
    std::ofstream(file, std::ios::binary) << "HEAD";
    FileTransport transport(file.string());
    const Bytes job{0x1B, 0x40};
    REQUIRE(transport.send(job, {}, 1000ms).ok);
    CHECK(read_file(file) == Bytes{'H', 'E', 'A', 'D', 0x1B, 0x40});
}

TEST_CASE("an unwritable path gives OpenFailed with the path and the reason") {
    TempDir dir;
    const Bytes job{0x1B, 0x40};

    const std::string missing = (dir.path / "no-such-dir" / "printer.bin").string();
    TransportResult r = FileTransport(missing).send(job, {}, 1000ms);
    CHECK(!r.ok);
    CHECK(r.error == TransportError::OpenFailed);
    CHECK(r.detail.find(missing) != std::string::npos);
    CHECK(r.detail.find("No such file or directory") != std::string::npos);
    CHECK(r.bytes_written == 0);

    r = FileTransport(dir.path.string()).send(job, {}, 1000ms);
    CHECK(r.error == TransportError::OpenFailed);
    CHECK(r.detail.find("Is a directory") != std::string::npos);
    CHECK(to_string(r.error) == "OpenFailed");
}

TEST_CASE("a FIFO without a reader fails to open instead of hanging") {
    TempDir dir;
    const fs::path fifo = dir.path / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const TransportResult r = FileTransport(fifo.string()).send(Bytes{0x1B, 0x40}, {}, 1000ms);
    CHECK(r.error == TransportError::OpenFailed);
    CHECK(r.detail.find("errno") != std::string::npos);
}

TEST_CASE("a FIFO whose reader never reads hits the job deadline as WriteTimeout") {
    TempDir dir;
    const fs::path fifo = dir.path / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    REQUIRE(reader >= 0);
    const Bytes job(4 * 1024 * 1024, 0x00);  // far more than a pipe buffers
    const TransportResult r = FileTransport(fifo.string()).send(job, {}, 200ms);
    ::close(reader);
    CHECK(!r.ok);
    CHECK(r.error == TransportError::WriteTimeout);
    CHECK(r.bytes_written < job.size());
    CHECK(r.detail.find("deadline") != std::string::npos);
}
