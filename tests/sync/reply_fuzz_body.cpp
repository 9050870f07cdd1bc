#include "reply_fuzz_body.h"

#include <string_view>

#include "kiosk/core/unicode.h"
#include "kiosk/sync/reply_parsers.h"

namespace kiosk::sync::testing {
namespace {

// Accepted text must be valid NFC without control characters other than '\n'.
bool clean(const std::string& s) {
    if (!is_nfc(s)) return false;
    for (unsigned char c : s)
        if (c < 0x20 && c != '\n') return false;
    return true;
}

template <class T>
std::string verdict(const char* name, const Parsed<T>& p) {
    if (p.ok() == !p.error.empty()) return std::string(name) + ": ok() and error disagree";
    return "";
}

}  // namespace

std::string check_reply_parsers(std::span<const uint8_t> input) {
    const std::string_view body(reinterpret_cast<const char*>(input.data()), input.size());
    try {
        const auto catalog = parse_catalog(body);
        if (auto v = verdict("catalog", catalog); !v.empty()) return v;
        if (catalog.ok()) {
            const Catalog& c = *catalog.value;
            if (c.version < 1) return "catalog: version < 1 accepted";
            if (!clean(c.office.name)) return "catalog: office name not clean NFC";
            for (const auto& p : c.procedures) {
                if (!is_procedure_code(p.code)) return "catalog: bad procedure code accepted";
                if (!clean(p.name) || p.channels.empty()) return "catalog: procedure not clean";
                for (const auto& ch : p.channels)
                    if (ch.channel < 1 || ch.channel > 3 || ch.fee_vnd < 0)
                        return "catalog: channel out of range";
            }
        }
        const auto dossier = parse_dossier(body);
        if (auto v = verdict("dossier", dossier); !v.empty()) return v;
        if (dossier.ok()) {
            const Dossier& d = *dossier.value;
            if (d.status.code < 1 || d.status.code > 10)
                return "dossier: status out of 1-10 accepted";
            if (!is_dossier_code(d.code)) return "dossier: bad code accepted";
            if (!clean(d.owner_masked) || !clean(d.current_step))
                return "dossier: text not clean NFC";
            for (const auto& h : d.history)
                if (!is_iso8601_offset(h.at)) return "dossier: bad history time accepted";
        }
        const auto acks = parse_event_acks(body);
        if (auto v = verdict("acks", acks); !v.empty()) return v;
        if (acks.ok())
            for (const auto& a : *acks.value)
                if (a.id.empty() || a.id.size() > 36)
                    return "acks: id length out of bounds accepted";
        const auto time = parse_server_time(body);
        if (auto v = verdict("time", time); !v.empty()) return v;
        if (time.ok() && !is_iso8601_offset(time.value->now)) return "time: bad timestamp accepted";
        const auto error = parse_api_error(body);
        if (auto v = verdict("error", error); !v.empty()) return v;
        if (error.ok() && !clean(error.value->message)) return "error: message not clean NFC";
    } catch (const std::exception& e) {
        return std::string("a parser threw: ") + e.what();
    }
    return "";
}

}  // namespace kiosk::sync::testing
