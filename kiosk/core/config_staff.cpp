// [staff]: pin_hash = "sha256:<salt hex>:<SHA-256 hex>" as printed by `kiosk staff-pin`.
#include <algorithm>
#include <cctype>

#include "config_reader.h"

namespace kiosk::config_detail {
namespace {

bool is_hex(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isxdigit(ch); });
}

}  // namespace

void read_staff(TableReader t, KioskConfig& c) {
    if (!t.present()) return;
    StaffConfig& s = c.staff;
    if (auto v = t.string("pin_hash", true)) {
        const std::string prefix = "sha256:";
        const auto colon = v->find(':', prefix.size());
        const std::string salt = v->rfind(prefix, 0) == 0 && colon != std::string::npos
                                     ? v->substr(prefix.size(), colon - prefix.size())
                                     : std::string();
        const std::string digest = colon != std::string::npos ? v->substr(colon + 1) : "";
        if (salt.size() < 16 || salt.size() > 64 || !is_hex(salt) || digest.size() != 64 ||
            !is_hex(digest)) {
            // Never echo the value: it is a secret's hash.
            t.error("pin_hash",
                    "must be \"sha256:<16-64 hex salt>:<64 hex digest>\" as printed by `kiosk "
                    "staff-pin` (a plain PIN is not accepted)");
        } else {
            s.pin_salt = salt;
            s.pin_sha256 = digest;
            std::transform(s.pin_sha256.begin(), s.pin_sha256.end(), s.pin_sha256.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            s.enabled = true;
        }
    }
    if (auto v = t.integer("lock_after", false, 3, 10)) s.lock_after = static_cast<int>(*v);
    if (auto v = t.integer("lockout_s", false, 30, 3600)) s.lockout_s = static_cast<int>(*v);
    t.report_unknown_keys();
}

}  // namespace kiosk::config_detail
