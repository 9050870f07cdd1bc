// The satisfaction rating screens: strings (NFC, both languages), every stage drawn headless in
// portrait and landscape (screenshots, touch targets ≥ 120 px, nothing off screen), and the
// actions the keypad, the level buttons and the reasons emit.
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "harness_client.h"
#include "kiosk/ui/screen_rating_strings.h"
#include "screen_test_support.h"

using namespace kiosk;
using test::FixedScreenClient;
using test::shown;
using test::Size;

namespace {

const std::filesystem::path kOut =
    std::filesystem::path(KIOSK_BINARY_DIR) / "test-output" / "rating-ui";

platform::RunResult run(FixedScreenClient& client, const std::string& name,
                        const std::string& script, Size size) {
    return test::run_script(client, kOut, name, script, size);
}

ui::RatingView ticket_view(ui::RatingStage stage) {
    ui::RatingView v;
    v.stage = stage;
    v.number = "1001";
    v.service_vi = "Hộ tịch";
    v.service_en = "Civil status";
    v.counter = 2;
    return v;
}

struct Shot {
    const char* name;
    ui::RatingView view;
    std::vector<std::string> must_show;  // Vietnamese
};

std::vector<Shot> every_stage() {
    using ui::RatingStage;
    std::vector<Shot> shots;
    shots.push_back({"entry", {}, {"Quét mã QR trên vé hoặc nhập số thứ tự", "Xác nhận"}});
    ui::RatingView typed;
    typed.typed = "10";
    typed.letters = {"A", "H"};
    typed.problem = ui::RatingProblem::ScanNotTicket;
    shots.push_back({"entry-letters-problem", typed, {"10", "Đây không phải mã trên vé"}});
    ui::RatingView camera;
    camera.camera = true;
    shots.push_back({"entry-camera", camera, {"Đưa mã QR trên vé vào trong khung"}});
    shots.push_back({"checking", ticket_view(RatingStage::Checking), {"Đang tìm vé số 1001"}});
    shots.push_back({"choose",
                     ticket_view(RatingStage::Choose),
                     {"Số 1001 · Hộ tịch · Quầy 2", "Rất hài lòng", "Hài lòng", "Bình thường",
                      "Không hài lòng", "Rất không hài lòng"}});
    ui::RatingView reason = ticket_view(RatingStage::Reason);
    reason.level = 1;
    shots.push_back({"reason",
                     reason,
                     {"Chờ lâu", "Thái độ phục vụ", "Hướng dẫn chưa rõ", "Thủ tục phức tạp",
                      "Bỏ qua", "Quý khách đã chọn: Rất không hài lòng"}});
    ui::RatingView saving = ticket_view(RatingStage::Saving);
    saving.level = 4;
    shots.push_back({"saving", saving, {"Đang ghi nhận đánh giá"}});
    ui::RatingView thanks = ticket_view(RatingStage::Thanks);
    thanks.level = 5;
    thanks.seconds_until_home = 6;
    shots.push_back({"thanks",
                     thanks,
                     {"Cảm ơn Quý khách đã đánh giá", "Quý khách đã chọn: Rất hài lòng",
                      "Tự động về trang chủ sau 6 giây"}});
    ui::RatingView not_served = ticket_view(RatingStage::Refused);
    not_served.refusal = ui::RatingRefusalKind::NotServedYet;
    shots.push_back({"refused-not-served",
                     not_served,
                     {"Số 1001 chưa được phục vụ xong.",
                      "Mời Quý khách đánh giá sau khi làm xong thủ tục.", "Nhập số khác"}});
    ui::RatingView rated = not_served;
    rated.refusal = ui::RatingRefusalKind::AlreadyRated;
    shots.push_back({"refused-already-rated", rated, {"Vé số 1001 đã được đánh giá."}});
    ui::RatingView voided = not_served;
    voided.refusal = ui::RatingRefusalKind::Voided;
    shots.push_back({"refused-voided", voided, {"Vé số 1001 đã bị huỷ."}});
    ui::RatingView other_day = not_served;
    other_day.refusal = ui::RatingRefusalKind::OtherDay;
    shots.push_back({"refused-other-day", other_day, {"Vé này không phải của hôm nay."}});
    ui::RatingView failed = ticket_view(RatingStage::Failed);
    shots.push_back({"failed", failed, {"Chưa ghi nhận được đánh giá"}});
    return shots;
}

ui::ViewModel rating_vm(ui::RatingView v) {
    ui::ViewModel vm = test::demo_view_model();
    vm.screen = ui::Screen::Rating;
    vm.rating_available = true;
    vm.rating = std::move(v);
    return vm;
}

}  // namespace

TEST_CASE("rating strings: NFC, both languages, unique keys; level and reason words") {
    test::check_string_table(ui::all_rating_strings());
    CHECK(std::string(ui::rating_level_words(ui::Language::Vi, 5)) == "Rất hài lòng");
    CHECK(std::string(ui::rating_level_words(ui::Language::Vi, 1)) == "Rất không hài lòng");
    CHECK(std::string(ui::rating_level_words(ui::Language::En, 3)) == "Neutral");
    CHECK(std::string(ui::rating_level_words(ui::Language::Vi, 0)).empty());
    for (const char* code : ui::kRatingReasonCodes) {
        INFO(code);
        CHECK(std::string(ui::rating_reason_words(ui::Language::Vi, code)).size() > 0);
        CHECK(std::string(ui::rating_reason_words(ui::Language::En, code)).size() > 0);
    }
}

TEST_CASE(
    "every rating stage in portrait and landscape: screenshots, targets, nothing off screen") {
    for (const Size size : test::kBothOrientations) {
        for (const Shot& shot : every_stage()) {
            const std::string name = test::shot_name("rating-", shot.name, size);
            FixedScreenClient client(rating_vm(shot.view));
            test::check_screenshot(client, kOut, name, size);
            for (const std::string& text : shot.must_show) {
                INFO(name, ": expected ", text);
                CHECK(shown(client.widgets, text));
            }
            const int clickable = test::check_widgets(client.widgets, size, name);
            // Busy screens take no taps; the others have at least "Về trang chủ" and the
            // language toggle.
            const bool busy = shot.view.stage == ui::RatingStage::Checking ||
                              shot.view.stage == ui::RatingStage::Saving;
            CHECK((busy ? clickable == 0 : clickable >= 2));
        }
    }
}

TEST_CASE("entry keys, typed digits and Enter emit the rating's key actions") {
    ui::RatingView v;
    v.letters = {"A"};
    FixedScreenClient client(rating_vm(v));
    const auto r = run(client, "rating-keys",
                       "tap 1\ntap 0\ntap A\ntap Xoá\ntap Xoá hết\ntap Xác nhận\ntype 7b\n"
                       "key Return\nwait 200\n",
                       test::kPortrait);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    const std::vector<std::string> want = {"key:1",  "key:0", "key:A", "back",  "clear",
                                           "submit", "key:7", "key:B", "submit"};
    REQUIRE(client.actions.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
        CHECK(client.actions[i].type == ui::ActionType::Rating);
        CHECK(client.actions[i].arg == want[i]);
    }
    CHECK(shown(client.widgets, "Chạm vào các phím số"));  // entry placeholder
}

TEST_CASE("the level buttons and the reasons emit their words' codes, in both orientations") {
    for (const Size size : test::kBothOrientations) {
        FixedScreenClient choose(rating_vm(ticket_view(ui::RatingStage::Choose)));
        auto r = run(choose, "rating-levels",
                     "tap Rất hài lòng\ntap Bình thường\ntap Rất không hài lòng\nwait 200\n", size);
        REQUIRE_MESSAGE(r.exit_code == 0, r.message);
        REQUIRE(choose.actions.size() == 3);
        CHECK(choose.actions[0].arg == "level:5");
        CHECK(choose.actions[1].arg == "level:3");
        CHECK(choose.actions[2].arg == "level:1");

        ui::RatingView reason = ticket_view(ui::RatingStage::Reason);
        reason.level = 2;
        FixedScreenClient reasons(rating_vm(reason));
        r = run(reasons, "rating-reasons", "tap Thủ tục phức tạp\ntap Bỏ qua\nwait 200\n", size);
        REQUIRE_MESSAGE(r.exit_code == 0, r.message);
        REQUIRE(reasons.actions.size() == 2);
        CHECK(reasons.actions[0].arg == "reason:complex_procedure");
        CHECK(reasons.actions[1].arg == "skip");
    }
}

TEST_CASE("English: the same screens in English, the home button opens the rating") {
    ui::ViewModel vm = rating_vm(ticket_view(ui::RatingStage::Choose));
    vm.language = ui::Language::En;
    FixedScreenClient english(vm);
    auto r = run(english, "rating-english",
                 "expect How satisfied are you with the service?\nexpect Number 1001 · Civil "
                 "status · Counter 2\ntap Very dissatisfied\ntap Tiếng Việt\nwait 200\n",
                 test::kLandscape);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(english.actions.size() == 2);
    CHECK(english.actions[0].arg == "level:1");
    CHECK(english.actions[1].type == ui::ActionType::ToggleLanguage);

    ui::ViewModel home = test::demo_view_model();
    home.rating_available = true;
    FixedScreenClient h(home);
    r = run(h, "rating-home", "screenshot rating-home-1080x1920\ntap Đánh giá hài lòng\nwait 200\n",
            test::kPortrait);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(h.actions.size() == 1);
    CHECK(h.actions[0].type == ui::ActionType::OpenRating);
}

TEST_CASE("the lookup's served ticket offers \"Đánh giá hài lòng\" only when ratings are taken") {
    ui::ViewModel vm = test::demo_view_model();
    vm.screen = ui::Screen::Lookup;
    vm.lookup.stage = ui::LookupStage::TicketPlace;
    vm.lookup.ticket = {"1003", "Hộ tịch", "Civil status", {1, 2}, 0, false, false, true};
    vm.rating_available = true;
    FixedScreenClient offered(vm);
    auto r = run(offered, "rating-lookup-served",
                 "screenshot rating-lookup-served-1080x1920\ntap Đánh giá hài lòng\nwait 200\n",
                 test::kPortrait);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(offered.actions.size() == 1);
    CHECK(offered.actions[0].type == ui::ActionType::OpenRating);
    CHECK(offered.actions[0].arg == "1003");
    for (const auto& w : offered.widgets)
        if (w.clickable) CHECK(w.rect.height() >= 120.0f);

    vm.rating_available = false;
    FixedScreenClient plain(vm);
    r = run(plain, "rating-lookup-plain", "wait 100\n", test::kLandscape);
    REQUIRE_MESSAGE(r.exit_code == 0, r.message);
    CHECK_FALSE(shown(plain.widgets, "Đánh giá hài lòng"));
}
