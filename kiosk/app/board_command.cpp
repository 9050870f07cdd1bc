#include "kiosk/app/board_command.h"

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "drivers/audio/recording_audio_output.h"
#include "drivers/audio/sdl_audio_output.h"
#include "kiosk/app/admin_commands.h"
#include "kiosk/app/terminal_cli.h"
#include "kiosk/board/announcement_queue.h"
#include "kiosk/board/board_controller.h"
#include "kiosk/board/board_runner_client.h"
#include "kiosk/hub/hub_client.h"
#include "kiosk/platform/runner.h"
#include "kiosk/sync/token_file.h"

namespace kiosk::app {
namespace {

board::BoardSettings settings_from(const KioskConfig& config, bool config_given) {
    board::BoardSettings s;
    if (!config_given) return s;  // everything follows the hub's config
    s.recent_calls = config.board.recent_calls;
    s.notice_vi = config.board.notice_vi;
    s.notice_en = config.board.notice_en;
    s.voice_enabled = config.voice.enabled;
    if (auto r = parse_number_reading(config.voice.reading)) s.reading = *r;
    s.repeat = config.voice.repeat;
    return s;
}

}  // namespace

int board_command(const KioskConfig& config, const BoardCommandOptions& o) {
    std::string token;
    try {
        token = sync::load_token_file(o.token_file);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "--token-file: %s\n", e.what());
        return kExitBadConfig;
    }
    try {
        if (o.headless) std::filesystem::create_directories(o.out_dir);
        SystemClock clock;
        board::BoardController controller(settings_from(config, o.config_given), clock);

        // Voice: the SDL device on a real board, a recorder headless. A board without a working
        // sound card or clips still shows every call; the log says why it is silent.
        std::unique_ptr<audio::AudioOutput> output;
        if (o.headless) {
            output = std::make_unique<audio::RecordingAudioOutput>();
        } else {
            try {
                output = std::make_unique<audio::SdlAudioOutput>();
            } catch (const std::exception& e) {
                spdlog::error("board: no voice: {}", e.what());
            }
        }
        std::unique_ptr<board::AnnouncementQueue> voice;
        if (output) {
            try {
                voice = std::make_unique<board::AnnouncementQueue>(
                    board::VoiceSetup{config.voice.clips_dir, "", config.voice.gap_ms, 700, 800,
                                      o.wav_log_dir},
                    *output);
                controller.set_announcer([&voice](const board::BoardCallAnnouncement& a) {
                    voice->enqueue({a.number, a.counter, a.recall}, a.style);
                });
            } catch (const std::exception& e) {
                spdlog::error("board: no voice: {}", e.what());
            }
        }

        hub::HubEventStream stream(hub::HubClientOptions{o.hub_url, token, o.ca_file},
                                   [&controller](hub::HubEvent e) { controller.on_hub_event(e); });
        spdlog::info("board starting: hub {}", o.hub_url);

        platform::RunnerOptions ro;
        ro.title = "MotCua — Bảng gọi số";
        ro.display = config.display;
        ro.display.width = o.width;
        ro.display.height = o.height;
        ro.display.fullscreen = !o.windowed && !o.headless;
        ro.headless = o.headless;
        ro.render_driver = config.display.renderer == "auto" ? "" : config.display.renderer;
        ro.script_path = o.script;
        ro.out_dir = o.out_dir;
        platform::Runner runner(ro);
        controller.set_waker(runner.waker());
        stream.start();

        board::BoardRunnerClient ui(controller);
        const platform::RunResult result = runner.run(ui);
        controller.set_waker({});
        stream.stop();
        if (voice) {
            if (o.headless) voice->wait_idle(std::chrono::seconds(30));
            for (const board::AnnouncementRecord& r : voice->history()) {
                std::printf("announced %s %s counter %d:", r.call.recall ? "recall" : "call",
                            r.call.number.c_str(), r.call.counter);
                for (const std::string& id : r.clip_ids)
                    std::printf(" %s", id.c_str());
                if (!r.error.empty()) std::printf(" (error: %s)", r.error.c_str());
                std::printf("\n");
            }
        }
        return result.exit_code;
    } catch (const std::exception& e) {
        spdlog::error("board: {}", e.what());
        return kExitFailure;
    }
}

void add_board_options(CLI::App& c, BoardCli& cli) {
    BoardCommandOptions& o = cli.options;
    c.add_option("--hub", o.hub_url, "the office queue hub, http(s)://HOST:PORT")->required();
    c.add_option("--token-file", o.token_file, "file with the board token (mode 0600)")->required();
    c.add_option("--ca-file", o.ca_file, "CA certificate of an https hub (PEM)");
    c.add_option("--config", cli.config_path,
                 "TOML config (fonts; its [board] and [voice] override the hub's)");
    c.add_flag("--windowed", o.windowed, "a window instead of full screen (development)");
    c.add_flag("--headless", o.headless,
               "no display, no sound device: software rendering and recorded voice");
    c.add_option("--script", o.script, "headless automation script (expect/wait/screenshot)");
    c.add_option("--out", o.out_dir, "where headless screenshots go");
    c.add_option("--size", cli.size, "window size WxH (default 1920x1080)");
    c.add_option("--wav-log", o.wav_log_dir, "write every announcement as a WAV in this directory");
}

int run_board_cli(BoardCli& cli) {
    auto config = load_config_or_report(cli.config_path, std::cerr);
    if (!config) return kExitBadConfig;
    cli.options.config_given = !cli.config_path.empty();
    if (!check_screen_options(cli.size, "1920x1080", cli.options.width, cli.options.height,
                              cli.options.script, cli.options.headless, std::cerr))
        return kExitBadConfig;
    return board_command(*config, cli.options);
}

}  // namespace kiosk::app
