#pragma once
// A network ESC/POS printer for tests: a real TCP listener on 127.0.0.1 (ephemeral port) served
// by its own thread. It behaves like the device, not a no-op:
//   - records every byte received (one stream, as the paper would show it) and decodes it into
//     jobs with the driver's decoder;
//   - behaves like the device through FakePrinterModel: answers DLE EOT n and GS r 1 from a
//     scripted state (paper end after N rows or tickets, cover open, cutter error, near end,
//     silent, realtime-only), holds data while stopped and replays it on recovery;
//   - has a small receive buffer like a real printer, so a stalled printer back-pressures;
//   - takes one client at a time: a new connection replaces the old one.
// Scripted faults: stall (stop reading), slow reading, close after N bytes, drop the idle
// connection, refuse.
// All public methods are thread-safe; the destructor stops the thread and closes everything.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "drivers/printer/escpos_decoder.h"
#include "fake_printer_model.h"

namespace kiosk::printer::testing {

class FakeTcpPrinter {
  public:
    explicit FakeTcpPrinter(int receive_buffer_bytes = 16 * 1024);
    ~FakeTcpPrinter();
    FakeTcpPrinter(const FakeTcpPrinter&) = delete;
    FakeTcpPrinter& operator=(const FakeTcpPrinter&) = delete;

    uint16_t port() const { return port_; }
    std::string uri() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

    // --- scripted state -------------------------------------------------------------------
    // Reply byte for DLE EOT n, n = 1..4 (default 0x12 = online / no error / paper ok).
    // E.g. (1, 0x1A) offline, (2, 0x32) stopped: paper end, (4, 0x72) paper out.
    void set_status(uint8_t n, uint8_t reply);
    void set_silent(bool silent);  // write-only clone: never answers
    // Changes the device state on the printer thread (replies it causes are sent), e.g.
    // printer.script([](FakePrinterModel& m) { m.load_paper(); });
    void script(const std::function<void(FakePrinterModel&)>& change);
    FakePrinterModel model() const;          // a copy of the device state, for assertions
    void set_bytes_per_second(size_t rate);  // slow printer: reads at most this fast (0 = off)

    // --- scripted faults (each takes effect before the call returns) -----------------------
    void stall_after(size_t total_bytes);  // stop reading once this many bytes arrived in total
    void resume_reading();
    void close_after(size_t connection_bytes);  // close each connection after it sent this many
    void drop_connection();                     // close the current connection now (idle drop)
    void refuse_connections();                  // stop listening: connects are refused

    // --- observations ----------------------------------------------------------------------
    std::vector<uint8_t> received() const;
    size_t bytes_received() const;
    std::vector<DecodedJob> jobs() const;          // decode_escpos(received())
    std::vector<DecodedJob> printed_jobs() const;  // what came out on paper (executed bytes)
    int connections_accepted() const;
    int connections_closed_by_peer() const;
    size_t status_replies_sent() const;
    bool has_client();
    // Block until at least `bytes` arrived / `count` connections were accepted, or timeout.
    bool wait_for_bytes(size_t bytes, std::chrono::milliseconds timeout) const;
    bool wait_for_connections(int count, std::chrono::milliseconds timeout) const;

  private:
    void run();
    void run_on_thread(std::function<void()> task);  // executes on the printer thread, waits
    void wake();
    void accept_client();
    void read_client();
    void close_client(bool by_peer);
    void send_replies();

    int listen_fd_ = -1;
    int wake_fd_ = -1;
    uint16_t port_ = 0;
    std::thread thread_;

    // Owned by the printer thread.
    int client_fd_ = -1;
    size_t connection_bytes_ = 0;

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    bool stop_ = false;
    std::deque<std::function<void()>> tasks_;
    uint64_t tasks_done_ = 0;
    uint64_t tasks_posted_ = 0;
    std::vector<uint8_t> received_;
    FakePrinterModel model_;
    size_t bytes_per_second_ = 0;
    size_t stall_after_ = SIZE_MAX;
    size_t close_after_ = SIZE_MAX;
    int accepted_ = 0;
    int closed_by_peer_ = 0;
};

}  // namespace kiosk::printer::testing
