#pragma once
// Collects what a HubEventStream delivers, for tests to wait on.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "kiosk/hub/hub_client.h"

namespace kiosk::test {

class EventLog {
  public:
    hub::HubEventCallback callback() {
        return [this](hub::HubEvent e) {
            const auto at = std::chrono::steady_clock::now();
            {
                std::lock_guard lock(mu_);
                if (e.kind == hub::HubEvent::Kind::Call) call_times_.push_back(at);
                events_.push_back(std::move(e));
            }
            cv_.notify_all();
        };
    }
    // Waits (up to `timeout`) until `pred(events)` holds; returns whether it did.
    bool wait_for(const std::function<bool(const std::vector<hub::HubEvent>&)>& pred,
                  std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
        std::unique_lock lock(mu_);
        return cv_.wait_for(lock, timeout, [&] { return pred(events_); });
    }
    std::vector<hub::HubEvent> events() {
        std::lock_guard lock(mu_);
        return events_;
    }
    std::vector<hub::CallRecord> calls() {
        std::lock_guard lock(mu_);
        std::vector<hub::CallRecord> out;
        for (const auto& e : events_)
            if (e.kind == hub::HubEvent::Kind::Call) out.push_back(e.call);
        return out;
    }
    std::vector<std::chrono::steady_clock::time_point> call_times() {
        std::lock_guard lock(mu_);
        return call_times_;
    }
    static size_t count(const std::vector<hub::HubEvent>& ev, hub::HubEvent::Kind kind) {
        size_t n = 0;
        for (const auto& e : ev)
            n += e.kind == kind;
        return n;
    }

  private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<hub::HubEvent> events_;
    std::vector<std::chrono::steady_clock::time_point> call_times_;
};

}  // namespace kiosk::test
