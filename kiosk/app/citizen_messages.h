#pragma once
// What the citizen reads when a ticket cannot be given: calm, specific, and with what to do
// next. Vietnamese first, English second. Precise causes go to the log, not the screen.
#include <string>

#include "kiosk/core/ticket_issuer.h"

namespace kiosk::app {

struct CitizenMessage {
    std::string vi;
    std::string en;
};

CitizenMessage message_for(IssueStatus status);

}  // namespace kiosk::app
