// The dossier lookup screens: strings (NFC, both languages, words for every national status),
// every stage drawn headless in portrait and landscape (screenshots, touch targets ≥ 120 px,
// nothing off screen), the keypad's actions and the script's `scan` reaching the client.
#include <filesystem>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "harness_client.h"
#include "kiosk/core/dossier_status.h"
#include "kiosk/ui/screen_lookup_strings.h"
#include "screen_test_support.h"

using namespace kiosk;
using test::FixedScreenClient;
using test::shown;
using test::Size;
using test::to_nfc;

namespace {

const std::filesystem::path kOut =
    std::filesystem::path(KIOSK_BINARY_DIR) / "test-output" / "lookup-ui";

platform::RunResult run(FixedScreenClient& client, const std::string& name,
                        const std::string& script, Size size) {
    return test::run_script(client, kOut, name, script, size);
}

ui::DossierView demo_dossier() {
    ui::DossierView d;
    d.code = "000.00.00.H41-261118-0004";
    d.status_code = 4;
    d.server_label = "Đang thẩm định hồ sơ";
    d.procedure_name =
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm "
        "quyền cấp";
    d.received_date = "18/11/2026";
    d.appointment_date = "16/12/2026";
    d.appointment_time = "16:30";
    d.handling_unit = "UBND cấp xã; Phòng Tư pháp";
    d.current_step = "Thẩm định hồ sơ";
    d.pickup_place = "Quầy 05 – Trung tâm Phục vụ hành chính công tỉnh Nghệ An";
    d.owner_masked = "N. V. A***";
    d.history = {{"19/11/2026 10:22", "Thẩm định hồ sơ", "UBND cấp xã; Phòng Tư pháp"},
                 {"18/11/2026 08:22", "Tiếp nhận hồ sơ", "Bộ phận Một cửa"}};
    return d;
}

struct Shot {
    const char* name;
    ui::LookupView view;
};

std::vector<Shot> every_stage() {
    std::vector<Shot> shots;
    ui::LookupView scan;
    shots.push_back({"scan", scan});
    ui::LookupView typed;
    typed.typed = "000.00.21.H41-2503";
    typed.page = ui::KeypadPage::Letters;
    typed.problem = ui::LookupProblem::TypedInvalid;
    shots.push_back({"scan-letters", typed});
    ui::LookupView camera;
    camera.camera = true;
    camera.problem = ui::LookupProblem::ScanInvalid;
    camera.problem_hint_vi = "Mã không hợp lệ. Hãy quét mã QR trên giấy tiếp nhận hồ sơ.";
    shots.push_back({"scan-camera-invalid", camera});
    ui::LookupView looking;
    looking.stage = ui::LookupStage::Looking;
    looking.code = "000.00.00.H41-261118-0004";
    shots.push_back({"looking", looking});
    ui::LookupView factor;
    factor.stage = ui::LookupStage::Factor;
    factor.factors = {"id_number", "lookup_code"};
    factor.typed = "04009500";
    factor.problem = ui::LookupProblem::FactorWrong;
    shots.push_back({"factor", factor});
    ui::LookupView result;
    result.stage = ui::LookupStage::Result;
    result.dossier = demo_dossier();
    shots.push_back({"result", result});
    ui::LookupView cached = result;
    cached.from_cache = true;
    cached.cached_at = "09:12 27/11/2026";
    cached.cached_minutes_ago = 125;
    cached.dossier.overdue = true;
    cached.slip = ui::SlipPhase::Failed;
    cached.slip_error_vi = "Máy in hết giấy. Vui lòng báo cán bộ tiếp nhận.";
    shots.push_back({"result-offline-overdue", cached});
    ui::LookupView ready = result;
    ready.dossier.status_code = 9;
    ready.dossier.server_label = "Đã có kết quả – mời nhận kết quả";
    ready.slip = ui::SlipPhase::Printed;
    shots.push_back({"result-ready", ready});
    ui::LookupView offline;
    offline.stage = ui::LookupStage::Message;
    offline.message = ui::LookupMessage::Offline;
    shots.push_back({"offline", offline});
    ui::LookupView not_found = offline;
    not_found.message = ui::LookupMessage::NotFound;
    not_found.code = "000.00.00.H41-261118-0099";
    shots.push_back({"not-found", not_found});
    ui::LookupView ticket;
    ticket.stage = ui::LookupStage::TicketPlace;
    ticket.ticket = {"1003", "Hộ tịch", "Civil status", {1, 2}, 4, true, false, false};
    shots.push_back({"ticket", ticket});
    return shots;
}

}  // namespace

TEST_CASE("lookup strings and status words: NFC, both languages, every national code") {
    test::check_string_table(ui::all_lookup_strings());
    std::set<std::string> words;
    for (int code = 1; code <= 10; ++code) {
        INFO("status ", code);
        const StatusWords& w = dossier_status_words(code);
        CHECK(words.insert(w.vi).second);  // every code has its own words
        for (const char* text : {w.vi, w.en, w.next_vi, w.next_en}) {
            CHECK(std::string(text).size() > 0);
            CHECK(to_nfc(text) == text);
        }
        CHECK(std::string(ui::status_words(ui::Language::Vi, code)) == w.vi);
        CHECK(std::string(ui::status_words(ui::Language::En, code)) == w.en);
    }
    CHECK(std::string(ui::status_words(ui::Language::Vi, 0)) == kUnknownStatusWords.vi);
    CHECK(std::string(ui::status_words(ui::Language::Vi, 11)) == kUnknownStatusWords.vi);
    CHECK(ui::format_age(ui::Language::Vi, 0) == "vừa xong");
    CHECK(ui::format_age(ui::Language::Vi, 125) == "2 giờ trước");
    CHECK(ui::format_age(ui::Language::En, 45) == "45 min ago");
    CHECK(ui::format_age(ui::Language::Vi, 3 * 24 * 60) == "3 ngày trước");
}

TEST_CASE(
    "every lookup stage in portrait and landscape: screenshots, targets, nothing off screen") {
    for (const Size size : test::kBothOrientations) {
        for (const Shot& shot : every_stage()) {
            ui::ViewModel vm = test::demo_view_model();
            vm.screen = ui::Screen::Lookup;
            vm.lookup = shot.view;
            const std::string name = test::shot_name("lookup-", shot.name, size);
            FixedScreenClient client(vm);
            test::check_screenshot(client, kOut, name, size);
            // Layout only: this test has never checked the lookup's drawn texts for NFC.
            test::check_widgets(client.widgets, size, name, {.nfc_text = false});
            if (shot.view.stage == ui::LookupStage::Result) {
                CHECK(shown(client.widgets,
                            ui::status_words(ui::Language::Vi, shot.view.dossier.status_code)));
                CHECK(shown(client.widgets, shot.view.dossier.appointment_date));
                CHECK(shown(client.widgets, "In phiếu"));
                CHECK(shown(client.widgets, shot.view.dossier.code));
                CHECK(shown(client.widgets, "QUÁ HẠN") == shot.view.dossier.overdue);
                CHECK(shown(client.widgets, "2 giờ trước") == shot.view.from_cache);
            }
        }
    }
}

TEST_CASE("keypad keys and the script's scan reach the client") {
    ui::ViewModel vm = test::demo_view_model();
    vm.screen = ui::Screen::Lookup;
    FixedScreenClient client(vm);
    const auto r = run(client, "lookup-keys",
                       "tap 7\ntap H\ntap .\ntap Xoá\ntap Xoá hết\ntap Chữ A–Z\ntap Tra cứu\n"
                       "scan 000.00.21.H41-250312-0007\nwait 200\n",
                       test::kPortrait);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(client.actions.size() == 7);
    const char* args[] = {"7", "H", ".", "back", "clear", "letters"};
    for (int i = 0; i < 6; ++i) {
        CHECK(client.actions[i].type == ui::ActionType::LookupKey);
        CHECK(client.actions[i].arg == args[i]);
    }
    CHECK(client.actions[6].type == ui::ActionType::LookupSubmit);
    REQUIRE(client.scans.size() == 1);
    CHECK(client.scans[0] == "000.00.21.H41-250312-0007");
    CHECK(shown(client.widgets, "Chạm vào các phím bên dưới"));  // entry placeholder
}

TEST_CASE("home offers \"Tra cứu hồ sơ\" and the factor entry is masked") {
    FixedScreenClient home(test::demo_view_model());
    auto r = run(home, "lookup-home", "tap Tra cứu hồ sơ\nwait 200\n", test::kPortrait);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(home.actions.size() == 1);
    CHECK(home.actions[0].type == ui::ActionType::OpenLookup);

    ui::ViewModel vm = test::demo_view_model();
    vm.screen = ui::Screen::Lookup;
    vm.lookup.stage = ui::LookupStage::Factor;
    vm.lookup.typed = "040095001234";
    FixedScreenClient factor(vm);
    r = run(factor, "lookup-factor-mask", "expect ********1234\ntap 5\nwait 200\n",
            test::kLandscape);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    CHECK_FALSE(shown(factor.widgets, "040095001234"));
    CHECK_FALSE(shown(factor.widgets, "Chữ A–Z"));  // digits only
    REQUIRE(factor.actions.size() == 1);
    CHECK(factor.actions[0].arg == "5");
}
