#include "harness_client.h"

#include <ctime>

#include "kiosk/ui/draw_kiosk.h"

namespace kiosk::test {

ui::ViewModel demo_view_model() {
    ui::ViewModel vm;
    vm.office_name_vi = "Trung tâm Phục vụ hành chính công phường Bến Thành";
    vm.office_name_en = "Ben Thanh Ward Public Administration Service Centre";
    vm.year = 2026;
    vm.month = 11;
    vm.day = 27;
    vm.weekday = 5;  // Friday
    vm.hour = 9;
    vm.minute = 41;
    const auto tile = [](const char* id, const char* vi, const char* en, std::vector<int> counters,
                         int waiting, bool available) {
        ui::ServiceTile t;
        t.id = id;
        t.name_vi = vi;
        t.name_en = en;
        t.counters = std::move(counters);
        t.waiting = waiting;
        t.available = available;
        return t;
    };
    vm.services = {
        tile("ho-tich", "Hộ tịch", "Civil status", {1, 2}, 5, true),
        tile("dat-dai", "Đất đai", "Land", {3}, 12, true),
        tile("chung-thuc", "Chứng thực", "Certification", {4, 5}, 0, true),
        tile("kinh-doanh", "Đăng ký kinh doanh", "Business registration", {6}, 1, true),
        tile("xay-dung", "Xây dựng", "Construction", {7}, 3, false),
        tile("bhxh", "Bảo hiểm xã hội", "Social insurance", {8}, 7, true),
    };
    return vm;
}

ui::TicketView demo_ticket(ui::TicketPhase phase) {
    ui::TicketView t;
    t.number = "1006";
    t.counters = {1, 2};
    t.people_ahead = 5;
    t.wait_minutes = 40;
    t.phase = phase;
    t.seconds_until_home = phase == ui::TicketPhase::Printing ? 0 : 12;
    if (phase == ui::TicketPhase::Failed) {
        t.error_vi = "Máy in hết giấy hoặc đang kẹt giấy.";
        t.error_en = "The printer is out of paper or jammed.";
        t.number_voided = true;
    }
    return t;
}

void HarnessClient::on_frame(platform::FrameContext& frame) {
    if (live_clock) {
        const std::time_t now = std::time(nullptr) + 7 * 3600;  // Vietnam, UTC+7
        std::tm tm{};
        gmtime_r(&now, &tm);
        vm_.year = tm.tm_year + 1900;
        vm_.month = tm.tm_mon + 1;
        vm_.day = tm.tm_mday;
        vm_.weekday = tm.tm_wday;
        vm_.hour = tm.tm_hour;
        vm_.minute = tm.tm_min;
    }
    ui::draw_kiosk(vm_, frame.fonts, frame.output);
    last_widgets_ = frame.output.widgets;
    for (const ui::Action& a : frame.output.actions)
        apply(a);
}

std::optional<std::chrono::milliseconds> HarnessClient::next_change_in() {
    if (!live_clock) return std::nullopt;
    using namespace std::chrono;
    const auto now = duration_cast<milliseconds>(system_clock::now().time_since_epoch());
    return milliseconds(60000) - now % 60000;  // the clock shows minutes
}

void HarnessClient::apply(const ui::Action& a) {
    if (a.type == ui::ActionType::UserActivity) {
        ++user_activity_;
        return;
    }
    actions_.push_back(a);
    switch (a.type) {
        case ui::ActionType::OpenServicePicker:
            vm_.screen = ui::Screen::ServicePicker;
            break;
        case ui::ActionType::SelectService:
            for (const ui::ServiceTile& tile : vm_.services) {
                if (tile.id != a.arg) continue;
                vm_.ticket = demo_ticket(phase_);
                vm_.ticket.service_name_vi = tile.name_vi;
                vm_.ticket.service_name_en = tile.name_en;
                vm_.ticket.counters = tile.counters;
                vm_.ticket.priority = vm_.priority_selected;
                vm_.screen = ui::Screen::Ticket;
            }
            break;
        case ui::ActionType::TogglePriority:
            vm_.priority_selected = !vm_.priority_selected;
            break;
        case ui::ActionType::GoHome:
            vm_.screen = ui::Screen::Home;
            vm_.priority_selected = false;
            break;
        case ui::ActionType::ToggleLanguage:
            vm_.language = vm_.language == ui::Language::Vi ? ui::Language::En : ui::Language::Vi;
            break;
        case ui::ActionType::OpenLookup:
            vm_.screen = ui::Screen::Lookup;
            vm_.lookup = {};
            break;
        case ui::ActionType::LookupKey:  // the lookup's own tests drive LookupFlow
        case ui::ActionType::LookupSubmit:
        case ui::ActionType::LookupPrintSlip:
        case ui::ActionType::LookupAgain:
        case ui::ActionType::LookupRetry:
            break;
        case ui::ActionType::StaffCorner:  // the staff screen has its own tests
        case ui::ActionType::Staff:
            break;
        case ui::ActionType::OpenProcedures:
            vm_.screen = ui::Screen::Procedures;
            break;
        case ui::ActionType::OpenRating:
            vm_.screen = ui::Screen::Rating;
            break;
        case ui::ActionType::Procedures:  // the guide and the rating have their own tests
        case ui::ActionType::Rating:
            break;
        case ui::ActionType::UserActivity:
            break;
    }
}

}  // namespace kiosk::test
