#include "data_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace kiosk::app {

std::string default_data_dir() {
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
        return std::string(xdg) + "/motcua-kiosk";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/state/motcua-kiosk";
    return "/var/lib/motcua-kiosk";
}

DataDirLock::DataDirLock(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw std::runtime_error("cannot create data directory " + dir + ": " + ec.message());
    const std::string lock_path = dir + "/kiosk.lock";
    fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error("cannot open " + lock_path + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd_);
        fd_ = -1;
        throw std::runtime_error(
            err == EWOULDBLOCK ? "data directory " + dir + " is in use by another kiosk process"
                               : "cannot lock " + lock_path + ": " + std::strerror(err));
    }
}

DataDirLock::~DataDirLock() {
    if (fd_ >= 0) ::close(fd_);
}

std::string resolve_printer_uri(const std::string& uri, const std::string& data_dir) {
    if (uri.rfind("file:", 0) != 0) return uri;
    const std::string path = uri.substr(5);
    if (path.empty() || path[0] == '/') return uri;
    return "file:" + data_dir + "/" + path;
}

}  // namespace kiosk::app
