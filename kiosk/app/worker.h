#pragma once
// One background thread that runs jobs in order. Store and printer work goes here so the UI
// thread never waits on disk or devices; jobs report back through the controller's state and
// a wake-up of the UI loop.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace kiosk::app {

class Worker {
  public:
    Worker();
    ~Worker();  // finishes the job in hand, drops the rest
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    void post(std::function<void()> job);
    // Blocks until every job posted before this call has run (tests, orderly shutdown).
    void drain();

  private:
    void loop();

    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace kiosk::app
