// dossier-server: the reference HTTPS implementation of docs/sync-api.md (thin shell over
// dossier_server_lib). Subcommands: serve, dump, make-certs.
#include <signal.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "demo_seed.h"
#include "dossier_api.h"
#include "dossier_db.h"
#include "https_server.h"
#include "tls_certs.h"

namespace {

int serve(const dossier::ServerOptions& options, const std::string& db_path,
          const std::string& tokens_path, const std::string& faults_json,
          const std::string& port_file) {
    // Block the stop signals before any thread starts, then wait for them on this thread.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    kiosk::SystemClock clock;
    dossier::DossierDb db(db_path, clock);
    dossier::DossierApi api(db, clock);
    dossier::FaultInjector faults;
    if (!faults_json.empty())
        faults.set(dossier::fault_plan_from_json(nlohmann::json::parse(faults_json)));
    dossier::HttpsServer server(options, api, dossier::TokenTable::load(tokens_path), faults);
    const int port = server.start();
    if (!port_file.empty()) {
        const std::string tmp = port_file + ".tmp";
        dossier::tls::write_file(tmp, std::to_string(port) + "\n");
        std::rename(tmp.c_str(), port_file.c_str());  // atomic: readers never see a partial file
    }
    std::printf("dossier-server: listening on https://%s:%d (database %s)\n", options.bind.c_str(),
                port, db_path.c_str());
    std::fflush(stdout);
    int sig = 0;
    sigwait(&stop_signals, &sig);
    std::printf("dossier-server: signal %d, stopping\n", sig);
    server.stop();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"MotCua reference dossier server (HTTPS API v1, see docs/sync-api.md)"};
    app.require_subcommand(1);

    dossier::ServerOptions options;
    std::string db_path = "dossier-server.db", tokens_path, faults_json, port_file;
    auto* serve_cmd = app.add_subcommand("serve", "Serve the API over HTTPS");
    serve_cmd->add_option("--db", db_path,
                          "SQLite database (created and seeded with the demo office if new)");
    serve_cmd->add_option("--cert", options.cert_file, "Server certificate chain (PEM)")
        ->required();
    serve_cmd->add_option("--key", options.key_file, "Server private key (PEM)")->required();
    serve_cmd->add_option("--tokens", tokens_path, "File of 'kiosk-id token' lines")->required();
    serve_cmd->add_option("--bind", options.bind, "Address to listen on")->capture_default_str();
    serve_cmd->add_option("--port", options.port, "Port (0 = any free port)")
        ->capture_default_str();
    serve_cmd->add_option("--port-file", port_file, "Write the chosen port here once listening");
    serve_cmd->add_option("--client-ca", options.client_ca_file,
                          "Require client certificates from this CA");
    serve_cmd->add_flag("--admin", options.admin, "Enable GET/POST /admin/faults from loopback");
    serve_cmd->add_flag("--log", options.log_requests, "Log one line per request on stderr");
    serve_cmd->add_option(
        "--faults", faults_json,
        "Fault plan as JSON, e.g. '{\"fail_count\":3,\"retry_after_s\":1,\"latency_ms\":50}'");

    std::string dump_db = "dossier-server.db";
    auto* dump_cmd =
        app.add_subcommand("dump", "Print the catalogue, dossiers, received events and heartbeats");
    dump_cmd->add_option("--db", dump_db, "SQLite database")->check(CLI::ExistingFile);

    std::string cert_dir;
    std::vector<std::string> hosts = {"localhost", "127.0.0.1"};
    auto* certs_cmd =
        app.add_subcommand("make-certs", "Make a demo CA, server and client certificates");
    certs_cmd
        ->add_option("--out", cert_dir,
                     "Directory for ca.pem, server.pem/.key, client.pem/.key, server.pin")
        ->required();
    certs_cmd->add_option("--host", hosts, "Host names / IP addresses of the server")
        ->capture_default_str();

    CLI11_PARSE(app, argc, argv);
    try {
        if (*serve_cmd) return serve(options, db_path, tokens_path, faults_json, port_file);
        if (*dump_cmd) {
            kiosk::SystemClock clock;
            dossier::DossierDb db(dump_db, clock);
            db.dump(std::cout);
            return 0;
        }
        if (*certs_cmd) {
            const auto f = dossier::tls::write_demo_certs(cert_dir, hosts);
            std::printf("CA %s\nserver %s (key %s)\nclient %s (key %s)\npin %s\n",
                        f.ca_cert.c_str(), f.server_cert.c_str(), f.server_key.c_str(),
                        f.client_cert.c_str(), f.client_key.c_str(), f.pin.c_str());
            return 0;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dossier-server: %s\n", e.what());
        return 1;
    }
    return 0;
}
