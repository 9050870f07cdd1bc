// The procedure guide (issue 4, the cached catalogue on the kiosk): when the home button shows,
// the stages (fields, a field's list, search as you type, detail), a ticket taken from a
// procedure reaching the issuer, and the documents checklist printed through a real file printer
// and decoded back to an image.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "drivers/printer/escpos_decoder.h"
#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/lookup_slip_printer.h"
#include "kiosk/app/ticket_printer.h"
#include "kiosk/core/embedded_catalog.h"
#include "kiosk/print/checklist_slip.h"
#include "kiosk/print/png_writer.h"
#include "kiosk/sync/reply_parsers.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::app;
using namespace std::chrono;
using ui::ActionType;
using ui::ProcedureStage;

namespace {

const std::filesystem::path kOut =
    std::filesystem::path(KIOSK_BINARY_DIR) / "test-output" / "procedures";

std::shared_ptr<const Catalog> demo_catalog() {
    auto parsed = sync::parse_catalog(embedded_demo_catalog_json());
    REQUIRE_MESSAGE(parsed.ok(), parsed.error);
    return std::make_shared<const Catalog>(std::move(*parsed.value));
}

struct Fixture {
    test::TempDir dir{"procedure-flow"};
    KioskConfig config = *parse_config(embedded_demo_config(), "<embedded>").config;
    ManualClock clock{sys_days{2026y / 11 / 27} + 2h};  // 09:00 in Vietnam, a Friday
    std::atomic<int> prints{0};
    std::vector<MonoBitmap> slips;
    std::vector<std::string> slip_names;
    PrintAttempt slip_result = PrintAttempt::printed();
    KioskController controller{config, dir.file("queue.db"), clock, [this](const TicketSlip&) {
                                   ++prints;
                                   return PrintAttempt::printed();
                               }};
    explicit Fixture(bool with_catalog = true) {
        controller.enable_lookup({}, [this](const MonoBitmap& b, const std::string& name) {
            slips.push_back(b);
            slip_names.push_back(name);
            return slip_result;
        });
        controller.start();
        controller.wait_idle();
        if (with_catalog) controller.set_catalog(demo_catalog());
    }
    void act(ActionType t, std::string arg = {}) { controller.handle({t, std::move(arg)}); }
    void guide(const std::string& arg) { act(ActionType::Procedures, arg); }
    void type(const std::string& text) {
        for (const char c : text)
            guide(c == ' ' ? "key:space" : "key:" + std::string(1, c));
    }
    ui::ProcedureView view() const { return controller.view_model().procedures; }
};

bool has_code(const std::vector<ui::ProcedureItem>& items, const std::string& code) {
    for (const auto& i : items)
        if (i.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("the home button shows only with a catalogue whose procedures a service serves") {
    Fixture none(false);
    CHECK_FALSE(none.controller.view_model().procedures_available);
    none.act(ActionType::OpenProcedures);
    CHECK(none.controller.view_model().screen == ui::Screen::Home);

    // A catalogue whose only procedure is in a field no kiosk service serves.
    auto other = std::make_shared<Catalog>(*demo_catalog());
    other->fields.push_back({"G99-XX01", "Lĩnh vực khác"});
    Procedure lone = other->procedures.front();
    lone.code = "9.999999";
    lone.field_code = "G99-XX01";
    other->procedures = {lone};
    ++other->version;
    none.controller.set_catalog(other);
    CHECK_FALSE(none.controller.view_model().procedures_available);

    Fixture f;
    CHECK(f.controller.view_model().procedures_available);
    f.act(ActionType::Procedures, "search");  // not on the guide: ignored
    f.act(ActionType::OpenProcedures);
    const ui::ViewModel vm = f.controller.view_model();
    CHECK(vm.screen == ui::Screen::Procedures);
    CHECK(vm.procedures.stage == ProcedureStage::Fields);
    REQUIRE(vm.procedures.fields.size() == 5);
    CHECK(vm.procedures.fields[0].code == "G09-TP03");
    CHECK(vm.procedures.fields[0].name_vi == "Hộ tịch");
    CHECK(vm.procedures.fields[0].name_en == "Civil status");
    int total = 0;
    for (const auto& field : vm.procedures.fields) {
        CHECK(field.procedures > 0);
        total += field.procedures;
    }
    CHECK(total == static_cast<int>(demo_catalog()->procedures.size()));
}

TEST_CASE("fields → list → detail → back, and the idle timeout returns home") {
    Fixture f;
    f.act(ActionType::OpenProcedures);
    f.guide("field:G09-TP03");
    auto v = f.view();
    CHECK(v.stage == ProcedureStage::FieldList);
    CHECK(v.field.name_vi == "Hộ tịch");
    REQUIRE_FALSE(v.items.empty());
    CHECK(has_code(v.items, "1.001193"));
    for (const auto& item : v.items)
        CHECK(item.field_vi == "Hộ tịch");

    f.guide("open:1.001193");
    v = f.view();
    REQUIRE(v.stage == ProcedureStage::Detail);
    CHECK(v.detail.name == "Thủ tục đăng ký khai sinh");
    CHECK(v.detail.field_vi == "Hộ tịch");
    CHECK(v.detail.can_issue);
    CHECK(v.detail.service_id == "ho-tich");
    REQUIRE_FALSE(v.detail.documents.empty());
    CHECK(v.detail.documents[0].name == "Tờ khai đăng ký khai sinh");
    REQUIRE_FALSE(v.detail.channels.empty());
    CHECK(v.detail.channels[0].channel == 1);  // trực tiếp first
    CHECK(v.detail.channels[0].free);
    CHECK_FALSE(v.from_search);

    f.guide("back");
    CHECK(f.view().stage == ProcedureStage::FieldList);
    f.guide("back");
    CHECK(f.view().stage == ProcedureStage::Fields);
    f.guide("open:9.999999");  // unknown: nothing changes
    CHECK(f.view().stage == ProcedureStage::Fields);

    // A fee is shown as the catalogue words it; channels sorted 1, 2, 3.
    f.guide("field:G09-TP07");
    f.guide("open:" + f.view().items.at(0).code);
    v = f.view();
    REQUIRE(v.detail.channels.size() >= 2);
    CHECK(v.detail.channels[0].channel < v.detail.channels[1].channel);
    CHECK_FALSE(v.detail.channels[0].free);
    CHECK_FALSE(v.detail.channels[0].fee_text.empty());

    f.clock.advance(seconds(f.config.idle_timeout_s + 1));
    f.controller.tick();
    CHECK(f.controller.view_model().screen == ui::Screen::Home);
    f.act(ActionType::OpenProcedures);
    CHECK(f.view().stage == ProcedureStage::Fields);  // fresh: nothing of the last citizen
}

TEST_CASE("search as you type: without diacritics, delete, clear, back keeps the query") {
    Fixture f;
    f.act(ActionType::OpenProcedures);
    f.guide("search");
    auto v = f.view();
    CHECK(v.stage == ProcedureStage::Search);
    CHECK(v.query.empty());
    CHECK(v.results.empty());

    f.type("KHAI");
    v = f.view();
    CHECK(v.query == "KHAI");
    REQUIRE_FALSE(v.results.empty());
    f.type(" SINH");
    v = f.view();
    CHECK(v.query == "KHAI SINH");
    REQUIRE_FALSE(v.results.empty());
    CHECK(v.results[0].code == "1.001193");
    CHECK(v.results[0].field_vi == "Hộ tịch");
    CHECK(v.total_results == static_cast<int>(v.results.size()));

    f.type("  ");  // a second space in a row is not added
    CHECK(f.view().query == "KHAI SINH ");
    f.guide("key:back");
    f.guide("key:back");
    CHECK(f.view().query == "KHAI SIN");
    f.guide("key:?");  // not a key: ignored
    CHECK(f.view().query == "KHAI SIN");

    f.guide("key:clear");
    f.type("DANG KY KINH DOANH");
    v = f.view();
    REQUIRE_FALSE(v.results.empty());
    CHECK(v.results[0].name.find("kinh doanh") != std::string::npos);

    f.guide("key:clear");
    f.type("XYZQ");
    v = f.view();
    CHECK(v.results.empty());
    CHECK(v.total_results == 0);

    f.guide("key:clear");
    f.type("KET HON");
    v = f.view();
    REQUIRE_FALSE(v.results.empty());
    const std::string code = v.results[0].code;
    f.guide("open:" + code);
    CHECK(f.view().stage == ProcedureStage::Detail);
    CHECK(f.view().from_search);
    f.guide("back");
    v = f.view();
    CHECK(v.stage == ProcedureStage::Search);
    CHECK(v.query == "KET HON");
    CHECK(v.results[0].code == code);
}

TEST_CASE("\"Lấy số cho thủ tục này\" issues a ticket for the field's service") {
    Fixture f;
    f.act(ActionType::OpenProcedures);
    f.guide("search");
    f.type("KHAI SINH");
    f.guide("open:1.001193");
    f.guide("issue");
    CHECK(f.controller.view_model().screen == ui::Screen::Ticket);
    f.guide("issue");  // a second tap while printing: ignored (not on the guide any more)
    f.controller.wait_idle();
    const ui::ViewModel vm = f.controller.view_model();
    CHECK(vm.ticket.phase == ui::TicketPhase::Ready);
    CHECK(vm.ticket.number == "1001");
    CHECK(vm.ticket.service_name_vi == "Hộ tịch");
    CHECK(f.prints == 1);
    CHECK(vm.services[0].waiting == 1);

    // Land registration goes to the "dat-dai" service (prefix 3).
    f.act(ActionType::GoHome);
    f.act(ActionType::OpenProcedures);
    f.guide("field:G12-DD01");
    f.guide("open:" + f.view().items.at(0).code);
    f.guide("issue");
    f.controller.wait_idle();
    CHECK(f.controller.view_model().ticket.number == "3001");
    CHECK(f.prints == 2);
}

TEST_CASE("the checklist slip is printed on the worker; a failure is shown calmly") {
    Fixture f;
    f.act(ActionType::OpenProcedures);
    f.guide("field:G09-TP03");
    f.guide("open:1.001193");
    f.guide("print");
    f.controller.wait_idle();
    CHECK(f.view().slip == ui::SlipPhase::Printed);
    REQUIRE(f.slips.size() == 1);
    CHECK(f.slip_names[0] == "checklist-1.001193");
    CHECK(f.slips[0].width() == f.config.printer.dots);
    CHECK(f.slips[0].height() > 400);
    CHECK(f.prints == 0);  // no queue ticket

    f.slip_result = PrintAttempt::failed("paper_out", "no paper");
    f.slip_result.citizen_vi = "Máy in hết giấy.";
    f.guide("print");
    f.controller.wait_idle();
    CHECK(f.view().slip == ui::SlipPhase::Failed);
    CHECK(f.view().slip_error_vi == "Máy in hết giấy.");
    CHECK(f.controller.view_model().screen == ui::Screen::Procedures);
}

TEST_CASE("checklist slip through a real file printer, decoded back to the same image") {
    test::TempDir dir{"procedure-slip"};
    const KioskConfig config = *parse_config(embedded_demo_config(), "<embedded>").config;
    const std::string bin = dir.file("printer.bin");
    TicketPrinter printer(config, "file:" + bin, dir.path().string());

    print::ChecklistSlip slip;
    slip.office_name = config.office_name_vi;
    slip.procedure_name = "Thủ tục đăng ký khai sinh";
    slip.procedure_code = "1.001193";
    slip.field_name = "Hộ tịch";
    slip.agency = "UBND cấp xã";
    slip.documents = {{"Tờ khai đăng ký khai sinh", 1, 0},
                      {"Giấy chứng sinh do cơ sở y tế cấp", 1, 0},
                      {"Giấy tờ tùy thân của người đi đăng ký", 1, 1}};
    slip.processing_time = "Ngay trong ngày làm việc";
    slip.fee = "Miễn phí";
    slip.result = "Giấy khai sinh (bản chính)";
    slip.printed_at = "27/11/2026 09:00:00";
    CHECK(print::document_counts_vi(1, 1) == "01 bản chính, 01 bản sao");
    CHECK(print::document_counts_vi(0, 2) == "02 bản sao");
    CHECK(print::document_counts_vi(0, 0) == "");
    const MonoBitmap bitmap = print::render_checklist_slip(
        slip, print::TicketRenderOptions::from_config(config.printer, config.display));
    const PrintAttempt attempt =
        print_status_slip(printer.device(), config, bitmap, "checklist-1.001193", dir.path());
    REQUIRE_MESSAGE(attempt.ok, attempt.detail);
    CHECK(std::filesystem::exists(dir.file("status-checklist-1.001193.png")));

    std::ifstream in(bin, std::ios::binary);
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    const auto jobs = printer::decode_escpos(bytes);
    REQUIRE(jobs.size() == 1);
    const MonoBitmap& raster = jobs[0].raster;
    REQUIRE(raster.width() == bitmap.width());
    REQUIRE(raster.height() >= bitmap.height());
    bool same = true;
    for (int y = 0; y < bitmap.height() && same; ++y)
        for (int x = 0; x < bitmap.width(); ++x)
            if (raster.get(x, y) != bitmap.get(x, y)) {
                same = false;
                break;
            }
    CHECK(same);
    std::filesystem::create_directories(kOut);
    CHECK(print::write_png((kOut / "checklist-slip.png").string(), raster).ok());

    // One tick box per document: its top and bottom edges are the only short black runs that
    // start at the left margin (rules span the width, text starts right of the boxes).
    const int left = 16;  // the canvas margin at 576 dots; boxes are 30 dots wide
    int edges = 0;
    bool in_edge = false;
    for (int y = 0; y < raster.height(); ++y) {
        int run = 0;
        while (left + run < raster.width() && raster.get(left + run, y))
            ++run;
        const bool edge = run >= 27 && run <= 33 && !raster.get(left - 1, y);
        if (edge && !in_edge) ++edges;
        in_edge = edge;
    }
    CHECK(edges == 2 * static_cast<int>(slip.documents.size()));
}
