// Satisfaction rating: the entry screen (scan the ticket's QR or type its number), the calm
// "looking"/"saving" screen and the refusals, in portrait and landscape.
#include "kiosk/ui/screen_rating.h"

#include <algorithm>
#include <cctype>

#include "kiosk/ui/screen_lookup.h"
#include "kiosk/ui/screen_rating_strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

constexpr int kKeyColumns = 4;
constexpr size_t kBackKey = 3, kClearKey = 7;  // indices in entry_keys()

constexpr ImU32 kPreview = theme::rgb(0x1E, 0x27, 0x30);  // camera area: dark, like a viewfinder

std::vector<std::string> entry_keys(Language lang, const RatingView& v) {
    std::vector<std::string> keys{"1", "2", "3", tr(lang, RtStr::KeyBack),
                                  "4", "5", "6", tr(lang, RtStr::KeyClear),
                                  "7", "8", "9", "0"};
    for (const std::string& l : v.letters)
        keys.push_back(l);
    return keys;
}

const char* problem_text(Language lang, RatingProblem p) {
    switch (p) {
        case RatingProblem::None:
            return "";
        case RatingProblem::ScanNotTicket:
            return tr(lang, RtStr::ScanNotTicket);
        case RatingProblem::TicketElsewhere:
            return tr(lang, RtStr::TicketElsewhere);
        case RatingProblem::TypedEmpty:
            return tr(lang, RtStr::TypedEmpty);
    }
    return "";
}

// A paper ticket with a QR code on it: "show this".
void ticket_icon(ImDrawList* dl, ImVec2 centre, float h, ImU32 ink) {
    const float w = h * 0.62f;
    const ImVec2 p0(centre.x - w * 0.5f, centre.y - h * 0.5f),
        p1(centre.x + w * 0.5f, centre.y + h * 0.5f);
    dl->AddRectFilled(p0, p1, theme::kSecondary, h * 0.04f);
    dl->AddRect(p0, p1, ink, h * 0.04f, 0, std::max(2.0f, h * 0.025f));
    // Number lines at the top, the QR block below.
    for (int i = 0; i < 2; ++i) {
        const float y = p0.y + h * (0.12f + 0.09f * static_cast<float>(i));
        dl->AddRectFilled(ImVec2(p0.x + w * 0.18f, y), ImVec2(p1.x - w * 0.18f, y + h * 0.04f),
                          ink);
    }
    const float q = w * 0.64f, m = q / 7.0f;
    const ImVec2 o(centre.x - q * 0.5f, p0.y + h * 0.42f);
    auto finder = [&](float cx, float cy) {
        dl->AddRect(ImVec2(o.x + cx * m, o.y + cy * m),
                    ImVec2(o.x + (cx + 3) * m, o.y + (cy + 3) * m), ink, 0, 0, m * 0.6f);
        dl->AddRectFilled(ImVec2(o.x + (cx + 1) * m, o.y + (cy + 1) * m),
                          ImVec2(o.x + (cx + 2) * m, o.y + (cy + 2) * m), ink);
    };
    finder(0, 0);
    finder(4, 0);
    finder(0, 4);
    const int modules[][2] = {{4, 4}, {6, 4}, {5, 5}, {4, 6}, {6, 6}};
    for (const auto& p : modules)
        dl->AddRectFilled(ImVec2(o.x + p[0] * m, o.y + p[1] * m),
                          ImVec2(o.x + (p[0] + 1) * m, o.y + (p[1] + 1) * m), ink);
}

// The scan area: the dark camera box (the runner paints the live picture) or a light card with
// a ticket drawn in it, and the hint below.
void scan_area(Ui& ui, const RatingView& v, ImVec2 pos, ImVec2 size) {
    if (size.y < ui.u * 2.0f) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, v.camera ? kPreview : theme::kSecondary, rounding);
    if (!v.camera) dl->AddRect(pos, max, theme::kBorder, rounding, 0, std::max(2.0f, ui.u * 0.08f));
    const float pad = ui.u * 0.7f;
    const std::vector<Line> hint{{tr(ui.lang, v.camera ? RtStr::HintCamera : RtStr::HintScanner),
                                  ui.fonts.strong, v.camera ? theme::kPrimaryText : theme::kText}};
    const float hint_h = lines_height(hint, size.x - 2 * pad, 0);
    const float icon_h = size.y - hint_h - 3 * pad;
    if (icon_h > ui.u * 2.0f)
        ticket_icon(dl, ImVec2(pos.x + size.x * 0.5f, pos.y + pad + icon_h * 0.5f), icon_h,
                    v.camera ? theme::kPrimaryText : theme::kText);
    draw_lines(ui, hint, ImVec2(pos.x + pad, max.y - pad - hint_h), size.x - 2 * pad, 0,
               Align::Center);
}

float entry_height(const Ui& ui) {
    return ui.fonts.title->FontSize + ui.u * 1.2f;
}

void entry_field(Ui& ui, const std::string& typed, ImVec2 pos, float width) {
    const float h = entry_height(ui);
    entry_frame(ui, pos, ImVec2(width, h));
    const bool empty = typed.empty();
    ImFont* f = empty ? ui.fonts.body : ui.fonts.title;
    draw_lines(ui,
               {{empty ? tr(ui.lang, RtStr::EntryEmpty) : typed, f,
                 empty ? theme::kTextMuted : theme::kText}},
               ImVec2(pos.x, pos.y + (h - f->FontSize) * 0.5f), width, 0, Align::Center);
}

float problem_height(Ui& ui, const char* text, float width) {
    if (!*text) return 0.0f;
    const float pad = ui.u * 0.8f;
    return lines_height({{text, ui.fonts.strong, theme::kErrorText}}, width - 2 * pad, 0) + 2 * pad;
}

void problem_panel(Ui& ui, const char* text, ImVec2 pos, float width) {
    if (!*text) return;
    ImGui::SetCursorScreenPos(pos);
    message_panel(ui, {{text, ui.fonts.strong, theme::kErrorText}}, width, theme::kError,
                  theme::kErrorBorder, Align::Center);
}

// The keypad keys and "Xác nhận" from `pos`, `width` wide; returns the height used.
float entry_keypad(Ui& ui, const RatingView& v, ImVec2 pos, float width, float key_h) {
    const std::vector<std::string> keys = entry_keys(ui.lang, v);
    const int tapped = key_grid(ui, "rating-key", keys, kKeyColumns, pos, width, key_h, true);
    if (tapped == static_cast<int>(kBackKey))
        ui.out.emit(ActionType::Rating, "back");
    else if (tapped == static_cast<int>(kClearKey))
        ui.out.emit(ActionType::Rating, "clear");
    else if (tapped >= 0)
        ui.out.emit(ActionType::Rating, "key:" + keys[static_cast<size_t>(tapped)]);
    const float grid_h = key_grid_height(ui, keys.size(), kKeyColumns, key_h);
    const float gap = ui.u * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + grid_h + gap));
    if (big_button(ui, {"##rating-ok",
                        {{tr(ui.lang, RtStr::KeyOk), ui.fonts.title, 0}},
                        ImVec2(width, key_h),
                        ButtonKind::Primary}))
        ui.out.emit(ActionType::Rating, "submit");
    return grid_h + gap + key_h;
}

float entry_keypad_height(const Ui& ui, const RatingView& v, float key_h) {
    return key_grid_height(ui, 12 + v.letters.size(), kKeyColumns, key_h) + ui.u * 0.5f + key_h;
}

// A physical keyboard (or a keyboard-wedge scanner typing slowly) types into the entry too.
void keyboard_input(Ui& ui) {
    for (ImWchar ch : ImGui::GetIO().InputQueueCharacters) {
        if (ch >= 128) continue;
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
            ui.out.emit(ActionType::Rating, std::string("key:") + c);
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false))
        ui.out.emit(ActionType::Rating, "back");
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))
        ui.out.emit(ActionType::Rating, "submit");
}

}  // namespace

std::string rating_ticket_line(Language lang, const RatingView& v) {
    std::string line = fill(tr(lang, RtStr::TicketLine), v.number);
    const std::string& service =
        lang == Language::En && !v.service_en.empty() ? v.service_en : v.service_vi;
    if (!service.empty()) line += " · " + service;
    if (v.counter > 0)
        line += " · " + fill(tr(lang, RtStr::CounterLine), std::to_string(v.counter));
    return line;
}

void draw_rating_entry(Ui& ui, const ViewModel& vm, float top) {
    const RatingView& v = vm.rating;
    keyboard_input(ui);
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const float gap = ui.u * 0.6f;
    const char* problem = problem_text(ui.lang, v.problem);
    const std::vector<Line> title{{tr(ui.lang, RtStr::EntryTitle), ui.fonts.title, theme::kText}};
    const std::vector<Line> or_type{{tr(ui.lang, RtStr::OrType), ui.fonts.strong, theme::kText}};
    const float key_h = touch_height(ui);
    const float bottom_top = bottom_row_top(ui);

    if (ui.portrait) {
        const float w = screen.x - 2 * m;
        const float pad_h = entry_keypad_height(ui, v, key_h);
        const float below =
            lines_height(or_type, w, 0) + gap * 0.5f + entry_height(ui) + gap + pad_h + gap;
        float y = top;
        y += draw_lines(ui, title, ImVec2(m, y), w, 0, Align::Center) + gap;
        const float prob_h = *problem ? problem_height(ui, problem, w) + gap : 0.0f;
        const float box_h = std::min(ui.u * 9.0f, bottom_top - gap - below - prob_h - y);
        scan_area(ui, v, ImVec2(m, y), ImVec2(w, std::max(0.0f, box_h)));
        y += std::max(0.0f, box_h) + gap;
        if (*problem) {
            problem_panel(ui, problem, ImVec2(m, y), w);
            y += prob_h;
        }
        y += draw_lines(ui, or_type, ImVec2(m, y), w, 0, Align::Left) + gap * 0.5f;
        entry_field(ui, v.typed, ImVec2(m, y), w);
        y += entry_height(ui) + gap;
        entry_keypad(ui, v, ImVec2(m, y), w, key_h);
        lookup_bottom_buttons(ui, m, w, true);
        return;
    }

    // Landscape: scan area and explanations on the left, entry and keypad on the right.
    const float content_w = screen.x - 2 * m;
    const float right_w = content_w * 0.46f;
    const float left_w = content_w - m - right_w;
    const float right_x = m + left_w + m;
    entry_field(ui, v.typed, ImVec2(right_x, top), right_w);
    const float pad_top = top + entry_height(ui) + gap;
    const int rows = static_cast<int>((12 + v.letters.size() + kKeyColumns - 1) / kKeyColumns) + 1;
    const float avail = screen.y - m - pad_top;
    const float fitted = (avail - static_cast<float>(rows - 1) * ui.u * 0.5f) / rows;
    entry_keypad(ui, v, ImVec2(right_x, pad_top), right_w, std::clamp(fitted, ui.u * 3.0f, key_h));
    float y = top;
    y += draw_lines(ui, title, ImVec2(m, y), left_w, 0, Align::Left) + gap;
    const float prob_h = *problem ? problem_height(ui, problem, left_w) + gap : 0.0f;
    const float or_h = lines_height(or_type, left_w, 0);
    const float box_h = bottom_top - gap - or_h - gap - prob_h - y;
    scan_area(ui, v, ImVec2(m, y), ImVec2(left_w, std::max(0.0f, box_h)));
    y += std::max(0.0f, box_h) + gap;
    if (*problem) {
        problem_panel(ui, problem, ImVec2(m, y), left_w);
        y += prob_h;
    }
    draw_lines(ui, or_type, ImVec2(m, y), left_w, 0, Align::Left);
    lookup_bottom_buttons(ui, m, left_w, true);
}

void draw_rating_busy(Ui& ui, const ViewModel& vm, float top) {
    const RatingView& v = vm.rating;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const float w = screen.x - 2 * m;
    const float bar_w = std::min(w, ui.u * 22.0f);
    const bool saving = v.stage == RatingStage::Saving;
    std::vector<Line> lines{{saving ? std::string(tr(ui.lang, RtStr::Saving))
                                    : fill(tr(ui.lang, RtStr::Checking), v.number),
                             ui.fonts.title, theme::kText}};
    const std::vector<Line> wait{{tr(ui.lang, Str::PleaseWait), ui.fonts.body, theme::kTextMuted}};
    const float gap = ui.u * 1.2f;
    const float group_h =
        lines_height(lines, w, 0) + gap + ui.u * 0.6f + gap + lines_height(wait, w, 0);
    float y = top + std::max(0.0f, (screen.y - m - touch_height(ui) - top - group_h) * 0.4f);
    y += draw_lines(ui, lines, ImVec2(m, y), w, 0, Align::Center) + gap;
    lookup_progress(ui, ImVec2(m + (w - bar_w) * 0.5f, y), bar_w);
    y += ui.u * 0.6f + gap;
    draw_lines(ui, wait, ImVec2(m, y), w, 0, Align::Center);
}

void draw_rating_message(Ui& ui, const ViewModel& vm, float top) {
    const RatingView& v = vm.rating;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const auto [x, w] = centred_column(ui, 34.0f);
    RtStr title = RtStr::FailedTitle, body = RtStr::FailedBody;
    if (v.stage == RatingStage::Refused) {
        switch (v.refusal) {
            case RatingRefusalKind::NotFound:
                title = RtStr::NotFoundTitle;
                body = RtStr::NotFoundBody;
                break;
            case RatingRefusalKind::NotServedYet:
                title = RtStr::NotServedTitle;
                body = RtStr::NotServedBody;
                break;
            case RatingRefusalKind::Voided:
                title = RtStr::VoidedTitle;
                body = RtStr::VoidedBody;
                break;
            case RatingRefusalKind::NoShow:
                title = RtStr::NoShowTitle;
                body = RtStr::NoShowBody;
                break;
            case RatingRefusalKind::OtherDay:
                title = RtStr::OtherDayTitle;
                body = RtStr::OtherDayBody;
                break;
            case RatingRefusalKind::AlreadyRated:
                title = RtStr::RatedTitle;
                body = RtStr::RatedBody;
                break;
        }
    }
    // Already rated is not a problem: said in the calm text colour, not in red.
    const bool calm =
        v.stage == RatingStage::Refused && (v.refusal == RatingRefusalKind::AlreadyRated ||
                                            v.refusal == RatingRefusalKind::NotServedYet);
    const std::vector<Line> lines{{fill(tr(ui.lang, title), v.number), ui.fonts.title,
                                   calm ? theme::kText : theme::kErrorText},
                                  {tr(ui.lang, body), ui.fonts.strong, theme::kText}};
    const float pad = ui.u * 0.8f;
    const float panel_h = lines_height(lines, w - 2 * pad, ui.u * 0.3f) + 2 * pad;
    const float icon = ui.u * 3.0f, gap = ui.u * 1.0f;
    const float buttons_top = screen.y - m - touch_height(ui) * 2 - ui.u * 0.6f;
    float y = top + std::max(0.0f, (buttons_top - top - icon - gap - panel_h) * 0.35f);
    if (calm)
        rating_face(ImGui::GetWindowDrawList(), ImVec2(screen.x * 0.5f, y + icon * 0.5f), icon, 3);
    else
        lookup_warning_icon(ImVec2(screen.x * 0.5f, y + icon * 0.5f), icon);
    y += icon + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    message_panel(ui, lines, w, calm ? theme::kNotice : theme::kError,
                  calm ? theme::kNoticeBorder : theme::kErrorBorder, Align::Center);
    ImGui::SetCursorScreenPos(ImVec2(x, buttons_top));
    if (big_button(ui, {"##rating-again",
                        {{tr(ui.lang, RtStr::Another), ui.fonts.strong, 0}},
                        ImVec2(w, touch_height(ui)),
                        ButtonKind::Primary}))
        ui.out.emit(ActionType::Rating, "again");
    lookup_bottom_buttons(ui, x, w, true);
}

void draw_rating(Ui& ui, const ViewModel& vm) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float top = draw_header(ui, vm, screen.x) + margin(ui);
    switch (vm.rating.stage) {
        case RatingStage::Entry:
            draw_rating_entry(ui, vm, top);
            break;
        case RatingStage::Checking:
        case RatingStage::Saving:
            draw_rating_busy(ui, vm, top);
            break;
        case RatingStage::Choose:
            draw_rating_choose(ui, vm, top);
            break;
        case RatingStage::Reason:
            draw_rating_reason(ui, vm, top);
            break;
        case RatingStage::Thanks:
            draw_rating_thanks(ui, vm, top);
            break;
        case RatingStage::Refused:
        case RatingStage::Failed:
            draw_rating_message(ui, vm, top);
            break;
    }
}

}  // namespace kiosk::ui
