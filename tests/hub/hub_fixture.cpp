#include "hub/hub_fixture.h"

#include <cstdio>
#include <set>
#include <stdexcept>

#include "kiosk/core/store_schema.h"
#include "kiosk/core/ticket_store.h"
#include "server/tls_certs.h"

namespace kiosk::test {

std::string hub_fixture_config_toml(int counters, const std::string& hub_toml) {
    std::string list;
    for (int i = 1; i <= counters; ++i)
        list += (i > 1 ? ", " : "") + std::to_string(i);
    const std::string text = R"(
[office]
id = "test"
name_vi = "Trung tâm Phục vụ hành chính công"
name_en = "Public Administration Service Centre"
ticket_url = "https://example.gov.vn/q/{office}/{date}/{number}"
[printer]
uri = "file:p.bin"
[board]
notice_vi = "Quý khách vui lòng chờ đến lượt"
notice_en = "Please wait for your turn"
)" + hub_toml + R"(
[[services]]
id = "a"
name_vi = "Hộ tịch"
name_en = "Civil status"
prefix = "1"
digits = 5
counters = [)" + list + R"(]
[[services]]
id = "b"
name_vi = "Đất đai"
name_en = "Land"
prefix = "2"
counters = [1]
)";
    return text;
}

namespace {
KioskConfig make_config(int counters, const std::string& hub_toml) {
    auto r = parse_config(hub_fixture_config_toml(counters, hub_toml), "hub-fixture.toml");
    if (!r.ok()) throw std::runtime_error("fixture config: " + r.errors.at(0).to_string());
    return *r.config;
}
}  // namespace

HubFixture::HubFixture(int counters, bool tls, const std::string& hub_toml)
    : config_(make_config(counters, hub_toml)), db_path_(dir_.file("queue.db")), tls_(tls) {
    open_store(db_path_);  // created and migrated before anything else opens it
    if (tls_) {
        const auto ca = dossier::tls::make_ca("MotCua hub test CA");
        const auto leaf = dossier::tls::make_leaf(ca, dossier::tls::LeafSpec{});
        ca_file_ = dir_.file("ca.pem");
        cert_ = dir_.file("hub.pem");
        key_ = dir_.file("hub.key");
        dossier::tls::write_file(ca_file_, ca.cert_pem);
        dossier::tls::write_file(cert_, leaf.cert_pem);
        dossier::tls::write_file(key_, leaf.key_pem, 0600);
    }
}

HubFixture::~HubFixture() {
    stop();
}

std::string HubFixture::counter_token(int n) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "counter-token-%04d-abcdef", n);
    return buf;
}

void HubFixture::start() {
    hub::HubTokens tokens;
    std::set<int> counters;
    for (const ServiceConfig& s : config_.services)
        counters.insert(s.counters.begin(), s.counters.end());
    for (int n : counters)
        tokens.add(counter_token(n), {hub::Role::Counter, n});
    tokens.add(board_token(), {hub::Role::Board, 0});
    tokens.add(kiosk_token(), {hub::Role::Kiosk, 0});
    hub::HubServerOptions o;
    o.port = port_;  // 0 the first time, then the same port again
    if (tls_) {
        o.tls_cert = cert_;
        o.tls_key = key_;
    }
    server_ = std::make_unique<hub::HubServer>(config_, db_path_, std::move(tokens), o, clock_);
    std::string error;
    if (!server_->start(error)) throw std::runtime_error("hub did not start: " + error);
    port_ = server_->port();
}

void HubFixture::stop() {
    if (server_) server_->stop();
    server_.reset();
}

std::string HubFixture::url() const {
    return std::string(tls_ ? "https" : "http") + "://" + (tls_ ? "localhost" : "127.0.0.1") + ":" +
           std::to_string(port_);
}

hub::HubClientOptions HubFixture::client(const std::string& token) const {
    hub::HubClientOptions o;
    o.url = url();
    o.token = token;
    o.ca_file = ca_file_;
    return o;
}

std::vector<std::string> HubFixture::bulk_issue(const std::string& service, int count,
                                                int priority_every) {
    const ServiceConfig* svc = config_.find_service(service);
    if (!svc) throw std::runtime_error("fixture: no service " + service);
    return test::bulk_issue(db_path_, *svc, clock_.now(), count, priority_every);
}

std::vector<std::string> bulk_issue(const std::string& db_path, const ServiceConfig& service,
                                    TimePoint now, int count, int priority_every) {
    SqliteDb db(db_path);
    Transaction tx(db);
    const std::string date = local_date_iso(now);
    int last = 0;
    {
        Statement q(db, "SELECT last_seq FROM sequences WHERE business_date=?1 AND service_id=?2");
        q.bind(1, date).bind(2, service.id);
        if (q.step()) last = static_cast<int>(q.column_int(0));
    }
    std::vector<std::string> numbers;
    for (int i = 1; i <= count; ++i) {
        const int seq = last + i;
        const std::string number = format_ticket_number(service, seq);
        const bool priority = priority_every > 0 && i % priority_every == 0;
        Statement(db,
                  "INSERT INTO tickets(business_date, service_id, sequence, number, priority, "
                  "state, reserved_at_us, issued_at_us) VALUES(?1, ?2, ?3, ?4, ?5, 'issued', ?6, "
                  "?6)")
            .bind(1, date)
            .bind(2, service.id)
            .bind(3, int64_t{seq})
            .bind(4, number)
            .bind(5, int64_t{priority})
            .bind(6, to_us(now) + i)
            .run();
        numbers.push_back(number);
    }
    Statement(db,
              "INSERT INTO sequences(business_date, service_id, last_seq) VALUES(?1, ?2, ?3) "
              "ON CONFLICT(business_date, service_id) DO UPDATE SET last_seq=excluded.last_seq")
        .bind(1, date)
        .bind(2, service.id)
        .bind(3, int64_t{last + count})
        .run();
    tx.commit();
    return numbers;
}

}  // namespace kiosk::test
