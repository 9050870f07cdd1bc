// The procedure guide screens: strings (NFC, both languages), every stage drawn headless in
// portrait and landscape (screenshots, touch targets ≥ 120 px, nothing off screen), the A–Z
// keyboard's and the buttons' actions.
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "harness_client.h"
#include "kiosk/ui/screen_procedures_strings.h"
#include "screen_test_support.h"

using namespace kiosk;
using test::FixedScreenClient;
using test::shown;
using test::Size;

namespace {

const std::filesystem::path kOut =
    std::filesystem::path(KIOSK_BINARY_DIR) / "test-output" / "procedures-ui";

platform::RunResult run(FixedScreenClient& client, const std::string& name,
                        const std::string& script, Size size) {
    return test::run_script(client, kOut, name, script, size);
}

ui::ProcedureItem item(const char* code, const char* name, const char* field_vi,
                       const char* field_en) {
    return {code, name, field_vi, field_en};
}

ui::ProcedureView fields_view() {
    ui::ProcedureView v;
    v.fields = {{"G09-TP03", "Hộ tịch", "Civil status", 9},
                {"G09-TP05", "Chứng thực", "Certification", 5},
                {"G12-DD01", "Đất đai", "Land", 5},
                {"G06-KD02", "Đăng ký kinh doanh", "Business registration", 5},
                {"G09-TP07", "Lý lịch tư pháp", "Criminal records", 2}};
    return v;
}

ui::ProcedureDetail birth_detail() {
    ui::ProcedureDetail d;
    d.code = "1.001193";
    d.name = "Thủ tục đăng ký khai sinh";
    d.field_vi = "Hộ tịch";
    d.field_en = "Civil status";
    d.agency = "UBND cấp xã";
    d.result = "Giấy khai sinh (bản chính)";
    d.channels = {{1, "Ngay trong ngày làm việc", true, "Miễn lệ phí"},
                  {2, "Ngay trong ngày làm việc", true, ""}};
    d.documents = {{"Tờ khai đăng ký khai sinh theo mẫu", 1, 0},
                   {"Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp", 1, 0},
                   {"Giấy tờ tùy thân của người đi đăng ký (CCCD, hộ chiếu)", 1, 0},
                   {"Giấy chứng nhận kết hôn của cha mẹ (nếu có)", 0, 1}};
    d.can_issue = true;
    d.service_id = "ho-tich";
    return d;
}

struct Shot {
    const char* name;
    ui::ProcedureView view;
    ui::Language lang = ui::Language::Vi;
};

std::vector<Shot> every_stage() {
    std::vector<Shot> shots;
    shots.push_back({"fields", fields_view()});
    shots.push_back({"fields-en", fields_view(), ui::Language::En});
    ui::ProcedureView search = fields_view();
    search.stage = ui::ProcedureStage::Search;
    shots.push_back({"search-empty", search});
    search.query = "KHAI SINH";
    search.results = {item("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", "Civil status"),
                      item("1.000689", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch",
                           "Civil status"),
                      item("1.004884", "Thủ tục đăng ký lại khai sinh", "Hộ tịch", "Civil status"),
                      item("1.001695", "Thủ tục đăng ký khai sinh kết hợp nhận cha, mẹ, con",
                           "Hộ tịch", "Civil status")};
    search.total_results = 4;
    shots.push_back({"search", search});
    ui::ProcedureView none = search;
    none.query = "XYZQ";
    none.results.clear();
    none.total_results = 0;
    shots.push_back({"search-none", none});
    ui::ProcedureView list = fields_view();
    list.stage = ui::ProcedureStage::FieldList;
    list.field = list.fields[0];
    list.items = search.results;
    list.items.push_back(item("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch", "Civil status"));
    list.items.push_back(item("1.001022", "Thủ tục đăng ký khai tử", "Hộ tịch", "Civil status"));
    list.items.push_back(item("1.004873", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
                              "Hộ tịch", "Civil status"));
    list.items.push_back(
        item("2.000635", "Thủ tục cấp bản sao trích lục hộ tịch", "Hộ tịch", "Civil status"));
    shots.push_back({"list", list});
    ui::ProcedureView detail = fields_view();
    detail.stage = ui::ProcedureStage::Detail;
    detail.detail = birth_detail();
    shots.push_back({"detail", detail});
    ui::ProcedureView printed = detail;
    printed.slip = ui::SlipPhase::Printed;
    shots.push_back({"detail-printed-en", printed, ui::Language::En});
    ui::ProcedureView failed = detail;
    failed.slip = ui::SlipPhase::Failed;
    failed.slip_error_vi = "Máy in hết giấy. Vui lòng báo cán bộ tiếp nhận.";
    shots.push_back({"detail-slip-failed", failed});
    return shots;
}

}  // namespace

TEST_CASE("procedure guide strings: NFC, both languages, unique keys; counts and channels") {
    test::check_string_table(ui::all_procedure_strings());
    CHECK(ui::format_document_counts(ui::Language::Vi, 1, 1) == "01 bản chính, 01 bản sao");
    CHECK(ui::format_document_counts(ui::Language::Vi, 2, 0) == "02 bản chính");
    CHECK(ui::format_document_counts(ui::Language::En, 1, 3) == "1 original, 3 copies");
    CHECK(ui::format_document_counts(ui::Language::En, 0, 0).empty());
    CHECK(std::string(ui::channel_name(ui::Language::Vi, 1)) == "Nộp trực tiếp");
    CHECK(std::string(ui::channel_name(ui::Language::En, 3)) == "By post");
    CHECK(std::string(ui::channel_name(ui::Language::Vi, 9)).empty());
}

TEST_CASE("every guide stage in portrait and landscape: screenshots, targets, nothing off screen") {
    for (const Size size : test::kBothOrientations) {
        for (const Shot& shot : every_stage()) {
            ui::ViewModel vm = test::demo_view_model();
            vm.screen = ui::Screen::Procedures;
            vm.procedures_available = true;
            vm.language = shot.lang;
            vm.procedures = shot.view;
            const std::string name = test::shot_name("procedures-", shot.name, size);
            FixedScreenClient client(vm);
            test::check_screenshot(client, kOut, name, size);
            CHECK(test::check_widgets(client.widgets, size, name) >= 3);
            const bool vi = shot.lang == ui::Language::Vi;
            CHECK(shown(client.widgets, vi ? "Về trang chủ" : "Home"));
            switch (shot.view.stage) {
                case ui::ProcedureStage::Fields:
                    CHECK(shown(client.widgets, vi ? "Tìm thủ tục" : "Search for a procedure"));
                    CHECK(shown(client.widgets, vi ? "Hộ tịch" : "Civil status"));
                    CHECK_FALSE(shown(client.widgets, vi ? "Quay lại" : "Back"));
                    break;
                case ui::ProcedureStage::Search:
                    CHECK(shown(client.widgets, "Gõ không dấu cũng được"));
                    CHECK(shown(client.widgets, "Dấu cách"));
                    if (!shot.view.results.empty())  // the others may be below the fold
                        CHECK(shown(client.widgets, shot.view.results.front().name));
                    if (shot.view.query == "XYZQ")
                        CHECK(shown(client.widgets, "Không tìm thấy thủ tục phù hợp"));
                    break;
                case ui::ProcedureStage::FieldList:
                    CHECK(shown(client.widgets, shot.view.items.front().name));
                    CHECK(shown(client.widgets, "Quay lại"));
                    break;
                case ui::ProcedureStage::Detail:
                    CHECK(shown(client.widgets, shot.view.detail.name));
                    CHECK(shown(client.widgets, shot.view.detail.documents.front().name));
                    CHECK(shown(client.widgets, vi ? "01 bản chính" : "1 original"));
                    CHECK(shown(client.widgets, vi ? "Lấy số cho thủ tục này"
                                                   : "Take a number for this procedure"));
                    CHECK(shown(client.widgets,
                                vi ? "In danh sách giấy tờ" : "Print the document list"));
                    if (size.h > size.w)  // landscape: below the fold of the scroll area
                        CHECK(shown(client.widgets, vi ? "Miễn phí" : "Free"));
                    CHECK(shown(client.widgets, "Quầy 1, 2") == vi);
                    CHECK(shown(client.widgets,
                                vi ? "Mời bạn nhận danh sách" : "Please take your document list") ==
                          (shot.view.slip == ui::SlipPhase::Printed));
                    CHECK(shown(client.widgets, "Máy in hết giấy") ==
                          (shot.view.slip == ui::SlipPhase::Failed));
                    break;
            }
        }
    }
}

TEST_CASE("keyboard, lists and buttons emit the guide's actions") {
    ui::ViewModel vm = test::demo_view_model();
    vm.screen = ui::Screen::Procedures;
    vm.procedures = every_stage()[3].view;  // search with results
    FixedScreenClient search(vm);
    auto r = run(search, "procedures-keys",
                 "tap K\ntap Z\ntap Dấu cách\ntap Xoá\ntap Xoá hết\n"
                 "tap Thủ tục đăng ký lại khai sinh\ntap Quay lại\ntap Về trang chủ\nwait 200\n",
                 test::kPortrait);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(search.actions.size() == 8);
    const char* args[] = {"key:K",     "key:Z",         "key:space", "key:back",
                          "key:clear", "open:1.004884", "back"};
    for (int i = 0; i < 7; ++i) {
        CHECK(search.actions[i].type == ui::ActionType::Procedures);
        CHECK(search.actions[i].arg == args[i]);
    }
    CHECK(search.actions[7].type == ui::ActionType::GoHome);

    vm.procedures = fields_view();
    FixedScreenClient fields(vm);
    r = run(fields, "procedures-fields-tap", "tap Tìm thủ tục\ntap Đất đai\nwait 200\n",
            test::kLandscape);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(fields.actions.size() == 2);
    CHECK(fields.actions[0].arg == "search");
    CHECK(fields.actions[1].arg == "field:G12-DD01");

    vm.procedures = every_stage()[6].view;  // detail
    FixedScreenClient detail(vm);
    r = run(detail, "procedures-detail-tap",
            "tap Lấy số cho thủ tục này\ntap In danh sách giấy tờ\nwait 200\n", test::kLandscape);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(detail.actions.size() == 2);
    CHECK(detail.actions[0].arg == "issue");
    CHECK(detail.actions[1].arg == "print");

    // The printer paused: "Lấy số" is disabled and says why.
    vm.printer_ready = false;
    FixedScreenClient paused(vm);
    r = run(paused, "procedures-detail-paused", "expect Máy in đang tạm ngừng\nwait 100\n",
            test::kPortrait);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    for (const auto& w : paused.widgets)
        if (w.text == "Lấy số cho thủ tục này") CHECK_FALSE(w.enabled);
}
