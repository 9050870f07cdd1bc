// Dossier lookup: the result (status in plain words, due date, details, history, status slip),
// the plain messages (not found, offline, too many tries) and the queue ticket's place.
#include <algorithm>

#include "kiosk/core/dossier_status.h"
#include "kiosk/ui/screen_lookup.h"
#include "kiosk/ui/screen_lookup_strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

float card_pad(const Ui& ui) {
    return ui.u * 0.9f;
}

void card_frame(ImVec2 pos, float width, float height, ImU32 border, float thickness) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = ImGui::GetStyle().FrameRounding;
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), theme::kSecondary, r);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), border, r, 0, thickness);
}

// A red pill with a word in white: readable without colour.
float badge(Ui& ui, const char* text, ImVec2 pos, float width) {
    ImFont* f = ui.fonts.strong;
    const float h = f->FontSize + ui.u * 0.6f;
    const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text).x + ui.u * 1.6f;
    const ImVec2 min(pos.x + std::max(0.0f, (width - w) * 0.5f), pos.y);
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + w, min.y + h),
                                              theme::kErrorBorder, h * 0.5f);
    draw_lines(ui, {{text, f, theme::kPrimaryText}},
               ImVec2(min.x, min.y + (h - f->FontSize) * 0.5f), w, 0, Align::Center);
    return h;
}

// Status in plain words (+ "QUÁ HẠN"), the server's own wording, what happens next. With
// `draw` false only measures.
float status_card(Ui& ui, const DossierView& d, ImVec2 pos, float width, bool draw) {
    const float pad = card_pad(ui), inner = width - 2 * pad, gap = ui.u * 0.4f;
    const std::vector<Line> head{
        {fill(tr(ui.lang, LkStr::CodeLine), d.code), ui.fonts.body, theme::kTextMuted},
        {status_words(ui.lang, d.status_code), ui.fonts.title, theme::kText}};
    std::vector<Line> tail;
    if (d.overdue)
        tail.push_back({tr(ui.lang, LkStr::OverdueNote), ui.fonts.strong, theme::kErrorText});
    if (!d.server_label.empty() && d.server_label != status_words(Language::Vi, d.status_code))
        tail.push_back({d.server_label, ui.fonts.body, theme::kTextMuted});
    const char* next = status_next_step(ui.lang, d.status_code);
    if (next[0] != '\0') tail.push_back({next, ui.fonts.strong, theme::kText});
    const float badge_h = d.overdue ? ui.fonts.strong->FontSize + ui.u * 0.6f + gap : 0.0f;
    const float h =
        pad + lines_height(head, inner, gap) + gap + badge_h + lines_height(tail, inner, gap) + pad;
    if (!draw) return h;
    // Overdue: a thick red border as well as the badge and the sentence.
    card_frame(pos, width, h, d.overdue ? theme::kErrorBorder : theme::kBorder,
               std::max(2.0f, ui.u * (d.overdue ? 0.2f : 0.08f)));
    float y = pos.y + pad;
    y += draw_lines(ui, head, ImVec2(pos.x + pad, y), inner, gap, Align::Left) + gap;
    if (d.overdue) {
        ImGui::PushID("overdue");
        const float bh = badge(ui, tr(ui.lang, LkStr::Overdue), ImVec2(pos.x + pad, y), 0.0f);
        ImGui::PopID();
        y += bh + gap;
    }
    draw_lines(ui, tail, ImVec2(pos.x + pad, y), inner, gap, Align::Left);
    return h;
}

// "Ngày hẹn trả kết quả" with the date large (the ASCII-only huge font at half size).
float appointment_card(Ui& ui, const DossierView& d, ImVec2 pos, float width, bool draw) {
    const float pad = card_pad(ui), inner = width - 2 * pad;
    const std::vector<Line> label{{tr(ui.lang, LkStr::Appointment), ui.fonts.strong, theme::kText}};
    const float date_px = std::min(ui.fonts.huge->FontSize * 0.5f, ui.u * 3.2f);
    const bool has_date = !d.appointment_date.empty();
    const std::vector<Line> none{
        {tr(ui.lang, LkStr::AppointmentNone), ui.fonts.title, theme::kText}};
    const std::vector<Line> time{{fill(tr(ui.lang, LkStr::AppointmentAt), d.appointment_time),
                                  ui.fonts.strong, theme::kText}};
    const float gap = ui.u * 0.3f;
    float h = pad + lines_height(label, inner, 0) + gap;
    h += has_date
             ? date_px + (d.appointment_time.empty() ? 0.0f : gap + lines_height(time, inner, 0))
             : lines_height(none, inner, 0);
    h += pad;
    if (!draw) return h;
    card_frame(pos, width, h, theme::kPrimary, std::max(3.0f, ui.u * 0.12f));
    float y = pos.y + pad;
    y += draw_lines(ui, label, ImVec2(pos.x + pad, y), inner, 0, Align::Left) + gap;
    if (has_date) {
        y += sized_text(ui, d.appointment_date, ui.fonts.huge, date_px, theme::kPrimary,
                        ImVec2(pos.x + pad, y), inner, Align::Left);
        if (!d.appointment_time.empty())
            draw_lines(ui, time, ImVec2(pos.x + pad, y + gap), inner, 0, Align::Left);
    } else {
        draw_lines(ui, none, ImVec2(pos.x + pad, y), inner, 0, Align::Left);
    }
    return h;
}

// A drag-to-scroll area at `pos`; `content(origin, width)` draws at absolute positions and
// returns the height it used.
template <class Content>
void scroll_area(Ui& ui, const char* id, ImVec2 pos, ImVec2 size, Content content) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ui.u * 0.5f);
    ImGui::BeginChild(id, ImVec2(size.x, std::max(size.y, ui.u * 3.0f)), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = size.x - ui.u * 0.9f;  // room for the scrollbar
    const float h = content(origin, w);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(w, h));
    drag_to_scroll(ui);
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// "Thủ tục | Đăng ký …" rows, what to bring, and the history; returns the height used.
float details(Ui& ui, const LookupView& v, ImVec2 origin, float w) {
    const DossierView& d = v.dossier;
    const float label_w = std::min(w * 0.36f, ui.u * 10.0f);
    const float value_x = origin.x + label_w + ui.u * 0.6f;
    const float value_w = origin.x + w - value_x;
    const float row_gap = ui.u * 0.5f;
    float y = origin.y;
    auto row = [&](LkStr label, const std::string& value) {
        if (value.empty()) return;
        const float lh = draw_lines(
            ui, {{tr(ui.lang, label), ui.fonts.strong, theme::kTextMuted}},
            ImVec2(origin.x, y + (ui.fonts.body->FontSize - ui.fonts.strong->FontSize) * 0.5f),
            label_w, 0, Align::Left);
        const float vh = draw_lines(ui, {{value, ui.fonts.body, theme::kText}}, ImVec2(value_x, y),
                                    value_w, 0, Align::Left);
        y += std::max(lh, vh) + row_gap;
    };
    row(LkStr::Procedure, d.procedure_name);
    row(LkStr::Received, d.received_date);
    row(LkStr::Unit, d.handling_unit);
    row(LkStr::Step, d.current_step);
    row(LkStr::Owner, d.owner_masked);
    if (dossier_result_pending_pickup(d.status_code)) {
        row(LkStr::Pickup, d.pickup_place);
        row(LkStr::Bring, tr(ui.lang, LkStr::BringWhat));
    }
    if (!d.history.empty()) {
        y += row_gap;
        y += draw_lines(ui, {{tr(ui.lang, LkStr::History), ui.fonts.strong, theme::kText}},
                        ImVec2(origin.x, y), w, 0, Align::Left) +
             row_gap * 0.6f;
        for (const HistoryLine& h : d.history) {
            std::vector<Line> lines{{h.when + " – " + h.action, ui.fonts.body, theme::kText}};
            if (!h.unit.empty()) lines.push_back({h.unit, ui.fonts.body, theme::kTextMuted});
            y += draw_lines(ui, lines, ImVec2(origin.x + ui.u * 0.6f, y), w - ui.u * 0.6f,
                            ui.u * 0.1f, Align::Left) +
                 row_gap;
        }
    }
    return y - origin.y;
}

std::vector<Line> offline_lines(Ui& ui, const LookupView& v) {
    if (!v.from_cache) return {};
    return {{fill(tr(ui.lang, LkStr::OfflineCached), v.cached_at) + ", " +
                 format_age(ui.lang, v.cached_minutes_ago) + ".",
             ui.fonts.body, theme::kNoticeText}};
}

std::vector<Line> slip_lines(Ui& ui, const LookupView& v) {
    return slip_phase_lines(ui, v.slip,
                            {tr(ui.lang, LkStr::SlipPrinting), tr(ui.lang, LkStr::SlipPrinted),
                             tr(ui.lang, LkStr::SlipFailed)},
                            v.slip_error_vi, v.slip_error_en);
}

// "In phiếu" and "Tra cứu mã khác" side by side at `y`.
void result_buttons(Ui& ui, const LookupView& v, float x, float y, float width) {
    const float gap = ui.u * 0.6f;
    const float bw = (width - gap) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (big_button(ui, {"##print-slip",
                        {{tr(ui.lang, LkStr::PrintSlip), ui.fonts.strong, 0}},
                        ImVec2(bw, touch_height(ui)),
                        ButtonKind::Primary,
                        v.slip != SlipPhase::Printing}))
        ui.out.emit(ActionType::LookupPrintSlip);
    ImGui::SetCursorScreenPos(ImVec2(x + bw + gap, y));
    if (big_button(ui, {"##another",
                        {{tr(ui.lang, LkStr::Another), ui.fonts.strong, 0}},
                        ImVec2(bw, touch_height(ui)),
                        ButtonKind::Secondary}))
        ui.out.emit(ActionType::LookupAgain);
}

}  // namespace

void draw_lookup_result(Ui& ui, const ViewModel& vm, float top) {
    const LookupView& v = vm.lookup;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const float gap = ui.u * 0.6f;
    const float w = screen.x - 2 * m;
    const float bh = touch_height(ui);
    // Buttons stay put at the bottom: two rows in portrait, one row of four in landscape.
    float buttons_top;
    if (ui.portrait) {
        buttons_top = screen.y - m - 2 * bh - gap;
        result_buttons(ui, v, m, buttons_top, w);
        lookup_bottom_buttons(ui, m, w, true);
    } else {
        buttons_top = screen.y - m - bh;
        const float half = (w - gap) * 0.5f;
        result_buttons(ui, v, m, buttons_top, half);
        lookup_bottom_buttons(ui, m + half + gap, half, true);
    }
    const std::vector<Line> slip = slip_lines(ui, v);
    const float slip_h = lines_height(slip, w, ui.u * 0.2f);
    if (slip_h > 0)
        draw_lines(ui, slip, ImVec2(m, buttons_top - gap - slip_h), w, ui.u * 0.2f, Align::Center);
    const float bottom = buttons_top - gap - (slip_h > 0 ? slip_h + gap : 0.0f);

    // The status and the due date first; the banner says when the answer is an offline copy.
    // Portrait: one scrolling column. Landscape: status left; due date and details right.
    const std::vector<Line> offline = offline_lines(ui, v);
    auto summary = [&](ImVec2 origin, float width) {
        float y = origin.y;
        if (!offline.empty()) {
            ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
            y += message_panel(ui, offline, width, theme::kNotice, theme::kNoticeBorder,
                               Align::Left) +
                 gap;
        }
        y += status_card(ui, v.dossier, ImVec2(origin.x, y), width, true);
        if (ui.portrait) {
            y += gap;
            y += appointment_card(ui, v.dossier, ImVec2(origin.x, y), width, true);
        }
        return y - origin.y;
    };
    if (ui.portrait) {
        scroll_area(ui, "##lookup-result", ImVec2(m, top), ImVec2(w, bottom - top),
                    [&](ImVec2 origin, float width) {
                        const float h = summary(origin, width) + gap * 1.5f;
                        return h + details(ui, v, ImVec2(origin.x, origin.y + h), width);
                    });
    } else {
        const float left_w = (w - m) * 0.46f;
        scroll_area(ui, "##lookup-summary", ImVec2(m, top), ImVec2(left_w, bottom - top), summary);
        const float right_x = m * 2 + left_w;
        scroll_area(ui, "##lookup-details", ImVec2(right_x, top),
                    ImVec2(screen.x - m - right_x, bottom - top), [&](ImVec2 origin, float width) {
                        // Landscape: the due date heads the right column, always in view.
                        const float h =
                            appointment_card(ui, v.dossier, origin, width, true) + gap * 1.5f;
                        return h + details(ui, v, ImVec2(origin.x, origin.y + h), width);
                    });
    }
}

void draw_lookup_message(Ui& ui, const ViewModel& vm, float top) {
    const LookupView& v = vm.lookup;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const auto [x, w] = centred_column(ui, 34.0f);
    LkStr title = LkStr::NotFoundTitle, body = LkStr::NotFoundBody;
    bool retry = false;
    switch (v.message) {
        case LookupMessage::NotFound:
            break;
        case LookupMessage::Offline:
            title = LkStr::OfflineTitle;
            body = LkStr::OfflineBody;
            retry = true;
            break;
        case LookupMessage::RateLimited:
            title = LkStr::RateLimitedTitle;
            body = LkStr::RateLimitedBody;
            break;
        case LookupMessage::NotConfigured:
            title = LkStr::OfflineTitle;
            body = LkStr::NotConfiguredBody;
            break;
        case LookupMessage::TicketNotToday:
            title = LkStr::TicketNotToday;
            body = LkStr::TicketNotTodayBody;
            break;
        case LookupMessage::TicketUnknown:
            title = LkStr::TicketUnknown;
            body = LkStr::TicketUnknownBody;
            break;
    }
    std::vector<Line> lines{{tr(ui.lang, title), ui.fonts.title, theme::kErrorText},
                            {fill(tr(ui.lang, body), v.code), ui.fonts.strong, theme::kText}};
    const float pad = ui.u * 0.8f;
    const float panel_h = lines_height(lines, w - 2 * pad, ui.u * 0.3f) + 2 * pad;
    const float icon = ui.u * 3.0f, gap = ui.u * 1.0f;
    const float buttons_top = screen.y - m - touch_height(ui) * 2 - ui.u * 0.6f;
    float y = top + std::max(0.0f, (buttons_top - top - icon - gap - panel_h) * 0.35f);
    lookup_warning_icon(ImVec2(screen.x * 0.5f, y + icon * 0.5f), icon);
    y += icon + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    message_panel(ui, lines, w, theme::kError, theme::kErrorBorder, Align::Center);
    const float bgap = ui.u * 0.6f;
    const float bw = retry ? (w - bgap) * 0.5f : w;
    ImGui::SetCursorScreenPos(ImVec2(x, buttons_top));
    if (retry && big_button(ui, {"##retry",
                                 {{tr(ui.lang, LkStr::Retry), ui.fonts.strong, 0}},
                                 ImVec2(bw, touch_height(ui)),
                                 ButtonKind::Primary}))
        ui.out.emit(ActionType::LookupRetry);
    ImGui::SetCursorScreenPos(ImVec2(retry ? x + bw + bgap : x, buttons_top));
    if (big_button(ui, {"##another",
                        {{tr(ui.lang, LkStr::Another), ui.fonts.strong, 0}},
                        ImVec2(bw, touch_height(ui)),
                        retry ? ButtonKind::Secondary : ButtonKind::Primary}))
        ui.out.emit(ActionType::LookupAgain);
    lookup_bottom_buttons(ui, x, w, true);
}

void draw_lookup_ticket(Ui& ui, const ViewModel& vm, float top) {
    const TicketPlaceView& t = vm.lookup.ticket;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const auto [x, w] = centred_column(ui, 26.0f);
    const std::string& service =
        ui.lang == Language::En && !t.service_en.empty() ? t.service_en : t.service_vi;
    std::vector<Line> lines{
        {fill(tr(ui.lang, LkStr::TicketTitle), t.number), ui.fonts.title, theme::kText}};
    if (!service.empty()) lines.push_back({service, ui.fonts.strong, theme::kText});
    const std::string counters = format_counters(ui.lang, t.counters);
    if (!counters.empty()) lines.push_back({counters, ui.fonts.strong, theme::kPrimary});
    if (t.called) {
        lines.push_back({tr(ui.lang, LkStr::TicketCalled), ui.fonts.title, theme::kSuccess});
    } else if (t.served) {
        lines.push_back({tr(ui.lang, LkStr::TicketServed), ui.fonts.strong, theme::kText});
    } else if (t.people_ahead > 0) {
        lines.push_back({fill(tr(ui.lang, Str::PeopleAhead), std::to_string(t.people_ahead)),
                         ui.fonts.title, theme::kText});
    } else {
        lines.push_back({tr(ui.lang, Str::YouAreNext), ui.fonts.title, theme::kSuccess});
    }
    const float pad = card_pad(ui), gap = ui.u * 0.5f;
    const float h = lines_height(lines, w - 2 * pad, gap) + 2 * pad;
    const float buttons_top = screen.y - m - touch_height(ui) * 2 - ui.u * 0.6f;
    const float y = top + std::max(0.0f, (buttons_top - top - h) * 0.35f);
    card_frame(ImVec2(x, y), w, h, theme::kBorder, std::max(2.0f, ui.u * 0.08f));
    draw_lines(ui, lines, ImVec2(x + pad, y + pad), w - 2 * pad, gap, Align::Center);
    // A served ticket may be rated straight away (when the office takes ratings).
    const bool rate = t.served && vm.rating_available;
    const float bgap = ui.u * 0.6f;
    const float bw = rate ? (w - bgap) * 0.5f : w;
    ImGui::SetCursorScreenPos(ImVec2(x, buttons_top));
    if (big_button(ui, {"##another",
                        {{tr(ui.lang, LkStr::Another), ui.fonts.strong, 0}},
                        ImVec2(bw, touch_height(ui)),
                        ButtonKind::Secondary}))
        ui.out.emit(ActionType::LookupAgain);
    ImGui::SetCursorScreenPos(ImVec2(x + bw + bgap, buttons_top));
    if (rate && big_button(ui, {"##rate-ticket",
                                {{tr(ui.lang, Str::RateService), ui.fonts.strong, 0}},
                                ImVec2(bw, touch_height(ui)),
                                ButtonKind::Primary}))
        ui.out.emit(ActionType::OpenRating, t.number);
    lookup_bottom_buttons(ui, x, w, true);
}

}  // namespace kiosk::ui
