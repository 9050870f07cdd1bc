// Drag-to-scroll on the service list, driven frame by frame through ImGui directly (no SDL):
// a drag scrolls and never selects the tile under the finger; a tap afterwards still selects.
#include <cfloat>
#include <string>

#include <doctest/doctest.h>
#include <imgui.h>

#include "kiosk/ui/draw_kiosk.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/theme.h"

using namespace kiosk;

namespace {

class Harness {
  public:
    Harness() {
        ctx_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1080, 1920);
        io.DeltaTime = 1.0f / 60.0f;
        std::string error;
        REQUIRE_MESSAGE(fonts_.build(*io.Fonts, DisplayConfig{}, 1.0f, error), error);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ui::theme::apply_style(ImGui::GetStyle(), 1.0f);
        io.MouseDragThreshold = 16.0f;
    }
    ~Harness() { ImGui::DestroyContext(ctx_); }

    // One frame with the pointer at (x, y) (absent when x < 0), button down or up.
    ui::FrameOutput frame(const ui::ViewModel& vm, float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = x < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(x, y);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ui::FrameOutput out;
        ui::draw_kiosk(vm, fonts_.fonts(), out);
        ImGui::Render();
        return out;
    }

  private:
    ImGuiContext* ctx_;
    ui::FontSet fonts_;
};

const ui::DrawnWidget* find(const ui::FrameOutput& out, const std::string& text) {
    for (const auto& w : out.widgets)
        if (w.text == text) return &w;
    return nullptr;
}

bool selected(const ui::FrameOutput& out) {
    for (const auto& a : out.actions)
        if (a.type == ui::ActionType::SelectService) return true;
    return false;
}

}  // namespace

TEST_CASE("dragging the service list scrolls it without selecting a tile") {
    ui::ViewModel vm;
    vm.screen = ui::Screen::ServicePicker;
    vm.office_name_vi = "Trung tâm";
    for (int i = 1; i <= 12; ++i) {
        ui::ServiceTile t;
        t.id = "s" + std::to_string(i);
        t.name_vi = "Lĩnh vực " + std::to_string(i);
        t.counters = {i};
        vm.services.push_back(t);
    }
    Harness h;
    ui::FrameOutput out;
    for (int i = 0; i < 3; ++i)
        out = h.frame(vm, -1, -1, false);
    const auto* first = find(out, "Lĩnh vực 1");
    REQUIRE(first);
    CHECK(find(out, "Lĩnh vực 12") == nullptr);  // below the fold
    const float x = (first->rect.x0 + first->rect.x1) / 2;
    const auto* third = find(out, "Lĩnh vực 3");
    REQUIRE(third);
    const float third_top = third->rect.y0;

    // Press on a tile, drag `distance` px upwards in 20 px steps, lift; true if anything was
    // selected on the way.
    const auto drag = [&](float start_y, int steps) {
        float y = start_y;
        bool any = false;
        h.frame(vm, x, y, false);                  // move
        any |= selected(h.frame(vm, x, y, true));  // press on a tile
        for (int step = 0; step < steps; ++step) {
            y -= 20;
            any |= selected(h.frame(vm, x, y, true));
        }
        any |= selected(h.frame(vm, x, y, false));  // lift: still over the same tile
        out = h.frame(vm, -1, -1, false);
        return any;
    };

    // A short drag: the tile moves with the finger, so lifting happens over it — the drag
    // must still not count as a tap.
    CHECK_FALSE(drag((first->rect.y0 + first->rect.y1) / 2 + 300, 10));
    const auto* moved = find(out, "Lĩnh vực 3");
    REQUIRE(moved);
    CHECK(moved->rect.y0 < third_top - 150);  // scrolled by about 200 px minus the threshold

    // A long drag brings the last tile into view.
    CHECK_FALSE(drag(1300, 50));
    CHECK(find(out, "Lĩnh vực 12") != nullptr);
    const auto* still = find(out, "Lĩnh vực 1");
    CHECK((still == nullptr || still->clipped));

    // A plain tap still selects after scrolling.
    const auto* last = find(out, "Lĩnh vực 12");
    REQUIRE(last);
    const float lx = (last->rect.x0 + last->rect.x1) / 2, ly = (last->rect.y0 + last->rect.y1) / 2;
    h.frame(vm, lx, ly, false);
    h.frame(vm, lx, ly, true);
    const auto released = h.frame(vm, lx, ly, false);
    REQUIRE(selected(released));
    for (const auto& a : released.actions)
        if (a.type == ui::ActionType::SelectService) CHECK(a.arg == "s12");
}
