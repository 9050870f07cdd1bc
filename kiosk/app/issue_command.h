#pragma once
// `kiosk issue`: issues tickets through the same store and print path as the touch screen,
// without a screen. For staff checking a printer, for the crash-safety test (killed at random
// moments) and for the benchmark.
#include <ostream>
#include <string>

#include "kiosk/core/config.h"

namespace kiosk::app {

struct IssueCommandOptions {
    std::string data_dir;
    std::string printer_uri;  // already resolved against the data directory
    std::string service_id;
    int count = 1;
    bool priority = false;
    std::string preview_dir;  // empty: no PNG previews
};

int issue_command(const KioskConfig& config, const IssueCommandOptions& options, std::ostream& out,
                  std::ostream& err);

}  // namespace kiosk::app
