#pragma once
// Core queue types (kiosk/core/call_queue.h) → the LAN types the API sends.
#include "kiosk/core/call_queue.h"
#include "kiosk/core/config.h"
#include "lan_types.h"

namespace kiosk::hub {

LanTicket to_lan(const Ticket& t);
CounterInfo to_lan(const CounterStatus& c);
CallRecord to_lan(const CallEntry& c);
std::vector<ServiceWaiting> to_lan(const std::vector<std::pair<std::string, int>>& waiting,
                                   const KioskConfig& config);
HubState to_lan(const QueueSnapshot& s, const KioskConfig& config, TimePoint now);
HubErrorCode to_lan(QueueError e);

}  // namespace kiosk::hub
