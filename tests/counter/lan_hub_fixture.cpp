#include "lan_hub_fixture.h"

#include <sys/stat.h>

#include <fstream>
#include <stdexcept>

namespace kiosk::test {

LanHub::LanHub(const std::function<void(KioskConfig&)>& adjust) {
    auto parsed = parse_config(embedded_demo_config(), "<embedded demo config>");
    if (!parsed.ok()) throw std::runtime_error("demo config does not parse");
    config_ = *parsed.config;
    if (adjust) adjust(config_);
    start();
}

LanHub::~LanHub() {
    stop();
}

std::string LanHub::counter_token(int counter) {
    std::string t = "counter-" + std::to_string(counter) + "-token-";
    while (t.size() < 32)
        t += 'c';
    return t;
}
std::string LanHub::board_token() {
    return "board-token-bbbbbbbbbbbbbbbbbbbb";
}
std::string LanHub::kiosk_token() {
    return "kiosk-token-kkkkkkkkkkkkkkkkkkkk";
}

std::string LanHub::token_file(const std::string& token, const std::string& name) const {
    const std::string path = dir_.file(name);
    std::ofstream(path) << token << "\n";
    ::chmod(path.c_str(), 0600);
    return path;
}

void LanHub::start() {
    hub::HubTokens tokens;
    for (int c = 1; c <= 9; ++c)
        tokens.add(counter_token(c), {hub::Role::Counter, c});
    tokens.add(board_token(), {hub::Role::Board, 0});
    tokens.add(kiosk_token(), {hub::Role::Kiosk, 0});
    hub::HubServerOptions o;
    o.host = "127.0.0.1";
    o.port = port_;  // 0 the first time; the same port on a restart
    o.threads = 32;
    server_ = std::make_unique<hub::HubServer>(config_, db_path(), std::move(tokens), o, clock_);
    std::string error;
    if (!server_->start(error)) {
        server_.reset();
        throw std::runtime_error("hub did not start: " + error);
    }
    port_ = server_->port();
}

void LanHub::stop() {
    if (server_) server_->stop();
    server_.reset();
}

std::string LanHub::issue(const std::string& service_id, bool priority) {
    hub::HubClient kiosk(options(kiosk_token()));
    auto reserved = kiosk.reserve_ticket(service_id, priority);
    if (!reserved) throw std::runtime_error("reserve failed: " + reserved.error().detail);
    const int64_t id = reserved->ticket.id;
    if (auto p = kiosk.mark_printing(id); !p) throw std::runtime_error("printing failed");
    if (auto i = kiosk.mark_issued(id); !i) throw std::runtime_error("issued failed");
    return reserved->ticket.number;
}

}  // namespace kiosk::test
