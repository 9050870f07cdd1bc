// kiosk — MotCua reception kiosk. With no subcommand it runs the touch screen; subcommands are
// tools for staff and support that share the same core.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "drivers/printer/printer_uri.h"
#include "kiosk/app/admin_commands.h"
#include "kiosk/app/announce_command.h"
#include "kiosk/app/board_command.h"
#include "kiosk/app/catalog_source.h"
#include "kiosk/app/counter_command.h"
#include "kiosk/app/data_dir.h"
#include "kiosk/app/decode_command.h"
#include "kiosk/app/escpos_view_command.h"
#include "kiosk/app/hub_command.h"
#include "kiosk/app/issue_command.h"
#include "kiosk/app/print_test_command.h"
#include "kiosk/app/run_kiosk.h"
#include "kiosk/app/staff_pin.h"
#include "kiosk/app/terminal_cli.h"

using namespace kiosk;
using namespace kiosk::app;

namespace {

// Config + data directory + printer URI, shared by the run and issue commands.
struct Common {
    std::string config_path, data_dir, printer;
};

void add_common(CLI::App* app, Common& c) {
    app->add_option("--config", c.config_path, "TOML config (default: the embedded demo office)");
    app->add_option("--data", c.data_dir, "data directory (queue database, printer file)");
    app->add_option("--printer", c.printer,
                    "printer URI, overrides the config: file:PATH, tcp://HOST:PORT");
}

std::optional<KioskConfig> resolve(Common& c, std::string& printer_uri) {
    auto config = load_config_or_report(c.config_path, std::cerr);
    if (!config) return std::nullopt;
    if (c.data_dir.empty()) c.data_dir = default_data_dir();
    printer_uri =
        resolve_printer_uri(c.printer.empty() ? config->printer.uri : c.printer, c.data_dir);
    if (auto parsed = printer::parse_printer_uri(printer_uri); !parsed.ok()) {
        std::cerr << "config error: "
                  << (c.printer.empty() ? config->source + ": printer.uri" : "--printer") << ": "
                  << parsed.error << "\n";
        return std::nullopt;
    }
    return config;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"MotCua Kiosk — self-service reception kiosk"};
    cli.require_subcommand(0, 1);
    // Logs go to stderr: stdout carries command output (CSV, decode results) for scripts.
    spdlog::set_default_logger(spdlog::stderr_color_mt("kiosk"));
    spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ %v");

    Common run_common;
    RunOptions run;
    std::string size_text;
    add_common(&cli, run_common);
    cli.add_flag("--windowed", run.windowed, "a window instead of full screen (development)");
    cli.add_flag("--headless", run.headless,
                 "no display: software rendering, for scripts and tests");
    cli.add_option("--script", run.script,
                   "headless automation script (tap/type/wait/expect/screenshot)");
    cli.add_option("--out", run.out_dir, "where headless screenshots and ticket previews go");
    cli.add_option("--size", size_text, "window size WxH, e.g. 1080x1920 or 1920x1080");
    cli.add_flag("--previews", run.save_previews, "save a PNG preview of every printed ticket");
    cli.add_flag("--exit-after-first-frame", run.exit_after_first_frame, "start-up benchmark");
    cli.add_flag("--frame-stats", run.print_frame_stats, "print frame times at exit (benchmarks)");
    std::string start_time_text;
    cli.add_option("--start-time", start_time_text,
                   "the kiosk's clock starts at this instant, e.g. 2026-11-30T09:00:00+07:00 "
                   "(demos, tests, screenshots)");

    auto* check = cli.add_subcommand("check-config", "validate a config file");
    std::string check_file, check_data;
    check->add_option("FILE", check_file, "config file")->required();
    check->add_option("--data", check_data,
                      "data directory for a relative [catalog] file (default: the kiosk's)");

    auto* tickets = cli.add_subcommand("tickets", "print a day's tickets as CSV");
    std::string tickets_data, tickets_date;
    tickets->add_option("--data", tickets_data, "data directory")->required();
    tickets->add_option("--date", tickets_date, "local date YYYY-MM-DD (default: today)");

    auto* issue = cli.add_subcommand("issue", "issue and print tickets without the screen");
    Common issue_common;
    IssueCommandOptions issue_opts;
    add_common(issue, issue_common);
    issue->add_option("--service", issue_opts.service_id, "service field id, e.g. ho-tich")
        ->required();
    issue->add_option("--count", issue_opts.count, "how many tickets")
        ->check(CLI::Range(1, 100000));
    issue->add_flag("--priority", issue_opts.priority, "priority ticket");
    issue->add_option("--previews", issue_opts.preview_dir, "directory for PNG previews");

    auto* decode =
        cli.add_subcommand("decode", "what the kiosk reads from still images of receipts");
    DecodeCommandOptions decode_opts;
    std::string decode_config;
    decode->add_option("IMAGE", decode_opts.images, "PNG/JPEG files")->required();
    decode->add_option("--config", decode_config, "TOML config (ticket URL, office)");
    decode->add_flag("--live", decode_opts.live,
                     "the camera's fast hints instead of the thorough still mode");

    auto* announce =
        cli.add_subcommand("announce", "print the words of a call and play it, or write it as WAV");
    AnnounceCommandOptions announce_opts;
    std::string announce_reading;
    announce
        ->add_option("NUMBER", announce_opts.number, "ticket number as printed, e.g. 1005, A012")
        ->required();
    announce->add_option("COUNTER", announce_opts.counter, "counter number")->required();
    announce->add_option("--wav", announce_opts.wav_path,
                         "write the call to this WAV file instead of playing it");
    announce->add_option("--reading", announce_reading, "north | south | digits")
        ->check(CLI::IsMember({"north", "south", "digits"}));
    announce->add_option("--clips", announce_opts.clips_dir,
                         "directory of office recordings (<id>.wav)");

    auto* print_test =
        cli.add_subcommand("print-test", "printer status and a test page (pangram, QR, ruler)");
    Common print_test_common;
    add_common(print_test, print_test_common);

    auto* staff_pin = cli.add_subcommand(
        "staff-pin", "read a new staff PIN from stdin and print the [staff] pin_hash line");

    auto* escpos_view =
        cli.add_subcommand("escpos-view", "render a captured ESC/POS stream to PNG");
    std::string view_in, view_out, view_config;
    escpos_view->add_option("IN", view_in, "captured ESC/POS bytes")->required();
    escpos_view->add_option("OUT", view_out, "PNG to write")->required();
    escpos_view->add_option("--config", view_config, "TOML config (font for text-mode bytes)");

    auto* counter_cmd =
        cli.add_subcommand("counter", "the counter terminal for staff (talks to the queue hub)");
    CounterCli counter_cli;
    add_counter_options(*counter_cmd, counter_cli);
    auto* board_cmd =
        cli.add_subcommand("board", "the calling board on a TV (live from the queue hub)");
    BoardCli board_cli;
    add_board_options(*board_cmd, board_cli);

    auto* hub_cmd = cli.add_subcommand("hub", "the office queue hub without a screen (LAN API)");
    HubCommandOptions hub_opts;
    add_hub_options(*hub_cmd, hub_opts);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e) == 0 ? kExitOk : kExitBadConfig;
    }

    if (*staff_pin) return staff_pin_command(std::cin, std::cout, std::cerr);
    if (*counter_cmd) return run_counter_cli(counter_cli);
    if (*board_cmd) return run_board_cli(board_cli);
    if (*hub_cmd) return run_hub_cli(hub_opts);
    if (*check)
        return check_config_command(
            check_file, check_data.empty() ? default_data_dir() : check_data, std::cout, std::cerr);
    if (*tickets) return tickets_command(tickets_data, tickets_date, std::cout, std::cerr);
    if (*print_test) {
        std::string uri;
        auto config = resolve(print_test_common, uri);
        if (!config) return kExitBadConfig;
        return print_test_command(*config, uri, std::cout, std::cerr);
    }
    if (*escpos_view) {
        auto config = load_config_or_report(view_config, std::cerr);
        if (!config) return kExitBadConfig;
        return escpos_view_command(view_in, view_out, config->display.font_regular, std::cout,
                                   std::cerr);
    }
    if (*announce) {
        if (!announce_reading.empty())
            announce_opts.reading = *parse_number_reading(announce_reading);
        return announce_command(announce_opts, std::cout, std::cerr);
    }
    if (*decode) {
        auto config = load_config_or_report(decode_config, std::cerr);
        if (!config) return kExitBadConfig;
        SystemClock clock;
        return decode_command(*config, decode_opts, clock, std::cout, std::cerr);
    }
    if (*issue) {
        auto config = resolve(issue_common, issue_opts.printer_uri);
        if (!config) return kExitBadConfig;
        issue_opts.data_dir = issue_common.data_dir;
        // The catalogue's names and counters, as the screen would print them.
        std::string error;
        const auto start = load_catalog_start(*config, issue_common.data_dir, error);
        if (!start) {
            std::cerr << "config error: " << error << "\n";
            return kExitBadConfig;
        }
        return issue_command(start->effective, issue_opts, std::cout, std::cerr);
    }

    auto config = resolve(run_common, run.printer_uri);
    if (!config) return kExitBadConfig;
    run.data_dir = run_common.data_dir;
    if (!start_time_text.empty()) {
        TimePoint start;
        if (!parse_iso8601(start_time_text, start)) {
            std::cerr << "--start-time: expected YYYY-MM-DDTHH:MM:SS+07:00, got '"
                      << start_time_text << "'\n";
            return kExitBadConfig;
        }
        run.start_time = start;
    }
    if (!check_screen_options(size_text, "1080x1920", run.width, run.height, run.script,
                              run.headless, std::cerr))
        return kExitBadConfig;
    return run_kiosk(*config, run);
}
