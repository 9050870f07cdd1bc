#include "run_kiosk.h"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

#include "drivers/scanner/scanner_inputs.h"
#include "kiosk/app/admin_commands.h"
#include "kiosk/app/camera_link.h"
#include "kiosk/app/catalog_source.h"
#include "kiosk/app/data_dir.h"
#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/lookup_slip_printer.h"
#include "kiosk/app/staff_services.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/app/ticket_printer.h"
#include "kiosk/core/outbox.h"
#include "kiosk/hub/hub_host.h"
#include "kiosk/platform/runner.h"
#include "kiosk/ui/draw_kiosk.h"

namespace kiosk::app {
namespace {

// Connects the controller to the runner: one ViewModel snapshot per frame, actions back.
class KioskClient final : public platform::RunnerClient {
  public:
    KioskClient(KioskController& controller, const Clock& clock, CameraLink* camera)
        : controller_(controller), clock_(clock), camera_(camera) {}

    void on_scan(const std::string& payload) override { controller_.on_scan(payload); }

    std::optional<platform::GrayPreview> camera_preview() override {
        return camera_ ? camera_->preview() : std::nullopt;
    }

    void on_frame(platform::FrameContext& frame) override {
        controller_.tick();
        ui::ViewModel vm = controller_.view_model();
        if (camera_ && camera_->wanted() && frame.preview_texture) {
            vm.lookup.preview_texture = frame.preview_texture;
            vm.lookup.preview_width = frame.preview_width;
            vm.lookup.preview_height = frame.preview_height;
        }
        ui::draw_kiosk(vm, frame.fonts, frame.output);
        for (const ui::Action& action : frame.output.actions)
            controller_.handle(action);
        if (!camera_) return;
        // The camera runs only while the scan stage is on screen; request_stop never blocks.
        camera_->set_wanted(controller_.scan_stage_shown());
        if (camera_->wanted()) {  // a live picture: ~15 frames a second
            float& r = frame.output.redraw_after_s;
            r = r > 0.0f ? std::min(r, kPreviewFrameS) : kPreviewFrameS;
        }
    }

    std::optional<std::chrono::milliseconds> next_change_in() override {
        const auto left = controller_.next_deadline() - clock_.now();
        return std::max(std::chrono::milliseconds(0),
                        std::chrono::ceil<std::chrono::milliseconds>(left));
    }

  private:
    static constexpr float kPreviewFrameS = 1.0f / 15.0f;
    KioskController& controller_;
    const Clock& clock_;
    CameraLink* camera_;
};

}  // namespace

int run_kiosk(const KioskConfig& configured, const RunOptions& o) {
    try {
        DataDirLock lock(o.data_dir);
        // The office catalogue decides names and counters: everything below uses the effective
        // config, so tiles, printed counters and the hub's routing agree.
        std::string catalog_error;
        const std::optional<CatalogStart> catalog =
            load_catalog_start(configured, o.data_dir, catalog_error);
        if (!catalog) {
            std::fprintf(stderr, "config error: %s\n", catalog_error.c_str());
            return kExitBadConfig;
        }
        const KioskConfig& config = catalog->effective;
        std::string preview_dir;
        if (o.save_previews) {
            preview_dir = o.headless ? o.out_dir : o.data_dir + "/previews";
            std::filesystem::create_directories(preview_dir);
        }
        if (o.headless) std::filesystem::create_directories(o.out_dir);

        TicketPrinter printer(config, o.printer_uri, preview_dir, o.data_dir + "/paper_counter");
        spdlog::info("kiosk starting: data {}, printer {}, config {}", o.data_dir,
                     printer.describe(), config.source);
        SystemClock system_clock;
        std::optional<OffsetClock> offset_clock;  // --start-time: demos, tests, screenshots
        if (o.start_time) {
            offset_clock.emplace(*o.start_time);
            spdlog::info("clock starts at {} (--start-time)", iso8601_local(*o.start_time));
        }
        const Clock& clock = offset_clock ? static_cast<const Clock&>(*offset_clock) : system_clock;
        const std::string db_path = o.data_dir + "/queue.db";
        DeviceStaffServices staff(config, printer);
        // Printer state changes reach the central server as `printer.status` events.
        std::function<void()> wake_sync;
        staff.set_on_change(
            [&db_path, &clock, &wake_sync](const sync::KioskHealth& h, const std::string& detail) {
                try {
                    nlohmann::json payload{{"printer", h.printer}, {"paper", h.paper}};
                    if (!detail.empty()) payload["detail"] = detail;
                    Outbox(db_path).append("printer.status", payload.dump(), clock.now());
                    spdlog::info("printer status for the server: printer {}, paper {}", h.printer,
                                 h.paper);
                    if (wake_sync) wake_sync();
                } catch (const std::exception& e) {
                    spdlog::error("printer.status event not recorded: {}", e.what());
                }
            });
        std::unique_ptr<SyncLink> sync;
        if (config.sync.enabled) {
            try {
                sync = std::make_unique<SyncLink>(config.sync, db_path, clock,
                                                  [&staff] { return staff.health(); });
                staff.set_sync(sync.get());
                wake_sync = [&sync] { sync->notify_outbox(); };
            } catch (const std::exception& e) {
                std::fprintf(stderr, "config error: %s: sync: %s\n", config.source.c_str(),
                             e.what());
                return kExitBadConfig;
            }
        } else {
            spdlog::info("no [sync] server configured: working offline, events kept in the outbox");
        }
        KioskController controller(config, db_path, clock,
                                   [&printer, &staff](const TicketSlip& slip) {
                                       PrintAttempt attempt = printer.print(slip);
                                       staff.printer_snapshot(false);  // fresh heartbeat words
                                       return attempt;
                                   });
        // The office queue on the LAN ([hub] listen): counters and boards connect here. Declared
        // after the controller so it stops first.
        std::string hub_error;
        std::unique_ptr<hub::HubServer> hub_server =
            hub::start_hub_host(config, db_path, clock, hub_error);
        if (!hub_server && !hub_error.empty()) {
            std::fprintf(stderr, "config error: %s: hub: %s\n", config.source.c_str(),
                         hub_error.c_str());
            return kExitBadConfig;
        }
        if (hub_server)
            hub_server->set_on_committed([&sync, &controller] {
                // A counter called, finished or transferred: events to send, counts to redraw.
                if (sync) sync->notify_outbox();
                controller.queue_changed();
            });
        controller.set_outbox_listener([&sync, &hub_server] {
            if (sync) sync->notify_outbox();
            if (hub_server) hub_server->notify_changed();  // boards see the new waiting count
        });
        // Dossier lookups on the sync link's lookup thread; status slips through the ticket
        // printer.
        controller.enable_lookup(
            sync ? DossierLookupFn([&sync](const std::string& code, const std::string& kind,
                                           const std::string& factor,
                                           std::function<void(const sync::LookupResult&)> done) {
                sync->lookup(code, kind, factor, std::move(done));
            })
                 : DossierLookupFn(),
            [&printer, &config, preview_dir](const MonoBitmap& slip, const std::string& code) {
                return print_status_slip(printer.device(), config, slip, code, preview_dir);
            });
        controller.set_staff_services(&staff);
        controller.set_catalog_start(&configured, catalog->warnings);
        if (catalog->catalog) controller.set_catalog(catalog->catalog);
        if (sync)  // each newer catalogue the link accepts (sync thread)
            sync->set_catalog_listener([&controller](std::shared_ptr<const Catalog> c) {
                controller.set_catalog(std::move(c));
            });
        // The lookup screen's camera ([camera] enabled): reads reach the same entry as scanners.
        std::unique_ptr<CameraLink> camera;
        if (config.camera.enabled) {
            camera = std::make_unique<CameraLink>(
                config.camera,
                [&controller](const std::string& payload) { controller.on_scan(payload); });
            controller.set_camera_available(true);
        }
        // USB scanners on their own device nodes (evdev / serial), when configured: every read
        // reaches the lookup through the same entry as the script's `scan`.
        scanner::ScannerInputs scanners(
            config.scanner,
            [&controller](const scanner::ScanInput& in) { controller.on_scan(in.payload); });

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
        if (!scanners.has_device()) {  // a keyboard-wedge scanner types into the UI itself
            ro.keyboard_burst = scanner::BurstOptions{
                .min_chars = static_cast<size_t>(std::max(1, config.scanner.burst_min_chars)),
                .max_gap = std::chrono::milliseconds(config.scanner.burst_max_gap_ms),
                .max_chars = 4096};
        }
        platform::Runner runner(ro);
        controller.set_waker(runner.waker());
        controller.start();
        scanners.start();
        if (sync) sync->start();

        KioskClient client(controller, clock, camera.get());
        const platform::RunResult result = runner.run(client);
        camera.reset();  // released before the waker goes
        scanners.stop();
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
