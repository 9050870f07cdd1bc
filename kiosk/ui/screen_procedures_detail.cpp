// Procedure guide: one procedure — the documents to bring (with counts), time and fee per
// channel (in person first), the result and the agency; "Lấy số cho thủ tục này" and "In danh
// sách giấy tờ". Portrait: details scroll above the buttons; landscape: details on the left,
// buttons in a column on the right.
#include <algorithm>

#include "kiosk/ui/screen_procedures.h"
#include "kiosk/ui/screen_procedures_strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

// An empty tick box in front of each document (the printed list has the same).
void tick_box(const Ui& ui, ImVec2 pos, float size) {
    ImGui::GetWindowDrawList()->AddRect(pos, ImVec2(pos.x + size, pos.y + size), theme::kText,
                                        ui.u * 0.1f, 0, std::max(2.0f, ui.u * 0.08f));
}

// Everything in the scroll area, drawn from `origin`; returns the height used.
float detail_body(Ui& ui, const ProcedureDetail& d, ImVec2 origin, float w) {
    const float gap = ui.u * 0.5f;
    const float section_gap = ui.u * 1.0f;
    float y = origin.y;
    auto heading = [&](PrStr id) {
        y += draw_lines(ui, {{tr(ui.lang, id), ui.fonts.title, theme::kText}}, ImVec2(origin.x, y),
                        w, 0, Align::Left) +
             gap;
    };
    heading(PrStr::Documents);
    if (d.documents.empty()) {
        y += draw_lines(ui, {{tr(ui.lang, PrStr::NoDocuments), ui.fonts.body, theme::kText}},
                        ImVec2(origin.x, y), w, 0, Align::Left) +
             gap;
    }
    const float box = ui.u * 1.0f;
    const float text_x = origin.x + box + ui.u * 0.6f;
    const float text_w = origin.x + w - text_x;
    for (const ProcedureDocumentLine& doc : d.documents) {
        tick_box(ui, ImVec2(origin.x, y + ui.u * 0.2f), box);
        std::vector<Line> lines{{doc.name, ui.fonts.body, theme::kText}};
        const std::string counts = format_document_counts(ui.lang, doc.originals, doc.copies);
        if (!counts.empty()) lines.push_back({counts, ui.fonts.strong, theme::kPrimary});
        y += draw_lines(ui, lines, ImVec2(text_x, y), text_w, ui.u * 0.15f, Align::Left) + gap;
    }
    y += section_gap - gap;
    heading(PrStr::TimeAndFee);
    for (const ProcedureChannelLine& c : d.channels) {
        // "Miễn phí", plus the catalogue's words when they add something to it.
        std::string fee = c.fee_text;
        if (c.free) {
            fee = tr(ui.lang, PrStr::Free);
            if (!c.fee_text.empty() && c.fee_text.find("Miễn") == std::string::npos)
                fee += " (" + c.fee_text + ")";
        }
        std::vector<Line> lines{{channel_name(ui.lang, c.channel), ui.fonts.strong, theme::kText}};
        if (!c.processing_time.empty())
            lines.push_back(
                {fill(tr(ui.lang, PrStr::Time), c.processing_time), ui.fonts.body, theme::kText});
        if (!fee.empty())
            lines.push_back({fill(tr(ui.lang, PrStr::Fee), fee), ui.fonts.body, theme::kText});
        y += draw_lines(ui, lines, ImVec2(origin.x, y), w, ui.u * 0.15f, Align::Left) + gap;
    }
    auto labelled = [&](PrStr label, const std::string& value) {
        if (value.empty()) return;
        y += section_gap - gap;
        y += draw_lines(ui,
                        {{tr(ui.lang, label), ui.fonts.strong, theme::kTextMuted},
                         {value, ui.fonts.body, theme::kText}},
                        ImVec2(origin.x, y), w, ui.u * 0.15f, Align::Left) +
             gap;
    };
    labelled(PrStr::Result, d.result);
    labelled(PrStr::Agency, d.agency);
    y += section_gap - gap;
    y += draw_lines(ui, {{tr(ui.lang, PrStr::Reference), ui.fonts.body, theme::kNoticeText}},
                    ImVec2(origin.x, y), w, 0, Align::Left);
    return y - origin.y + ui.u * 0.3f;
}

// A drag-to-scroll area holding the detail body.
void body_area(Ui& ui, const ProcedureDetail& d, ImVec2 pos, ImVec2 size) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ui.u * 0.5f);
    ImGui::BeginChild("##procedure-detail", ImVec2(size.x, std::max(size.y, ui.u * 3.0f)), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = size.x - ui.u * 0.9f;  // room for the scrollbar
    const float h = detail_body(ui, d, origin, w);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(w, h));
    drag_to_scroll(ui);
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

const ServiceTile* tile_for(const ViewModel& vm, const std::string& service_id) {
    for (const ServiceTile& t : vm.services)
        if (t.id == service_id) return &t;
    return nullptr;
}

ButtonSpec issue_spec(Ui& ui, const ViewModel& vm, ImVec2 size) {
    const ProcedureDetail& d = vm.procedures.detail;
    const ServiceTile* tile = tile_for(vm, d.service_id);
    const bool office_open = vm.closed_vi.empty();
    const bool open = d.can_issue && tile && tile->available && office_open;
    ButtonSpec spec{"##procedure-issue",
                    {{tr(ui.lang, PrStr::Issue), ui.fonts.title, 0}},
                    size,
                    ButtonKind::Primary,
                    open && vm.printer_ready};
    // Disabled buttons say why in words: outside issuing hours the guide still helps (read,
    // print the checklist), only the number waits.
    if (!office_open)
        spec.lines.push_back(
            {ui.lang == Language::En ? vm.closed_en : vm.closed_vi, ui.fonts.body, 0});
    else if (!vm.printer_ready)
        spec.lines.push_back({tr(ui.lang, Str::PrinterPaused), ui.fonts.body, 0});
    else if (tile && !tile->available)
        spec.lines.push_back({tr(ui.lang, Str::SoldOut), ui.fonts.body, 0});
    else if (tile) {
        std::string info = format_waiting(ui.lang, tile->waiting);
        const std::string counters = format_counters(ui.lang, tile->counters);
        if (!counters.empty()) info += "  ·  " + counters;
        spec.lines.push_back({info, ui.fonts.body, 0});
    }
    return spec;
}

ButtonSpec print_spec(Ui& ui, const ViewModel& vm, ImVec2 size) {
    return {"##procedure-print",
            {{tr(ui.lang, PrStr::Print), ui.fonts.strong, 0},
             {tr(ui.lang, PrStr::PrintHint), ui.fonts.body, 0}},
            size,
            ButtonKind::Secondary,
            vm.procedures.slip != SlipPhase::Printing && vm.printer_ready};
}

std::vector<Line> slip_lines(Ui& ui, const ProcedureView& v) {
    return slip_phase_lines(ui, v.slip,
                            {tr(ui.lang, PrStr::SlipPrinting), tr(ui.lang, PrStr::SlipPrinted),
                             tr(ui.lang, PrStr::SlipFailed)},
                            v.slip_error_vi, v.slip_error_en);
}

// Name, then code and field; returns the height used.
float title_block(Ui& ui, const ProcedureDetail& d, ImVec2 pos, float w) {
    const std::string& field =
        ui.lang == Language::En && !d.field_en.empty() ? d.field_en : d.field_vi;
    std::string sub = fill(tr(ui.lang, PrStr::CodeLine), d.code);
    if (!field.empty()) sub += "  ·  " + field;
    return draw_lines(
        ui, {{d.name, ui.fonts.title, theme::kText}, {sub, ui.fonts.body, theme::kTextMuted}}, pos,
        w, ui.u * 0.3f, Align::Left);
}

}  // namespace

void draw_procedure_detail(Ui& ui, const ViewModel& vm, float top) {
    const ProcedureView& v = vm.procedures;
    const ProcedureDetail& d = v.detail;
    const auto [m, w, gap] = procedure_page(ui);
    const float screen_h = ImGui::GetMainViewport()->Size.y;
    const std::vector<Line> slip = slip_lines(ui, v);
    if (ui.portrait) {
        float y = top;
        y += title_block(ui, d, ImVec2(m, y), w) + gap;
        // Bottom up: the row of small buttons, print, issue, the slip's state.
        const float bottom_top = bottom_row_top(ui);
        const float print_h = touch_height(ui);
        const float issue_h = touch_height(ui) * 1.25f;
        const float print_top = bottom_top - gap - print_h;
        const float issue_top = print_top - gap - issue_h;
        const float slip_h = slip.empty() ? 0.0f : lines_height(slip, w, ui.u * 0.2f) + gap;
        body_area(ui, d, ImVec2(m, y), ImVec2(w, issue_top - gap - slip_h - y));
        if (!slip.empty())
            draw_lines(ui, slip, ImVec2(m, issue_top - slip_h), w, ui.u * 0.2f, Align::Left);
        ImGui::SetCursorScreenPos(ImVec2(m, issue_top));
        if (big_button(ui, issue_spec(ui, vm, ImVec2(w, issue_h)))) procedure_action(ui, "issue");
        ImGui::SetCursorScreenPos(ImVec2(m, print_top));
        if (big_button(ui, print_spec(ui, vm, ImVec2(w, print_h)))) procedure_action(ui, "print");
        procedure_bottom_buttons(ui, m, w, true);
        return;
    }
    // Landscape: details on the left; on the right, top down: issue, print, the slip's state,
    // and at the bottom "Quay lại" and the language toggle above "Về trang chủ".
    const float side_w = ui.u * 15.0f;
    const float left_w = w - side_w - m;
    const float side_x = m + left_w + m;
    float y = top;
    y += title_block(ui, d, ImVec2(m, y), left_w) + gap;
    body_area(ui, d, ImVec2(m, y), ImVec2(left_w, screen_h - m - y));
    const float h = touch_height(ui);
    float sy = top;
    ImGui::SetCursorScreenPos(ImVec2(side_x, sy));
    if (big_button(ui, issue_spec(ui, vm, ImVec2(side_w, h * 1.6f)))) procedure_action(ui, "issue");
    sy += h * 1.6f + gap;
    ImGui::SetCursorScreenPos(ImVec2(side_x, sy));
    if (big_button(ui, print_spec(ui, vm, ImVec2(side_w, h)))) procedure_action(ui, "print");
    sy += h + gap;
    if (!slip.empty()) draw_lines(ui, slip, ImVec2(side_x, sy), side_w, ui.u * 0.2f, Align::Left);
    const float row_y = screen_h - m - h;
    const float half = (side_w - gap) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(side_x, row_y - gap - h));
    if (big_button(ui, {"##procedure-back",
                        {{tr(ui.lang, PrStr::Back), ui.fonts.strong, 0}},
                        ImVec2(half, h),
                        ButtonKind::Secondary}))
        procedure_action(ui, "back");
    ImGui::SetCursorScreenPos(ImVec2(side_x + half + gap, row_y - gap - h));
    if (language_button(ui, ImVec2(half, h))) ui.out.emit(ActionType::ToggleLanguage);
    ImGui::SetCursorScreenPos(ImVec2(side_x, row_y));
    if (home_button(ui, ImVec2(side_w, h))) ui.out.emit(ActionType::GoHome);
}

}  // namespace kiosk::ui
