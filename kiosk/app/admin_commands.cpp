#include "admin_commands.h"

#include <filesystem>

#include "kiosk/app/catalog_source.h"
#include "kiosk/core/catalog_services.h"
#include "kiosk/core/ticket_store.h"

namespace kiosk::app {
namespace {

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::optional<KioskConfig> load_config_or_report(const std::string& path, std::ostream& err) {
    ConfigResult r = path.empty() ? parse_config(embedded_demo_config(), "<embedded demo config>")
                                  : load_config_file(path);
    if (r.ok()) return std::move(r.config);
    for (const auto& e : r.errors)
        err << "config error: " << e.to_string() << "\n";
    return std::nullopt;
}

int check_config_command(const std::string& path, const std::string& data_dir, std::ostream& out,
                         std::ostream& err) {
    auto config = load_config_or_report(path, err);
    if (!config) return kExitBadConfig;
    std::string error;
    const std::optional<Catalog> catalog = load_catalog_file(*config, data_dir, error);
    if (!error.empty()) {
        err << "config error: " << error << "\n";
        return kExitBadConfig;
    }
    out << path << ": OK — office '" << config->office_id << "', " << config->services.size()
        << " service fields, printer " << config->printer.uri << " (" << config->printer.dots
        << " dots)\n";
    if (catalog) {
        const EffectiveServices applied = apply_catalog(*config, *catalog);
        out << "catalogue " << config->catalog.file << ": OK — version " << catalog->version << ", "
            << catalog->fields.size() << " fields, " << catalog->procedures.size()
            << " procedures; " << applied.config.services.size() << " service fields shown\n";
        for (const CatalogWarning& w : applied.warnings)
            out << "  warning: " << w.en << "\n";
    }
    return kExitOk;
}

int tickets_command(const std::string& data_dir, const std::string& date, std::ostream& out,
                    std::ostream& err) {
    int y, m, d;
    if (!date.empty() && !parse_iso_date(date, y, m, d)) {
        err << "--date must be a valid YYYY-MM-DD date, got '" << date << "'\n";
        return kExitBadConfig;
    }
    const std::string db = data_dir + "/queue.db";
    if (!std::filesystem::exists(db)) {
        err << "no queue database at " << db << " (wrong --data directory?)\n";
        return kExitFailure;
    }
    try {
        TicketStore store(db);
        const std::string day =
            date.empty() ? local_date_iso(std::chrono::system_clock::now()) : date;
        out << "number,service,priority,state,reserved_at,issued_at,print_unconfirmed,void_"
               "reason\n";
        for (const Ticket& t : store.tickets_of_day(day)) {
            out << csv_field(t.number) << ',' << csv_field(t.service_id) << ','
                << (t.priority ? "yes" : "no") << ',' << to_string(t.state) << ','
                << iso8601_local(t.reserved_at) << ','
                << (t.issued_at ? iso8601_local(*t.issued_at) : "") << ','
                << (t.print_unconfirmed ? "yes" : "no") << ',' << csv_field(t.void_reason) << '\n';
        }
        return kExitOk;
    } catch (const std::exception& e) {
        err << e.what() << "\n";
        return kExitFailure;
    }
}

}  // namespace kiosk::app
