// Dossier lookup: the scan / keypad screen, the second-factor prompt and the calm "looking up"
// screen, in portrait and landscape.
#include "kiosk/ui/screen_lookup.h"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/keypad.h"
#include "kiosk/ui/screen_lookup_strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

constexpr ImU32 kPreview = theme::rgb(0x1E, 0x27, 0x30);  // camera area: dark, like a viewfinder
constexpr ImU32 kGuide = theme::rgb(0xFF, 0xD2, 0x4A);    // guide corners: seen on any picture

std::string problem_text(Language lang, const LookupView& v) {
    switch (v.problem) {
        case LookupProblem::None:
            return {};
        case LookupProblem::ScanInvalid:
            return lang == Language::Vi && !v.problem_hint_vi.empty()
                       ? v.problem_hint_vi
                       : tr(lang, LkStr::ScanInvalid);
        case LookupProblem::TypedInvalid:
            return tr(lang, LkStr::TypedInvalid);
        case LookupProblem::CccdFirst:
            return tr(lang, LkStr::CccdFirst);
        case LookupProblem::FactorLength:
            return tr(lang, LkStr::FactorLength);
        case LookupProblem::FactorWrong:
            return tr(lang, LkStr::FactorWrong);
    }
    return {};
}

float problem_height(Ui& ui, const std::string& text, float width) {
    if (text.empty()) return 0.0f;
    const float pad = ui.u * 0.8f;
    return lines_height({{text, ui.fonts.strong, theme::kErrorText}}, width - 2 * pad, 0) + 2 * pad;
}

void problem_panel(Ui& ui, const std::string& text, ImVec2 pos, float width) {
    if (text.empty()) return;
    ImGui::SetCursorScreenPos(pos);
    message_panel(ui, {{text, ui.fonts.strong, theme::kErrorText}}, width, theme::kError,
                  theme::kErrorBorder, Align::Center);
}

// A stylised QR code (three finder squares and a few modules): "a code goes here".
void qr_icon(ImDrawList* dl, ImVec2 centre, float size, ImU32 color) {
    const float m = size / 7.0f;
    const ImVec2 o(centre.x - size * 0.5f, centre.y - size * 0.5f);
    auto finder = [&](float cx, float cy) {
        dl->AddRect(ImVec2(o.x + cx * m, o.y + cy * m),
                    ImVec2(o.x + (cx + 3) * m, o.y + (cy + 3) * m), color, 0, 0, m * 0.6f);
        dl->AddRectFilled(ImVec2(o.x + (cx + 1) * m, o.y + (cy + 1) * m),
                          ImVec2(o.x + (cx + 2) * m, o.y + (cy + 2) * m), color);
    };
    finder(0, 0);
    finder(4, 0);
    finder(0, 4);
    const int modules[][2] = {{4, 4}, {6, 4}, {5, 5}, {4, 6}, {6, 6}, {3, 3}};
    for (const auto& p : modules)
        dl->AddRectFilled(ImVec2(o.x + p[0] * m, o.y + p[1] * m),
                          ImVec2(o.x + (p[0] + 1) * m, o.y + (p[1] + 1) * m), color);
}

// The camera preview area (dark, the runner paints the live picture into it) or, with a
// scanner only, a light card with a code drawn in it; a guide frame and the hint either way.
void scan_box(Ui& ui, const LookupView& v, ImVec2 pos, ImVec2 size, bool card) {
    if (size.y < ui.u * 2.0f) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    if (v.camera) {
        dl->AddRectFilled(pos, max, kPreview, rounding);
    } else {
        dl->AddRectFilled(pos, max, theme::kSecondary, rounding);
        dl->AddRect(pos, max, theme::kBorder, rounding, 0, std::max(2.0f, ui.u * 0.08f));
    }
    const char* hint = card ? tr(ui.lang, v.camera ? LkStr::HintCardCamera : LkStr::HintCardScanner)
                            : tr(ui.lang, v.camera ? LkStr::HintCamera : LkStr::HintScanner);
    const ImU32 text_color = v.camera ? theme::kPrimaryText : theme::kText;
    const float pad = ui.u * 0.8f;
    const std::vector<Line> hint_lines{{hint, ui.fonts.strong, text_color}};
    const float hint_h = lines_height(hint_lines, size.x - 2 * pad, 0);
    const float frame = std::min(size.x - 2 * pad, size.y - hint_h - 3 * pad);
    if (v.camera && v.preview_texture && v.preview_width > 0 && v.preview_height > 0) {
        // The live picture fills the area above the hint, cropped (not squeezed) to its shape;
        // the guide corners are drawn over it.
        const ImVec2 p0(pos.x + pad * 0.5f, pos.y + pad * 0.5f);
        const ImVec2 p1(max.x - pad * 0.5f, max.y - hint_h - pad * 1.5f);
        const float aw = p1.x - p0.x, ah = p1.y - p0.y;
        if (aw > 0 && ah > 0) {
            const float pw = static_cast<float>(v.preview_width);
            const float ph = static_cast<float>(v.preview_height);
            const float k = std::max(aw / pw, ah / ph);  // cover: scale to the larger ratio
            const float u = aw / (pw * k), w = ah / (ph * k);
            dl->AddImage(static_cast<ImTextureID>(v.preview_texture), p0, p1,
                         ImVec2((1 - u) * 0.5f, (1 - w) * 0.5f),
                         ImVec2((1 + u) * 0.5f, (1 + w) * 0.5f));
        }
    }
    if (frame > ui.u * 2.0f) {
        const ImVec2 c(pos.x + size.x * 0.5f, pos.y + pad + frame * 0.5f);
        const float h = frame * 0.5f, arm = frame * 0.22f, t = std::max(4.0f, ui.u * 0.18f);
        const ImU32 guide = v.camera ? kGuide : theme::kPrimary;
        for (int sx : {-1, 1})
            for (int sy : {-1, 1}) {
                const ImVec2 corner(c.x + sx * h, c.y + sy * h);
                dl->AddLine(corner, ImVec2(corner.x - sx * arm, corner.y), guide, t);
                dl->AddLine(corner, ImVec2(corner.x, corner.y - sy * arm), guide, t);
            }
        if (!v.camera) qr_icon(dl, c, frame * 0.5f, theme::kTextMuted);
    }
    draw_lines(ui, hint_lines, ImVec2(pos.x + pad, max.y - pad - hint_h), size.x - 2 * pad, 0,
               Align::Center);
}

float entry_height(const Ui& ui) {
    return ui.fonts.strong->FontSize + ui.u * 1.4f;
}

// The factor is personal: everything but the last four digits is starred.
std::string masked(const std::string& typed) {
    if (typed.size() <= 4) return typed;
    return std::string(typed.size() - 4, '*') + typed.substr(typed.size() - 4);
}

std::string factor_hint(Language lang, const std::vector<std::string>& factors) {
    bool id = factors.empty(), code = factors.empty();
    for (const std::string& f : factors) {
        id = id || f == "id_number";
        code = code || f == "lookup_code";
    }
    if (id && !code) return tr(lang, LkStr::FactorHintId);
    if (code && !id) return tr(lang, LkStr::FactorHintCode);
    return tr(lang, LkStr::FactorHintBoth);
}

// Scan and Factor share one layout: the scan area, an explanation, the entry and the keypad.
void draw_entry_stage(Ui& ui, const ViewModel& vm, float top, bool factor) {
    const LookupView& v = vm.lookup;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const float gap = ui.u * 0.6f;
    const KeypadMode mode = factor ? KeypadMode::Digits : KeypadMode::Code;
    const KeypadPage page = factor ? KeypadPage::Digits : v.page;
    const char* ok = tr(ui.lang, factor ? LkStr::KeyConfirm : LkStr::KeyLookUp);
    const std::vector<Line> title{
        {tr(ui.lang, factor ? LkStr::FactorTitle : LkStr::Title), ui.fonts.title, theme::kText}};
    std::vector<Line> explain;
    if (factor) {
        explain.push_back({factor_hint(ui.lang, v.factors), ui.fonts.body, theme::kText});
    } else {
        explain.push_back({tr(ui.lang, LkStr::OrType), ui.fonts.strong, theme::kText});
    }
    std::vector<Line> below_entry;
    if (factor) {
        if (!v.typed.empty())
            below_entry.push_back(
                {fill(tr(ui.lang, LkStr::FactorDigits), std::to_string(v.typed.size())),
                 ui.fonts.body, theme::kTextMuted});
    } else {
        below_entry.push_back({tr(ui.lang, LkStr::Example), ui.fonts.body, theme::kTextMuted});
    }
    const std::string shown = factor ? masked(v.typed) : v.typed;
    const std::string problem = problem_text(ui.lang, v);

    if (ui.portrait) {
        const float w = screen.x - 2 * m;
        const float bottom_top = bottom_row_top(ui);
        float key_h = touch_height(ui);
        const float fixed = lines_height(title, w, 0) + gap + gap + problem_height(ui, problem, w) +
                            (problem.empty() ? 0 : gap) + lines_height(explain, w, 0) + gap * 0.5f +
                            entry_height(ui) + gap * 0.5f + lines_height(below_entry, w, 0) + gap;
        float box_h = bottom_top - gap - top - fixed - keypad_height(ui, mode, page, key_h);
        if (box_h < ui.u * 6.0f) {
            key_h = min_key_height(ui);
            box_h = bottom_top - gap - top - fixed - keypad_height(ui, mode, page, key_h);
        }
        float y = top;
        y += draw_lines(ui, title, ImVec2(m, y), w, 0, Align::Center) + gap;
        scan_box(ui, v, ImVec2(m, y), ImVec2(w, std::max(0.0f, box_h)), factor);
        y += std::max(0.0f, box_h) + gap;
        if (!problem.empty()) {
            problem_panel(ui, problem, ImVec2(m, y), w);
            y += problem_height(ui, problem, w) + gap;
        }
        y += draw_lines(ui, explain, ImVec2(m, y), w, 0, Align::Left) + gap * 0.5f;
        entry_field(ui, shown, tr(ui.lang, LkStr::EntryEmpty), ui.fonts.strong, ImVec2(m, y),
                    ImVec2(w, entry_height(ui)));
        y += entry_height(ui) + gap * 0.5f;
        y += draw_lines(ui, below_entry, ImVec2(m, y), w, 0, Align::Left);
        draw_keypad(ui, mode, page, ok,
                    ImVec2(m, bottom_top - gap - keypad_height(ui, mode, page, key_h)), w, key_h);
        lookup_bottom_buttons(ui, m, w, true);
        return;
    }

    // Landscape: scan area and explanations on the left, entry and keypad on the right.
    const float content_w = screen.x - 2 * m;
    const float col_gap = m;
    const float right_w = std::max(content_w * 0.52f, 7 * min_key_height(ui) + 6 * keypad_gap(ui));
    const float left_w = content_w - col_gap - right_w;
    const float right_x = m + left_w + col_gap;
    // Right column: the entry on top, the keypad filling the rest down to the bottom margin.
    entry_field(ui, shown, tr(ui.lang, LkStr::EntryEmpty), ui.fonts.strong, ImVec2(right_x, top),
                ImVec2(right_w, entry_height(ui)));
    const float pad_top = top + entry_height(ui) + gap;
    const int rows = keypad_rows(mode, page);
    const float avail = screen.y - m - pad_top;
    const float key_h =
        std::clamp((avail - (rows - 1) * keypad_gap(ui)) / rows, min_key_height(ui), ui.u * 3.4f);
    draw_keypad(ui, mode, page, ok, ImVec2(right_x, pad_top), right_w, key_h);
    // Left column.
    const float bottom_top = bottom_row_top(ui);
    float y = top;
    y += draw_lines(ui, title, ImVec2(m, y), left_w, 0, Align::Left) + gap;
    const float below_h = lines_height(explain, left_w, 0) + gap * 0.5f +
                          lines_height(below_entry, left_w, 0) +
                          (problem.empty() ? 0 : gap + problem_height(ui, problem, left_w));
    const float box_h = bottom_top - gap - below_h - gap - y;
    scan_box(ui, v, ImVec2(m, y), ImVec2(left_w, std::max(0.0f, box_h)), factor);
    y += std::max(0.0f, box_h) + gap;
    y += draw_lines(ui, explain, ImVec2(m, y), left_w, 0, Align::Left) + gap * 0.5f;
    y += draw_lines(ui, below_entry, ImVec2(m, y), left_w, 0, Align::Left);
    if (!problem.empty()) problem_panel(ui, problem, ImVec2(m, y + gap), left_w);
    lookup_bottom_buttons(ui, m, left_w, true);
}

}  // namespace

float sized_text(Ui& ui, const std::string& text, ImFont* font, float size, ImU32 color, ImVec2 pos,
                 float width, Align align) {
    const ImVec2 ext = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    float x = pos.x;
    if (align == Align::Center) x += std::max(0.0f, (width - ext.x) * 0.5f);
    if (align == Align::Right) x += std::max(0.0f, width - ext.x);
    ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(x, pos.y), color, text.c_str());
    record_widget(ui, text, ImRect(x, pos.y, x + ext.x, pos.y + size), false, true);
    return size;
}

void lookup_warning_icon(ImVec2 centre, float size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(centre, size * 0.5f, theme::kErrorBorder, 48);
    const float bar_w = size * 0.11f;
    dl->AddRectFilled(ImVec2(centre.x - bar_w * 0.5f, centre.y - size * 0.3f),
                      ImVec2(centre.x + bar_w * 0.5f, centre.y + size * 0.1f), theme::kPrimaryText,
                      bar_w * 0.5f);
    dl->AddCircleFilled(ImVec2(centre.x, centre.y + size * 0.24f), bar_w * 0.6f,
                        theme::kPrimaryText, 16);
}

void lookup_progress(Ui& ui, ImVec2 pos, float width) {
    const float h = ui.u * 0.6f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), theme::kTrack, h * 0.5f);
    const float block = width * 0.3f;
    const double phase = std::fmod(ImGui::GetTime() * 0.6, 1.0);
    const float x = pos.x + static_cast<float>(phase) * (width + block) - block;
    const float x0 = std::max(pos.x, x), x1 = std::min(pos.x + width, x + block);
    if (x1 > x0)
        dl->AddRectFilled(ImVec2(x0, pos.y), ImVec2(x1, pos.y + h), theme::kPrimary, h * 0.5f);
    ui.out.redraw_after_s = 0.1f;
}

void lookup_bottom_buttons(Ui& ui, float x, float width, bool with_language) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const float h = touch_height(ui);
    const float y = screen.y - m - h;
    const float gap = ui.u * 0.6f;
    const float home_w = std::min(ui.u * 12.0f, with_language ? (width - gap) * 0.5f : width);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (home_button(ui, ImVec2(home_w, h))) ui.out.emit(ActionType::GoHome);
    if (with_language) {
        const float lang_w = std::min(ui.u * 9.0f, width - home_w - gap);
        ImGui::SetCursorScreenPos(ImVec2(x + width - lang_w, y));
        if (language_button(ui, ImVec2(lang_w, h))) ui.out.emit(ActionType::ToggleLanguage);
    }
}

void draw_lookup_scan(Ui& ui, const ViewModel& vm, float top) {
    draw_entry_stage(ui, vm, top, false);
}

void draw_lookup_factor(Ui& ui, const ViewModel& vm, float top) {
    draw_entry_stage(ui, vm, top, true);
}

void draw_lookup_looking(Ui& ui, const ViewModel& vm, float top) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const float w = screen.x - 2 * m;
    const float bar_w = std::min(w, ui.u * 22.0f);
    std::vector<Line> lines{{tr(ui.lang, LkStr::Looking), ui.fonts.title, theme::kText}};
    if (!vm.lookup.code.empty())
        lines.push_back(
            {fill(tr(ui.lang, LkStr::CodeLine), vm.lookup.code), ui.fonts.strong, theme::kText});
    const std::vector<Line> wait{{tr(ui.lang, Str::PleaseWait), ui.fonts.body, theme::kTextMuted}};
    const float gap = ui.u * 1.2f;
    const float group_h =
        lines_height(lines, w, ui.u * 0.5f) + gap + ui.u * 0.6f + gap + lines_height(wait, w, 0);
    float y = top + std::max(0.0f, (screen.y - m - touch_height(ui) - top - group_h) * 0.4f);
    y += draw_lines(ui, lines, ImVec2(m, y), w, ui.u * 0.5f, Align::Center) + gap;
    lookup_progress(ui, ImVec2(m + (w - bar_w) * 0.5f, y), bar_w);
    y += ui.u * 0.6f + gap;
    draw_lines(ui, wait, ImVec2(m, y), w, 0, Align::Center);
}

void draw_lookup(Ui& ui, const ViewModel& vm) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float top = draw_header(ui, vm, screen.x) + margin(ui);
    switch (vm.lookup.stage) {
        case LookupStage::Scan:
            draw_lookup_scan(ui, vm, top);
            break;
        case LookupStage::Looking:
            draw_lookup_looking(ui, vm, top);
            break;
        case LookupStage::Factor:
            draw_lookup_factor(ui, vm, top);
            break;
        case LookupStage::Result:
            draw_lookup_result(ui, vm, top);
            break;
        case LookupStage::Message:
            draw_lookup_message(ui, vm, top);
            break;
        case LookupStage::TicketPlace:
            draw_lookup_ticket(ui, vm, top);
            break;
    }
}

}  // namespace kiosk::ui
