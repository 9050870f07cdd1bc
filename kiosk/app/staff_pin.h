#pragma once
// The staff PIN: kept in config only as a salted SHA-256, checked in constant time, and locked
// for a while after too many wrong tries so a curious citizen cannot guess it at the kiosk.
#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"

namespace kiosk::app {

// 4–8 digits.
bool is_valid_staff_pin(const std::string& pin);
// The config line for [staff]: pin_hash = "sha256:<salt>:<digest>", with a fresh random salt.
std::string make_staff_pin_hash(const std::string& pin);
bool staff_pin_matches(const StaffConfig& staff, const std::string& pin);

// `kiosk staff-pin`: reads a PIN (one line) from `in`, prints the config lines for [staff].
int staff_pin_command(std::istream& in, std::ostream& out, std::ostream& err);

class StaffPinGate {
  public:
    enum class Result { Accepted, Wrong, Locked, Disabled };

    StaffPinGate(const StaffConfig& staff, const Clock& clock) : staff_(staff), clock_(clock) {}

    Result try_pin(const std::string& pin);
    bool locked() const;
    // Seconds until the keypad opens again (0 when not locked).
    int locked_seconds_left() const;
    int tries_left() const { return staff_.lock_after - wrong_in_a_row_; }

  private:
    const StaffConfig& staff_;
    const Clock& clock_;
    int wrong_in_a_row_ = 0;
    std::optional<TimePoint> locked_until_;
};

}  // namespace kiosk::app
