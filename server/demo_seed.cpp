#include "demo_seed.h"

#include <cstdio>

namespace dossier {
using kiosk::TimePoint;
namespace {

using nlohmann::json;
using namespace std::chrono;

const char* const kOffice = "Trung tâm Phục vụ hành chính công tỉnh Nghệ An";

json channel(int ch, const char* time_text, int days, int64_t fee, const char* fee_text) {
    return {{"channel", ch},
            {"processing_time", time_text},
            {"processing_days", days},
            {"fee_vnd", fee},
            {"fee_text", fee_text}};
}

json doc(const char* name, int originals, int copies) {
    return {{"name", name}, {"originals", originals}, {"copies", copies}};
}

json procedures() {
    json p = json::array();
    p.push_back(
        {{"code", "1.001193"},
         {"name", "Thủ tục đăng ký khai sinh"},
         {"field_code", "G09-TP03"},
         {"agency", "UBND cấp xã"},
         {"result", "Giấy khai sinh (bản chính)"},
         {"channels",
          {channel(1, "Ngay trong ngày làm việc", 0, 0, "Miễn lệ phí"),
           channel(2, "Ngay trong ngày làm việc", 0, 0, "Miễn lệ phí")}},
         {"documents", {doc("Tờ khai đăng ký khai sinh", 1, 0), doc("Giấy chứng sinh", 1, 0)}}});
    p.push_back({{"code", "1.000894"},
                 {"name", "Thủ tục đăng ký kết hôn"},
                 {"field_code", "G09-TP03"},
                 {"agency", "UBND cấp xã"},
                 {"result", "Giấy chứng nhận kết hôn"},
                 {"channels", {channel(1, "Ngay trong ngày làm việc", 0, 0, "Miễn lệ phí")}},
                 {"documents",
                  {doc("Tờ khai đăng ký kết hôn", 1, 0),
                   doc("Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi khác)", 1, 0)}}});
    p.push_back(
        {{"code", "2.000815"},
         {"name", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp"},
         {"field_code", "G09-TP05"},
         {"agency", "UBND cấp xã; Phòng Tư pháp"},
         {"result", "Bản sao được chứng thực"},
         {"channels",
          {channel(1, "Trong ngày hoặc ngày làm việc tiếp theo", 1, 2000,
                   "2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang")}},
         {"documents",
          {doc("Bản chính giấy tờ, văn bản cần chứng thực", 1, 0),
           doc("Bản sao cần chứng thực", 0, 1)}}});
    p.push_back(
        {{"code", "1.004227"},
         {"name",
          "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất "
          "lần đầu"},
         {"field_code", "G12-DD01"},
         {"agency", "Văn phòng Đăng ký đất đai tỉnh Nghệ An"},
         {"result", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"},
         {"channels",
          {channel(1, "Không quá 20 ngày làm việc", 20, 100000, "100.000 đồng/giấy"),
           channel(3, "Không quá 20 ngày làm việc", 20, 100000, "100.000 đồng/giấy")}},
         {"documents",
          {doc("Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu 04a/ĐK)", 1, 0),
           doc("Giấy tờ về quyền sử dụng đất", 0, 1),
           doc("Chứng từ thực hiện nghĩa vụ tài chính", 0, 1)}}});
    p.push_back({{"code", "2.001610"},
                 {"name", "Đăng ký thành lập hộ kinh doanh"},
                 {"field_code", "G06-KD02"},
                 {"agency", "Phòng Tài chính – Kế hoạch cấp huyện"},
                 {"result", "Giấy chứng nhận đăng ký hộ kinh doanh"},
                 {"channels",
                  {channel(1, "03 ngày làm việc", 3, 100000, "100.000 đồng/lần"),
                   channel(2, "03 ngày làm việc", 3, 50000,
                           "50.000 đồng/lần (giảm 50% khi nộp trực tuyến)")}},
                 {"documents",
                  {doc("Giấy đề nghị đăng ký hộ kinh doanh", 1, 0),
                   doc("Bản sao giấy tờ pháp lý của cá nhân", 0, 1)}}});
    p.push_back({{"code", "2.001417"},
                 {"name",
                  "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú "
                  "tại Việt Nam"},
                 {"field_code", "G09-TP07"},
                 {"agency", "Sở Tư pháp tỉnh Nghệ An"},
                 {"result", "Phiếu lý lịch tư pháp"},
                 {"channels",
                  {channel(1, "Không quá 10 ngày làm việc", 10, 200000, "200.000 đồng/lần/người"),
                   channel(2, "Không quá 10 ngày làm việc", 10, 100000, "100.000 đồng/lần/người")}},
                 {"documents",
                  {doc("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)", 1, 0),
                   doc("Bản chụp Căn cước công dân", 0, 1)}}});
    return p;
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
    json weekdays = json::array();
    for (int wd = 1; wd <= 6; ++wd) {
        json sessions = {{{"open", "07:00"}, {"close", "11:30"}}};
        if (wd <= 5) sessions.push_back({{"open", "13:30"}, {"close", "17:00"}});
        weekdays.push_back({{"weekday", wd}, {"sessions", sessions}});
    }
    return {
        {"version", 7},
        {"generated_at", kiosk::iso8601_local(at_local(now, 7, 0))},
        {"office",
         {{"id", "nghean"},
          {"agency_code", "000.00.00.H41"},
          {"name", kOffice},
          {"address", "Số 16, đường Trường Thi, phường Trường Thi, Nghệ An"},
          {"phone", "0238 3598 777"}}},
        {"fields",
         {{{"code", "G09-TP03"}, {"name", "Hộ tịch"}},
          {{"code", "G09-TP05"}, {"name", "Chứng thực"}},
          {{"code", "G12-DD01"}, {"name", "Đất đai"}},
          {{"code", "G06-KD02"}, {"name", "Đăng ký kinh doanh"}},
          {{"code", "G09-TP07"}, {"name", "Lý lịch tư pháp"}}}},
        {"counters",
         {{{"number", 1}, {"name", "Quầy 01 – Hộ tịch"}, {"field_codes", {"G09-TP03"}}},
          {{"number", 2}, {"name", "Quầy 02 – Hộ tịch"}, {"field_codes", {"G09-TP03"}}},
          {{"number", 3}, {"name", "Quầy 03 – Chứng thực"}, {"field_codes", {"G09-TP05"}}},
          {{"number", 4}, {"name", "Quầy 04 – Đất đai"}, {"field_codes", {"G12-DD01"}}},
          {{"number", 5}, {"name", "Quầy 05 – Đất đai"}, {"field_codes", {"G12-DD01"}}},
          {{"number", 6}, {"name", "Quầy 06 – Đăng ký kinh doanh"}, {"field_codes", {"G06-KD02"}}},
          {{"number", 7}, {"name", "Quầy 07 – Tư pháp"}, {"field_codes", {"G09-TP07"}}}}},
        {"opening_hours", weekdays},
        {"holidays",
         {{{"date", "2026-01-01"}, {"name", "Tết Dương lịch"}},
          {{"date", "2026-02-16"}, {"name", "Tết Nguyên đán"}},
          {{"date", "2026-04-27"}, {"name", "Giỗ Tổ Hùng Vương"}},
          {{"date", "2026-04-30"}, {"name", "Ngày Giải phóng miền Nam"}},
          {{"date", "2026-05-01"}, {"name", "Quốc tế Lao động"}},
          {{"date", "2026-09-02"}, {"name", "Quốc khánh"}}}},
        {"procedures", procedures()},
    };
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
