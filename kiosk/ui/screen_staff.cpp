// The staff screen: printer state and paper, reprint, sync status and today's counts, each in a
// card with its actions. Staff are trained users, but the buttons keep the kiosk's sizes.
#include <algorithm>
#include <cstdio>

#include "kiosk/ui/screens.h"
#include "kiosk/ui/staff_strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

const std::string& pick(const Ui& ui, const std::string& vi, const std::string& en) {
    return ui.lang == Language::En && !en.empty() ? en : vi;
}

std::string paper_text(const StaffView& s) {
    char text[64];
    const int percent =
        s.paper_roll_mm > 0 ? std::clamp(s.paper_left_mm * 100 / s.paper_roll_mm, 0, 100) : 0;
    std::snprintf(text, sizeof text, "%d,%d m (%d%%)", std::max(0, s.paper_left_mm) / 1000,
                  std::max(0, s.paper_left_mm) % 1000 / 100, percent);
    return text;
}

// A white card: a title and lines of text; returns the y under it.
float card(Ui& ui, const std::string& title, const std::vector<Line>& lines, ImVec2 pos,
           float width) {
    std::vector<Line> all{{title, ui.fonts.strong, theme::kPrimary}};
    all.insert(all.end(), lines.begin(), lines.end());
    ImGui::SetCursorScreenPos(pos);
    return pos.y + message_panel(ui, all, width, theme::kSecondary, theme::kBorder, Align::Left);
}

// The outcome of the last staff action; returns the y under it.
float result_panel(Ui& ui, const std::string& text, bool error, ImVec2 pos, float width) {
    ImGui::SetCursorScreenPos(pos);
    return pos.y +
           message_panel(ui, {{text, ui.fonts.strong, error ? theme::kErrorText : theme::kText}},
                         width, error ? theme::kError : theme::kNotice,
                         error ? theme::kErrorBorder : theme::kNoticeBorder, Align::Center);
}

// Equal secondary buttons, as many to a row as fit (each at least ~10 units wide); returns the
// index tapped or -1. `height_out` gets the height used.
int button_rows(Ui& ui, const char* id, const std::vector<std::string>& labels, ImVec2 pos,
                float width, bool enabled, float* height_out = nullptr) {
    const float gap = ui.u * 0.5f;
    // As many to a row as keep every label on one line with some padding.
    float widest = 0;
    for (const auto& label : labels)
        widest = std::max(
            widest,
            ui.fonts.strong->CalcTextSizeA(ui.fonts.strong->FontSize, FLT_MAX, 0, label.c_str()).x);
    const int per_row = std::clamp(static_cast<int>((width + gap) / (widest + ui.u * 2.0f + gap)),
                                   1, static_cast<int>(labels.size()));
    const float n = static_cast<float>(per_row);
    const float w = (width - gap * (n - 1)) / n;
    const float h = touch_height(ui);
    int tapped = -1;
    for (size_t i = 0; i < labels.size(); ++i) {
        const int row = static_cast<int>(i) / per_row, col = static_cast<int>(i) % per_row;
        ImGui::SetCursorScreenPos(ImVec2(pos.x + static_cast<float>(col) * (w + gap),
                                         pos.y + static_cast<float>(row) * (h + gap)));
        const std::string bid = std::string("##") + id + std::to_string(i);
        if (big_button(ui, {bid.c_str(),
                            {{labels[i], ui.fonts.strong, 0}},
                            ImVec2(w, h),
                            ButtonKind::Secondary,
                            enabled}))
            tapped = static_cast<int>(i);
    }
    const int rows = (static_cast<int>(labels.size()) + per_row - 1) / per_row;
    if (height_out) *height_out = static_cast<float>(rows) * h + static_cast<float>(rows - 1) * gap;
    return tapped;
}

std::vector<Line> printer_lines(Ui& ui, const StaffView& s) {
    std::vector<Line> lines{{fill(tr(ui.lang, StaffStr::PrinterState),
                                  pick(ui, s.printer_words_vi, s.printer_words_en)),
                             ui.fonts.strong,
                             s.printer_ready ? theme::kSuccess : theme::kErrorText}};
    if (!s.printer_detail.empty()) lines.push_back({s.printer_detail, ui.fonts.body, theme::kText});
    lines.push_back({s.printer_transport, ui.fonts.body, theme::kTextMuted});
    if (s.paper_counter)
        lines.push_back(
            {fill(tr(ui.lang, StaffStr::PaperLeft), paper_text(s)), ui.fonts.body, theme::kText});
    if (s.paper_low)
        lines.push_back({tr(ui.lang, StaffStr::PaperLow), ui.fonts.strong, theme::kErrorText});
    else if (!s.paper_counter)
        lines.push_back(
            {tr(ui.lang, StaffStr::PaperNotReported), ui.fonts.body, theme::kTextMuted});
    return lines;
}

std::vector<Line> sync_link_lines(Ui& ui, const StaffView& s) {
    if (!s.sync_configured)
        return {{tr(ui.lang, StaffStr::SyncNotConfigured), ui.fonts.body, theme::kTextMuted},
                {fill(tr(ui.lang, StaffStr::OutboxDepth), std::to_string(s.outbox_depth)),
                 ui.fonts.body, theme::kText}};
    std::vector<Line> lines{
        {tr(ui.lang, s.sync_online ? StaffStr::SyncOnline : StaffStr::SyncOffline), ui.fonts.strong,
         s.sync_online ? theme::kSuccess : theme::kErrorText},
        {s.sync_last_success.empty() ? tr(ui.lang, StaffStr::SyncNever)
                                     : fill(tr(ui.lang, StaffStr::SyncLast), s.sync_last_success),
         ui.fonts.body, theme::kText},
        {fill(tr(ui.lang, StaffStr::OutboxDepth), std::to_string(s.outbox_depth)), ui.fonts.body,
         theme::kText}};
    if (!s.sync_last_error.empty())
        lines.push_back({fill(tr(ui.lang, StaffStr::SyncError), s.sync_last_error), ui.fonts.body,
                         theme::kTextMuted});
    return lines;
}

// The link's state, then what the office catalogue could not apply.
std::vector<Line> sync_lines(Ui& ui, const StaffView& s) {
    std::vector<Line> lines = sync_link_lines(ui, s);
    const auto& notes = ui.lang == Language::En ? s.catalog_notes_en : s.catalog_notes_vi;
    for (const std::string& note : notes)
        lines.push_back({note, ui.fonts.body, theme::kErrorText});
    return lines;
}

// The printer card with its buttons, from `y` in [x, x + w); returns the y under them.
float printer_card(Ui& ui, const StaffView& s, float x, float y, float w) {
    const float gap = ui.u * 0.6f;
    y = card(ui, tr(ui.lang, StaffStr::PrinterSection), printer_lines(ui, s), ImVec2(x, y), w) +
        gap;
    std::vector<std::string> actions{tr(ui.lang, StaffStr::CheckPrinter),
                                     tr(ui.lang, StaffStr::TestPage)};
    if (s.paper_counter) actions.push_back(tr(ui.lang, StaffStr::PaperLoaded));
    static const char* commands[] = {"printer-check", "test-page", "paper-loaded"};
    float used = 0;
    if (int i = button_rows(ui, "staff-printer", actions, ImVec2(x, y), w, !s.busy, &used); i >= 0)
        ui.out.emit(ActionType::Staff, commands[i]);
    return y + used + gap * 1.5f;
}

// The reprint card with its buttons; returns the y under them.
float reprint_card(Ui& ui, const StaffView& s, float x, float y, float w) {
    const float gap = ui.u * 0.6f;
    std::string last = tr(ui.lang, StaffStr::NoTicketToday);
    if (!s.last_number.empty())
        last = fill(tr(ui.lang, StaffStr::LastTicket),
                    s.last_number + " · " + pick(ui, s.last_service_vi, s.last_service_en) + " · " +
                        s.last_time);
    y = card(ui, tr(ui.lang, StaffStr::ReprintSection), {{last, ui.fonts.body, theme::kText}},
             ImVec2(x, y), w) +
        gap;
    const std::vector<std::string> actions{tr(ui.lang, StaffStr::ReprintLast),
                                           tr(ui.lang, StaffStr::ReprintOther)};
    float used = 0;
    if (int i = button_rows(ui, "staff-reprint", actions, ImVec2(x, y), w,
                            !s.busy && !s.last_number.empty(), &used);
        i >= 0)
        ui.out.emit(ActionType::Staff, i == 0 ? "reprint-last" : "reprint-number");
    return y + used + gap * 1.5f;
}

std::vector<Line> today_lines(Ui& ui, const StaffView& s) {
    std::vector<Line> lines{
        {fill(tr(ui.lang, StaffStr::IssuedToday), std::to_string(s.issued_today)), ui.fonts.body,
         theme::kText},
        {fill(tr(ui.lang, StaffStr::VoidToday), std::to_string(s.void_today)), ui.fonts.body,
         theme::kText},
        {fill(tr(ui.lang, StaffStr::UnconfirmedToday), std::to_string(s.unconfirmed_today)),
         ui.fonts.body, s.unconfirmed_today > 0 ? theme::kErrorText : theme::kText}};
    if (s.ratings_enabled) {
        lines.push_back({fill(tr(ui.lang, StaffStr::RatingsToday), std::to_string(s.ratings_today)),
                         ui.fonts.body, theme::kText});
        if (s.ratings_today > 0)
            lines.push_back(
                {fill(fill(tr(ui.lang, StaffStr::RatingsSplit), std::to_string(s.ratings_satisfied))
                          .c_str(),
                      std::to_string(s.ratings_unhappy)),
                 ui.fonts.body, theme::kText});
    }
    return lines;
}

// Landscape shows the result of the last action above the right column.
void draw_overview(Ui& ui, const StaffView& s, float x, float y, float w,
                   const std::string& result) {
    const float gap = ui.u * 0.6f;
    if (ui.portrait) {
        // One column; sync and today's counts side by side at the bottom.
        y = reprint_card(ui, s, x, printer_card(ui, s, x, y, w), w);
        const float half = (w - gap) * 0.5f;
        card(ui, tr(ui.lang, StaffStr::SyncSection), sync_lines(ui, s), ImVec2(x, y), half);
        card(ui, tr(ui.lang, StaffStr::TodaySection), today_lines(ui, s), ImVec2(x + half + gap, y),
             half);
        return;
    }
    // Landscape: three columns — printer | reprint and the last result | sync and today.
    const float printer_w = (w - gap * 4) * 0.40f;
    const float reprint_w = (w - gap * 4) * 0.30f;
    const float reprint_x = x + printer_w + gap * 2;
    const float status_x = reprint_x + reprint_w + gap * 2;
    const float status_w = x + w - status_x;
    printer_card(ui, s, x, y, printer_w);
    const float reprint_bottom = reprint_card(ui, s, reprint_x, y, reprint_w);
    if (!result.empty())
        result_panel(ui, result, s.result_error && !s.busy, ImVec2(reprint_x, reprint_bottom),
                     reprint_w);
    const float below = card(ui, tr(ui.lang, StaffStr::SyncSection), sync_lines(ui, s),
                             ImVec2(status_x, y), status_w) +
                        gap;
    card(ui, tr(ui.lang, StaffStr::TodaySection), today_lines(ui, s), ImVec2(status_x, below),
         status_w);
}

void draw_reprint_number(Ui& ui, const StaffView& s, float x, float y, float w) {
    // Portrait: title, field, keypad and actions stacked. Landscape: title, field and actions on
    // the left, the keypad on the right, so every key stays on a 1080-pixel-high screen.
    const float gap = ui.u * 0.6f;
    const float col_w = ui.portrait ? w : (w - gap * 2) * 0.5f;
    const float keys_x = ui.portrait ? x : x + col_w + gap * 2;
    const std::vector<Line> head{{tr(ui.lang, StaffStr::TypeNumber), ui.fonts.title, theme::kText}};
    float left_y = y + draw_lines(ui, head, ImVec2(x, y), col_w, 0, Align::Center) + gap;
    const float field_h = ui.u * 3.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(x, left_y), ImVec2(x + col_w, left_y + field_h), theme::kSecondary,
                      ui.u * 0.3f);
    dl->AddRect(ImVec2(x, left_y), ImVec2(x + col_w, left_y + field_h), theme::kBorder, ui.u * 0.3f,
                0, 2.0f);
    if (!s.typed_number.empty())
        draw_lines(ui, {{s.typed_number, ui.fonts.title, theme::kText}},
                   ImVec2(x, left_y + (field_h - ui.fonts.title->FontSize) * 0.5f), col_w, 0,
                   Align::Center);
    left_y += field_h + gap;

    std::vector<std::string> keys{
        "1", "2", "3", "4", "5", "6", "7", "8", "9", tr(ui.lang, StaffStr::DeleteOne), "0", ""};
    for (const auto& p : s.prefixes)
        keys.push_back(p);
    const float key_h = touch_height(ui);
    const float keys_y = ui.portrait ? left_y : y;
    const int tapped =
        key_grid(ui, "reprint-key", keys, 3, ImVec2(keys_x, keys_y), col_w, key_h, !s.busy);
    if (tapped == 9)
        ui.out.emit(ActionType::Staff, "key-back");
    else if (tapped >= 0)
        ui.out.emit(ActionType::Staff, "key:" + keys[static_cast<size_t>(tapped)]);
    const float actions_y =
        ui.portrait ? keys_y + key_grid_height(ui, keys.size(), 3, key_h) + ui.u : left_y;

    // "Reprint" waits for a number; "Cancel" always works.
    const float half = (col_w - ui.u * 0.5f) * 0.5f;
    if (button_rows(ui, "staff-reprint-typed", {tr(ui.lang, StaffStr::ReprintTyped)},
                    ImVec2(x, actions_y), half, !s.busy && !s.typed_number.empty()) == 0)
        ui.out.emit(ActionType::Staff, "reprint-typed");
    if (button_rows(ui, "staff-reprint-cancel", {tr(ui.lang, StaffStr::Cancel)},
                    ImVec2(x + half + ui.u * 0.5f, actions_y), half, !s.busy) == 0)
        ui.out.emit(ActionType::Staff, "cancel");
}

}  // namespace

void draw_staff(Ui& ui, const ViewModel& vm) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    float y = draw_header(ui, vm, screen.x) + m * 0.6f;
    const StaffView& s = vm.staff;
    const float w = screen.x - 2 * m;

    // Title with "Log out" on the right.
    const ImVec2 out_size(ui.u * 7.0f, touch_height(ui) * 0.8f);
    draw_lines(ui, {{tr(ui.lang, StaffStr::StaffTitle), ui.fonts.title, theme::kText}},
               ImVec2(m, y + (out_size.y - ui.fonts.title->FontSize) * 0.5f), w - out_size.x, 0,
               Align::Left);
    ImGui::SetCursorScreenPos(ImVec2(screen.x - m - out_size.x, y));
    if (big_button(ui, {"##staff-exit",
                        {{tr(ui.lang, StaffStr::LogOut), ui.fonts.strong, 0}},
                        out_size,
                        ButtonKind::Primary}))
        ui.out.emit(ActionType::Staff, "exit");
    y += out_size.y + m * 0.6f;

    // The result of the last action (or "Working…"): at the top in portrait, at the top of the
    // right column in landscape (where the eye returns after a tap on the left).
    std::string result = pick(ui, s.result_vi, s.result_en);
    if (s.busy) result = tr(ui.lang, StaffStr::Working);
    const bool result_on_right = !ui.portrait && s.panel == StaffPanel::Overview;
    if (!result.empty() && !result_on_right) {
        y = result_panel(ui, result, s.result_error && !s.busy, ImVec2(m, y), w) + m * 0.6f;
    }

    if (s.panel == StaffPanel::ReprintNumber) {
        const float kw = std::min(w, ui.portrait ? ui.u * 18.0f : ui.u * 38.0f);
        draw_reprint_number(ui, s, (screen.x - kw) * 0.5f, y, kw);
    } else {
        draw_overview(ui, s, m, y, w, result_on_right ? result : std::string());
    }
}

}  // namespace kiosk::ui
