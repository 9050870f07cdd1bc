#pragma once
// A scripted CounterBackend: the state and the next reply are set by the test; every request is
// recorded. `gate` lets a test hold a request in flight (to check that a second press waits).
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/counter/counter_backend.h"

namespace kiosk::test {

class FakeCounterBackend final : public counter::CounterBackend {
  public:
    explicit FakeCounterBackend(int counter) : counter_(counter) {}

    int counter() const override { return counter_; }

    hub::HubResult<hub::HubState> state() override {
        std::lock_guard lock(mutex_);
        if (unreachable) return hub::make_hub_error(hub::HubErrorCode::Unreachable, "refused");
        return hub_state;
    }
    hub::HubResult<hub::CounterReply> next() override { return act("next"); }
    hub::HubResult<hub::CounterReply> recall() override { return act("recall"); }
    hub::HubResult<hub::CounterReply> no_show() override { return act("no-show"); }
    hub::HubResult<hub::CounterReply> hold() override { return act("hold"); }
    hub::HubResult<hub::CounterReply> finish() override { return act("finish"); }
    hub::HubResult<hub::CounterReply> transfer(const hub::TransferTarget& to) override {
        return act("transfer:" +
                   (to.service_id.empty() ? std::to_string(to.counter) : to.service_id));
    }
    hub::HubResult<hub::CounterReply> call_number(const std::string& number) override {
        return act("call:" + number);
    }
    hub::HubResult<hub::CounterReply> pause(const std::string& reason) override {
        return act("pause:" + reason);
    }
    hub::HubResult<hub::CounterReply> resume() override { return act("resume"); }

    void open_gate() {
        {
            std::lock_guard lock(mutex_);
            gate_open = true;
        }
        cv_.notify_all();
    }
    void set_unreachable(bool value) {
        std::lock_guard lock(mutex_);
        unreachable = value;
    }
    std::vector<std::string> requests_seen() {
        std::lock_guard lock(mutex_);
        return requests;
    }

    // Set by the test (under no race: before the request is made, or with the gate closed).
    hub::HubState hub_state;
    hub::CounterReply reply;
    hub::HubErrorCode fail_with = hub::HubErrorCode::None;
    bool unreachable = false;
    bool gate_open = true;

  private:
    hub::HubResult<hub::CounterReply> act(const std::string& what) {
        std::unique_lock lock(mutex_);
        requests.push_back(what);
        cv_.wait(lock, [this] { return gate_open; });
        if (unreachable) return hub::make_hub_error(hub::HubErrorCode::Unreachable, "refused");
        if (fail_with != hub::HubErrorCode::None) return hub::make_hub_error(fail_with);
        return reply;
    }

    int counter_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::string> requests;
};

}  // namespace kiosk::test
