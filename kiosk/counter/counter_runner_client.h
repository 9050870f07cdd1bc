#pragma once
// Plugs the counter terminal into the SDL runner (kiosk/platform): one view-model snapshot per
// frame, drawn by draw_counter, actions handed back to the controller.
#include <vector>

#include "kiosk/counter/counter_controller.h"
#include "kiosk/counter/draw_counter.h"
#include "kiosk/platform/runner.h"

namespace kiosk::counter {

class CounterRunnerClient final : public platform::RunnerClient {
  public:
    explicit CounterRunnerClient(CounterController& controller) : controller_(controller) {}

    void on_frame(platform::FrameContext& frame) override {
        actions_.clear();
        draw_counter(controller_.view_model(), frame.fonts, frame.output, actions_);
        for (const CounterAction& a : actions_)
            controller_.handle(a);
    }
    std::optional<std::chrono::milliseconds> next_change_in() override {
        return controller_.next_change_in();
    }

  private:
    CounterController& controller_;
    std::vector<CounterAction> actions_;
};

}  // namespace kiosk::counter
