#pragma once
// The dossier lookup part of the ViewModel: what the lookup screens draw. Filled by the app's
// LookupFlow; no personal data beyond what the server already masked.
#include <string>
#include <vector>

namespace kiosk::ui {

enum class LookupStage {
    Scan,         // camera preview / scanner picture and the keypad for the code
    Looking,      // request in flight: calm progress
    Factor,       // the server asks for the owner's ID number or the receipt's lookup code
    Result,       // the dossier (fresh, or the cached copy while offline)
    Message,      // not found, offline without a cached copy, too many tries, not our ticket
    TicketPlace,  // the kiosk's own ticket QR: its place in today's queue
};

// Why the Message stage is shown (the screen picks the words).
enum class LookupMessage {
    NotFound,
    Offline,
    RateLimited,
    NotConfigured,
    TicketNotToday,
    TicketUnknown
};

enum class SlipPhase { None, Printing, Printed, Failed };

enum class KeypadPage { Digits, Letters };

// Why the last input on the Scan / Factor stage was refused.
enum class LookupProblem {
    None,
    ScanInvalid,   // not a dossier code: the parser's Vietnamese hint (problem_hint_vi) if any
    TypedInvalid,  // the keypad entry is not a complete dossier code
    CccdFirst,     // an ID card scanned before any dossier code
    FactorLength,  // neither 12 digits (ID number) nor 4–8 digits (lookup code)
    FactorWrong,   // the server said the factor does not match
};

struct HistoryLine {
    std::string when;    // "21/11/2026 10:14"
    std::string action;  // "Thẩm định hồ sơ"
    std::string unit;    // "Văn phòng Đăng ký đất đai tỉnh Nghệ An"
};

struct DossierView {
    std::string code;          // "000.00.00.H41-261120-0007"
    int status_code = 0;       // national 1–10; the UI words it
    std::string server_label;  // the server's own wording, shown small under ours
    bool overdue = false;      // "Quá hạn" overlay (the server's judgement)
    std::string procedure_name;
    std::string received_date;     // "20/11/2026"
    std::string appointment_date;  // "18/12/2026" (empty before reception)
    std::string appointment_time;  // "16:00"
    std::string handling_unit, current_step, pickup_place;
    std::string owner_masked;          // "N. V. A***" as the server masked it
    std::vector<HistoryLine> history;  // latest first, a few lines
};

struct TicketPlaceView {
    std::string number;  // "1003"
    std::string service_vi, service_en;
    std::vector<int> counters;
    int people_ahead = 0;
    bool waiting = true;  // false: already called / served / voided (state words below)
    bool called = false;
    bool served = false;
};

struct LookupView {
    LookupStage stage = LookupStage::Scan;
    // Scan / Factor: what the citizen typed so far (the Factor entry is shown masked) and the
    // keypad page.
    std::string typed;
    KeypadPage page = KeypadPage::Digits;
    bool camera = false;  // a live camera preview is available (the runner draws its texture)
    // The newest camera picture as an ImTextureID from the runner (nullptr: none yet / off).
    void* preview_texture = nullptr;
    int preview_width = 0, preview_height = 0;
    // Scan / Factor: why the last input was refused.
    LookupProblem problem = LookupProblem::None;
    std::string problem_hint_vi;  // the payload parser's Vietnamese hint (ScanInvalid)
    // Looking / Factor / Message: the code being looked up.
    std::string code;
    // Factor: accepted kinds ("id_number", "lookup_code").
    std::vector<std::string> factors;
    // Result.
    DossierView dossier;
    bool from_cache = false;  // offline: the last answer kept by the kiosk
    std::string cached_at;    // "09:12 27/11/2026" (local)
    int cached_minutes_ago = 0;
    // Message.
    LookupMessage message = LookupMessage::NotFound;
    std::string server_message;  // the server's Vietnamese words, if it sent some
    TicketPlaceView ticket;
    // Result: the status slip.
    SlipPhase slip = SlipPhase::None;
    std::string slip_error_vi, slip_error_en;
};

}  // namespace kiosk::ui
