#include "staff_pin.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "kiosk/app/admin_commands.h"

namespace kiosk::app {
namespace {

std::string to_hex(const unsigned char* data, size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (size_t i = 0; i < n; ++i) {
        out.push_back(digits[data[i] >> 4]);
        out.push_back(digits[data[i] & 0xF]);
    }
    return out;
}

std::string sha256_hex(const std::string& text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &len, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL SHA-256 failed");
    return to_hex(digest, len);
}

std::string salted_digest(const std::string& salt, const std::string& pin) {
    return sha256_hex(salt + ":" + pin);
}

}  // namespace

bool is_valid_staff_pin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string make_staff_pin_hash(const std::string& pin) {
    if (!is_valid_staff_pin(pin)) throw std::invalid_argument("a staff PIN is 4 to 8 digits");
    unsigned char salt[16];
    if (RAND_bytes(salt, sizeof salt) != 1)
        throw std::runtime_error("OpenSSL has no randomness for the salt");
    const std::string salt_hex = to_hex(salt, sizeof salt);
    return "sha256:" + salt_hex + ":" + salted_digest(salt_hex, pin);
}

bool staff_pin_matches(const StaffConfig& staff, const std::string& pin) {
    if (!staff.enabled || !is_valid_staff_pin(pin)) return false;
    const std::string got = salted_digest(staff.pin_salt, pin);
    return got.size() == staff.pin_sha256.size() &&
           CRYPTO_memcmp(got.data(), staff.pin_sha256.data(), got.size()) == 0;
}

int staff_pin_command(std::istream& in, std::ostream& out, std::ostream& err) {
    err << "Staff PIN (4-8 digits): ";
    std::string pin;
    std::getline(in, pin);
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    if (!is_valid_staff_pin(pin)) {
        err << "\nstaff-pin: a staff PIN is 4 to 8 digits (got " << pin.size() << " characters)\n";
        return kExitBadConfig;
    }
    out << "[staff]\npin_hash = \"" << make_staff_pin_hash(pin) << "\"\n";
    return kExitOk;
}

bool StaffPinGate::locked() const {
    return locked_until_ && clock_.now() < *locked_until_;
}

int StaffPinGate::locked_seconds_left() const {
    if (!locked()) return 0;
    const auto left = std::chrono::ceil<std::chrono::seconds>(*locked_until_ - clock_.now());
    return static_cast<int>(left.count());
}

StaffPinGate::Result StaffPinGate::try_pin(const std::string& pin) {
    if (!staff_.enabled) return Result::Disabled;
    if (locked()) return Result::Locked;
    if (locked_until_) {  // the lock expired: a fresh set of tries
        locked_until_.reset();
        wrong_in_a_row_ = 0;
    }
    if (staff_pin_matches(staff_, pin)) {
        wrong_in_a_row_ = 0;
        return Result::Accepted;
    }
    if (++wrong_in_a_row_ >= staff_.lock_after) {
        locked_until_ = clock_.now() + std::chrono::seconds(staff_.lockout_s);
        return Result::Locked;
    }
    return Result::Wrong;
}

}  // namespace kiosk::app
