#include "print_test_command.h"

#include <exception>

#include "drivers/printer/escpos_encoder.h"
#include "drivers/printer/printer_device.h"
#include "drivers/printer/printer_uri.h"
#include "kiosk/app/admin_commands.h"
#include "kiosk/print/qr_raster.h"
#include "kiosk/print/text_raster.h"
#include "kiosk/print/ticket_canvas.h"

namespace kiosk::app {
namespace {

// A sentence that uses most letters, then every vowel with every tone mark, so a missing glyph
// or a clipped stacked mark (ế, ộ, Ặ) shows at once.
constexpr const char* kPangram =
    "Trên đường băng qua hẻm Xuân Hương, chú khỉ đã vặn gãy gọng kính đỏ của ông Quý.";
constexpr const char* kToneMarks =
    "a á à ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ e é è ẻ ẽ ẹ ê ế ề ể ễ ệ i í ì ỉ ĩ ị o ó ò ỏ õ ọ ô ố ồ ổ ỗ "
    "ộ ơ ớ ờ ở ỡ ợ u ú ù ủ ũ ụ ư ứ ừ ử ữ ự y ý ỳ ỷ ỹ ỵ đ Đ ẶỆỘỰ";

// Ticks every 8 dots (short), 32 (medium) and 64 (long, numbered); both edge dots black, so a
// clipped first or last byte is visible on paper.
MonoBitmap ruler(int dots, const print::TextStyle& label) {
    const int height = 64;
    MonoBitmap bitmap(dots, height);
    bitmap.fill_rect(0, 0, dots, 2);
    bitmap.fill_rect(0, 0, 1, height);
    bitmap.fill_rect(dots - 1, 0, 1, height);
    for (int x = 0; x < dots; x += 8) {
        const int length = x % 64 == 0 ? 28 : x % 32 == 0 ? 18 : 9;
        bitmap.fill_rect(x, 2, x % 64 == 0 ? 2 : 1, length);
        if (x % 64 == 0 && x > 0 && x + 24 < dots)
            print::draw_text(bitmap, label, std::to_string(x), x - 8, height - 8);
    }
    return bitmap;
}

}  // namespace

std::string test_page_qr_payload(const PrinterConfig& printer) {
    return "MOTCUA-KIOSK PRINT-TEST " + std::to_string(printer.dots) + " DOTS";
}

MonoBitmap render_test_page(const KioskConfig& config, const std::string& printer_description,
                            const std::string& status_text) {
    const int dots = config.printer.dots;
    auto& fonts = print::FontCache::shared();
    const print::TextStyle title{fonts.get(config.display.font_bold),
                                 print::PixelSize::square(dots >= 512 ? 40 : 30)};
    const print::TextStyle body{fonts.get(config.display.font_regular),
                                print::PixelSize::square(dots >= 512 ? 26 : 22)};
    const print::TextStyle small{fonts.get(config.display.font_regular),
                                 print::PixelSize::square(18)};

    print::TicketCanvas canvas(dots, 8, 8);
    canvas.heading(title, "TRANG IN THỬ — PRINTER TEST");
    canvas.space(8);
    canvas.rule(canvas.content_width(), 2);
    canvas.space(8);
    canvas.paragraph(body, "Máy in / printer: " + printer_description, print::Align::Left);
    canvas.paragraph(body,
                     "Khổ in / width: " + std::to_string(dots) + " điểm (dots), " +
                         std::to_string(config.printer.dpi) + " dpi",
                     print::Align::Left);
    canvas.paragraph(body, "Trạng thái / status: " + status_text, print::Align::Left);
    canvas.space(12);
    canvas.paragraph(body, kPangram, print::Align::Left);
    canvas.space(6);
    canvas.paragraph(body, kToneMarks, print::Align::Left);
    canvas.space(12);
    const print::QrResult qr =
        print::render_qr(test_page_qr_payload(config.printer), {std::min(dots - 16, 320), 2, 8, 4});
    if (!qr.ok()) throw print::RenderError("test page QR: " + qr.error);
    canvas.image(qr.qr->bitmap);
    canvas.paragraph(small, test_page_qr_payload(config.printer));
    canvas.space(12);
    canvas.image(ruler(dots, small));
    return canvas.finish(16);
}

TestPageResult print_test_page_on(printer::PrinterDevice& device, const KioskConfig& config) {
    TestPageResult r;
    r.status = device.query_status();
    std::string status_text = r.status.supported ? r.status.detail : "không hỗ trợ / not reported";
    if (r.status.supported && r.status.fault == printer::PrintFault::None)
        status_text = printer::describe(r.status.status);
    const MonoBitmap page = render_test_page(config, device.transport().describe(), status_text);
    const printer::EncodedJob job =
        printer::encode_raster_job(page, printer::raster_job_options(config.printer));
    r.width = page.width();
    r.height = page.height();
    r.bytes = job.bytes.size();
    r.bands = job.bands;
    r.outcome = device.print(
        job, printer::job_paper_mm(page.height(), config.printer.feed_lines, config.printer.dpi));
    return r;
}

int print_test_command(const KioskConfig& config, const std::string& printer_uri, std::ostream& out,
                       std::ostream& err) {
    try {
        std::string error;
        auto transport = printer::open_printer_transport(
            printer_uri, {std::chrono::milliseconds(config.printer.timeout_ms)}, &error);
        if (!transport) {
            err << "--printer: " << error << "\n";
            return kExitBadConfig;
        }
        printer::PrinterDevice device(std::move(transport),
                                      printer::PrinterProfile::from_config(config.printer));
        const TestPageResult r = print_test_page_on(device, config);
        const printer::PrintOutcome& outcome = r.outcome;
        out << "printer: " << device.transport().describe() << "\nstatus: " << r.status.detail
            << "\n";
        out << "test page: " << r.width << "x" << r.height << " dots, " << r.bytes << " bytes, "
            << r.bands << " bands\n";
        if (!outcome.ok()) {
            err << "test page not printed: " << printer::error_code(outcome.fault) << ": "
                << outcome.detail << "\n"
                << printer::citizen_message(outcome.fault).en << "\n";
            return kExitFailure;
        }
        out << "printed"
            << (outcome.confirmed ? " and confirmed by the printer"
                                  : " (the printer does not confirm)")
            << "\n";
        return kExitOk;
    } catch (const std::exception& e) {
        err << "print-test: " << e.what() << "\n";
        return kExitFailure;
    }
}

}  // namespace kiosk::app
