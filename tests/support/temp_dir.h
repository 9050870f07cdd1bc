#pragma once
// A fresh directory under $TMPDIR for one test, removed afterwards unless KIOSK_KEEP_TEMP is set
// (handy when a failing test left files worth reading).
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace kiosk::test {

class TempDir {
  public:
    explicit TempDir(const std::string& tag = "kiosk") {
        std::string tmpl = (std::filesystem::temp_directory_path() / (tag + "-XXXXXX")).string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed for " + tmpl);
        path_ = tmpl;
    }
    ~TempDir() {
        if (!std::getenv("KIOSK_KEEP_TEMP")) {
            std::error_code ec;
            std::filesystem::remove_all(path_, ec);
        }
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

}  // namespace kiosk::test
