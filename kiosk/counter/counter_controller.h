#pragma once
// The counter terminal's logic. The UI thread calls view_model() and handle(); every hub request
// runs on the worker thread, and live hub events (HubEventStream, on its own thread) arrive
// through on_hub_event(). Both update the state under the mutex and wake the UI loop.
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/counter/counter_backend.h"
#include "kiosk/counter/counter_view_model.h"
#include "kiosk/counter/request_worker.h"

namespace kiosk::counter {

struct CounterTiming {
    // Safety refresh of the whole state while the event stream keeps us current.
    std::chrono::milliseconds refresh{15000};
    // Retry while the hub cannot be reached (the buttons stay disabled meanwhile).
    std::chrono::milliseconds retry{1000};
};

class CounterController {
  public:
    CounterController(CounterBackend& backend, const Clock& clock, CounterTiming timing = {});
    ~CounterController();
    CounterController(const CounterController&) = delete;
    CounterController& operator=(const CounterController&) = delete;

    void set_waker(std::function<void()> wake);  // before start()
    void start();                                // first state read, on the worker

    // Any thread: an event from the hub's live stream.
    void on_hub_event(const hub::HubEvent& event);

    CounterViewModel view_model() const;
    void handle(const CounterAction& action);
    // When the picture changes by itself: the service timer's next second, the clock's minute.
    std::optional<std::chrono::milliseconds> next_change_in() const;
    void wait_idle();  // blocks until queued requests are done (tests, orderly exit)

  private:
    enum class Op { Next, Recall, NoShow, Finish, Hold, Transfer, CallNumber, Pause, Resume };
    void post(Op op, std::string arg = {}, hub::TransferTarget target = {});
    void run(Op op, const std::string& arg, const hub::TransferTarget& target);  // worker
    std::chrono::milliseconds refresh();                                         // worker
    void apply_state_locked(const hub::HubState& state);
    void apply_counter_locked(const hub::CounterInfo& info);
    void set_message_locked(std::string vi, std::string en, bool error);
    void wake();

    CounterBackend& backend_;
    const Clock& clock_;
    CounterTiming timing_;
    const int number_;

    mutable std::mutex mutex_;
    Connection connection_ = Connection::Connecting;
    bool busy_ = false;
    bool have_state_ = false;
    hub::CounterInfo info_;
    std::vector<hub::ServiceWaiting> services_;
    std::vector<int> counters_;
    std::string office_name_vi_;
    std::chrono::microseconds hub_skew_{0};  // hub clock − our clock, from the last state
    std::string message_vi_, message_en_;
    bool message_error_ = false;
    Dialog dialog_ = Dialog::None;
    std::string keypad_;
    std::function<void()> wake_;

    RequestWorker worker_;  // last: destroyed (joined) first
};

}  // namespace kiosk::counter
