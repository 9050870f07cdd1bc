#pragma once
// What the procedure guide screen draws (Screen::Procedures): filled by the app's ProcedureFlow
// from the cached catalogue. Only procedures of fields a kiosk service serves are listed, so
// "Lấy số cho thủ tục này" always has a queue to go to.
//
// ActionType::Procedures args: "field:<field code>" (open a field's list), "search" (open the
// search keyboard), "key:<A–Z>", "key:space", "key:back", "key:clear", "open:<procedure code>",
// "back" (one stage up), "issue" (a ticket for the open procedure's service), "print" (the
// documents checklist slip).
#include <string>
#include <vector>

#include "kiosk/ui/lookup_view.h"  // SlipPhase

namespace kiosk::ui {

enum class ProcedureStage {
    Fields,     // the served fields, plus the search entry
    Search,     // the A–Z keyboard, results as you type
    FieldList,  // the procedures of one field
    Detail,     // one procedure: documents, time and fee, result; issue / print
};

struct ProcedureFieldItem {
    std::string code;     // "G09-TP03"
    std::string name_vi;  // the kiosk service's names ("Hộ tịch" / "Civil status")
    std::string name_en;
    int procedures = 0;
};

struct ProcedureItem {
    std::string code;  // "1.001193"
    std::string name;  // Vietnamese only: the catalogue has no English names
    std::string field_vi, field_en;
};

struct ProcedureChannelLine {
    int channel = 1;              // 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích
    std::string processing_time;  // "03 ngày làm việc"
    bool free = false;            // fee 0: "Miễn phí"
    std::string fee_text;         // "100.000 đồng/lần" (the catalogue's words, else formatted)
};

struct ProcedureDocumentLine {
    std::string name;
    int originals = 0, copies = 0;
};

struct ProcedureDetail {
    std::string code, name, field_vi, field_en, agency, result;
    std::vector<ProcedureChannelLine> channels;  // Trực tiếp first
    std::vector<ProcedureDocumentLine> documents;
    bool can_issue = false;  // a kiosk service takes tickets for this field
    std::string service_id;
};

struct ProcedureView {
    ProcedureStage stage = ProcedureStage::Fields;
    std::vector<ProcedureFieldItem> fields;
    // Search: what was typed (A–Z and spaces, upper case as on the keys) and the best matches.
    std::string query;
    std::vector<ProcedureItem> results;
    int total_results = 0;  // may exceed results.size()
    // FieldList.
    ProcedureFieldItem field;
    std::vector<ProcedureItem> items;
    // Detail.
    ProcedureDetail detail;
    bool from_search = false;  // "back" from the detail returns to the search (else the field)
    SlipPhase slip = SlipPhase::None;
    std::string slip_error_vi, slip_error_en;
};

}  // namespace kiosk::ui
