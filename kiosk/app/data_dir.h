#pragma once
// The kiosk's data directory (queue database, printer file, previews) and the lock that keeps
// a second kiosk process from sharing it: two processes handing out numbers from one file
// would be safe in SQLite but confusing on screen and paper.
#include <string>

namespace kiosk::app {

std::string default_data_dir();  // $XDG_STATE_HOME/motcua-kiosk or ~/.local/state/motcua-kiosk

class DataDirLock {
  public:
    // Creates the directory if needed and takes an exclusive flock on DIR/kiosk.lock.
    // Throws std::runtime_error naming the directory and the reason.
    explicit DataDirLock(const std::string& dir);
    ~DataDirLock();
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;

  private:
    int fd_ = -1;
};

// "file:printer.bin" → "file:DIR/printer.bin"; other URIs unchanged.
std::string resolve_printer_uri(const std::string& uri, const std::string& data_dir);

}  // namespace kiosk::app
