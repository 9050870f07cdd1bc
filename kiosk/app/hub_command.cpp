#include "kiosk/app/hub_command.h"

#include <signal.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "kiosk/app/admin_commands.h"
#include "kiosk/app/catalog_source.h"
#include "kiosk/app/data_dir.h"
#include "kiosk/hub/hub_host.h"

namespace kiosk::app {

int hub_command(const KioskConfig& configured, const HubCommandOptions& options, std::ostream& out,
                std::ostream& err, const std::function<bool()>& stop_requested) {
    const std::string data_dir = options.data_dir.empty() ? default_data_dir() : options.data_dir;
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec) {
        err << "hub: cannot create the data directory " << data_dir << ": " << ec.message() << "\n";
        return kExitFailure;
    }
    // Route by the office catalogue exactly as the kiosks do (catalog_source.h).
    std::string catalog_error;
    const std::optional<CatalogStart> catalog =
        load_catalog_start(configured, data_dir, catalog_error);
    if (!catalog) {
        err << "hub: " << catalog_error << "\n";
        return kExitBadConfig;
    }
    const KioskConfig& config = catalog->effective;
    if (options.listen.empty() && config.hub.listen.empty()) {
        err << "hub: no address to listen on: set [hub] listen in " << config.source
            << " or pass --listen HOST:PORT\n";
        return kExitBadConfig;
    }
    // SIGTERM/SIGINT are taken with sigtimedwait below; block them before any thread starts so
    // no server thread receives them instead.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigset_t previous;
    pthread_sigmask(SIG_BLOCK, &signals, &previous);

    SystemClock clock;
    std::string error;
    hub::HubHostOverrides overrides{options.listen, options.tokens_file};
    auto server = hub::start_hub_host(config, data_dir + "/queue.db", clock, error, overrides);
    if (!server) {
        pthread_sigmask(SIG_SETMASK, &previous, nullptr);
        err << "hub: " << error << "\n";
        const bool config_problem = error.find("cannot listen") == std::string::npos &&
                                    error.find("cannot bind") == std::string::npos &&
                                    error.find("queue store") == std::string::npos;
        return config_problem ? kExitBadConfig : kExitFailure;
    }
    std::string host;
    int port = 0;
    hub::parse_listen(options.listen.empty() ? config.hub.listen : options.listen, host, port);
    out << "hub: listening on " << (server->tls() ? "https" : "http") << "://" << host << ":"
        << server->port() << std::endl;

    for (;;) {
        timespec tick{0, 100 * 1000 * 1000};
        const int sig = sigtimedwait(&signals, nullptr, &tick);
        if (sig == SIGTERM || sig == SIGINT) {
            spdlog::info("hub: {} received, stopping", sig == SIGTERM ? "SIGTERM" : "SIGINT");
            break;
        }
        if (stop_requested && stop_requested()) break;
    }
    server->stop();
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    out << "hub: stopped" << std::endl;
    return kExitOk;
}

void add_hub_options(CLI::App& command, HubCommandOptions& options) {
    command.add_option("--config", options.config_path,
                       "TOML config (default: the embedded demo office)");
    command.add_option("--data", options.data_dir, "data directory holding queue.db");
    command.add_option("--listen", options.listen, "HOST:PORT to serve on, overrides [hub] listen");
    command.add_option("--tokens", options.tokens_file,
                       "tokens file (mode 0600), overrides [hub] tokens_file");
}

int run_hub_cli(HubCommandOptions& options) {
    auto config = load_config_or_report(options.config_path, std::cerr);
    if (!config) return kExitBadConfig;
    return hub_command(*config, options, std::cout, std::cerr);
}

}  // namespace kiosk::app
