#include "hub_host.h"

namespace kiosk::hub {

bool parse_listen(const std::string& listen, std::string& host, int& port) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= listen.size()) return false;
    const std::string digits = listen.substr(colon + 1);
    if (digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos)
        return false;
    port = std::stoi(digits);
    if (port < 0 || port > 65535) return false;  // 0 = any free port (tests)
    host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    return !host.empty();
}

std::unique_ptr<HubServer> start_hub_host(const KioskConfig& config, const std::string& db_path,
                                          const Clock& clock, std::string& error,
                                          const HubHostOverrides& overrides) {
    error.clear();
    const std::string listen = overrides.listen.empty() ? config.hub.listen : overrides.listen;
    if (listen.empty()) return nullptr;
    HubServerOptions options;
    if (!parse_listen(listen, options.host, options.port)) {
        error = "hub listen address must be HOST:PORT (\"0.0.0.0:8470\"), got '" + listen + "'";
        return nullptr;
    }
    const std::string tokens_file =
        overrides.tokens_file.empty() ? config.hub.tokens_file : overrides.tokens_file;
    if (tokens_file.empty()) {
        error = "the hub needs a tokens file ([hub] tokens_file or --tokens)";
        return nullptr;
    }
    std::vector<std::string> errors;
    auto tokens = HubTokens::load(tokens_file, errors);
    if (!tokens) {
        for (const auto& e : errors)
            error += (error.empty() ? "" : "\n") + e;
        return nullptr;
    }
    options.tls_cert = config.hub.tls_cert;
    options.tls_key = config.hub.tls_key;
    auto server = std::make_unique<HubServer>(config, db_path, std::move(*tokens), options, clock);
    if (!server->start(error)) return nullptr;
    return server;
}

}  // namespace kiosk::hub
