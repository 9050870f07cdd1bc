#pragma once
// ESC/POS byte values shared by the encoder, the decoder and the test printer
// (see /work/shared/notes/escpos.md §3–4 for what each command does).
#include <cstdint>

namespace kiosk::printer::escpos {

inline constexpr uint8_t NUL = 0x00;
inline constexpr uint8_t HT = 0x09;
inline constexpr uint8_t LF = 0x0A;
inline constexpr uint8_t CR = 0x0D;
inline constexpr uint8_t DLE = 0x10;
inline constexpr uint8_t ESC = 0x1B;
inline constexpr uint8_t FS = 0x1C;
inline constexpr uint8_t GS = 0x1D;

inline constexpr uint8_t EOT = 0x04;  // DLE EOT n: real-time status query
inline constexpr uint8_t ENQ = 0x05;  // DLE ENQ n: real-time recovery request
inline constexpr uint8_t DC4 = 0x14;  // DLE DC4 fn …: real-time request

// ESC/POS codes following ESC.
inline constexpr uint8_t kInit = '@';        // ESC @
inline constexpr uint8_t kAlign = 'a';       // ESC a n
inline constexpr uint8_t kFeedLines = 'd';   // ESC d n
inline constexpr uint8_t kFeedDots = 'J';    // ESC J n
inline constexpr uint8_t kLegacyFull = 'i';  // ESC i
inline constexpr uint8_t kLegacyPart = 'm';  // ESC m

// Codes following GS.
inline constexpr uint8_t kRaster = 'v';  // GS v 0 m xL xH yL yH d…
inline constexpr uint8_t kCut = 'V';     // GS V m [n]

inline constexpr uint8_t kAlignCentre = 1;
inline constexpr uint8_t kCutFullFeed = 65;     // GS V 65 n: feed to cutter + n, full cut
inline constexpr uint8_t kCutPartialFeed = 66;  // GS V 66 n: feed to cutter + n, partial cut

// DLE EOT replies have the fixed bit pattern 0xx1xx10.
inline constexpr uint8_t kStatusOnline = 0x12;
inline constexpr bool is_status_reply(uint8_t b) {
    return (b & 0x93) == 0x12;
}

}  // namespace kiosk::printer::escpos
