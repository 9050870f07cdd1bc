#include "fake_tcp_printer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "drivers/printer/escpos_commands.h"

namespace kiosk::printer::testing {
namespace {

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("FakeTcpPrinter: " + what + ": " + std::strerror(errno));
}

}  // namespace

FakeTcpPrinter::FakeTcpPrinter(int receive_buffer_bytes) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (listen_fd_ < 0) fail("socket");
    const int on = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    // Set before listen() so accepted sockets inherit it (and the advertised window matches):
    // a printer buffers kilobytes, not the megabytes Linux would autotune to.
    if (receive_buffer_bytes > 0)
        ::setsockopt(listen_fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer_bytes,
                     sizeof receive_buffer_bytes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        fail("bind 127.0.0.1:0");
    if (::listen(listen_fd_, 8) != 0) fail("listen");
    socklen_t length = sizeof address;
    if (::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        fail("getsockname");
    port_ = ntohs(address.sin_port);
    wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake_fd_ < 0) fail("eventfd");
    thread_ = std::thread([this] { run(); });
}

FakeTcpPrinter::~FakeTcpPrinter() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake();
    thread_.join();
    if (client_fd_ >= 0) ::close(client_fd_);
    if (listen_fd_ >= 0) ::close(listen_fd_);
    ::close(wake_fd_);
}

void FakeTcpPrinter::wake() {
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

void FakeTcpPrinter::run_on_thread(std::function<void()> task) {
    std::unique_lock lock(mutex_);
    tasks_.push_back(std::move(task));
    const uint64_t ticket = ++tasks_posted_;
    lock.unlock();
    wake();
    lock.lock();
    changed_.wait(lock, [&] { return tasks_done_ >= ticket; });
}

void FakeTcpPrinter::run() {
    for (;;) {
        std::deque<std::function<void()>> tasks;
        bool reading = false;
        {
            std::lock_guard lock(mutex_);
            if (stop_) return;
            tasks.swap(tasks_);
        }
        for (auto& task : tasks) {
            task();
            std::lock_guard lock(mutex_);
            ++tasks_done_;
            changed_.notify_all();
        }
        {
            std::lock_guard lock(mutex_);
            reading = received_.size() < stall_after_ && !model_.buffer_full();
        }
        pollfd fds[3];
        nfds_t count = 0;
        fds[count++] = {wake_fd_, POLLIN, 0};
        const int listen_index = listen_fd_ >= 0 ? static_cast<int>(count) : -1;
        if (listen_fd_ >= 0) fds[count++] = {listen_fd_, POLLIN, 0};
        const int client_index = client_fd_ >= 0 ? static_cast<int>(count) : -1;
        // A stalled printer does not read: the sender's buffers fill up and its writes block.
        if (client_fd_ >= 0)
            fds[count++] = {client_fd_, static_cast<short>(reading ? POLLIN : 0), 0};
        if (::poll(fds, count, -1) < 0) continue;  // EINTR
        if (fds[0].revents & POLLIN) {
            uint64_t value = 0;
            [[maybe_unused]] const ssize_t n = ::read(wake_fd_, &value, sizeof value);
        }
        if (listen_index >= 0 && (fds[listen_index].revents & POLLIN)) accept_client();
        if (client_index >= 0 && client_fd_ >= 0 && fds[client_index].revents != 0) {
            if (reading)
                read_client();
            else if (fds[client_index].revents & (POLLERR | POLLHUP))
                close_client(true);
        }
    }
}

void FakeTcpPrinter::accept_client() {
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0) return;
    if (client_fd_ >= 0) close_client(false);  // one client at a time: the newest wins
    client_fd_ = fd;
    connection_bytes_ = 0;
    std::lock_guard lock(mutex_);
    ++accepted_;
    changed_.notify_all();
}

void FakeTcpPrinter::close_client(bool by_peer) {
    if (client_fd_ < 0) return;
    ::close(client_fd_);
    client_fd_ = -1;
    std::lock_guard lock(mutex_);
    if (by_peer) ++closed_by_peer_;
    changed_.notify_all();
}

void FakeTcpPrinter::read_client() {
    uint8_t buffer[64 * 1024];
    size_t limit = sizeof buffer;
    size_t close_at = SIZE_MAX;
    size_t rate = 0;
    {
        std::lock_guard lock(mutex_);
        rate = bytes_per_second_;
        if (rate > 0) limit = std::min(limit, std::max<size_t>(rate / 100, 1));  // 10 ms slices
        if (stall_after_ != SIZE_MAX) limit = std::min(limit, stall_after_ - received_.size());
        close_at = close_after_;
    }
    if (close_at != SIZE_MAX) {
        if (connection_bytes_ >= close_at) return close_client(false);
        limit = std::min(limit, close_at - connection_bytes_);
    }
    if (limit == 0) return;
    const ssize_t n = ::recv(client_fd_, buffer, limit, MSG_DONTWAIT);
    if (n == 0) return close_client(true);
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) close_client(true);
        return;
    }
    const auto length = static_cast<size_t>(n);
    connection_bytes_ += length;
    {
        std::lock_guard lock(mutex_);
        received_.insert(received_.end(), buffer, buffer + length);
        model_.feed(buffer, length);
        changed_.notify_all();
    }
    send_replies();
    if (rate > 0) std::this_thread::sleep_for(std::chrono::microseconds(length * 1000000 / rate));
    if (connection_bytes_ >= close_at) close_client(false);
}

void FakeTcpPrinter::send_replies() {
    std::vector<uint8_t> replies;
    {
        std::lock_guard lock(mutex_);
        replies = model_.take_replies();
    }
    if (client_fd_ < 0 || replies.empty()) return;
    if (::send(client_fd_, replies.data(), replies.size(), MSG_NOSIGNAL | MSG_DONTWAIT) !=
        static_cast<ssize_t>(replies.size()))
        close_client(true);
}

void FakeTcpPrinter::set_status(uint8_t n, uint8_t reply) {
    if (n < 1 || n > 4) throw std::invalid_argument("FakeTcpPrinter::set_status: n must be 1..4");
    std::lock_guard lock(mutex_);
    model_.set_status_override(n, reply);
}

void FakeTcpPrinter::set_silent(bool silent) {
    std::lock_guard lock(mutex_);
    model_.set_silent(silent);
}

void FakeTcpPrinter::script(const std::function<void(FakePrinterModel&)>& change) {
    run_on_thread([this, &change] {
        {
            std::lock_guard lock(mutex_);
            change(model_);
        }
        send_replies();
    });
}

FakePrinterModel FakeTcpPrinter::model() const {
    std::lock_guard lock(mutex_);
    return model_;
}

void FakeTcpPrinter::set_bytes_per_second(size_t rate) {
    std::lock_guard lock(mutex_);
    bytes_per_second_ = rate;
}

std::vector<DecodedJob> FakeTcpPrinter::printed_jobs() const {
    std::vector<uint8_t> printed;
    {
        std::lock_guard lock(mutex_);
        printed = model_.printed();
    }
    return decode_escpos(printed);
}

void FakeTcpPrinter::stall_after(size_t total_bytes) {
    run_on_thread([this, total_bytes] {
        std::lock_guard lock(mutex_);
        stall_after_ = total_bytes;
    });
}

void FakeTcpPrinter::resume_reading() {
    stall_after(SIZE_MAX);
}

void FakeTcpPrinter::close_after(size_t connection_bytes) {
    run_on_thread([this, connection_bytes] {
        {
            std::lock_guard lock(mutex_);
            close_after_ = connection_bytes;
        }
        if (connection_bytes_ >= connection_bytes) close_client(false);
    });
}

void FakeTcpPrinter::drop_connection() {
    run_on_thread([this] { close_client(false); });
}

void FakeTcpPrinter::refuse_connections() {
    run_on_thread([this] {
        if (listen_fd_ >= 0) ::close(listen_fd_);
        listen_fd_ = -1;
    });
}

std::vector<uint8_t> FakeTcpPrinter::received() const {
    std::lock_guard lock(mutex_);
    return received_;
}

size_t FakeTcpPrinter::bytes_received() const {
    std::lock_guard lock(mutex_);
    return received_.size();
}

std::vector<DecodedJob> FakeTcpPrinter::jobs() const {
    return decode_escpos(received());
}

int FakeTcpPrinter::connections_accepted() const {
    std::lock_guard lock(mutex_);
    return accepted_;
}

int FakeTcpPrinter::connections_closed_by_peer() const {
    std::lock_guard lock(mutex_);
    return closed_by_peer_;
}

size_t FakeTcpPrinter::status_replies_sent() const {
    std::lock_guard lock(mutex_);
    return model_.status_replies();
}

bool FakeTcpPrinter::has_client() {
    // client_fd_ is owned by the printer thread; ask it.
    bool result = false;
    run_on_thread([&] { result = client_fd_ >= 0; });
    return result;
}

bool FakeTcpPrinter::wait_for_bytes(size_t bytes, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return received_.size() >= bytes; });
}

bool FakeTcpPrinter::wait_for_connections(int count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return accepted_ >= count; });
}

}  // namespace kiosk::printer::testing
