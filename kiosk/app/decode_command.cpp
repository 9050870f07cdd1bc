#include "kiosk/app/decode_command.h"

#include "kiosk/app/admin_commands.h"
#include "kiosk/core/scan_payload.h"
#include "kiosk/scan/barcode_decoder.h"

namespace kiosk::app {
namespace {

std::string describe(const ScanPayload& payload) {
    if (const auto* d = payload.dossier()) {
        std::string line = "dossier code " + d->code.text() + " (agency " + d->code.agency + ", " +
                           to_string(d->code.layout) + " layout; received " + d->code.date_vn() +
                           "; sequence " + d->code.sequence + "; from " + to_string(d->source);
        if (!d->url_parameter.empty()) line += " parameter " + d->url_parameter;
        if (!d->owner_id.empty()) line += "; owner ID " + d->owner_id.masked();
        return line + ")";
    }
    if (const auto* c = payload.citizen_id())
        return "CCCD chip-ID card QR, a second factor only, not a dossier code (ID " +
               c->masked_id() + ", name " + c->masked_name() + ")";
    if (const auto* t = payload.ticket())
        return "queue ticket " + t->number + " of office " + t->office + " on " + t->date +
               " (not a dossier code)";
    const auto* r = payload.rejection();
    return std::string("rejected [") + to_string(r->reason) + "]: " + r->log_reason +
           "\n      screen: " + r->hint_vi;
}

}  // namespace

int decode_command(const KioskConfig& config, const DecodeCommandOptions& options,
                   const Clock& clock, std::ostream& out, std::ostream& err) {
    if (options.images.empty()) {
        err << "decode: give at least one image file (PNG, JPEG, BMP, GIF, PGM)\n";
        return kExitBadConfig;
    }
    PayloadContext context;
    context.now = clock.now();
    context.ticket_url_template = config.ticket_url_template;
    context.office_id = config.office_id;

    scan::DecodeOptions decode;
    decode.mode = options.live ? scan::DecodeMode::Live : scan::DecodeMode::Thorough;
    const char* mode_name = options.live ? "live" : "thorough";

    bool all_valid = true;
    for (const auto& path : options.images) {
        out << path << "\n";
        const auto loaded = scan::load_gray_image(path);
        if (!loaded.ok()) {
            out << "  error: " << loaded.error << "\n";
            err << "decode: " << loaded.error << "\n";
            all_valid = false;
            continue;
        }
        const auto outcome = scan::decode_barcodes(loaded.image->view(), decode);
        if (!outcome.error.empty()) out << "  warning: " << outcome.error << "\n";
        if (!outcome.found())
            out << "  no QR code or Code 128 found (" << loaded.image->width << "x"
                << loaded.image->height << ", " << mode_name << " mode, " << outcome.passes
                << " decoder calls)\n";
        bool valid = false;
        for (const auto& symbol : outcome.symbols) {
            const ScanPayload payload = classify_payload(symbol.text, context);
            out << "  " << scan::to_string(symbol.symbology) << ": "
                << masked_payload_text(symbol.text) << "\n";
            out << "    -> " << describe(payload) << "\n";
            if (payload.dossier()) valid = true;
        }
        all_valid = all_valid && valid;
    }
    return all_valid ? kExitOk : kExitFailure;
}

}  // namespace kiosk::app
