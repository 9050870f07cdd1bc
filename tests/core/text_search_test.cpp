// Accent-insensitive procedure search (kiosk/core/text_search.h): folding, prefix matching of
// every query word, ranking and stability.
#include <doctest/doctest.h>

#include "kiosk/core/text_search.h"

using namespace kiosk;

namespace {

Procedure proc(const char* code, const char* name) {
    Procedure p;
    p.code = code;
    p.name = name;
    p.field_code = "G09-TP03";
    return p;
}

std::vector<Procedure> catalogue() {
    return {
        proc("1.000894", "Thủ tục đăng ký kết hôn"),
        proc("1.001193", "Thủ tục đăng ký khai sinh"),
        proc("2.001610", "Đăng ký thành lập hộ kinh doanh"),
        proc("1.001022", "Thủ tục đăng ký khai tử"),
        proc("1.000689", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài"),
        proc("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản"),
        proc("1.004227", "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu"),
        proc("1.001766", "Cấp bản sao trích lục hộ tịch"),
        proc("2.000635", "Thủ tục xác nhận tình trạng hôn nhân"),
    };
}

std::vector<std::string> codes(const std::vector<Procedure>& all, const std::vector<size_t>& hits) {
    std::vector<std::string> out;
    for (const size_t i : hits)
        out.push_back(all.at(i).code);
    return out;
}

}  // namespace

TEST_CASE("fold_for_search drops marks, maps đ to d and lower-cases, NFC or NFD alike") {
    CHECK(fold_for_search("Đăng Ký Khai Sinh") == "dang ky khai sinh");
    CHECK(fold_for_search("ĐẤT ĐAI") == "dat dai");
    CHECK(fold_for_search("Chứng thực") == "chung thuc");
    CHECK(fold_for_search("Lý lịch tư pháp") == "ly lich tu phap");
    // NFD: e + dot below (U+0323) + circumflex (U+0302) in the order NFD puts them.
    CHECK(fold_for_search("Vi\xC3\xAA\xCC\xA3t") == "viet");   // ê + U+0323
    CHECK(fold_for_search("Vie\xCC\xA3\xCC\x82t") == "viet");  // e + U+0323 + U+0302
    CHECK(fold_for_search("d\xCC\x9B") == "d");                // a stray horn on d
    CHECK(fold_for_search("\xC4\x90\xC6\xB0\xE1\xBB\x9D\x6E\x67") == "duong");  // Đường
    CHECK(fold_for_search("") == "");
    CHECK(fold_for_search("abc\xFF\xFE"
                          "def") == "abcdef");  // invalid bytes dropped
    CHECK(fold_for_search("1.001193") == "1.001193");
    CHECK(search_words("Đăng ký, cấp Giấy (lần đầu)") ==
          std::vector<std::string>{"dang", "ky", "cap", "giay", "lan", "dau"});
}

TEST_CASE("every query word must start a word of the name; with or without diacritics") {
    const auto all = catalogue();
    const ProcedureIndex index(all);
    REQUIRE(index.size() == all.size());
    for (const char* q : {"khai sinh", "KHAI SINH", "  khai   sinh ", "Khai Sinh", "kha sin",
                          "Kha\xCC\x89i sinh"}) {  // NFD hỏi
        INFO(q);
        const auto hits = codes(all, index.search(q));
        REQUIRE(hits.size() == 2);
        CHECK(hits[0] == "1.001193");  // the shorter, exact name first
        CHECK(hits[1] == "1.000689");
    }
    CHECK(codes(all, index.search("dang ky kinh doanh")) == std::vector<std::string>{"2.001610"});
    CHECK(codes(all, index.search("đăng ký kinh doanh")) == std::vector<std::string>{"2.001610"});
    // "d" and "đ" are the same letter for the search.
    CHECK(index.search("dat").size() == 1);
    CHECK(index.search("đất").size() == 1);
    CHECK(codes(all, index.search("DAT")) == codes(all, index.search("Đất")));
    // Words inside words do not match: "sinh" is not a prefix of any word in "kết hôn".
    CHECK(index.search("hon sinh").empty());
    // No match, empty and blank queries.
    CHECK(index.search("xyz").empty());
    CHECK(index.search("").empty());
    CHECK(index.search("   ").empty());
    CHECK(index.search(",.;").empty());
}

TEST_CASE("ranking: in order and adjacent first, then early, whole words, shorter, stable") {
    const auto all = catalogue();
    const ProcedureIndex index(all);
    // "hon" starts "hôn" (kết hôn, hôn nhân) and "hộ" does not match "hon".
    auto hits = codes(all, index.search("hon"));
    REQUIRE(hits.size() == 2);
    CHECK(hits[0] == "1.000894");  // "hôn" is the 4th word after "Thủ tục"; shorter name
    // Typed order wins over reversed order.
    hits = codes(all, index.search("sinh khai"));
    REQUIRE(hits.size() == 2);
    hits = codes(all, index.search("ban sao"));
    REQUIRE(hits.size() == 2);
    CHECK(hits[0] == "1.001766");  // "bản sao" starts earlier in "Cấp bản sao trích lục"
    // The same query twice: same order (stable).
    CHECK(index.search("dang ky") == index.search("dang ky"));
    // Catalogue order breaks full ties.
    std::vector<Procedure> twins{proc("1.000001", "Cấp bản sao"), proc("1.000002", "Cấp bản sao")};
    const ProcedureIndex twin_index(twins);
    CHECK(twin_index.search("cap") == std::vector<size_t>{0, 1});
    // The limit cuts the list; the total still counts every match.
    size_t total = 0;
    CHECK(index.search("dang", 2, &total).size() == 2);
    CHECK(total == 6);
}

TEST_CASE("codes match by prefix; a subset index returns the caller's indices") {
    const auto all = catalogue();
    const ProcedureIndex index(all);
    CHECK(codes(all, index.search("1.001193")) == std::vector<std::string>{"1.001193"});
    CHECK(codes(all, index.search("1.0011")) == std::vector<std::string>{"1.001193"});
    CHECK(index.search("2.00").size() == 3);
    CHECK(codes(all, index.search("1.001193 khai")) == std::vector<std::string>{"1.001193"});
    const ProcedureIndex subset(all, {2, 6});
    CHECK(subset.size() == 2);
    CHECK(subset.search("dang ky") == std::vector<size_t>{2, 6});
    CHECK(subset.search("khai sinh").empty());
}
