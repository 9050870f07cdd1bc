#include "demo_seed.h"

#include <cstdio>

#include "kiosk/core/embedded_catalog.h"

namespace dossier {
using kiosk::TimePoint;
namespace {

using nlohmann::json;
using namespace std::chrono;

const char* const kOffice = "Trung tâm Phục vụ hành chính công tỉnh Nghệ An";

// The procedures of the shared demo catalogue (assets/demo/catalog.json); demo dossiers refer to
// them by index, so new procedures are appended at the end of that list.
json procedures() {
    return json::parse(kiosk::embedded_demo_catalog_json()).at("procedures");
}

std::string code_for(TimePoint received, int seq) {
    const auto l = kiosk::to_local(received);
    char buf[64];
    std::snprintf(buf, sizeof buf, "000.00.00.H41-%02d%02d%02d-%04d", l.year % 100, l.month, l.day,
                  seq);
    return buf;
}

TimePoint at_local(TimePoint day, int hour, int minute) {
    auto l = kiosk::to_local(day);
    l.hour = hour;
    l.minute = minute;
    l.second = 0;
    return kiosk::from_local(l);
}

}  // namespace

nlohmann::json demo_catalog(TimePoint now) {
    json catalog = json::parse(kiosk::embedded_demo_catalog_json());
    // Seeded today: the document's own date is only an example.
    catalog["generated_at"] = kiosk::iso8601_local(at_local(now, 7, 0));
    return catalog;
}

std::vector<SeedDossier> demo_dossiers(TimePoint now) {
    struct Row {
        int status;
        const char* national;
        const char* label;
        int procedure;  // index into procedures()
        int days_ago;
        int duration_days;  // appointment = received + duration (-1: none yet)
        const char* step;
        const char* owner;
        bool factor;
    };
    static const Row rows[] = {
        {1, "Mới đăng ký", "Chờ tiếp nhận hồ sơ trực tuyến", 4, 1, -1, "Chờ cán bộ tiếp nhận",
         "Trần Thị Bích Ngọc", true},
        {2, "Được tiếp nhận", "Đã tiếp nhận, chuyển xử lý", 2, 0, 1, "Chuyển phòng chuyên môn",
         "Lê Văn Hùng", false},
        {3, "Không được tiếp nhận", "Từ chối tiếp nhận (hồ sơ không thuộc thẩm quyền)", 3, 6, -1,
         "Đã trả lại hồ sơ", "Phạm Thị Hoa", true},
        {4, "Đang xử lý", "Đang thẩm định hồ sơ", 3, 9, 28, "Thẩm định hồ sơ", "Nguyễn Văn An",
         true},
        {5, "Yêu cầu bổ sung giấy tờ", "Chờ công dân bổ sung hồ sơ", 5, 5, 14, "Chờ bổ sung",
         "Hoàng Minh Đức", true},
        {6, "Yêu cầu thực hiện nghĩa vụ tài chính", "Chờ nộp lệ phí trước bạ", 3, 15, 28,
         "Chờ thực hiện nghĩa vụ tài chính", "Võ Thị Thanh Hương", true},
        {7, "Công dân yêu cầu rút hồ sơ", "Đã rút hồ sơ theo đề nghị", 4, 4, 3, "Kết thúc",
         "Đặng Quốc Bảo", true},
        {8, "Dừng xử lý", "Tạm dừng xử lý (có tranh chấp)", 3, 30, 28, "Dừng xử lý", "Bùi Thị Lan",
         true},
        {9, "Đã xử lý xong", "Đã có kết quả – mời nhận kết quả", 0, 2, 1, "Chờ trả kết quả",
         "Ngô Văn Tuấn", false},
        {10, "Đã trả kết quả", "Đã trả kết quả", 5, 20, 14, "Hoàn thành", "Đỗ Thị Mai Anh", true},
        {4, "Đang xử lý", "Đang xử lý (quá hạn)", 5, 25, 14, "Chờ ký duyệt", "Phan Đình Phùng",
         true},
    };
    const json procs = procedures();
    std::vector<SeedDossier> out;
    int seq = 1;
    for (const Row& r : rows) {
        const TimePoint received = at_local(now - days(r.days_ago), 8, 10 + seq * 3);
        SeedDossier d;
        d.code = code_for(received, seq);
        d.owner_name = r.owner;
        char id[16];
        std::snprintf(id, sizeof id, "0400%02d00%04d", 80 + seq, 1234 + seq * 7);
        d.id_number = id;
        char lookup[8];
        std::snprintf(lookup, sizeof lookup, "%04d", (seq * 7919) % 10000);
        d.lookup_code = lookup;
        d.requires_factor = r.factor;
        const json& proc = procs[static_cast<size_t>(r.procedure)];
        json history = json::array();
        history.push_back({{"at", kiosk::iso8601_local(received)},
                           {"unit", "Bộ phận Một cửa"},
                           {"action", r.status == 1 ? "Nộp hồ sơ trực tuyến" : "Tiếp nhận hồ sơ"},
                           {"to_unit", proc["agency"]}});
        if (r.status >= 4 && r.status != 7)
            history.push_back({{"at", kiosk::iso8601_local(received + hours(26))},
                               {"unit", proc["agency"]},
                               {"action", r.step},
                               {"to_unit", proc["agency"]}});
        json pub = {
            {"code", d.code},
            {"status", {{"code", r.status}, {"national_label", r.national}, {"label", r.label}}},
            {"procedure", {{"code", proc["code"]}, {"name", proc["name"]}}},
            {"channel", r.status == 1 ? 2 : 1},
            {"received_at", kiosk::iso8601_local(received)},
            {"handling_unit", proc["agency"]},
            {"current_step", r.step},
            {"pickup_place", "Quầy 0" + std::to_string(1 + seq % 7) + " – " + kOffice},
            {"history", history},
        };
        bool overdue = false;
        if (r.duration_days >= 0) {
            const TimePoint due = at_local(received + days(r.duration_days), 16, 30);
            pub["appointment_at"] = kiosk::iso8601_local(due);
            overdue =
                r.status != 9 && r.status != 10 && r.status != 3 && r.status != 7 && now > due;
        }
        pub["overdue"] = overdue;
        d.public_part = std::move(pub);
        out.push_back(std::move(d));
        ++seq;
    }
    return out;
}

}  // namespace dossier
