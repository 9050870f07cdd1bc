#include "fake_pty_printer.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/eventfd.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace kiosk::printer::testing {
namespace {

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("FakePtyPrinter: " + what + ": " + std::strerror(errno));
}

}  // namespace

FakePtyPrinter::FakePtyPrinter() {
    char name[256] = {};
    if (::openpty(&master_fd_, &slave_keepalive_fd_, name, nullptr, nullptr) != 0) fail("openpty");
    slave_path_ = name;
    termios tio{};
    if (::tcgetattr(slave_keepalive_fd_, &tio) != 0) fail("tcgetattr");
    ::cfmakeraw(&tio);
    if (::tcsetattr(slave_keepalive_fd_, TCSANOW, &tio) != 0) fail("tcsetattr");
    ::fcntl(master_fd_, F_SETFL, ::fcntl(master_fd_, F_GETFL) | O_NONBLOCK);
    ::fcntl(master_fd_, F_SETFD, FD_CLOEXEC);
    ::fcntl(slave_keepalive_fd_, F_SETFD, FD_CLOEXEC);
    wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake_fd_ < 0) fail("eventfd");
    thread_ = std::thread([this] { run(); });
}

FakePtyPrinter::~FakePtyPrinter() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake();
    thread_.join();
    if (master_fd_ >= 0) ::close(master_fd_);
    if (slave_keepalive_fd_ >= 0) ::close(slave_keepalive_fd_);
    ::close(wake_fd_);
}

void FakePtyPrinter::wake() {
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

void FakePtyPrinter::flush_replies() {
    const std::vector<uint8_t> replies = model_.take_replies();
    if (master_fd_ >= 0 && !replies.empty()) [[maybe_unused]]
        const ssize_t n = ::write(master_fd_, replies.data(), replies.size());
}

void FakePtyPrinter::run() {
    for (;;) {
        bool reading = false;
        size_t rate = 0;
        int master = -1;
        {
            std::lock_guard lock(mutex_);
            if (stop_) return;
            reading = !stalled_ && !hung_up_ && !model_.buffer_full();
            rate = bytes_per_second_;
            master = master_fd_;
        }
        pollfd fds[2] = {{wake_fd_, POLLIN, 0}, {reading ? master : -1, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) continue;
        if (fds[0].revents & POLLIN) {
            uint64_t value = 0;
            [[maybe_unused]] const ssize_t n = ::read(wake_fd_, &value, sizeof value);
        }
        if (!reading || !(fds[1].revents & POLLIN)) {
            // POLLHUP alone (no slave open right now) is not data: wait for a wake-up instead
            // of spinning.
            if (reading && (fds[1].revents & POLLHUP)) {
                pollfd w{wake_fd_, POLLIN, 0};
                ::poll(&w, 1, 5);
            }
            continue;
        }
        uint8_t buffer[4096];
        size_t limit = sizeof buffer;
        if (rate > 0) limit = std::clamp<size_t>(rate / 100, 1, sizeof buffer);  // 10 ms slices
        const ssize_t n = ::read(master, buffer, limit);
        if (n <= 0) continue;
        const auto length = static_cast<size_t>(n);
        {
            std::lock_guard lock(mutex_);
            received_.insert(received_.end(), buffer, buffer + length);
            model_.feed(buffer, length);
            flush_replies();
            changed_.notify_all();
        }
        if (rate > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(length * 1000000 / rate));
    }
}

void FakePtyPrinter::script(const std::function<void(FakePrinterModel&)>& change) {
    std::lock_guard lock(mutex_);
    change(model_);
    flush_replies();
    wake();
}

FakePrinterModel FakePtyPrinter::model() const {
    std::lock_guard lock(mutex_);
    return model_;
}

void FakePtyPrinter::set_stalled(bool stalled) {
    std::lock_guard lock(mutex_);
    stalled_ = stalled;
    wake();
}

void FakePtyPrinter::set_bytes_per_second(size_t rate) {
    {
        std::lock_guard lock(mutex_);
        bytes_per_second_ = rate;
    }
    wake();  // the reader may be blocked in a read sized for the old rate
}

void FakePtyPrinter::send_raw(const std::vector<uint8_t>& bytes) {
    std::lock_guard lock(mutex_);
    if (master_fd_ >= 0) [[maybe_unused]]
        const ssize_t n = ::write(master_fd_, bytes.data(), bytes.size());
}

void FakePtyPrinter::hang_up() {
    std::lock_guard lock(mutex_);
    hung_up_ = true;
    if (master_fd_ >= 0) ::close(master_fd_);
    master_fd_ = -1;
    wake();
}

std::vector<uint8_t> FakePtyPrinter::received() const {
    std::lock_guard lock(mutex_);
    return received_;
}

std::vector<DecodedJob> FakePtyPrinter::printed_jobs() const {
    std::lock_guard lock(mutex_);
    return decode_escpos(model_.printed());
}

bool FakePtyPrinter::wait_for_bytes(size_t bytes, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return received_.size() >= bytes; });
}

}  // namespace kiosk::printer::testing
