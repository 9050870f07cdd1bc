#pragma once
// The data the office queue hub shares on the LAN (docs/lan-api.md), as plain structs. Used by the
// hub server, the client library, the counter terminal and the calling board. No I/O here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::hub {

// What went wrong with a hub request. Expected outcomes (nothing waiting, paused counter) are
// errors of this kind, never exceptions. `code` strings are stable API (docs/lan-api.md).
enum class HubErrorCode {
    None,
    Unreachable,      // connection refused / timed out / TLS failed (client side only)
    Unauthorized,     // 401 missing or unknown token
    Forbidden,        // 403 the token may not do this (board token, another counter's token)
    BadRequest,       // 400 malformed JSON or fields
    CounterUnknown,   // 404 no such counter in the office configuration
    ServiceUnknown,   // 404 no such service field
    TicketNotFound,   // 404 no ticket with that number/id today (or not in a usable state)
    NothingWaiting,   // 409 no waiting ticket for this counter's fields
    CounterPaused,    // 409 the counter is paused: resume first
    NoCurrentTicket,  // 409 recall/no-show/hold/finish/transfer need a called ticket
    WrongState,       // 409 the ticket is not in a state that allows this change
    DailyCapReached,  // 409 the service issued its last number of the day
    ServerError,      // 500 store failure (details in the hub log)
    BadReply,         // the reply could not be understood (client side only)
};

const char* to_code_string(HubErrorCode code);  // "nothing_waiting"
std::optional<HubErrorCode> hub_error_code_from_string(const std::string& code);
int http_status_of(HubErrorCode code);  // 401, 403, 404, 409, …

struct HubError {
    HubErrorCode code = HubErrorCode::None;
    std::string message_vi;  // calm, specific, for staff screens ("Không còn ai đang chờ.")
    std::string message_en;  // "Nobody is waiting."
    std::string detail;      // technical detail for logs (never a token); may be empty
    int http_status = 0;     // 0 when no HTTP reply was received
};
// The standard wording of a code (both languages), used by the hub and as a client fallback.
HubError make_hub_error(HubErrorCode code, std::string detail = {});

// A ticket as seen by staff and boards: number only, never personal data.
struct LanTicket {
    int64_t id = 0;
    std::string business_date;      // YYYY-MM-DD (local day of the number)
    std::string number;             // "1005"
    std::string service_id;         // current service field (may differ after a transfer)
    std::string origin_service_id;  // field it was issued for (empty = not transferred)
    bool priority = false;
    std::string state;       // reserved|printing|issued|called|held|served|no_show|void
    int counter = 0;         // counter that called / holds it (0 = none)
    int target_counter = 0;  // transferred to this counter (0 = any counter of the field)
    int no_shows = 0;
    int recalls = 0;
    int64_t issued_at_us = 0;  // 0 = not issued yet (µs since the Unix epoch)
    int64_t called_at_us = 0;  // 0 = never called
};

struct CounterInfo {
    int number = 0;
    std::vector<std::string> services;  // fields it serves (from the office config)
    bool paused = false;
    std::string pause_reason;
    std::optional<LanTicket> current;  // the ticket being served (state called)
    std::vector<LanTicket> held;       // tickets this counter set aside today
    int served_today = 0;
};

// One line of the board's history, and the SSE resume point (seq).
struct CallRecord {
    int64_t seq = 0;  // calls.seq: strictly increasing, never reused
    int64_t ticket_id = 0;
    std::string number;
    std::string service_id;
    int counter = 0;
    std::string kind;  // "call" | "recall"
    bool priority = false;
    int64_t at_us = 0;
};

struct ServiceWaiting {
    std::string service_id;
    std::string name_vi;
    std::string name_en;
    int waiting = 0;  // issued, not yet called (held tickets not counted)
};

// What boards and counters show, in one read. The office settings a board needs travel with it,
// so `kiosk board --hub URL` needs no config file of its own.
struct HubState {
    std::string business_date;  // YYYY-MM-DD
    int64_t now_us = 0;         // hub clock
    std::string office_name_vi;
    std::string office_name_en;
    std::vector<ServiceWaiting> services;  // in config order
    std::vector<CounterInfo> counters;     // every configured counter, ascending
    std::vector<CallRecord> recent_calls;  // newest first, at most board.recent_calls
    int64_t last_call_seq = 0;             // 0 = no call yet (ever, in this file)
    // [board] and [voice] of the hub's config.
    int board_recent_calls = 6;
    std::string notice_vi;
    std::string notice_en;
    bool voice_enabled = true;
    std::string voice_reading = "north";
    int voice_repeat = 1;
};

// Where a transfer sends the current ticket: another field, or one specific counter.
struct TransferTarget {
    std::string service_id;  // non-empty: back in that field's waiting line
    int counter = 0;         // non-zero: waits for that counter only (called there first)
};

// Reply to every counter action.
struct CounterReply {
    CounterInfo counter;              // the counter after the action
    std::optional<LanTicket> ticket;  // the ticket the action concerned (called, recalled, …)
    bool priority_call = false;       // next/call picked a priority ticket
    std::optional<CallRecord> call;   // the call written (next, call, recall)
};

// Reply to a kiosk's POST /lan/v1/tickets.
struct TicketReply {
    LanTicket ticket;
    int people_ahead = 0;
};

}  // namespace kiosk::hub
