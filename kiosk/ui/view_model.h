#pragma once
// What the UI draws (a snapshot made by the app each frame) and what it may ask for (actions).
// The UI never touches the store, the printer or the network: it reads this and emits actions.
#include <string>
#include <vector>

#include "kiosk/ui/lookup_view.h"
#include "kiosk/ui/procedure_view.h"
#include "kiosk/ui/rating_view.h"
#include "kiosk/ui/staff_view.h"

namespace kiosk::ui {

enum class Screen { Home, ServicePicker, Ticket, Lookup, StaffPin, Staff, Procedures, Rating };
enum class Language { Vi, En };

struct ServiceTile {
    std::string id;
    std::string name_vi;
    std::string name_en;
    std::vector<int> counters;
    int waiting = 0;        // tickets waiting now in this field
    bool available = true;  // false when the daily cap is reached
};

enum class TicketPhase { Printing, Ready, Failed };

struct TicketView {
    std::string number;  // "1001" (empty while the number is being reserved)
    std::string service_name_vi;
    std::string service_name_en;
    std::vector<int> counters;
    int people_ahead = 0;
    int wait_minutes = 0;
    bool priority = false;
    TicketPhase phase = TicketPhase::Printing;
    // On failure: what the citizen reads (Vietnamese first, English second) and whether the
    // number was voided. Precise causes go to the log and the staff screen, not here.
    std::string error_vi;
    std::string error_en;
    bool number_voided = false;
    // Ready, but the printer never confirmed the job: the citizen is told to ask for a reprint
    // if no ticket came out.
    bool print_unconfirmed = false;
    int seconds_until_home = 0;
};

struct ViewModel {
    Screen screen = Screen::Home;
    Language language = Language::Vi;
    std::string office_name_vi;
    std::string office_name_en;
    // The UI formats the date ("Thứ Sáu, 27/11/2026") and clock from these parts.
    int year = 2026, month = 1, day = 1, weekday = 0, hour = 0, minute = 0;
    std::vector<ServiceTile> services;
    bool priority_selected = false;
    TicketView ticket;      // meaningful on Screen::Ticket
    std::string notice_vi;  // calm banner, e.g. printer trouble: "Máy in tạm ngừng …"
    std::string notice_en;
    bool printer_ready = true;  // false: "Lấy số" is disabled with an explanation
    // Outside the office's issuing hours (catalogue, enforced): why and when to come back;
    // "Lấy số" is disabled with this text. Empty while numbers are issued.
    std::string closed_vi, closed_en;
    LookupView lookup;  // meaningful on Screen::Lookup
    StaffView staff;    // meaningful on Screen::StaffPin / Screen::Staff
    // Home buttons shown only when there is something behind them: a catalogue with
    // procedures, and a queue whose served tickets can be rated.
    bool procedures_available = false;
    bool rating_available = false;
    ProcedureView procedures;  // meaningful on Screen::Procedures
    RatingView rating;         // meaningful on Screen::Rating
};

enum class ActionType {
    OpenServicePicker,  // "Lấy số thứ tự"
    SelectService,      // arg = service id
    TogglePriority,
    GoHome,
    ToggleLanguage,
    UserActivity,  // any touch: restarts the idle timer
    // Dossier lookup (LookupFlow): open the screen; a keypad key (arg: "A", "7", ".", "-",
    // "back", "clear", "letters", "digits"); OK on the keypad; print the status slip; look up
    // another code; try the same code again.
    OpenLookup,
    LookupKey,
    LookupSubmit,
    LookupPrintSlip,
    LookupAgain,
    LookupRetry,
    // Staff: a tap in the header's hidden corner (five in a row open the PIN keypad), and the
    // staff commands (arg: "pin:<digit>", "pin-back", "pin-ok", "printer-check", "paper-loaded",
    // "test-page", "reprint-last", "reprint-number", "key:<c>", "key-back", "reprint-typed",
    // "cancel", "exit").
    StaffCorner,
    Staff,
    // Procedure guide from the catalogue (ProcedureFlow): open it; its commands (see
    // procedure_view.h for the arg words).
    OpenProcedures,
    Procedures,
    // Satisfaction rating of a served ticket (RatingFlow): open it (arg empty from home, or the
    // number of a served ticket of today from the lookup); its commands (see rating_view.h for
    // the arg words).
    OpenRating,
    Rating,
};

struct Action {
    ActionType type;
    std::string arg;
};

}  // namespace kiosk::ui
