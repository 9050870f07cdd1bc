#pragma once
// A serial / USB-class printer for tests: a pseudo-terminal whose slave side stands in for
// /dev/ttyUSB0 or /dev/usb/lp0 and whose master side is served by a thread running the same
// FakePrinterModel as the network fake. The slave is put in raw mode at creation (a pty echoes
// by default, which would bounce replies back) and a slave descriptor is kept open so the line
// stays up between the transport's opens.
// Scripted link faults: stall (stop reading: the tty buffer fills and writes block), a
// read rate (emulates the wire speed for the benchmark), send raw bytes (XOFF / XON),
// hang up (close the master: the slave gets EIO, like an unplugged adapter).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "drivers/printer/escpos_decoder.h"
#include "fake_printer_model.h"

namespace kiosk::printer::testing {

class FakePtyPrinter {
  public:
    FakePtyPrinter();
    ~FakePtyPrinter();
    FakePtyPrinter(const FakePtyPrinter&) = delete;
    FakePtyPrinter& operator=(const FakePtyPrinter&) = delete;

    const std::string& device_path() const { return slave_path_; }  // /dev/pts/N

    void script(const std::function<void(FakePrinterModel&)>& change);
    FakePrinterModel model() const;
    void set_stalled(bool stalled);
    void set_bytes_per_second(size_t rate);            // 0 = as fast as the pty goes
    void send_raw(const std::vector<uint8_t>& bytes);  // e.g. XOFF 0x13 / XON 0x11
    void hang_up();                                    // closes the master side for good

    std::vector<uint8_t> received() const;
    std::vector<DecodedJob> printed_jobs() const;
    bool wait_for_bytes(size_t bytes, std::chrono::milliseconds timeout) const;

  private:
    void run();
    void wake();
    void flush_replies();  // mutex_ held

    int master_fd_ = -1;
    int slave_keepalive_fd_ = -1;
    int wake_fd_ = -1;
    std::string slave_path_;
    std::thread thread_;

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    bool stop_ = false;
    bool stalled_ = false;
    bool hung_up_ = false;
    size_t bytes_per_second_ = 0;
    FakePrinterModel model_;
    std::vector<uint8_t> received_;
};

}  // namespace kiosk::printer::testing
