#include "fake_printer_model.h"

#include <stdexcept>

#include "drivers/printer/escpos_commands.h"

namespace kiosk::printer::testing {

using namespace escpos;

void FakePrinterModel::feed(const uint8_t* data, size_t length) {
    for (size_t i = 0; i < length; ++i) {
        const int cleared = buffers_cleared_;
        realtime(data[i]);
        if (buffers_cleared_ != cleared) continue;  // DLE ENQ 2 done: its last byte is not data
        if (stopped())
            held_.push_back(data[i]);
        else
            execute(data[i]);
    }
}

std::vector<uint8_t> FakePrinterModel::take_replies() {
    std::vector<uint8_t> out;
    out.swap(outbox_);
    return out;
}

void FakePrinterModel::reply(uint8_t b) {
    if (!silent_) outbox_.push_back(b);
}

uint8_t FakePrinterModel::status_byte(int n) const {
    if (n >= 1 && n <= 4 && override_[static_cast<size_t>(n)])
        return *override_[static_cast<size_t>(n)];
    uint8_t b = kStatusOnline;
    switch (n) {
        case 1:
            if (stopped()) b |= 0x08;
            break;
        case 2:
            if (cover_open_) b |= 0x04;
            if (paper_end()) b |= 0x20;
            if (cutter_error_) b |= 0x40;
            break;
        case 3:
            if (cutter_error_) b |= 0x08;
            break;
        case 4:
            if (near_end_) b |= 0x0C;
            if (paper_end()) b |= 0x60;
            break;
    }
    return b;
}

void FakePrinterModel::realtime(uint8_t b) {
    switch (rt_state_) {
        case 2:
            rt_state_ = 0;
            if (paper_out_pending_) {  // the sensor is read: the roll's end shows now
                paper_out_pending_ = false;
                paper_rows_ = 0;
            }
            if (b >= 1 && b <= 4) {
                if (!silent_) ++status_replies_;
                reply(status_byte(b));
            }
            return;
        case 3:
            rt_state_ = 0;
            if (b == 2) {  // recover and clear the receive and print buffers
                held_.clear();
                command_.clear();
                raster_left_ = skip_left_ = 0;
                ++buffers_cleared_;
            }
            return;
        case 1:
            rt_state_ = b == EOT ? 2 : b == ENQ ? 3 : 0;
            if (rt_state_ == 0 && b == DLE) rt_state_ = 1;
            return;
        default:
            if (b == DLE) rt_state_ = 1;
    }
}

void FakePrinterModel::execute(uint8_t b) {
    if (raster_left_ > 0) {
        printed_.push_back(b);
        --raster_left_;
        if (++raster_in_row_ == raster_row_bytes_) {
            raster_in_row_ = 0;
            ++rows_printed_;
            if (paper_rows_ > 0) --paper_rows_;  // reaching 0 = paper end: stopped() from now
        }
        return;
    }
    if (skip_left_ > 0) {
        printed_.push_back(b);
        --skip_left_;
        return;
    }
    if (command_.empty()) {
        printed_.push_back(b);
        if (b == ESC || b == GS || b == DLE || b == FS) command_.push_back(b);
        return;  // NUL, text and line feeds: nothing to model
    }
    printed_.push_back(b);
    command_.push_back(b);
    const uint8_t prefix = command_[0];
    const uint8_t code = command_[1];
    const size_t have = command_.size();
    auto done = [&] { command_.clear(); };
    if (prefix == DLE) {  // DLE EOT n / DLE ENQ n / DLE DC4 …: answered by the scanner already
        if (have == 3) done();
        return;
    }
    if (prefix == ESC) {
        if (code == kInit) {
            done();
            return;
        }
        if (have == 3) done();  // ESC a n, ESC d n, ESC J n, ESC t n …: one parameter
        return;
    }
    if (prefix == FS) {
        if (code == '.' || code == '&' || have == 3) done();
        return;
    }
    // GS
    if (code == 'v') {
        if (have < 8) return;
        raster_row_bytes_ = command_[4] + 256u * command_[5];
        const size_t rows = command_[6] + 256u * command_[7];
        raster_left_ = raster_row_bytes_ * rows;
        raster_in_row_ = 0;
        done();
        if (paper_out_pending_ && raster_left_ > 0) {  // the next ticket needs paper: none left
            paper_out_pending_ = false;
            paper_rows_ = 0;
        }
        return;
    }
    if (code == 'V') {
        if (have == 3 && command_[2] != 65 && command_[2] != 66) {
            ++tickets_cut_;
            done();
        } else if (have == 4) {
            ++tickets_cut_;
            done();
        } else {
            return;
        }
        if (tickets_until_paper_out_ > 0 && --tickets_until_paper_out_ == 0)
            paper_out_pending_ = true;
        return;
    }
    if (code == 'r') {
        if (have < 3) return;
        if (answers_gs_r_ && (command_[2] == 1 || command_[2] == '1')) {
            if (!silent_) ++gs_r_replies_;
            reply(static_cast<uint8_t>((near_end_ ? 0x03 : 0) | (paper_end() ? 0x0C : 0)));
        }
        done();
        return;
    }
    if (code == '(') {
        if (have < 5) return;
        skip_left_ = command_[3] + 256u * command_[4];
        done();
        return;
    }
    if (have == 3) done();  // GS a n, GS ! n …: one parameter
}

void FakePrinterModel::resume() {
    if (stopped()) return;
    std::vector<uint8_t> held;
    held.swap(held_);
    // Real-time commands in `held` were answered on arrival; replay executes the rest.
    for (size_t i = 0; i < held.size(); ++i) {
        if (stopped()) {
            held_.insert(held_.end(), held.begin() + static_cast<std::ptrdiff_t>(i), held.end());
            return;
        }
        execute(held[i]);
    }
}

void FakePrinterModel::set_paper_rows(long rows) {
    paper_rows_ = rows;
    resume();
}

void FakePrinterModel::paper_out_after_tickets(int n) {
    tickets_until_paper_out_ = n;
    if (n == 0) paper_rows_ = 0;
}

void FakePrinterModel::load_paper() {
    paper_rows_ = -1;
    tickets_until_paper_out_ = -1;
    paper_out_pending_ = false;
    resume();
}

void FakePrinterModel::set_cover_open(bool open) {
    cover_open_ = open;
    resume();
}

void FakePrinterModel::set_near_end(bool near_end) {
    near_end_ = near_end;
}

void FakePrinterModel::set_cutter_error(bool error) {
    cutter_error_ = error;
    resume();
}

void FakePrinterModel::set_silent(bool silent) {
    silent_ = silent;
}

void FakePrinterModel::set_answers_gs_r(bool answers) {
    answers_gs_r_ = answers;
}

void FakePrinterModel::set_status_override(int n, std::optional<uint8_t> reply) {
    if (n < 1 || n > 4) throw std::invalid_argument("FakePrinterModel: status n must be 1..4");
    override_[static_cast<size_t>(n)] = reply;
}

}  // namespace kiosk::printer::testing
