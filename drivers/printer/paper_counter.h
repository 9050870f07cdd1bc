#pragma once
// Software paper counter for printers that never answer (notes §9 step 5): a roll starts at the
// configured length, every job subtracts the paper it used, staff reset it when they load a new
// roll. Optionally persisted to a small text file so a restart does not forget the roll.
#include <string>

namespace kiosk::printer {

class PaperCounter {
  public:
    // roll_mm <= 0 disables counting (enabled() is false). state_path empty = memory only; an
    // unreadable or malformed state file starts a full roll (and says so in load_error()).
    PaperCounter(int roll_mm, int low_mm, std::string state_path = {});

    bool enabled() const { return roll_mm_ > 0; }
    int left_mm() const { return static_cast<int>(left_mm_); }
    bool low() const { return enabled() && left_mm_ < low_mm_; }
    bool empty() const { return enabled() && left_mm_ <= 0; }
    void consume(double mm);
    void reset();  // a new roll was loaded
    const std::string& load_error() const { return load_error_; }
    const std::string& save_error() const { return save_error_; }

  private:
    void save();

    int roll_mm_;
    int low_mm_;
    std::string state_path_;
    double left_mm_;
    std::string load_error_;
    std::string save_error_;
};

}  // namespace kiosk::printer
