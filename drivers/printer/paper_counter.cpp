#include "drivers/printer/paper_counter.h"

#include <cstdio>
#include <fstream>

#include "drivers/printer/fd_writer.h"

namespace kiosk::printer {

PaperCounter::PaperCounter(int roll_mm, int low_mm, std::string state_path)
    : roll_mm_(roll_mm), low_mm_(low_mm), state_path_(std::move(state_path)), left_mm_(roll_mm) {
    if (!enabled() || state_path_.empty()) return;
    std::ifstream in(state_path_);
    if (!in) return;  // first run: a full roll
    double left = 0;
    if (in >> left && left >= 0 && left <= roll_mm_)
        left_mm_ = left;
    else
        load_error_ = state_path_ + ": not a paper length between 0 and " +
                      std::to_string(roll_mm_) + " mm; assuming a full roll";
}

void PaperCounter::consume(double mm) {
    if (!enabled() || mm <= 0) return;
    left_mm_ = left_mm_ > mm ? left_mm_ - mm : 0;
    save();
}

void PaperCounter::reset() {
    left_mm_ = roll_mm_;
    save();
}

void PaperCounter::save() {
    if (state_path_.empty()) return;
    // Write-then-rename: a crash leaves the old value, never half a number.
    const std::string temp = state_path_ + ".tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        out << static_cast<long long>(left_mm_) << "\n";
        if (!out.flush()) {
            save_error_ = temp + ": cannot write the paper counter";
            return;
        }
    }
    if (std::rename(temp.c_str(), state_path_.c_str()) != 0)
        save_error_ = state_path_ + ": rename failed: " + errno_text(errno);
    else
        save_error_.clear();
}

}  // namespace kiosk::printer
