#include "kiosk/counter/request_worker.h"

#include <future>

namespace kiosk::counter {

RequestWorker::RequestWorker(std::function<std::chrono::milliseconds()> idle_job)
    : idle_job_(std::move(idle_job)) {}

RequestWorker::~RequestWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        jobs_.clear();
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void RequestWorker::start() {
    if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
}

void RequestWorker::post(Job job) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
}

void RequestWorker::drain() {
    std::promise<void> done;
    auto future = done.get_future();
    post([&done] { done.set_value(); });
    future.wait();
}

void RequestWorker::loop() {
    // The first state read comes before any job, so actions start from a known state.
    auto next_idle = std::chrono::steady_clock::now() + idle_job_();
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            cv_.wait_until(lock, next_idle, [this] { return stopping_ || !jobs_.empty(); });
            if (stopping_) return;
            if (!jobs_.empty()) {
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
        }
        if (job) {
            job();
        } else {
            next_idle = std::chrono::steady_clock::now() + idle_job_();
        }
    }
}

}  // namespace kiosk::counter
