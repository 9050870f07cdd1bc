#include "kiosk/counter/draw_counter.h"

#include <algorithm>
#include <cfloat>
#include <string>

#include "kiosk/counter/counter_strings.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::counter {
namespace {

namespace theme = ui::theme;
using ui::Align;
using ui::ButtonKind;
using ui::Line;

struct Ctx {
    ui::Ui ui;
    const CounterViewModel& vm;
    std::vector<CounterAction>& actions;
    bool input_ok;  // connected, nothing in flight, no dialog over the buttons
    void emit(CounterActionType t, std::string arg = {}) { actions.push_back({t, std::move(arg)}); }
};

float text_width(ImFont* f, const std::string& s) {
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, s.c_str()).x;
}

bool key_pressed(int key) {
    return ImGui::IsKeyPressed(key, false);
}

// A button with the Vietnamese label (tap target), then a small line: "F1 · Call next".
bool action_button(Ctx& c, const char* id, CStr label, const char* key, ImVec2 pos, ImVec2 size,
                   bool enabled, ButtonKind kind = ButtonKind::Secondary) {
    ImGui::SetCursorScreenPos(pos);
    std::string sub = std::string(key) + " · " + en(label);
    return ui::big_button(
        c.ui, {id,
               {{vi(label), c.ui.fonts.strong, 0}, {std::move(sub), c.ui.fonts.body, 0}},
               size,
               kind,
               enabled});
}

// A plain button with one line (dialogs, held numbers).
bool plain_button(Ctx& c, const std::string& id, const std::string& label, ImFont* font, ImVec2 pos,
                  ImVec2 size, bool enabled, ButtonKind kind = ButtonKind::Secondary,
                  const std::string& sub = {}) {
    ImGui::SetCursorScreenPos(pos);
    std::vector<Line> lines{{label, font, 0}};
    // The English line only when the label keeps to one row (long field names wrap).
    const float inner = size.x - 2 * c.ui.u * 0.9f;
    if (!sub.empty() && text_width(font, label) <= inner)
        lines.push_back({sub, c.ui.fonts.body, 0});
    return ui::big_button(c.ui, {id.c_str(), std::move(lines), size, kind, enabled});
}

void panel(ImVec2 a, ImVec2 b, ImU32 fill, ImU32 border, float u) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = ImGui::GetStyle().FrameRounding;
    dl->AddRectFilled(a, b, fill, r);
    dl->AddRect(a, b, border, r, 0, std::max(2.0f, u * 0.08f));
}

// Navy band: "Quầy 3" and the office on the left; link state and clock on the right.
float header(Ctx& c, float width) {
    ui::Ui& ui = c.ui;
    const float pad = ui.u * 0.7f;
    const float h = ui.fonts.title->FontSize + 2 * pad;
    const ImVec2 o(0, 0);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(width, h), theme::kHeader);

    const std::string title = vi(CStr::CounterTitle, std::to_string(c.vm.counter));
    const float title_w = text_width(ui.fonts.title, title);
    ui::draw_lines(ui, {{title, ui.fonts.title, theme::kHeaderText}}, ImVec2(pad * 1.5f, pad),
                   title_w + 1, 0, Align::Left);

    char clock[16];
    std::snprintf(clock, sizeof clock, "%02d:%02d", c.vm.hour, c.vm.minute);
    const float clock_w = text_width(ui.fonts.title, clock);
    const float clock_x = width - pad * 1.5f - clock_w;
    ui::draw_lines(ui, {{clock, ui.fonts.title, theme::kHeaderText}}, ImVec2(clock_x, pad),
                   clock_w + 1, 0, Align::Right);

    // Link state as a pill with words (green / red fill, but the words carry the meaning).
    const bool ok = c.vm.connection == Connection::Connected;
    const std::string state =
        vi(ok ? CStr::Connected
              : (c.vm.connection == Connection::Lost ? CStr::PillLost : CStr::PillConnecting));
    const float state_w = text_width(ui.fonts.body, state) + ui.u * 1.2f;
    const float pill_h = ui.fonts.body->FontSize + ui.u * 0.5f;
    const ImVec2 pmin(clock_x - ui.u - state_w, (h - pill_h) * 0.5f);
    const ImVec2 pmax(pmin.x + state_w, pmin.y + pill_h);
    dl->AddRectFilled(pmin, pmax, ok ? theme::kSuccess : theme::kErrorBorder, pill_h * 0.5f);
    ui::draw_lines(ui, {{state, ui.fonts.body, theme::kHeaderText}},
                   ImVec2(pmin.x, pmin.y + ui.u * 0.25f), state_w, 0, Align::Center);

    // Office name between, when there is room.
    const float office_x = pad * 1.5f + title_w + ui.u * 1.2f;
    const float office_w = pmin.x - ui.u - office_x;
    if (!c.vm.office_name_vi.empty() && office_w > ui.u * 6) {
        ImGui::PushClipRect(ImVec2(office_x, 0), ImVec2(office_x + office_w, h), true);
        ui::draw_lines(ui, {{c.vm.office_name_vi, ui.fonts.body, theme::kHeaderText}},
                       ImVec2(office_x, (h - ui.fonts.body->FontSize) * 0.5f), FLT_MAX / 4, 0,
                       Align::Left);
        ImGui::PopClipRect();
    }
    return h;
}

// Vietnamese (strong) then English (body, muted) on one row when both fit, else two rows.
// Returns the height used.
float pair_line(Ctx& c, const std::string& v, const std::string& e, ImVec2 pos, float width,
                ImU32 color, ImU32 en_color, Align align) {
    ui::Ui& ui = c.ui;
    const std::string sep = "  ·  ";
    const float vw = text_width(ui.fonts.strong, v);
    const float ew = text_width(ui.fonts.body, sep + e);
    if (e.empty() || vw + ew > width) {
        return ui::draw_lines(ui, {{v, ui.fonts.strong, color}, {e, ui.fonts.body, en_color}}, pos,
                              width, ui.u * 0.15f, align);
    }
    float x = pos.x;
    if (align == Align::Center) x += (width - vw - ew) * 0.5f;
    ui::draw_lines(ui, {{v, ui.fonts.strong, color}}, ImVec2(x, pos.y), vw + 1, 0, Align::Left);
    // Baselines of the two fonts line up roughly when the smaller one sits a little lower.
    const float dy = (ui.fonts.strong->FontSize - ui.fonts.body->FontSize) * 0.75f;
    ui::draw_lines(ui, {{sep + e, ui.fonts.body, en_color}}, ImVec2(x + vw, pos.y + dy), ew + 1, 0,
                   Align::Left);
    return ui.fonts.strong->FontSize;
}

float pair_height(const Ctx& c, const std::string& v, const std::string& e, float width) {
    const ui::Ui& ui = c.ui;
    if (e.empty() ||
        text_width(ui.fonts.strong, v) + text_width(ui.fonts.body, "  ·  " + e) > width)
        return ui::lines_height({{v, ui.fonts.strong, 0}, {e, ui.fonts.body, 0}}, width,
                                ui.u * 0.15f);
    return ui.fonts.strong->FontSize;
}

// A full-width framed banner (lost link, paused counter); returns its height.
float banner(Ctx& c, float x, float y, float width, const std::string& v, const std::string& e,
             ImU32 fill, ImU32 border, ImU32 text) {
    const float pad = c.ui.u * 0.45f;
    const float h = pair_height(c, v, e, width - 2 * pad) + 2 * pad;
    panel(ImVec2(x, y), ImVec2(x + width, y + h), fill, border, c.ui.u);
    pair_line(c, v, e, ImVec2(x + pad, y + pad), width - 2 * pad, text, text, Align::Center);
    return h;
}

// Height of the waiting list, served count and held numbers under the card.
float side_info_height(const Ctx& c) {
    const ui::Ui& ui = c.ui;
    float h = ui.fonts.body->FontSize + ui.u * 0.3f;
    h += static_cast<float>(c.vm.fields.size()) * ui::row_height(ui.fonts.strong);
    h += ui.u * 0.3f + ui.fonts.strong->FontSize;
    if (!c.vm.held.empty()) h += ui.u * 0.5f + ui.fonts.body->FontSize + ui.u * 0.3f + ui.u * 2.4f;
    return h;
}

// The current ticket card; the number shrinks when the column is short. Returns its height.
float ticket_card(Ctx& c, ImVec2 pos, float width, float max_h) {
    ui::Ui& ui = c.ui;
    const CounterViewModel& vm = c.vm;
    const float pad = ui.u * 0.7f;
    const float inner = width - 2 * pad;
    const float gap = ui.u * 0.3f;
    const std::string caption = std::string(vi(CStr::NowServing)) + " · " + en(CStr::NowServing);
    std::vector<Line> lines;
    if (vm.has_current) {
        lines.push_back(
            {vm.current.service_vi + " · " + vm.current.service_en, ui.fonts.strong, theme::kText});
        lines.push_back({vi(CStr::Elapsed, format_elapsed(vm.current.seconds_since_called)),
                         ui.fonts.strong, theme::kPrimary});
        std::string flags;
        if (vm.current.priority)
            flags = std::string(vi(CStr::PriorityMark)) + " · " + en(CStr::PriorityMark);
        if (vm.current.recalls > 0)
            flags += (flags.empty() ? "" : "   ") +
                     vi(CStr::RecalledTimes, std::to_string(vm.current.recalls));
        if (vm.current.no_shows > 0)
            flags += (flags.empty() ? "" : "   ") +
                     vi(CStr::MissedTimes, std::to_string(vm.current.no_shows));
        if (!flags.empty())
            lines.push_back(
                {flags, ui.fonts.body, vm.current.priority ? theme::kErrorText : theme::kText});
    } else {
        lines = {{vi(CStr::NobodyCalled), ui.fonts.title, theme::kTextMuted},
                 {vi(CStr::NobodyCalledHint), ui.fonts.body, theme::kText},
                 {en(CStr::NobodyCalledHint), ui.fonts.body, theme::kTextMuted}};
    }
    const float caption_h = ui.fonts.body->FontSize;
    const float lines_h = ui::lines_height(lines, inner, gap);
    float number_size = 0;
    if (vm.has_current) {
        const float room = max_h - 2 * pad - caption_h - lines_h - 2 * gap;
        number_size =
            std::clamp(room / 0.86f, ui.fonts.huge->FontSize * 0.4f, ui.fonts.huge->FontSize);
    }
    const float h =
        2 * pad + caption_h + gap + (vm.has_current ? number_size * 0.86f + gap : gap) + lines_h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    panel(pos, ImVec2(pos.x + width, pos.y + h), theme::kSecondary,
          vm.has_current ? theme::kPrimary : theme::kBorder, ui.u);
    if (vm.has_current)  // a thick left edge: "someone is being served" without colour alone
        dl->AddRectFilled(pos, ImVec2(pos.x + ui.u * 0.35f, pos.y + h), theme::kPrimary,
                          ImGui::GetStyle().FrameRounding, ImDrawFlags_RoundCornersLeft);
    float y = pos.y + pad;
    y += ui::draw_lines(ui, {{caption, ui.fonts.body, theme::kTextMuted}}, ImVec2(pos.x + pad, y),
                        inner, 0, Align::Center) +
         gap;
    if (vm.has_current) {
        ImFont* huge = ui.fonts.huge;
        const float nw = huge->CalcTextSizeA(number_size, FLT_MAX, 0, vm.current.number.c_str()).x;
        const ImVec2 np(pos.x + (width - nw) * 0.5f, y - number_size * 0.1f);
        dl->AddText(huge, number_size, np, theme::kText, vm.current.number.c_str());
        ui::record_widget(ui, vm.current.number, ImRect(np, ImVec2(np.x + nw, np.y + number_size)),
                          false, true);
        y += number_size * 0.86f + gap;
    } else {
        y += gap;
    }
    ui::draw_lines(ui, lines, ImVec2(pos.x + pad, y), inner, gap, Align::Center);
    return h;
}

// Waiting per field, served today and held numbers, from `y` down.
void side_info(Ctx& c, float x, float y, float width, float bottom) {
    ui::Ui& ui = c.ui;
    const CounterViewModel& vm = c.vm;
    const float row = ui::row_height(ui.fonts.strong);
    if (y + ui.fonts.body->FontSize > bottom) return;
    y += ui::draw_lines(ui,
                        {{std::string(vi(CStr::WaitingTitle)) + " · " + en(CStr::WaitingTitle),
                          ui.fonts.body, theme::kTextMuted}},
                        ImVec2(x, y), width, 0, Align::Left) +
         ui.u * 0.3f;
    for (const FieldWaitingView& f : vm.fields) {
        if (y + row > bottom) break;
        const std::string count = vi(CStr::WaitingPeople, std::to_string(f.waiting));
        const float count_w = text_width(ui.fonts.strong, count);
        ImGui::PushClipRect(ImVec2(x, y), ImVec2(x + width - count_w - ui.u, y + row), true);
        ui::draw_lines(ui, {{f.name_vi, ui.fonts.strong, theme::kText}}, ImVec2(x, y), FLT_MAX / 4,
                       0, Align::Left);
        ImGui::PopClipRect();
        ui::draw_lines(ui,
                       {{count, ui.fonts.strong, f.waiting > 0 ? theme::kText : theme::kTextMuted}},
                       ImVec2(x + width - count_w, y), count_w + 1, 0, Align::Right);
        y += row;
    }
    y += ui.u * 0.3f;
    if (y + ui.fonts.strong->FontSize <= bottom) {
        y += ui::draw_lines(ui,
                            {{vi(CStr::ServedToday, std::to_string(vm.served_today)),
                              ui.fonts.strong, theme::kSuccess}},
                            ImVec2(x, y), width, 0, Align::Left) +
             ui.u * 0.5f;
    }
    if (vm.held.empty() || y + ui.fonts.body->FontSize + ui.u * 2.7f > bottom) return;
    y += ui::draw_lines(ui, {{vi(CStr::HeldTitle), ui.fonts.body, theme::kTextMuted}}, ImVec2(x, y),
                        width, 0, Align::Left) +
         ui.u * 0.3f;
    const ImVec2 size(ui.u * 4.6f, std::min(ui.u * 2.4f, bottom - y));
    float bx = x;
    const bool enabled = c.input_ok && !vm.paused;
    for (const std::string& number : vm.held) {
        if (bx + size.x > x + width) break;
        if (plain_button(c, "##held-" + number, number, ui.fonts.strong, ImVec2(bx, y), size,
                         enabled))
            c.emit(CounterActionType::CallHeld, number);
        bx += size.x + ui.u * 0.4f;
    }
}

// The eight actions in a 2 × 4 grid, with their F-keys.
void action_grid(Ctx& c, ImVec2 pos, ImVec2 size) {
    const CounterViewModel& vm = c.vm;
    const float gap = c.ui.u * 0.5f;
    const ImVec2 cell((size.x - gap) * 0.5f, (size.y - 3 * gap) * 0.25f);
    const auto at = [&](int col, int row) {
        return ImVec2(pos.x + col * (cell.x + gap), pos.y + row * (cell.y + gap));
    };
    const bool cur = vm.has_current;
    const bool ok = c.input_ok;
    struct Item {
        const char* id;
        CStr label;
        const char* key;
        bool enabled;
        CounterActionType action;
        ButtonKind kind;
    };
    const Item items[] = {
        {"##next", CStr::CallNext, "F1", ok && !vm.paused, CounterActionType::CallNext,
         ButtonKind::Primary},
        {"##recall", CStr::Recall, "F2", ok && cur, CounterActionType::Recall,
         ButtonKind::Secondary},
        {"##noshow", CStr::NoShow, "F3", ok && cur, CounterActionType::NoShow,
         ButtonKind::Secondary},
        {"##finish", CStr::Finish, "F4", ok && cur, CounterActionType::Finish,
         ButtonKind::Secondary},
        {"##hold", CStr::Hold, "F5", ok && cur, CounterActionType::Hold, ButtonKind::Secondary},
        {"##transfer", CStr::Transfer, "F6", ok && cur, CounterActionType::OpenTransfer,
         ButtonKind::Secondary},
        {"##callnumber", CStr::CallNumber, "F7", ok && !vm.paused, CounterActionType::OpenKeypad,
         ButtonKind::Secondary},
        {"##pause", vm.paused ? CStr::ResumeCounter : CStr::PauseCounter, "F8", ok,
         vm.paused ? CounterActionType::Resume : CounterActionType::OpenPause,
         vm.paused ? ButtonKind::Primary : ButtonKind::Secondary},
    };
    for (int i = 0; i < 8; ++i) {
        const Item& it = items[i];
        const bool tapped =
            action_button(c, it.id, it.label, it.key, at(i % 2, i / 2), cell, it.enabled, it.kind);
        if ((tapped || (it.enabled && key_pressed(kKeyF1 + i)))) c.emit(it.action);
    }
}

// The last outcome (or "Sending…") along the bottom, one row when it fits.
void message_bar(Ctx& c, float x, float y, float width) {
    const CounterViewModel& vm = c.vm;
    std::string v = vm.message_vi, e = vm.message_en;
    bool error = vm.message_is_error;
    if (vm.busy) {
        v = vi(CStr::Sending);
        e = en(CStr::Sending);
        error = false;
    }
    if (v.empty()) return;
    const float pad = c.ui.u * 0.45f;
    const float h = pair_height(c, v, e, width - 2 * pad) + 2 * pad;
    panel(ImVec2(x, y), ImVec2(x + width, y + h), error ? theme::kError : theme::kSecondary,
          error ? theme::kErrorBorder : theme::kDisabledBorder, c.ui.u);
    pair_line(c, v, e, ImVec2(x + pad, y + pad), width - 2 * pad,
              error ? theme::kErrorText : theme::kText,
              error ? theme::kErrorText : theme::kTextMuted, Align::Left);
}

float message_bar_height(const Ctx& c, float width) {
    const CounterViewModel& vm = c.vm;
    const std::string v = vm.busy ? vi(CStr::Sending) : vm.message_vi;
    const std::string e = vm.busy ? en(CStr::Sending) : vm.message_en;
    // Reserved even when empty, so the buttons do not jump when the first message comes.
    return pair_height(c, v.empty() ? " " : v, e, width - c.ui.u * 0.9f) + c.ui.u * 0.9f;
}

// ---- dialogs: a dimmed screen with a card in the middle ----

struct DialogFrame {
    ImVec2 min, max;  // the card
    float pad;
};

DialogFrame dialog_frame(Ctx& c, ImVec2 screen, float card_w, float card_h,
                         const std::vector<Line>& title, float* title_h) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), screen, IM_COL32(0, 0, 0, 150));
    const ImVec2 min((screen.x - card_w) * 0.5f, (screen.y - card_h) * 0.5f);
    const ImVec2 max(min.x + card_w, min.y + card_h);
    panel(min, max, theme::kBackground, theme::kBorder, c.ui.u);
    const float pad = c.ui.u * 0.9f;
    *title_h = ui::draw_lines(c.ui, title, ImVec2(min.x + pad, min.y + pad), card_w - 2 * pad,
                              c.ui.u * 0.2f, Align::Left);
    return {min, max, pad};
}

constexpr float kCloseHeightU = 2.9f;

void close_button(Ctx& c, const DialogFrame& f) {
    const ImVec2 size(c.ui.u * 7.0f, c.ui.u * kCloseHeightU);
    if (plain_button(c, "##close", vi(CStr::Close), c.ui.fonts.strong,
                     ImVec2(f.max.x - f.pad - size.x, f.max.y - f.pad - size.y), size, true,
                     ButtonKind::Secondary, en(CStr::Close)) ||
        key_pressed(kKeyEscape))
        c.emit(CounterActionType::CloseDialog);
}

void transfer_dialog(Ctx& c, ImVec2 screen) {
    ui::Ui& ui = c.ui;
    const CounterViewModel& vm = c.vm;
    float title_h = 0;
    const DialogFrame f = dialog_frame(
        c, screen, screen.x * 0.86f, screen.y * 0.92f,
        {{vi(CStr::TransferTitle, vm.current.number), ui.fonts.title, theme::kText},
         {en(CStr::TransferTitle, vm.current.number), ui.fonts.body, theme::kTextMuted}},
        &title_h);
    const float w = f.max.x - f.min.x - 2 * f.pad;
    float y = f.min.y + f.pad + title_h + ui.u * 0.6f;
    const float gap = ui.u * 0.4f;
    y += ui::draw_lines(ui,
                        {{std::string(vi(CStr::TransferFields)) + " · " + en(CStr::TransferFields),
                          ui.fonts.body, theme::kTextMuted}},
                        ImVec2(f.min.x + f.pad, y), w, 0, Align::Left) +
         gap;
    const int cols = 3;
    const ImVec2 fs((w - (cols - 1) * gap) / cols, ui.u * 2.9f);
    for (std::size_t i = 0; i < vm.transfer_fields.size(); ++i) {
        const auto& t = vm.transfer_fields[i];
        const ImVec2 p(f.min.x + f.pad + (i % cols) * (fs.x + gap), y + (i / cols) * (fs.y + gap));
        if (plain_button(c, "##tf-" + t.service_id, t.name_vi, ui.fonts.strong, p, fs, true,
                         ButtonKind::Secondary, t.name_en))
            c.emit(CounterActionType::TransferToField, t.service_id);
    }
    y += ((vm.transfer_fields.size() + cols - 1) / cols) * (fs.y + gap) + ui.u * 0.4f;
    y += ui::draw_lines(
             ui,
             {{std::string(vi(CStr::TransferCounters)) + " · " + en(CStr::TransferCounters),
               ui.fonts.body, theme::kTextMuted}},
             ImVec2(f.min.x + f.pad, y), w, 0, Align::Left) +
         gap;
    const int ccols = 6;
    const ImVec2 cs((w - (ccols - 1) * gap) / ccols, ui.u * 2.4f);
    for (std::size_t i = 0; i < vm.transfer_counters.size(); ++i) {
        const std::string n = std::to_string(vm.transfer_counters[i]);
        const ImVec2 p(f.min.x + f.pad + (i % ccols) * (cs.x + gap),
                       y + (i / ccols) * (cs.y + gap));
        if (plain_button(c, "##tc-" + n, vi(CStr::CounterN, n), ui.fonts.strong, p, cs, true))
            c.emit(CounterActionType::TransferToCounter, n);
    }
    close_button(c, f);
}

void keypad_dialog(Ctx& c, ImVec2 screen) {
    ui::Ui& ui = c.ui;
    const CounterViewModel& vm = c.vm;
    const float card_w = std::min(screen.x * 0.9f, ui.u * 26.0f);
    float title_h = 0;
    const DialogFrame f = dialog_frame(c, screen, card_w, screen.y * 0.92f,
                                       {{vi(CStr::KeypadTitle), ui.fonts.title, theme::kText},
                                        {en(CStr::KeypadTitle), ui.fonts.body, theme::kTextMuted}},
                                       &title_h);
    const float w = card_w - 2 * f.pad;
    float y = f.min.y + f.pad + title_h + ui.u * 0.4f;
    // The typed number in a white field.
    const float field_h = ui.fonts.title->FontSize + ui.u;
    panel(ImVec2(f.min.x + f.pad, y), ImVec2(f.min.x + f.pad + w, y + field_h), theme::kSecondary,
          theme::kBorder, ui.u);
    const bool empty = vm.keypad_text.empty();
    ui::draw_lines(
        ui,
        {{empty ? vi(CStr::KeypadEmpty) : vm.keypad_text, empty ? ui.fonts.body : ui.fonts.title,
          empty ? theme::kTextMuted : theme::kText}},
        ImVec2(f.min.x + f.pad,
               y + (field_h - (empty ? ui.fonts.body : ui.fonts.title)->FontSize) * 0.5f),
        w, 0, Align::Center);
    y += field_h + ui.u * 0.5f;

    const float gap = ui.u * 0.35f;
    const float close_h = ui.u * kCloseHeightU;
    const float grid_h = f.max.y - f.pad - close_h - gap - y;
    const ImVec2 key((w - 2 * gap) / 3, (grid_h - 3 * gap) / 4);
    const char* digits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    for (int i = 0; i < 9; ++i) {
        const ImVec2 p(f.min.x + f.pad + (i % 3) * (key.x + gap), y + (i / 3) * (key.y + gap));
        if (plain_button(c, std::string("##k") + digits[i], digits[i], ui.fonts.title, p, key,
                         true))
            c.emit(CounterActionType::KeypadAppend, digits[i]);
    }
    const float last = y + 3 * (key.y + gap);
    if (plain_button(c, "##kdel", vi(CStr::KeypadDelete), ui.fonts.strong,
                     ImVec2(f.min.x + f.pad, last), key, !empty, ButtonKind::Secondary,
                     en(CStr::KeypadDelete)) ||
        key_pressed(kKeyBackspace))
        c.emit(CounterActionType::KeypadBackspace);
    if (plain_button(c, "##k0", "0", ui.fonts.title, ImVec2(f.min.x + f.pad + key.x + gap, last),
                     key, true))
        c.emit(CounterActionType::KeypadAppend, "0");
    if (plain_button(c, "##kcall", vi(CStr::KeypadCall), ui.fonts.strong,
                     ImVec2(f.min.x + f.pad + 2 * (key.x + gap), last), key, !empty,
                     ButtonKind::Primary, en(CStr::KeypadCall)) ||
        (!empty && (key_pressed(kKeyReturn) || key_pressed(kKeyKeypadEnter))))
        c.emit(CounterActionType::KeypadConfirm);
    // Typed on the keyboard: digits and letter prefixes.
    std::string typed;
    for (ImWchar ch : ImGui::GetIO().InputQueueCharacters)
        if (ch < 128) typed += static_cast<char>(ch);
    if (!typed.empty()) c.emit(CounterActionType::KeypadAppend, typed);
    close_button(c, f);
}

void pause_dialog(Ctx& c, ImVec2 screen) {
    ui::Ui& ui = c.ui;
    const CounterViewModel& vm = c.vm;
    float title_h = 0;
    const DialogFrame f = dialog_frame(c, screen, screen.x * 0.8f, screen.y * 0.76f,
                                       {{vi(CStr::PauseTitle), ui.fonts.title, theme::kText},
                                        {en(CStr::PauseTitle), ui.fonts.body, theme::kTextMuted}},
                                       &title_h);
    const float w = f.max.x - f.min.x - 2 * f.pad;
    const float y = f.min.y + f.pad + title_h + ui.u * 0.6f;
    const float gap = ui.u * 0.45f;
    const ImVec2 bs((w - gap) * 0.5f, ui.u * 2.9f);
    for (std::size_t i = 0; i < vm.pause_reasons_vi.size(); ++i) {
        const ImVec2 p(f.min.x + f.pad + (i % 2) * (bs.x + gap), y + (i / 2) * (bs.y + gap));
        if (plain_button(c, "##reason" + std::to_string(i), vm.pause_reasons_vi[i], ui.fonts.strong,
                         p, bs, true, ButtonKind::Secondary,
                         i < vm.pause_reasons_en.size() ? vm.pause_reasons_en[i] : ""))
            c.emit(CounterActionType::Pause, std::to_string(i));
    }
    close_button(c, f);
}

constexpr ImGuiWindowFlags kWindowFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;

}  // namespace

void draw_counter(const CounterViewModel& vm, const ui::UiFonts& fonts, ui::FrameOutput& out,
                  std::vector<CounterAction>& actions) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 screen = viewport->Size;
    const bool connected = vm.connection == Connection::Connected;
    Ctx c{ui::Ui{fonts, out, ui::Language::Vi, fonts.body->FontSize, screen.y > screen.x}, vm,
          actions, connected && !vm.busy && vm.dialog == Dialog::None};
    ui::Ui& ui = c.ui;

    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(screen);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::Begin("##counter", nullptr, kWindowFlags | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PushFont(fonts.body);

    const float m = ui.u * 0.8f;
    float top = header(c, screen.x) + m;
    if (vm.connection != Connection::Connected) {
        const CStr what =
            vm.connection == Connection::Lost ? CStr::ConnectionLost : CStr::Connecting;
        top +=
            banner(c, m, top, screen.x - 2 * m, std::string(vi(what)) + " " + vi(CStr::ButtonsWait),
                   std::string(en(what)) + " " + en(CStr::ButtonsWait), theme::kError,
                   theme::kErrorBorder, theme::kErrorText) +
            m * 0.6f;
    } else if (vm.paused) {
        top +=
            banner(c, m, top, screen.x - 2 * m, vi(CStr::PausedBanner, vm.pause_reason),
                   vi(CStr::PausedHint), theme::kNotice, theme::kNoticeBorder, theme::kNoticeText) +
            m * 0.6f;
    }
    const float msg_h = message_bar_height(c, screen.x - 2 * m);
    const float bottom = screen.y - m - msg_h - m * 0.6f;
    const float left_w = (screen.x - 3 * m) * 0.42f;
    const float right_x = m * 2 + left_w;
    const float side_h = side_info_height(c);
    const float card_h =
        ticket_card(c, ImVec2(m, top), left_w, std::max(ui.u * 6, bottom - top - m - side_h));
    side_info(c, m + ui.u * 0.3f, top + card_h + m, left_w - ui.u * 0.3f, bottom);
    action_grid(c, ImVec2(right_x, top), ImVec2(screen.x - m - right_x, bottom - top));
    message_bar(c, m, screen.y - m - msg_h, screen.x - 2 * m);

    ImGui::PopFont();
    ImGui::End();

    if (vm.dialog != Dialog::None) {
        ImGui::SetNextWindowPos(viewport->Pos);
        ImGui::SetNextWindowSize(screen);
        ImGui::SetNextWindowBgAlpha(0.0f);
        ImGui::Begin("##counter-dialog", nullptr, kWindowFlags);
        ImGui::PushFont(fonts.body);
        Ctx d{c.ui, vm, actions, false};
        switch (vm.dialog) {
            case Dialog::Transfer:
                transfer_dialog(d, screen);
                break;
            case Dialog::Keypad:
                keypad_dialog(d, screen);
                break;
            case Dialog::Pause:
                pause_dialog(d, screen);
                break;
            case Dialog::None:
                break;
        }
        ImGui::PopFont();
        ImGui::End();
    }
    ImGui::PopStyleVar(2);
}

}  // namespace kiosk::counter
