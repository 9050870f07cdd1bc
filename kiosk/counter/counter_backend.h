#pragma once
// What the counter terminal needs from the office queue hub, for one counter. The real one wraps
// hub::HubClient (HubCounterBackend); tests may use a fake. Calls block (network) and run on the
// controller's worker thread, never on the UI thread.
#include <string>

#include "kiosk/hub/hub_client.h"
#include "kiosk/hub/lan_types.h"

namespace kiosk::counter {

class CounterBackend {
  public:
    virtual ~CounterBackend() = default;

    virtual int counter() const = 0;
    virtual hub::HubResult<hub::HubState> state() = 0;
    virtual hub::HubResult<hub::CounterReply> next() = 0;
    virtual hub::HubResult<hub::CounterReply> recall() = 0;
    virtual hub::HubResult<hub::CounterReply> no_show() = 0;
    virtual hub::HubResult<hub::CounterReply> hold() = 0;
    virtual hub::HubResult<hub::CounterReply> finish() = 0;
    virtual hub::HubResult<hub::CounterReply> transfer(const hub::TransferTarget& to) = 0;
    virtual hub::HubResult<hub::CounterReply> call_number(const std::string& number) = 0;
    virtual hub::HubResult<hub::CounterReply> pause(const std::string& reason) = 0;
    virtual hub::HubResult<hub::CounterReply> resume() = 0;
};

// Counter `counter` through a HubClient (not owned; must outlive this).
class HubCounterBackend final : public CounterBackend {
  public:
    HubCounterBackend(hub::HubClient& client, int counter) : client_(client), counter_(counter) {}

    int counter() const override { return counter_; }
    hub::HubResult<hub::HubState> state() override { return client_.state(); }
    hub::HubResult<hub::CounterReply> next() override { return client_.next(counter_); }
    hub::HubResult<hub::CounterReply> recall() override { return client_.recall(counter_); }
    hub::HubResult<hub::CounterReply> no_show() override { return client_.no_show(counter_); }
    hub::HubResult<hub::CounterReply> hold() override { return client_.hold(counter_); }
    hub::HubResult<hub::CounterReply> finish() override { return client_.finish(counter_); }
    hub::HubResult<hub::CounterReply> transfer(const hub::TransferTarget& to) override {
        return client_.transfer(counter_, to);
    }
    hub::HubResult<hub::CounterReply> call_number(const std::string& number) override {
        return client_.call_number(counter_, number);
    }
    hub::HubResult<hub::CounterReply> pause(const std::string& reason) override {
        return client_.pause(counter_, reason);
    }
    hub::HubResult<hub::CounterReply> resume() override { return client_.resume(counter_); }

  private:
    hub::HubClient& client_;
    int counter_;
};

}  // namespace kiosk::counter
