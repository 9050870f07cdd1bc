#pragma once
// A UI test harness (not the product controller): canned ViewModels and a tiny state machine
// that moves Home → service picker → ticket on the UI's actions, recording every action.
#include <chrono>
#include <optional>
#include <vector>

#include "kiosk/platform/runner.h"
#include "kiosk/ui/view_model.h"

namespace kiosk::test {

// Home screen of a ward centre with six services (one sold out), fixed date and time.
ui::ViewModel demo_view_model();
// The ticket shown after SelectService, per phase.
ui::TicketView demo_ticket(ui::TicketPhase phase);

class HarnessClient : public platform::RunnerClient {
  public:
    explicit HarnessClient(ui::ViewModel vm, ui::TicketPhase phase = ui::TicketPhase::Ready)
        : vm_(std::move(vm)), phase_(phase) {}

    void on_frame(platform::FrameContext& frame) override;
    std::optional<std::chrono::milliseconds> next_change_in() override;

    // Follow the wall clock (for the idle CPU measurement) instead of the fixed demo time.
    bool live_clock = false;

    const ui::ViewModel& view_model() const { return vm_; }
    ui::ViewModel& view_model() { return vm_; }
    // Every action except UserActivity, in order.
    const std::vector<ui::Action>& actions() const { return actions_; }
    int user_activity_count() const { return user_activity_; }
    // The automation registry of the last frame drawn.
    const std::vector<ui::DrawnWidget>& last_widgets() const { return last_widgets_; }

  private:
    void apply(const ui::Action& action);

    ui::ViewModel vm_;
    ui::TicketPhase phase_;
    std::vector<ui::Action> actions_;
    int user_activity_ = 0;
    std::vector<ui::DrawnWidget> last_widgets_;
};

}  // namespace kiosk::test
