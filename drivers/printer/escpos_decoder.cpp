#include "drivers/printer/escpos_decoder.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "drivers/printer/escpos_command_table.h"
#include "drivers/printer/escpos_commands.h"

namespace kiosk::printer {
namespace {

using namespace escpos;

// A slice of the stacked raster: rows copied from the stream, or white rows (ESC J).
struct Segment {
    int row_bytes = 0;  // 0 → white rows
    int rows = 0;
    size_t data_offset = 0;  // into the stream
};

std::string hex(uint8_t b) {
    static const char* digits = "0123456789ABCDEF";
    return {digits[b >> 4], digits[b & 0xF]};
}

class Decoder {
  public:
    Decoder(std::span<const uint8_t> in, const DecodeLimits& limits) : in_(in), limits_(limits) {}

    std::vector<DecodedJob> run() {
        while (pos_ < in_.size())
            step();
        finish_job(in_.size());
        return std::move(jobs_);
    }

  private:
    size_t size() const { return in_.size(); }
    uint8_t at(size_t i) const { return in_[i]; }

    void error(const std::string& message) {
        if (job_.errors.size() < limits_.max_listed)
            job_.errors.push_back(message);
        else
            ++errors_dropped_;
    }

    // The command at `offset` needs `count` bytes in total; false (and truncated) if the stream
    // ends first, in which case the rest of the stream is consumed.
    bool need(size_t offset, size_t count, std::string_view what) {
        if (size() - offset >= count) return true;
        job_.truncated = true;
        error(std::string(what) + " at offset " + std::to_string(offset) + ": stream ends after " +
              std::to_string(size() - offset) + " of " + std::to_string(count) + " bytes");
        pos_ = size();
        return false;
    }

    void unknown(size_t offset, size_t length) {
        length = std::min(length, size() - offset);
        ++job_.unknown_count;
        if (job_.unknown_commands.size() < limits_.max_listed) {
            UnknownCommand command;
            command.offset = offset;
            command.bytes.assign(in_.begin() + static_cast<std::ptrdiff_t>(offset),
                                 in_.begin() + static_cast<std::ptrdiff_t>(offset + length));
            job_.unknown_commands.push_back(std::move(command));
        }
        pos_ = offset + length;
        meaningful_ = true;
    }

    void skip_known(size_t offset, size_t length) {
        ++job_.other_commands;
        pos_ = offset + length;
        meaningful_ = true;
    }

    void add_rows(Segment segment, size_t offset, std::string_view what) {
        if (segment.rows <= 0) return;
        if (raster_rows_ + segment.rows > limits_.max_rows) {
            error(std::string(what) + " at offset " + std::to_string(offset) +
                  " would make the raster " + std::to_string(raster_rows_ + segment.rows) +
                  " rows high, over the decoder cap of " + std::to_string(limits_.max_rows) +
                  "; rows dropped");
            return;
        }
        raster_rows_ += segment.rows;
        segments_.push_back(segment);
    }

    void finish_job(size_t end) {
        job_.end = end;
        if (!job_.initialised && !meaningful_) return;  // only NUL padding before the first ESC @
        if (errors_dropped_ > 0)
            job_.errors.push_back(std::to_string(errors_dropped_) + " more errors not listed");
        int widest = 0;
        for (const Segment& s : segments_)
            widest = std::max(widest, s.row_bytes);
        if (widest > 0) {
            job_.raster = MonoBitmap(widest * 8, raster_rows_);
            int y = 0;
            for (const Segment& s : segments_) {
                if (s.row_bytes > 0) {
                    for (int r = 0; r < s.rows; ++r)
                        std::memcpy(
                            job_.raster.row(y + r),
                            in_.data() + s.data_offset + static_cast<size_t>(r) * s.row_bytes,
                            static_cast<size_t>(s.row_bytes));
                }
                y += s.rows;
            }
        }
        jobs_.push_back(std::move(job_));
    }

    void start_job(size_t begin) {
        job_ = DecodedJob{};
        job_.begin = begin;
        job_.initialised = true;
        segments_.clear();
        raster_rows_ = 0;
        errors_dropped_ = 0;
        meaningful_ = true;
        text_capped_reported_ = false;
        qr_payload_.clear();
        qr_module_ = 3;
        qr_ecc_ = 0x30;
    }

    void step() {
        const size_t offset = pos_;
        const uint8_t b = at(offset);
        switch (b) {
            case NUL:
                pos_ = offset + 1;  // recovery bursts of NUL are harmless padding
                return;
            case ESC:
                on_esc(offset);
                return;
            case GS:
                on_gs(offset);
                return;
            case DLE:
                on_dle(offset);
                return;
            case FS:
                on_fs(offset);
                return;
            case CR:
                skip_known(offset, 1);
                return;
            case 0x0C:  // FF (page mode print) and CAN (page mode cancel): nothing to draw here
            case 0x18:
                skip_known(offset, 1);
                return;
            default:
                break;
        }
        if (b >= 0x20 || b == LF || b == HT) {
            if (job_.text.size() < limits_.max_text_bytes) {
                job_.text.push_back(static_cast<char>(b));
            } else if (!text_capped_reported_) {
                text_capped_reported_ = true;
                error("text at offset " + std::to_string(offset) + " exceeds the decoder cap of " +
                      std::to_string(limits_.max_text_bytes) + " bytes; rest not kept");
            }
            pos_ = offset + 1;
            meaningful_ = true;
            return;
        }
        unknown(offset, 1);
    }

    void on_esc(size_t offset) {
        if (!need(offset, 2, "ESC")) return;
        const uint8_t code = at(offset + 1);
        switch (code) {
            case kInit:
                finish_job(offset);
                start_job(offset);
                pos_ = offset + 2;
                return;
            case kAlign:
                if (!need(offset, 3, "ESC a")) return;
                job_.alignment = at(offset + 2) % 48;  // 0/1/2 or '0'/'1'/'2'
                pos_ = offset + 3;
                meaningful_ = true;
                return;
            case kFeedLines:
                if (!need(offset, 3, "ESC d")) return;
                job_.feed_lines += at(offset + 2);
                pos_ = offset + 3;
                meaningful_ = true;
                return;
            case kFeedDots:
                if (!need(offset, 3, "ESC J")) return;
                job_.feed_dots += at(offset + 2);
                add_rows(Segment{0, at(offset + 2), 0}, offset, "ESC J");
                pos_ = offset + 3;
                meaningful_ = true;
                return;
            case kLegacyFull:
            case kLegacyPart:
                job_.cut = code == kLegacyFull ? CutMode::Full : CutMode::Partial;
                ++job_.cuts;
                pos_ = offset + 2;
                meaningful_ = true;
                return;
            case '*':
                on_column_image(offset);
                return;
            case 'D':
                on_nul_terminated(offset, 2, 33, "ESC D");
                return;
            default:
                break;
        }
        const int params = fixed_parameter_count(ESC, code);
        if (params < 0) return unknown(offset, 2);
        if (!need(offset, 2 + static_cast<size_t>(params), "ESC " + hex(code))) return;
        skip_known(offset, 2 + static_cast<size_t>(params));
    }

    // ESC * m nL nH d…: 8-dot (m 0/1) or 24-dot (m 32/33) column graphics; skipped, not drawn.
    void on_column_image(size_t offset) {
        if (!need(offset, 5, "ESC *")) return;
        const uint8_t m = at(offset + 2);
        size_t per_column = 0;
        if (m == 0 || m == 1) per_column = 1;
        if (m == 32 || m == 33) per_column = 3;
        if (per_column == 0) return unknown(offset, 3);
        const size_t columns = at(offset + 3) + 256u * at(offset + 4);
        if (!need(offset, 5 + columns * per_column, "ESC * data")) return;
        error("ESC * column graphics at offset " + std::to_string(offset) + " are not decoded");
        skip_known(offset, 5 + columns * per_column);
    }

    // Commands whose data ends with NUL (ESC D tab stops, GS k barcodes m 0–6), at most `max`
    // bytes.
    void on_nul_terminated(size_t offset, size_t header, size_t max, std::string_view what) {
        size_t i = offset + header;
        const size_t limit = std::min(size(), offset + header + max);
        while (i < limit && at(i) != NUL)
            ++i;
        if (i == size()) {
            need(offset, size() - offset + 1, what);  // marks truncated, consumes the rest
            return;
        }
        skip_known(offset, (i < limit ? i + 1 : i) - offset);
    }

    // GS ( fn pL pH d…, FS ( fn pL pH d…: length-prefixed function blocks (QR, graphics, config).
    void on_length_prefixed(size_t offset, std::string_view what) {
        if (!need(offset, 5, what)) return;
        const size_t length = at(offset + 3) + 256u * at(offset + 4);
        if (!need(offset, 5 + length, std::string(what) + " data")) return;
        skip_known(offset, 5 + length);
    }

    // GS ( k pL pH cn fn …: remember the QR settings and payload; fn 81 prints it.
    void on_native_qr(size_t offset) {
        if (size() - offset < 7) return;  // on_length_prefixed reports the truncation
        const size_t length = at(offset + 3) + 256u * at(offset + 4);
        if (length < 2 || size() - offset < 5 + length || at(offset + 5) != 0x31) return;
        const uint8_t fn = at(offset + 6);
        const size_t data = offset + 7;
        if (fn == 0x43 && length >= 3) qr_module_ = at(data);
        if (fn == 0x45 && length >= 3) qr_ecc_ = at(data);
        if (fn == 0x50 && length >= 3)
            qr_payload_.assign(in_.begin() + static_cast<std::ptrdiff_t>(data + 1),
                               in_.begin() + static_cast<std::ptrdiff_t>(offset + 5 + length));
        if (fn == 0x51 && job_.native_qrs.size() < limits_.max_listed)
            job_.native_qrs.push_back(NativeQr{qr_payload_, qr_module_, qr_ecc_, raster_rows_});
    }

    void on_gs(size_t offset) {
        if (!need(offset, 2, "GS")) return;
        const uint8_t code = at(offset + 1);
        switch (code) {
            case kRaster:
                on_raster(offset);
                return;
            case kCut:
                on_cut(offset);
                return;
            case '(':
                if (size() - offset >= 3 && at(offset + 2) == 'k') on_native_qr(offset);
                on_length_prefixed(offset, "GS (");
                return;
            case '8': {  // GS 8 L p1 p2 p3 p4 …: graphics with a 32-bit length
                if (!need(offset, 7, "GS 8")) return;
                if (at(offset + 2) != 'L') return unknown(offset, 3);
                const size_t length = at(offset + 3) | (size_t{at(offset + 4)} << 8) |
                                      (size_t{at(offset + 5)} << 16) |
                                      (size_t{at(offset + 6)} << 24);
                if (!need(offset, 7 + length, "GS 8 L data")) return;
                skip_known(offset, 7 + length);
                return;
            }
            case '*': {  // GS * x y d… (x·y·8 bytes): define downloaded bit image
                if (!need(offset, 4, "GS *")) return;
                const size_t length = size_t{at(offset + 2)} * at(offset + 3) * 8;
                if (!need(offset, 4 + length, "GS * data")) return;
                skip_known(offset, 4 + length);
                return;
            }
            case 'k':
                on_barcode(offset);
                return;
            default:
                break;
        }
        const int params = fixed_parameter_count(GS, code);
        if (params < 0) return unknown(offset, 2);
        if (!need(offset, 2 + static_cast<size_t>(params), "GS " + hex(code))) return;
        skip_known(offset, 2 + static_cast<size_t>(params));
    }

    void on_barcode(size_t offset) {
        if (!need(offset, 3, "GS k")) return;
        const uint8_t m = at(offset + 2);
        if (m <= 6) return on_nul_terminated(offset, 3, 256, "GS k");
        if (m >= 65 && m <= 79) {
            if (!need(offset, 4, "GS k")) return;
            const size_t length = at(offset + 3);
            if (!need(offset, 4 + length, "GS k data")) return;
            return skip_known(offset, 4 + length);
        }
        unknown(offset, 3);
    }

    void on_cut(size_t offset) {
        if (!need(offset, 3, "GS V")) return;
        const uint8_t m = at(offset + 2);
        size_t length = 0;
        CutMode mode = CutMode::None;
        if (m == 0 || m == '0') length = 3, mode = CutMode::Full;
        if (m == 1 || m == '1') length = 3, mode = CutMode::Partial;
        if (m == kCutFullFeed || m == 103) length = 4, mode = CutMode::Full;  // 103: reserve cut
        if (m == kCutPartialFeed || m == 104) length = 4, mode = CutMode::Partial;
        if (length == 0) return unknown(offset, 3);
        if (!need(offset, length, "GS V")) return;
        job_.cut = mode;
        ++job_.cuts;
        pos_ = offset + length;
        meaningful_ = true;
    }

    void on_raster(size_t offset) {
        if (!need(offset, 3, "GS v")) return;
        if (at(offset + 2) != '0') return unknown(offset, 3);
        if (!need(offset, 8, "GS v 0 header")) return;
        const uint8_t m = at(offset + 3);
        if (!(m <= 3 || (m >= 48 && m <= 51))) return unknown(offset, 4);
        RasterBand band;
        band.offset = offset;
        band.mode = m % 48;
        band.row_bytes = at(offset + 4) + 256 * at(offset + 5);
        band.rows = at(offset + 6) + 256 * at(offset + 7);
        job_.bands.push_back(band);
        job_.max_band_rows = std::max(job_.max_band_rows, band.rows);
        meaningful_ = true;

        const size_t data = offset + 8;
        const size_t claimed = static_cast<size_t>(band.row_bytes) * static_cast<size_t>(band.rows);
        const size_t available = size() - data;
        const std::string where = "GS v 0 at offset " + std::to_string(offset) + " (" +
                                  std::to_string(band.row_bytes) + " bytes/row × " +
                                  std::to_string(band.rows) + " rows = " + std::to_string(claimed) +
                                  " bytes)";
        pos_ = data + std::min(claimed, available);
        if (band.row_bytes > limits_.max_row_bytes || band.rows > limits_.max_rows) {
            error(where + " is over the decoder cap of " + std::to_string(limits_.max_row_bytes) +
                  " bytes/row and " + std::to_string(limits_.max_rows) + " rows; band not drawn");
            if (claimed > available) job_.truncated = true;
            return;
        }
        int rows = band.rows;
        if (claimed > available) {
            job_.truncated = true;
            rows = band.row_bytes > 0 ? static_cast<int>(available / band.row_bytes) : 0;
            error(where + ": stream ends after " + std::to_string(available) +
                  " data bytes; only the " + std::to_string(rows) + " complete rows are drawn");
        }
        if (band.row_bytes > 0) add_rows(Segment{band.row_bytes, rows, data}, offset, "GS v 0");
    }

    void on_dle(size_t offset) {
        if (!need(offset, 2, "DLE")) return;
        const uint8_t code = at(offset + 1);
        if (code == EOT || code == ENQ) {
            if (!need(offset, 3, code == EOT ? "DLE EOT" : "DLE ENQ")) return;
            if (code == EOT && job_.status_queries.size() < limits_.max_listed)
                job_.status_queries.push_back(at(offset + 2));
            return skip_known(offset, 3);
        }
        if (code == DC4) {
            if (!need(offset, 3, "DLE DC4")) return;
            const uint8_t fn = at(offset + 2);
            size_t params = 0;
            if (fn == 1 || fn == 2) params = 2;
            if (fn == 7) params = 1;
            if (fn == 8) params = 7;
            if (params == 0) return unknown(offset, 3);
            if (!need(offset, 3 + params, "DLE DC4")) return;
            return skip_known(offset, 3 + params);
        }
        unknown(offset, 2);
    }

    void on_fs(size_t offset) {
        if (!need(offset, 2, "FS")) return;
        const uint8_t code = at(offset + 1);
        if (code == '(') return on_length_prefixed(offset, "FS (");
        const int params = fixed_parameter_count(FS, code);
        if (params < 0) return unknown(offset, 2);
        if (!need(offset, 2 + static_cast<size_t>(params), "FS " + hex(code))) return;
        skip_known(offset, 2 + static_cast<size_t>(params));
    }

    std::span<const uint8_t> in_;
    DecodeLimits limits_;
    size_t pos_ = 0;
    std::vector<DecodedJob> jobs_;
    DecodedJob job_;
    std::vector<Segment> segments_;
    int raster_rows_ = 0;
    size_t errors_dropped_ = 0;
    bool meaningful_ = false;  // the current job holds more than NUL padding
    bool text_capped_reported_ = false;
    std::string qr_payload_;  // GS ( k state survives until ESC @
    int qr_module_ = 3;
    int qr_ecc_ = 0x30;
};

}  // namespace

std::vector<DecodedJob> decode_escpos(std::span<const uint8_t> stream, const DecodeLimits& limits) {
    return Decoder(stream, limits).run();
}

std::vector<uint8_t> to_pbm(const MonoBitmap& bitmap) {
    const std::string header =
        "P4\n" + std::to_string(bitmap.width()) + " " + std::to_string(bitmap.height()) + "\n";
    std::vector<uint8_t> out(header.begin(), header.end());
    out.insert(out.end(), bitmap.bytes().begin(), bitmap.bytes().end());
    return out;
}

}  // namespace kiosk::printer
