#include "catalog_services.h"

#include <algorithm>

namespace kiosk {
namespace {

std::string join(const std::vector<int>& numbers) {
    std::string out;
    for (int n : numbers)
        out += (out.empty() ? "" : ", ") + std::to_string(n);
    return out;
}

const ServiceField* find_field(const Catalog& catalog, const std::string& code) {
    for (const ServiceField& f : catalog.fields)
        if (f.code == code) return &f;
    return nullptr;
}

std::vector<int> counters_for(const Catalog& catalog, const std::string& code) {
    std::vector<int> out;
    for (const Counter& c : catalog.counters)
        if (std::find(c.field_codes.begin(), c.field_codes.end(), code) != c.field_codes.end())
            out.push_back(c.number);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

EffectiveServices apply_catalog(const KioskConfig& config, const Catalog& catalog) {
    EffectiveServices out{config, {}};
    std::vector<ServiceConfig> kept;
    std::vector<CatalogWarning> hidden;
    for (const ServiceConfig& s : config.services) {
        if (s.field_code.empty()) {
            kept.push_back(s);
            continue;
        }
        const ServiceField* field = find_field(catalog, s.field_code);
        if (!field) {
            hidden.push_back({"Lĩnh vực " + s.field_code + " (" + s.id +
                                  ") không có trong danh mục của trung tâm: đã ẩn ô này.",
                              "service " + s.id + ": field_code " + s.field_code +
                                  " is not in catalogue version " +
                                  std::to_string(catalog.version) + ": the service is hidden"});
            continue;
        }
        ServiceConfig e = s;
        e.name_vi = field->name;
        if (std::vector<int> counters = counters_for(catalog, s.field_code); !counters.empty()) {
            e.counters = std::move(counters);
        } else {
            out.warnings.push_back({"Danh mục chưa gán quầy nào cho lĩnh vực " + s.field_code +
                                        ": vẫn dùng quầy " + join(s.counters) + " trong cấu hình.",
                                    "service " + s.id + ": no counter in catalogue version " +
                                        std::to_string(catalog.version) + " serves field " +
                                        s.field_code + ": keeping the config's counters " +
                                        join(s.counters)});
        }
        kept.push_back(std::move(e));
    }
    if (kept.empty()) {
        out.warnings.push_back(
            {"Danh mục không có lĩnh vực nào của ki-ốt này: vẫn dùng danh sách trong cấu hình.",
             "catalogue version " + std::to_string(catalog.version) +
                 " lists none of the configured field_codes: keeping the config's services"});
        return out;
    }
    out.warnings.insert(out.warnings.end(), hidden.begin(), hidden.end());
    out.config.services = std::move(kept);
    return out;
}

bool same_routing(const std::vector<ServiceConfig>& a, const std::vector<ServiceConfig>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const ServiceConfig& x, const ServiceConfig& y) {
                          return x.id == y.id && x.counters == y.counters;
                      });
}

}  // namespace kiosk
