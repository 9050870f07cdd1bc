// The shared ZXing 1.4.0 sample corpus (../shared/corpus/qr-zxing-1.4.0, read in place, never
// copied) decoded through the kiosk's own Live path at rotation 0, against THRESHOLDS.json:
// at least `fast["0"]` images per folder must decode to exactly their .txt, and no image may
// decode to anything else (a misread fails the test).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/scan/barcode_decoder.h"

using namespace kiosk::scan;
namespace fs = std::filesystem;

namespace {

fs::path corpus_dir() {
    return fs::path(KIOSK_SOURCE_DIR) / ".." / "shared" / "corpus" / "qr-zxing-1.4.0";
}

bool corpus_present() {
    if (fs::exists(corpus_dir() / "THRESHOLDS.json")) return true;
    MESSAGE("SKIPPED: corpus not found at " << corpus_dir().string()
                                            << " (expected ../shared/corpus/qr-zxing-1.4.0 "
                                               "next to the repository)");
    return false;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> images_in(const fs::path& dir) {
    static const std::set<std::string> exts{".png", ".jpg", ".jpeg", ".pgm", ".gif"};
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && exts.count(e.path().extension().string()))
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

DecodeOutcome decode_file(const fs::path& path, DecodeMode mode = DecodeMode::Live) {
    const auto loaded = load_gray_image(path.string());
    REQUIRE_MESSAGE(loaded.ok(), loaded.error);
    DecodeOptions options;
    options.mode = mode;
    return decode_barcodes(loaded.image->view(), options);
}

// key=value lines of an X.result.txt ('#' comments).
std::vector<std::pair<std::string, std::string>> result_checks(const fs::path& file) {
    std::vector<std::pair<std::string, std::string>> out;
    std::istringstream in(read_file(file));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto eq = line.find('=');
        if (eq != std::string::npos) out.emplace_back(line.substr(0, eq), line.substr(eq + 1));
    }
    return out;
}

}  // namespace

TEST_CASE("corpus qrcode-1..6: live path, rotation 0, THRESHOLDS.json fast minimums, no misreads") {
    if (!corpus_present()) return;
    const auto thresholds = nlohmann::json::parse(read_file(corpus_dir() / "THRESHOLDS.json"));
    int total_pass = 0, total_images = 0;
    for (const char* folder :
         {"qrcode-1", "qrcode-2", "qrcode-3", "qrcode-4", "qrcode-5", "qrcode-6"}) {
        const std::string folder_name = folder;
        CAPTURE(folder_name);
        const auto& t = thresholds.at("qr").at(folder);
        const int expected_total = t.at("total").get<int>();
        const int min_pass = t.at("fast").at("0").get<int>();
        const auto images = images_in(corpus_dir() / folder);
        CHECK(static_cast<int>(images.size()) == expected_total);

        int pass = 0, misreads = 0;
        std::string failed, misread_names;
        for (const auto& image : images) {
            const fs::path txt = fs::path(image).replace_extension(".txt");
            REQUIRE_MESSAGE(fs::exists(txt), "no expected text for " << image.string());
            const std::string expected = read_file(txt);
            const DecodeOutcome outcome = decode_file(image);
            CHECK_MESSAGE(outcome.error.empty(), image.filename().string()
                                                     << ": " << outcome.error);
            bool matched = false, other = false;
            for (const auto& s : outcome.symbols) {
                if (s.symbology == Symbology::QrCode && s.text == expected) {
                    matched = true;
                    const fs::path checks = fs::path(image).replace_extension(".result.txt");
                    if (fs::exists(checks))
                        for (const auto& [key, value] : result_checks(checks))
                            if (key == "symbologyIdentifier")
                                CHECK(s.symbology_identifier == value);
                } else {
                    other = true;
                }
            }
            if (matched)
                ++pass;
            else
                failed += " " + image.filename().string();
            if (other) {
                ++misreads;
                misread_names += " " + image.filename().string();
            }
        }
        MESSAGE(folder_name << ": " << pass << "/" << images.size() << " decoded (minimum "
                            << min_pass << "), misreads " << misreads
                            << "; not decoded:" << failed);
        CHECK(pass >= min_pass);
        CHECK_MESSAGE(misreads == 0, "misread:" << misread_names);
        total_pass += pass;
        total_images += static_cast<int>(images.size());
    }
    MESSAGE("corpus total: " << total_pass << "/" << total_images);
}

TEST_CASE("corpus qrcode-7: structured append parts merge to 01.txt") {
    if (!corpus_present()) return;
    const fs::path dir = corpus_dir() / "qrcode-7";
    std::vector<DecodedSymbol> parts;
    for (const auto& image : images_in(dir)) {
        const auto outcome = decode_file(image);
        CHECK_MESSAGE(outcome.error.empty(), outcome.error);
        CHECK_MESSAGE(outcome.symbols.size() == 1, image.filename().string());
        for (const auto& s : outcome.symbols)
            parts.push_back(s);
    }
    REQUIRE(parts.size() == 4);
    const auto merged = merge_structured_append(parts);
    REQUIRE(merged.has_value());
    CHECK(merged->text == read_file(dir / "01.txt"));
    for (const auto& [key, value] : result_checks(dir / "01.result.txt")) {
        CAPTURE(key);
        if (key == "symbologyIdentifier") CHECK(merged->symbology_identifier == value);
        if (key == "sequenceSize") CHECK(std::to_string(merged->sequence_size) == value);
        if (key == "sequenceIndex") CHECK(std::to_string(merged->sequence_index) == value);
        if (key == "sequenceId") CHECK(merged->sequence_id == value);
    }
    // Three of four parts are not a sequence.
    parts.pop_back();
    CHECK_FALSE(merge_structured_append(parts).has_value());
}

TEST_CASE("corpus multi-qrcode-1: all four codes of the 2x2 grid") {
    if (!corpus_present()) return;
    const auto outcome = decode_file(corpus_dir() / "multi-qrcode-1" / "1.png");
    CHECK(outcome.error.empty());
    std::set<std::string> texts;
    for (const auto& s : outcome.symbols) {
        CHECK(s.symbology == Symbology::QrCode);
        texts.insert(s.text);
    }
    CHECK(texts.size() == 4);
    CHECK(outcome.symbols.size() == 4);
}
