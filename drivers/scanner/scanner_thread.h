#pragma once
// The reader-thread life every device scanner shares (evdev, serial): a thread running the
// scanner's loop, a wake pipe so stop() interrupts any poll at once, and the status the app
// reads (state, why it waits, codes delivered).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace kiosk::scanner {

enum class ScannerState { Stopped, Waiting /* device absent or unreadable */, Connected };
const char* to_string(ScannerState state);

struct ScannerStatus {
    ScannerState state = ScannerState::Stopped;
    std::string detail;  // why Waiting: "open /dev/input/…: No such file or directory"
    uint64_t reads = 0;  // codes delivered so far
};

class ScannerThread {
  public:
    ScannerThread() = default;
    ~ScannerThread();  // stops
    ScannerThread(const ScannerThread&) = delete;
    ScannerThread& operator=(const ScannerThread&) = delete;

    // Idempotent; `loop` runs on the new thread until it returns (it should return once
    // stop_requested() or wait() says so). `opening` is the status detail meanwhile.
    void start(std::function<void()> loop, std::string opening);
    void stop();  // idempotent; wakes the loop and joins

    bool stop_requested() const { return stop_requested_; }
    // Poll this together with the device: readable means stop.
    int wake_fd() const { return wake_pipe_[0]; }
    // Sleeps up to `timeout` (between reopen attempts); true when stop was requested.
    bool wait(std::chrono::milliseconds timeout) const;

    ScannerStatus status() const;
    void set_status(ScannerState state, std::string detail);
    void count_read();

  private:
    mutable std::mutex mutex_;
    ScannerStatus status_;
    int wake_pipe_[2] = {-1, -1};
    std::atomic<bool> stop_requested_{false};
    std::thread thread_;
};

}  // namespace kiosk::scanner
