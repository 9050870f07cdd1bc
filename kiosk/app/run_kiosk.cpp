#include "run_kiosk.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "kiosk/app/admin_commands.h"
#include "kiosk/app/data_dir.h"
#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/app/ticket_printer.h"
#include "kiosk/platform/runner.h"
#include "kiosk/ui/draw_kiosk.h"

namespace kiosk::app {
namespace {

// Connects the controller to the runner: one ViewModel snapshot per frame, actions back.
class KioskClient final : public platform::RunnerClient {
  public:
    KioskClient(KioskController& controller, const Clock& clock)
        : controller_(controller), clock_(clock) {}

    void on_frame(platform::FrameContext& frame) override {
        controller_.tick();
        ui::draw_kiosk(controller_.view_model(), frame.fonts, frame.output);
        for (const ui::Action& action : frame.output.actions)
            controller_.handle(action);
    }

    std::optional<std::chrono::milliseconds> next_change_in() override {
        const auto left = controller_.next_deadline() - clock_.now();
        return std::max(std::chrono::milliseconds(0),
                        std::chrono::ceil<std::chrono::milliseconds>(left));
    }

  private:
    KioskController& controller_;
    const Clock& clock_;
};

}  // namespace

int run_kiosk(const KioskConfig& config, const RunOptions& o) {
    try {
        DataDirLock lock(o.data_dir);
        std::string preview_dir;
        if (o.save_previews) {
            preview_dir = o.headless ? o.out_dir : o.data_dir + "/previews";
            std::filesystem::create_directories(preview_dir);
        }
        if (o.headless) std::filesystem::create_directories(o.out_dir);

        TicketPrinter printer(config, o.printer_uri, preview_dir, o.data_dir + "/paper_counter");
        spdlog::info("kiosk starting: data {}, printer {}, config {}", o.data_dir,
                     printer.describe(), config.source);
        SystemClock clock;
        const std::string db_path = o.data_dir + "/queue.db";
        std::unique_ptr<SyncLink> sync;
        if (config.sync.enabled) {
            try {
                sync = std::make_unique<SyncLink>(config.sync, db_path, clock);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "config error: %s: sync: %s\n", config.source.c_str(),
                             e.what());
                return kExitBadConfig;
            }
        } else {
            spdlog::info("no [sync] server configured: working offline, events kept in the outbox");
        }
        KioskController controller(config, db_path, clock, [&printer](const TicketSlip& slip) {
            return printer.print(slip);
        });
        if (sync) controller.set_outbox_listener([&sync] { sync->notify_outbox(); });

        platform::RunnerOptions ro;
        ro.display = config.display;
        if (o.width > 0) {
            ro.display.width = o.width;
            ro.display.height = o.height;
        }
        ro.display.fullscreen = config.display.fullscreen && !o.windowed && !o.headless;
        ro.headless = o.headless;
        ro.render_driver = config.display.renderer == "auto" ? "" : config.display.renderer;
        ro.script_path = o.script;
        ro.out_dir = o.out_dir;
        ro.exit_after_first_frame = o.exit_after_first_frame;
        platform::Runner runner(ro);
        controller.set_waker(runner.waker());
        controller.start();
        if (sync) sync->start();

        KioskClient client(controller, clock);
        const platform::RunResult result = runner.run(client);
        controller.set_waker({});
        controller.wait_idle();  // a ticket being printed is finished and committed before exit
        if (sync) sync->stop();  // events not yet sent stay in the outbox for the next start
        if (o.exit_after_first_frame) std::printf("first_frame_ms %.1f\n", result.first_frame_ms);
        if (o.print_frame_stats) {
            const auto& f = result.frame_times;
            std::printf(
                "frame_stats frames %llu mean_ms %.2f p50_ms %.2f p95_ms %.2f p99_ms %.2f max_ms "
                "%.2f\n",
                static_cast<unsigned long long>(f.frames), f.mean_ms, f.p50_ms, f.p95_ms, f.p99_ms,
                f.max_ms);
        }
        return result.exit_code;
    } catch (const std::exception& e) {
        spdlog::error("{}", e.what());
        return kExitFailure;
    }
}

}  // namespace kiosk::app
