#include "escpos_view_command.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <fstream>
#include <iterator>

#include "drivers/printer/escpos_decoder.h"
#include "kiosk/app/admin_commands.h"
#include "kiosk/print/png_writer.h"
#include "kiosk/print/qr_raster.h"
#include "kiosk/print/text_raster.h"

namespace kiosk::app {
namespace {

constexpr int kDefaultWidth = 576;
constexpr int kSeparatorRows = 32;

const char* cut_name(CutMode cut) {
    return cut == CutMode::Full ? "full" : cut == CutMode::Partial ? "partial" : "none";
}

// Copies `rows` rows of `from` starting at `first` into `to` at row `at` (left-aligned).
void blit_rows(MonoBitmap& to, int at, const MonoBitmap& from, int first, int rows) {
    const size_t bytes = static_cast<size_t>(std::min(from.stride(), to.stride()));
    for (int r = 0; r < rows; ++r)
        std::memcpy(to.row(at + r), from.row(first + r), bytes);
}

void blit_centred(MonoBitmap& to, int at, const MonoBitmap& from) {
    const int left = std::max(0, (to.width() - from.width()) / 2);
    for (int y = 0; y < from.height(); ++y)
        for (int x = 0; x < from.width(); ++x)
            if (from.get(x, y)) to.set(left + x, at + y);
}

// Text-mode bytes shown as ASCII; anything else (code-page bytes we cannot know) as '?'.
std::string printable_text(const std::string& text) {
    std::string out;
    for (unsigned char c : text)
        out += (c == '\n' || (c >= 0x20 && c < 0x7F)) ? static_cast<char>(c) : '?';
    return out;
}

struct Piece {  // what one job contributes, top to bottom
    enum Kind { Rows, Qr, Text } kind;
    int first = 0, rows = 0;  // Rows: range of the job's raster
    MonoBitmap picture;       // Qr / Text
};

}  // namespace

EscposView render_escpos_stream(std::span<const uint8_t> stream, const std::string& font_path) {
    EscposView view;
    const std::vector<printer::DecodedJob> jobs = printer::decode_escpos(stream);
    int width = 0;
    for (const auto& job : jobs)
        width = std::max(width, job.raster.width());
    if (width == 0) width = kDefaultWidth;

    std::vector<std::vector<Piece>> pages;
    for (size_t j = 0; j < jobs.size(); ++j) {
        const printer::DecodedJob& job = jobs[j];
        const bool has_text = job.text.find_first_not_of(" \n\t") != std::string::npos;
        if (job.raster.empty() && job.native_qrs.empty() && !has_text)
            continue;  // resync, status only
        std::vector<Piece> pieces;
        int row = 0;
        for (const printer::NativeQr& qr : job.native_qrs) {
            const int at = std::clamp(qr.raster_row, row, job.raster.height());
            if (at > row) pieces.push_back({Piece::Rows, row, at - row, {}});
            row = at;
            const int module = std::clamp(qr.module_size, 1, 16);
            const print::QrResult drawn = print::render_qr(qr.payload, {width, 1, module, 4});
            if (drawn.ok())
                pieces.push_back({Piece::Qr, 0, 0, drawn.qr->bitmap});
            else
                view.notes.push_back("job " + std::to_string(j + 1) +
                                     ": native QR not drawn: " + drawn.error);
        }
        if (row < job.raster.height())
            pieces.push_back({Piece::Rows, row, job.raster.height() - row, {}});
        if (has_text) {
            const print::TextStyle style{print::FontCache::shared().get(font_path),
                                         print::PixelSize::square(22)};
            const std::string text = "[text] " + printable_text(job.text);
            MonoBitmap picture(width, 4000);
            const int used =
                print::draw_paragraph(picture, style, text, 4, 4, width - 8, print::Align::Left);
            picture.resize_height(std::min(4000, used + 8));
            pieces.push_back({Piece::Text, 0, 0, std::move(picture)});
        }
        view.notes.push_back(
            "job " + std::to_string(j + 1) + ": " + std::to_string(job.raster.width()) + "x" +
            std::to_string(job.raster.height()) + " dots raster, " +
            std::to_string(job.band_count()) + " bands, " + std::to_string(job.native_qrs.size()) +
            " native QR, " + std::to_string(job.text.size()) + " text bytes, cut " +
            cut_name(job.cut) + (job.truncated ? ", TRUNCATED" : ""));
        for (const std::string& e : job.errors)
            view.notes.push_back("job " + std::to_string(j + 1) + ": " + e);
        pages.push_back(std::move(pieces));
    }

    int height = 0;
    for (size_t p = 0; p < pages.size(); ++p) {
        if (p > 0) height += kSeparatorRows;
        for (const Piece& piece : pages[p])
            height += piece.kind == Piece::Rows ? piece.rows : piece.picture.height();
    }
    view.image = MonoBitmap(width, std::max(height, 1));
    int y = 0;
    size_t drawn_job = 0;
    for (size_t j = 0, p = 0; j < jobs.size() && p < pages.size(); ++j) {
        const printer::DecodedJob& job = jobs[j];
        const bool has_text = job.text.find_first_not_of(" \n\t") != std::string::npos;
        if (job.raster.empty() && job.native_qrs.empty() && !has_text) continue;
        if (p > 0) {  // dashed line across the middle of the gap: "next job"
            for (int x = 0; x < width; x += 16)
                view.image.fill_rect(x, y + kSeparatorRows / 2 - 1, 8, 2);
            y += kSeparatorRows;
        }
        for (const Piece& piece : pages[p]) {
            if (piece.kind == Piece::Rows) {
                blit_rows(view.image, y, job.raster, piece.first, piece.rows);
                y += piece.rows;
            } else {
                blit_centred(view.image, y, piece.picture);
                y += piece.picture.height();
            }
        }
        ++p;
        ++drawn_job;
    }
    view.jobs_drawn = static_cast<int>(drawn_job);
    return view;
}

int escpos_view_command(const std::string& in_path, const std::string& out_png,
                        const std::string& font_path, std::ostream& out, std::ostream& err) {
    std::ifstream in(in_path, std::ios::binary);
    if (!in) {
        err << in_path << ": cannot open for reading\n";
        return kExitFailure;
    }
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                     std::istreambuf_iterator<char>());
    try {
        const EscposView view = render_escpos_stream(bytes, font_path);
        for (const std::string& note : view.notes)
            out << note << "\n";
        if (view.jobs_drawn == 0) {
            err << in_path << ": " << bytes.size()
                << " bytes but nothing printable (no raster, QR or text)\n";
            return kExitFailure;
        }
        if (auto r = print::write_png(out_png, view.image); !r.ok()) {
            err << r.error << "\n";
            return kExitFailure;
        }
        out << out_png << ": " << view.image.width() << "x" << view.image.height() << ", "
            << view.jobs_drawn << " job(s)\n";
        return kExitOk;
    } catch (const std::exception& e) {
        err << "escpos-view: " << e.what() << "\n";
        return kExitFailure;
    }
}

}  // namespace kiosk::app
