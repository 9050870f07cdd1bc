#pragma once
// The behaviour of an ESC/POS printer, without any I/O: bytes from the host go in, reply bytes
// come out. Shared by the fake TCP printer and the fake serial/USB printer (pty), so every
// transport is tested against the same device. What it models (notes §4, §10):
//   - real-time commands (DLE EOT n, DLE ENQ n) are seen in the raw stream as it arrives, even
//     inside raster data or while stopped, like Epson firmware;
//   - everything else is executed in order: GS v 0 rows use paper, GS V cuts a ticket, ESC @
//     resets, GS r 1 answers only when reached (never while stopped);
//   - paper end (after N rows or N tickets) and an open cover stop execution; later bytes are
//     held (up to a buffer size, then the host is back-pressured) and replayed when the
//     printer recovers — unless DLE ENQ 2 cleared them, as a real printer does.
// Not thread-safe: the owner (a fake printer with its own lock) serialises access.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace kiosk::printer::testing {

class FakePrinterModel {
  public:
    // Feeds bytes received from the host; replies accumulate in the outbox.
    void feed(const uint8_t* data, size_t length);
    std::vector<uint8_t> take_replies();

    // --- scripted state ----------------------------------------------------------------------
    void set_paper_rows(long rows);  // rows left on the roll (-1 = endless, the default)
    // The roll ends with the n-th cut from now: a GS r 1 right after that cut is still answered;
    // the next status query or raster band finds the paper out.
    void paper_out_after_tickets(int n);
    void load_paper();               // a new (endless) roll: resumes, replays held bytes
    void set_cover_open(bool open);  // closing resumes and replays held bytes
    void set_near_end(bool near_end);
    void set_cutter_error(bool error);    // stops like paper end; clearing resumes
    void set_silent(bool silent);         // write-only clone: answers nothing at all
    void set_answers_gs_r(bool answers);  // realtime-only printer: DLE EOT yes, GS r no
    void set_status_override(int n, std::optional<uint8_t> reply);  // fixed DLE EOT n reply
    void set_hold_capacity(size_t bytes) { hold_capacity_ = bytes; }

    // --- observations ------------------------------------------------------------------------
    uint8_t status_byte(int n) const;  // what DLE EOT n answers now
    bool stopped() const { return paper_end() || cover_open_ || cutter_error_; }
    bool paper_end() const { return paper_rows_ == 0; }
    bool buffer_full() const { return held_.size() >= hold_capacity_; }
    const std::vector<uint8_t>& printed() const { return printed_; }  // executed bytes
    size_t held_bytes() const { return held_.size(); }
    int tickets_cut() const { return tickets_cut_; }
    long rows_printed() const { return rows_printed_; }
    size_t status_replies() const { return status_replies_; }
    size_t gs_r_replies() const { return gs_r_replies_; }
    int buffers_cleared() const { return buffers_cleared_; }  // DLE ENQ 2 received

  private:
    void realtime(uint8_t b);
    void execute(uint8_t b);
    void resume();
    void reply(uint8_t b);

    // real-time scanner
    int rt_state_ = 0;  // 0 idle, 1 after DLE, 2 after DLE EOT, 3 after DLE ENQ

    // executor
    std::vector<uint8_t> command_;  // the command being collected (prefix, code, parameters)
    size_t raster_left_ = 0;        // GS v 0 data bytes still to come
    size_t raster_row_bytes_ = 0;
    size_t raster_in_row_ = 0;
    size_t skip_left_ = 0;  // data of a length-prefixed command still to skip

    std::vector<uint8_t> held_;
    std::vector<uint8_t> printed_;
    std::vector<uint8_t> outbox_;
    size_t hold_capacity_ = 1 << 20;
    long paper_rows_ = -1;
    int tickets_until_paper_out_ = -1;
    bool paper_out_pending_ = false;
    bool cover_open_ = false;
    bool near_end_ = false;
    bool cutter_error_ = false;
    bool silent_ = false;
    bool answers_gs_r_ = true;
    std::array<std::optional<uint8_t>, 5> override_{};
    int tickets_cut_ = 0;
    long rows_printed_ = 0;
    size_t status_replies_ = 0;
    size_t gs_r_replies_ = 0;
    int buffers_cleared_ = 0;
};

}  // namespace kiosk::printer::testing
