#include "ticket.h"

namespace kiosk {

namespace {
struct StateName {
    TicketState state;
    const char* name;
};
constexpr StateName kStateNames[] = {
    {TicketState::Reserved, "reserved"}, {TicketState::Printing, "printing"},
    {TicketState::Issued, "issued"},     {TicketState::Void, "void"},
    {TicketState::Called, "called"},     {TicketState::Served, "served"},
    {TicketState::NoShow, "no_show"},    {TicketState::Held, "held"},
};
}  // namespace

const char* to_string(TicketState s) {
    for (const auto& n : kStateNames)
        if (n.state == s) return n.name;
    return "unknown";
}

std::optional<TicketState> ticket_state_from_string(const std::string& s) {
    for (const auto& n : kStateNames)
        if (s == n.name) return n.state;
    return std::nullopt;
}

}  // namespace kiosk
