#include "kiosk/app/counter_command.h"

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "kiosk/app/admin_commands.h"
#include "kiosk/app/terminal_cli.h"
#include "kiosk/core/announcement.h"
#include "kiosk/counter/counter_backend.h"
#include "kiosk/counter/counter_controller.h"
#include "kiosk/counter/counter_runner_client.h"
#include "kiosk/hub/hub_client.h"
#include "kiosk/platform/runner.h"
#include "kiosk/sync/token_file.h"

namespace kiosk::app {

int counter_command(const KioskConfig& config, const CounterCommandOptions& o) {
    if (o.counter < 1 || o.counter > kMaxCounterNumber) {
        std::fprintf(stderr, "--counter must be 1–%d; got %d\n", kMaxCounterNumber, o.counter);
        return kExitBadConfig;
    }
    std::string token;
    try {
        token = sync::load_token_file(o.token_file);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "--token-file: %s\n", e.what());
        return kExitBadConfig;
    }
    try {
        if (o.headless) std::filesystem::create_directories(o.out_dir);
        const hub::HubClientOptions link{o.hub_url, token, o.ca_file};
        hub::HubClient client(link);
        counter::HubCounterBackend backend(client, o.counter);
        SystemClock clock;
        counter::CounterController controller(backend, clock);
        hub::HubEventStream stream(link,
                                   [&controller](hub::HubEvent e) { controller.on_hub_event(e); });
        spdlog::info("counter {} starting: hub {}", o.counter, o.hub_url);

        platform::RunnerOptions ro;
        ro.title = "MotCua — Quầy " + std::to_string(o.counter);
        ro.display = config.display;
        ro.display.width = o.width;
        ro.display.height = o.height;
        ro.display.fullscreen = o.fullscreen && !o.headless;
        ro.headless = o.headless;
        ro.render_driver = config.display.renderer == "auto" ? "" : config.display.renderer;
        ro.script_path = o.script;
        ro.out_dir = o.out_dir;
        platform::Runner runner(ro);
        controller.set_waker(runner.waker());
        controller.start();
        stream.start();

        counter::CounterRunnerClient ui(controller);
        const platform::RunResult result = runner.run(ui);
        controller.set_waker({});
        stream.stop();
        controller.wait_idle();  // an action on its way gets its answer before we leave
        return result.exit_code;
    } catch (const std::exception& e) {
        spdlog::error("counter {}: {}", o.counter, e.what());
        return kExitFailure;
    }
}

void add_counter_options(CLI::App& c, CounterCli& cli) {
    CounterCommandOptions& o = cli.options;
    c.add_option("--hub", o.hub_url, "the office queue hub, http(s)://HOST:PORT")->required();
    c.add_option("--counter", o.counter, "this counter's number")->required();
    c.add_option("--token-file", o.token_file, "file with this counter's token (mode 0600)")
        ->required();
    c.add_option("--ca-file", o.ca_file, "CA certificate of an https hub (PEM)");
    c.add_option("--config", cli.config_path, "TOML config (fonts, renderer)");
    c.add_flag("--fullscreen", o.fullscreen, "full screen instead of a window");
    c.add_flag("--windowed", cli.windowed,
               "a window (the default; --fullscreen for a full screen)");
    c.add_flag("--headless", o.headless, "no display: software rendering, for scripts and tests");
    c.add_option("--script", o.script, "headless automation script (tap/type/key/expect/…)");
    c.add_option("--out", o.out_dir, "where headless screenshots go");
    c.add_option("--size", cli.size, "window size WxH (default 1280x800)");
}

int run_counter_cli(CounterCli& cli) {
    auto config = load_config_or_report(cli.config_path, std::cerr);
    if (!config) return kExitBadConfig;
    if (!check_screen_options(cli.size, "1280x800", cli.options.width, cli.options.height,
                              cli.options.script, cli.options.headless, std::cerr))
        return kExitBadConfig;
    return counter_command(*config, cli.options);
}

}  // namespace kiosk::app
