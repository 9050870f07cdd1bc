#pragma once
// The procedure guide's texts, Vietnamese first, English second (NFC; tests/ui checks), kept
// apart from strings.h so the guide and the other screens can grow without colliding. Texts
// with a value use "{}" placeholders filled with ui::fill(). Procedure names, documents and
// fees come from the catalogue in Vietnamese only.
#include <span>
#include <string>

#include "kiosk/ui/strings.h"

namespace kiosk::ui {

#define KIOSK_PROCEDURE_STRINGS(X)                                                           \
    X(Title, "Thủ tục & giấy tờ", "Procedures & documents")                                  \
    X(FieldsHint, "Chọn lĩnh vực, hoặc tìm theo tên thủ tục",                                \
      "Choose a field, or search by the procedure's name")                                   \
    X(SearchOpen, "Tìm thủ tục", "Search for a procedure")                                   \
    X(SearchOpenHint, "Gõ tên thủ tục, ví dụ: khai sinh",                                    \
      "Type the procedure's name, for example: khai sinh")                                   \
    X(FieldCount, "{} thủ tục", "{} procedures")                                             \
    X(FieldCountOne, "1 thủ tục", "1 procedure")                                             \
    X(SearchTitle, "Tìm thủ tục", "Search for a procedure")                                  \
    X(NoAccents, "Gõ không dấu cũng được", "No Vietnamese accents needed")                   \
    X(EntryEmpty, "Chạm vào các chữ bên dưới", "Touch the letters below")                    \
    X(SearchStart, "Gõ vài chữ đầu của tên thủ tục, ví dụ: KHAI SINH",                       \
      "Type the first letters of the procedure's name, for example: KHAI SINH")              \
    X(NoMatch, "Không tìm thấy thủ tục phù hợp. Thử từ khác, hoặc hỏi cán bộ tiếp nhận.",    \
      "No procedure matches. Try other words, or ask the reception staff.")                  \
    X(MatchCount, "{} thủ tục phù hợp", "{} matching procedures")                            \
    X(MatchOne, "1 thủ tục phù hợp", "1 matching procedure")                                 \
    X(MatchMore, "Gõ thêm chữ để thu hẹp danh sách", "Type more letters to narrow the list") \
    X(KeySpace, "Dấu cách", "Space")                                                         \
    X(KeyBack, "Xoá", "Delete")                                                              \
    X(KeyClear, "Xoá hết", "Clear")                                                          \
    X(Back, "Quay lại", "Back")                                                              \
    X(ListHint, "Chạm vào thủ tục để xem giấy tờ cần mang",                                  \
      "Touch a procedure to see what to bring")                                              \
    X(NamesInVietnamese, "Tên thủ tục bằng tiếng Việt", "Procedure names are in Vietnamese") \
    X(CodeLine, "Mã thủ tục: {}", "Procedure code: {}")                                      \
    X(Documents, "Giấy tờ cần mang", "Documents to bring")                                   \
    X(NoDocuments, "Không cần giấy tờ kèm theo", "No documents needed")                      \
    X(OneOriginal, "01 bản chính", "1 original")                                             \
    X(Originals, "{} bản chính", "{} originals")                                             \
    X(OneCopy, "01 bản sao", "1 copy")                                                       \
    X(Copies, "{} bản sao", "{} copies")                                                     \
    X(TimeAndFee, "Thời hạn và lệ phí", "Time and fee")                                      \
    X(ChannelDirect, "Nộp trực tiếp", "In person")                                           \
    X(ChannelOnline, "Nộp trực tuyến", "Online")                                             \
    X(ChannelPost, "Qua bưu chính", "By post")                                               \
    X(Time, "Thời hạn: {}", "Time: {}")                                                      \
    X(Fee, "Lệ phí: {}", "Fee: {}")                                                          \
    X(Free, "Miễn phí", "Free")                                                              \
    X(Result, "Kết quả nhận được", "You receive")                                            \
    X(Agency, "Cơ quan giải quyết", "Handled by")                                            \
    X(Reference, "Thông tin tham khảo — hỏi cán bộ nếu chưa rõ",                             \
      "For reference only — ask the staff if unsure")                                        \
    X(Issue, "Lấy số cho thủ tục này", "Take a number for this procedure")                   \
    X(Print, "In danh sách giấy tờ", "Print the document list")                              \
    X(PrintHint, "Mang về để chuẩn bị", "Take it home to prepare")                           \
    X(SlipPrinting, "Đang in danh sách…", "Printing the list…")                              \
    X(SlipPrinted, "Mời bạn nhận danh sách giấy tờ", "Please take your document list")       \
    X(SlipFailed, "Không in được danh sách", "The list could not be printed")

enum class PrStr {
#define KIOSK_PR_STR_ENUM(name, vi, en) name,
    KIOSK_PROCEDURE_STRINGS(KIOSK_PR_STR_ENUM)
#undef KIOSK_PR_STR_ENUM
};

struct ProcedureString {
    PrStr id;
    const char* key;
    const char* vi;
    const char* en;
};

std::span<const ProcedureString> all_procedure_strings();
const char* tr(Language lang, PrStr id);

// "01 bản chính, 02 bản sao" / "1 original, 2 copies" ("" when both are 0).
std::string format_document_counts(Language lang, int originals, int copies);
// "Nộp trực tiếp" / "In person" for channel 1–3 ("" otherwise).
const char* channel_name(Language lang, int channel);

}  // namespace kiosk::ui
