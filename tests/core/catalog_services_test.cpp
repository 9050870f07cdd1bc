// The catalogue applied to the config's services (catalog_services.h).
#include <doctest/doctest.h>

#include "kiosk/core/catalog_services.h"

using namespace kiosk;

namespace {

ServiceConfig service(const std::string& id, const std::string& field, std::vector<int> counters) {
    ServiceConfig s;
    s.id = id;
    s.name_vi = "Tên cấu hình " + id;
    s.name_en = "Config name " + id;
    s.prefix = id.substr(0, 1);
    s.counters = std::move(counters);
    s.field_code = field;
    return s;
}

Catalog catalog() {
    Catalog c;
    c.version = 9;
    c.fields = {{"G09-TP03", "Hộ tịch"}, {"G12-DD01", "Đất đai"}, {"G09-TP05", "Chứng thực"}};
    c.counters = {{9, "Quầy 09", {"G09-TP03"}},
                  {8, "Quầy 08", {"G09-TP03", "G12-DD01"}},
                  {3, "Quầy 03", {"G12-DD01"}}};
    return c;
}

}  // namespace

TEST_CASE("a listed field gives its name and its counters, ascending") {
    KioskConfig config;
    config.services = {service("a", "G09-TP03", {1, 2}), service("b", "G12-DD01", {4})};
    const EffectiveServices e = apply_catalog(config, catalog());
    REQUIRE(e.config.services.size() == 2);
    CHECK(e.config.services[0].name_vi == "Hộ tịch");
    CHECK(e.config.services[0].name_en == "Config name a");  // the catalogue has no English
    CHECK(e.config.services[0].counters == std::vector<int>{8, 9});
    CHECK(e.config.services[1].counters == std::vector<int>{3, 8});
    CHECK(e.warnings.empty());
}

TEST_CASE("a listed field without counters keeps the config's counters, with a warning") {
    KioskConfig config;
    config.services = {service("c", "G09-TP05", {5, 6})};
    const EffectiveServices e = apply_catalog(config, catalog());
    REQUIRE(e.config.services.size() == 1);
    CHECK(e.config.services[0].name_vi == "Chứng thực");
    CHECK(e.config.services[0].counters == std::vector<int>{5, 6});
    REQUIRE(e.warnings.size() == 1);
    CHECK(e.warnings[0].en.find("no counter") != std::string::npos);
    CHECK(e.warnings[0].en.find("5, 6") != std::string::npos);
}

TEST_CASE("a field the catalogue does not list hides the service, with a warning") {
    KioskConfig config;
    config.services = {service("a", "G09-TP03", {1}), service("x", "G99-XX", {7}),
                       service("plain", "", {4})};
    const EffectiveServices e = apply_catalog(config, catalog());
    REQUIRE(e.config.services.size() == 2);
    CHECK(e.config.services[0].id == "a");
    CHECK(e.config.services[1].id == "plain");  // no field_code: as configured
    CHECK(e.config.services[1].name_vi == "Tên cấu hình plain");
    CHECK(e.config.services[1].counters == std::vector<int>{4});
    REQUIRE(e.warnings.size() == 1);
    CHECK(e.warnings[0].en.find("G99-XX") != std::string::npos);
    CHECK(e.warnings[0].vi.find("đã ẩn") != std::string::npos);
}

TEST_CASE("hiding every service keeps the config as it is, with one warning") {
    KioskConfig config;
    config.services = {service("x", "G99-XX", {7}), service("y", "G98-YY", {2})};
    const EffectiveServices e = apply_catalog(config, catalog());
    REQUIRE(e.config.services.size() == 2);
    CHECK(e.config.services[0].counters == std::vector<int>{7});
    CHECK(e.config.services[0].name_vi == "Tên cấu hình x");
    REQUIRE(e.warnings.size() == 1);
    CHECK(e.warnings[0].en.find("none of the configured field_codes") != std::string::npos);
}

TEST_CASE("same_routing compares ids and counters") {
    const std::vector<ServiceConfig> a{service("a", "F", {1, 2})};
    std::vector<ServiceConfig> b = a;
    b[0].name_vi = "Tên mới";
    CHECK(same_routing(a, b));
    b[0].counters = {1};
    CHECK_FALSE(same_routing(a, b));
    CHECK_FALSE(same_routing(a, {}));
}
