#pragma once
// What changed in the queue since an event stream last looked: version numbers per counter and
// for the waiting counts, plus one generation that wakes every stream. Streams re-read the store
// themselves, so nothing is queued per client and a slow board cannot hold anybody up.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>

namespace kiosk::hub {

struct ChangeMark {
    uint64_t generation = 0;
    uint64_t waiting = 0;
    std::map<int, uint64_t> counters;
    bool stopping = false;
};

class ChangeBus {
  public:
    void counter_changed(int counter) {
        {
            std::lock_guard lock(mu_);
            ++mark_.counters[counter];
            ++mark_.generation;
        }
        cv_.notify_all();
    }
    void waiting_changed() {
        {
            std::lock_guard lock(mu_);
            ++mark_.waiting;
            ++mark_.generation;
        }
        cv_.notify_all();
    }
    // Calls only (their rows are read from the calls table by seq).
    void calls_changed() {
        {
            std::lock_guard lock(mu_);
            ++mark_.generation;
        }
        cv_.notify_all();
    }
    void start() {
        std::lock_guard lock(mu_);
        mark_.stopping = false;
    }
    void stop() {
        {
            std::lock_guard lock(mu_);
            mark_.stopping = true;
        }
        cv_.notify_all();
    }
    ChangeMark current() {
        std::lock_guard lock(mu_);
        return mark_;
    }
    // Waits until the generation differs from `seen`, the bus stops or the deadline passes.
    ChangeMark wait(uint64_t seen, std::chrono::steady_clock::time_point deadline) {
        std::unique_lock lock(mu_);
        cv_.wait_until(lock, deadline, [&] { return mark_.generation != seen || mark_.stopping; });
        return mark_;
    }

  private:
    std::mutex mu_;
    std::condition_variable cv_;
    ChangeMark mark_;
};

}  // namespace kiosk::hub
