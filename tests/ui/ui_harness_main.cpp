// kiosk_ui_harness: the real UI and runner on canned data, for looking at the screens, taking
// screenshots with a script and measuring idle CPU / start-up time. Not the kiosk app.
//   kiosk_ui_harness [--headless] [--windowed] [--size WxH] [--script FILE] [--out DIR]
//                    [--screen home|picker|printing|ready|failed] [--en] [--notice]
//                    [--printer-off] [--priority] [--live-clock] [--first-frame]
#include <cstdio>
#include <cstring>
#include <string>

#include "harness_client.h"

namespace {

int usage(const char* why) {
    std::fprintf(stderr,
                 "kiosk_ui_harness: %s\nusage: kiosk_ui_harness [--headless] [--windowed] "
                 "[--size WxH] [--script FILE] [--out DIR] [--screen "
                 "home|picker|printing|ready|failed] [--en] [--notice] [--printer-off] "
                 "[--priority] [--live-clock] [--first-frame]\n",
                 why);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace kiosk;
    platform::RunnerOptions options;
    ui::ViewModel vm = test::demo_view_model();
    ui::TicketPhase phase = ui::TicketPhase::Ready;
    std::string screen = "home";
    bool live_clock = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (a == "--headless") {
            options.headless = true;
        } else if (a == "--windowed") {
            options.display.fullscreen = false;
        } else if (a == "--size") {
            const char* v = value();
            if (!v ||
                std::sscanf(v, "%dx%d", &options.display.width, &options.display.height) != 2 ||
                options.display.width < 100 || options.display.height < 100)
                return usage("--size needs WxH, e.g. 1080x1920");
        } else if (a == "--script") {
            const char* v = value();
            if (!v) return usage("--script needs a file");
            options.script_path = v;
        } else if (a == "--out") {
            const char* v = value();
            if (!v) return usage("--out needs a directory");
            options.out_dir = v;
        } else if (a == "--screen") {
            const char* v = value();
            if (!v) return usage("--screen needs a name");
            screen = v;
        } else if (a == "--en") {
            vm.language = ui::Language::En;
        } else if (a == "--notice") {
            vm.notice_vi = "Quầy 3 tạm nghỉ đến 10:30. Xin cảm ơn sự kiên nhẫn của Quý khách.";
            vm.notice_en = "Counter 3 is closed until 10:30. Thank you for your patience.";
        } else if (a == "--printer-off") {
            vm.printer_ready = false;
        } else if (a == "--priority") {
            vm.priority_selected = true;
        } else if (a == "--live-clock") {
            live_clock = true;
        } else if (a == "--first-frame") {
            options.exit_after_first_frame = true;
        } else {
            return usage(("unknown option " + a).c_str());
        }
    }
    if (screen == "picker") {
        vm.screen = ui::Screen::ServicePicker;
    } else if (screen == "printing" || screen == "ready" || screen == "failed") {
        phase = screen == "printing" ? ui::TicketPhase::Printing
                : screen == "ready"  ? ui::TicketPhase::Ready
                                     : ui::TicketPhase::Failed;
        vm.screen = ui::Screen::Ticket;
        vm.ticket = test::demo_ticket(phase);
        vm.ticket.service_name_vi = vm.services[0].name_vi;
        vm.ticket.service_name_en = vm.services[0].name_en;
        vm.ticket.priority = vm.priority_selected;
    } else if (screen != "home") {
        return usage("--screen must be home, picker, printing, ready or failed");
    }

    test::HarnessClient client(vm, phase);
    client.live_clock = live_clock;
    platform::Runner runner(options);
    const platform::RunResult r = runner.run(client);
    const auto& ft = r.frame_times;
    std::printf("first frame %.1f ms; %llu frames, mean %.2f ms, p50 %.2f, p95 %.2f, max %.2f\n",
                r.first_frame_ms, static_cast<unsigned long long>(ft.frames), ft.mean_ms, ft.p50_ms,
                ft.p95_ms, ft.max_ms);
    return r.exit_code;
}
