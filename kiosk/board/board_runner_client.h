#pragma once
// Plugs the calling board into the SDL runner (kiosk/platform): one view-model snapshot per
// frame, drawn by draw_board. The board takes no input; it changes on hub events (wake), the
// clock's minute, the highlight's blink and the notice's scroll.
#include <imgui.h>

#include "kiosk/board/board_controller.h"
#include "kiosk/board/draw_board.h"
#include "kiosk/platform/runner.h"

namespace kiosk::board {

class BoardRunnerClient final : public platform::RunnerClient {
  public:
    explicit BoardRunnerClient(BoardController& controller) : controller_(controller) {}

    void on_frame(platform::FrameContext& frame) override {
        draw_board(controller_.view_model(), frame.fonts, frame.output, ImGui::GetTime());
    }
    std::optional<std::chrono::milliseconds> next_change_in() override {
        return controller_.next_change_in();
    }

  private:
    BoardController& controller_;
};

}  // namespace kiosk::board
