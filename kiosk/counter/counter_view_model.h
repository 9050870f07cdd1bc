#pragma once
// What the counter screen draws (a snapshot the controller makes each frame) and what the staff
// member may ask for (actions). The screen never talks to the hub: it reads this and emits
// actions. Staff read Vietnamese first; English follows in smaller type.
#include <string>
#include <vector>

namespace kiosk::counter {

// State of the link to the office queue hub, as the screen shows it.
enum class Connection {
    Connecting,  // first contact not made yet
    Connected,
    Lost,  // was connected (or never could connect): retrying
};

// A small window over the buttons; only one at a time.
enum class Dialog { None, Transfer, Keypad, Pause };

struct CurrentTicketView {
    std::string number;  // "1005"
    std::string service_vi;
    std::string service_en;
    bool priority = false;
    int seconds_since_called = 0;
    int recalls = 0;
    int no_shows = 0;
};

struct FieldWaitingView {
    std::string service_id;
    std::string name_vi;
    std::string name_en;
    int waiting = 0;
};

struct TransferFieldView {
    std::string service_id;
    std::string name_vi;
    std::string name_en;
};

struct CounterViewModel {
    int counter = 0;
    std::string office_name_vi;
    int hour = 0, minute = 0;
    Connection connection = Connection::Connecting;
    bool busy = false;  // a request is on its way to the hub: buttons wait for its answer
    bool paused = false;
    std::string pause_reason;
    bool has_current = false;
    CurrentTicketView current;
    std::vector<FieldWaitingView> fields;  // the fields this counter serves
    std::vector<std::string> held;         // numbers this counter set aside today
    int served_today = 0;
    // The last outcome in words: an error from the hub (error = true) or what just happened.
    std::string message_vi;
    std::string message_en;
    bool message_is_error = false;

    Dialog dialog = Dialog::None;
    std::string keypad_text;                         // digits typed so far (Dialog::Keypad)
    std::vector<TransferFieldView> transfer_fields;  // every field but the ticket's own
    std::vector<int> transfer_counters;              // every counter but this one
    std::vector<std::string> pause_reasons_vi;       // Dialog::Pause choices
    std::vector<std::string> pause_reasons_en;
};

enum class CounterActionType {
    CallNext,           // F1
    Recall,             // F2
    NoShow,             // F3
    Finish,             // F4
    Hold,               // F5
    OpenTransfer,       // F6
    TransferToField,    // arg = service id
    TransferToCounter,  // arg = counter number
    OpenKeypad,         // F7
    KeypadAppend,       // arg = characters typed or tapped
    KeypadBackspace,
    KeypadConfirm,  // call the typed number
    CallHeld,       // arg = a held number: call it back
    OpenPause,      // F8 while open
    Pause,          // arg = index into pause_reasons
    Resume,         // F8 while paused
    CloseDialog,    // Esc / "Đóng"
};

struct CounterAction {
    CounterActionType type;
    std::string arg;
};

}  // namespace kiosk::counter
