#pragma once
// What became of one print job, as one typed fault with its machine code, the message the
// citizen reads (Vietnamese, English) and the words staff see.
#include <string>
#include <string_view>

namespace kiosk::printer {

enum class PrintFault {
    None,
    Offline,             // DLE EOT 1: offline without a more specific cause
    CoverOpen,           // DLE EOT 2
    PaperOut,            // DLE EOT 2/4 or GS r 1: paper end
    CutterError,         // DLE EOT 3
    MechanicalError,     // DLE EOT 3: recoverable (paper jam …)
    UnrecoverableError,  // DLE EOT 3: needs service
    Overheat,            // DLE EOT 3: auto-recoverable (head hot); clears by itself
    NoStatusReply,       // the profile says it answers, but no valid reply came in time
    Unreachable,         // could not connect / open the device (off, unplugged, in use)
    ConnectionLost,      // the link dropped during the job
    WriteStall,          // the printer stopped taking data before the job deadline
    WriteFailed,         // the OS rejected a write (ENOSPC, …)
    Unconfirmed,         // all bytes sent, the printer never confirmed the job (GS r 1)
    EncodeFailed,        // the bitmap could not be turned into a job
};

// Short machine words for PrintAttempt::error_code and logs: "paper_out", "cover_open", …
std::string_view error_code(PrintFault fault);

struct CitizenText {
    std::string vi;
    std::string en;
};
// Calm, specific, with what to do: "Máy in hết giấy — vui lòng báo cán bộ tiếp nhận."
CitizenText citizen_message(PrintFault fault);
// Staff words for the fault, Vietnamese / English: "hết giấy — thay cuộn giấy mới".
CitizenText staff_message(PrintFault fault);

}  // namespace kiosk::printer
