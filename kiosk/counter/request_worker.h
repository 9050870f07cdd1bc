#pragma once
// One background thread for the counter's hub requests: jobs run in the order posted, and when
// no job came for `idle_every` the idle job runs (a state refresh that also notices a hub that
// came back). The UI thread only posts; it never waits on the network.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace kiosk::counter {

class RequestWorker {
  public:
    using Job = std::function<void()>;
    // `idle_job` returns how long to wait before running it again (it may shorten the wait
    // while the hub is unreachable).
    explicit RequestWorker(std::function<std::chrono::milliseconds()> idle_job);
    ~RequestWorker();  // finishes the job in hand, drops the rest
    RequestWorker(const RequestWorker&) = delete;
    RequestWorker& operator=(const RequestWorker&) = delete;

    void start();  // runs the idle job once at once, then as it asks
    void post(Job job);
    void drain();  // blocks until every job posted before this call has run

  private:
    void loop();

    std::function<std::chrono::milliseconds()> idle_job_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace kiosk::counter
