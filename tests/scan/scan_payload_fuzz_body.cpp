#include "scan_payload_fuzz_body.h"

#include <exception>
#include <string_view>

#include "kiosk/core/unicode.h"

namespace kiosk::scan::testing {
namespace {

// A parsed code must be canonical: its text parses strictly to the same code, dated not later
// than today.
std::string check_code(const DossierCode& code, const PayloadContext& context, const char* where) {
    const auto again = parse_dossier_code(code.text(), context.now);
    if (!again.ok()) return std::string(where) + ": code text does not reparse: " + again.reason;
    if (!(*again.code == code)) return std::string(where) + ": reparsed code differs";
    if (code.sequence.size() < 4 || code.sequence.size() > 7)
        return std::string(where) + ": sequence length out of 4-7";
    return {};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return !needle.empty() && haystack.find(needle) != std::string::npos;
}

}  // namespace

PayloadContext fuzz_payload_context() {
    PayloadContext c;
    c.now = from_local(LocalDateTime{2026, 11, 27, 10, 0, 0, 0});
    c.ticket_url_template = "https://dichvucong.example.gov.vn/hang-doi/{office}/{date}/{number}";
    c.office_id = "nghean";
    return c;
}

std::string check_payload_invariants(std::span<const uint8_t> input) {
    const std::string_view raw(reinterpret_cast<const char*>(input.data()), input.size());
    const PayloadContext context = fuzz_payload_context();
    try {
        const ScanPayload payload = classify_payload(raw, context);
        const std::string log = to_log_string(payload);
        const std::string masked = masked_payload_text(raw);
        if (!is_valid_utf8(log)) return "to_log_string is not valid UTF-8";
        if (!is_valid_utf8(masked)) return "masked_payload_text is not valid UTF-8";
        if (const auto* d = payload.dossier()) {
            if (auto problem = check_code(d->code, context, "classify"); !problem.empty())
                return problem;
            if (contains(log, d->owner_id.reveal()) && d->owner_id.reveal().size() >= 8)
                return "log string contains the full owner ID";
        } else if (const auto* c = payload.citizen_id()) {
            if (c->id_number.reveal().size() != 12) return "CCCD ID number is not 12 digits";
            for (const std::string* secret : {&c->id_number.reveal(), &c->full_name.reveal()}) {
                if (secret->size() < 4) continue;
                if (contains(log, *secret)) return "log string contains CCCD personal data";
                if (contains(masked, *secret)) return "masked payload contains CCCD personal data";
            }
        } else if (const auto* t = payload.ticket()) {
            if (t->date.size() != 10 || t->number.empty()) return "ticket with empty fields";
        } else {
            const auto* r = payload.rejection();
            if (r->hint_vi.rfind("Mã không hợp lệ", 0) != 0) return "hint lacks 'Mã không hợp lệ'";
            if (r->log_reason.empty()) return "rejection without a log reason";
            if (!is_valid_utf8(r->log_reason)) return "log reason is not valid UTF-8";
        }

        const auto manual = normalize_manual_dossier_code(raw, context.now);
        if (manual.ok()) {
            if (auto problem = check_code(*manual.code, context, "manual"); !problem.empty())
                return problem;
        } else if (manual.reason.empty()) {
            return "manual entry rejected without a reason";
        }
        if (const auto found = find_dossier_code(raw, context.now))
            if (auto problem = check_code(*found, context, "find"); !problem.empty())
                return problem;
    } catch (const std::exception& e) {
        return std::string("exception: ") + e.what();
    } catch (...) {
        return "unknown exception";
    }
    return {};
}

}  // namespace kiosk::scan::testing
