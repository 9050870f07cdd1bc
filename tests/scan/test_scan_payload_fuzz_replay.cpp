// Runs the libFuzzer body over a few hundred generated inputs in every (g++) build: valid payloads
// of every kind, mutated payloads (flips, truncation, insertion, splicing, separators) and biased
// random bytes.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "scan_payload_fuzz_body.h"

using namespace kiosk;
using namespace kiosk::scan::testing;

namespace {

std::string digits(std::mt19937& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i)
        s += static_cast<char>('0' + rng() % 10);
    return s;
}

std::string valid_code(std::mt19937& rng) {
    const std::string date =
        "2" + std::to_string(rng() % 6) +
        (rng() % 2 ? "0" + std::to_string(1 + rng() % 9) : "1" + std::to_string(rng() % 3)) + "1" +
        std::to_string(rng() % 9);
    const std::string seq = digits(rng, 4 + static_cast<int>(rng() % 4));
    std::string agency;
    if (rng() % 2) {
        agency = digits(rng, 3) + "." + digits(rng, 2) + "." + digits(rng, 2) + "." +
                 static_cast<char>('A' + rng() % 26) + digits(rng, 2);
    } else {
        agency = std::string(1, static_cast<char>('A' + rng() % 26)) + digits(rng, 2);
        for (int g = static_cast<int>(rng() % 4); g > 0; --g)
            agency += "." + digits(rng, 2 + static_cast<int>(rng() % 2));
    }
    return agency + "-" + date + "-" + seq;
}

std::string valid_payload(std::mt19937& rng) {
    static const char* keys[] = {"MHS", "MaHoSo", "maHoSo", "mahoso", "code", "keyword", "CODE"};
    switch (rng() % 6) {
        case 0:
            return valid_code(rng);
        case 1:
            return "https://dichvucong.example.gov.vn/portaldvc/tra-cuu?SGT=" + digits(rng, 12) +
                   "&" + keys[rng() % 7] + "=" + valid_code(rng);
        case 2:
            return "Mã hồ sơ: " + valid_code(rng) + " — tra cứu tại dichvucong";
        case 3:
            return digits(rng, 12) + "|" + digits(rng, 9) + "|Nguyễn Thị Ánh|0" +
                   std::to_string(1 + rng() % 9) + "0" + std::to_string(1 + rng() % 9) + "19" +
                   digits(rng, 2) + "|Nữ|Xóm 1, Xã Nghi Phong|10082021";
        case 4:
            return "https://dichvucong.example.gov.vn/hang-doi/nghean/202611" +
                   std::to_string(10 + rng() % 18) + "/" + digits(rng, 4);
        default:
            return "https://dichvucong.example.gov.vn/apiqr/qr?id=" + digits(rng, 6);
    }
}

char biased_char(std::mt19937& rng) {
    static const char interesting[] = {'.', '-', '|', '?', '&',    '=',    '%',    '+',  '#',  '/',
                                       ' ', '0', '9', 'H', '\xC3', '\xE2', '\x80', '\0', '\r', '{'};
    if (rng() % 2) return interesting[rng() % sizeof interesting];
    return static_cast<char>(rng());
}

void mutate(std::string& s, std::mt19937& rng) {
    auto pos = [&](size_t bound) { return bound == 0 ? 0 : rng() % bound; };
    switch (rng() % 5) {
        case 0:
            for (int i = 0; i < 3 && !s.empty(); ++i)
                s[pos(s.size())] = biased_char(rng);
            break;
        case 1:
            s.resize(pos(s.size() + 1));
            break;
        case 2: {
            std::string noise(1 + rng() % 8, ' ');
            for (char& c : noise)
                c = biased_char(rng);
            s.insert(pos(s.size() + 1), noise);
            break;
        }
        case 3: {
            const size_t from = pos(s.size() + 1);
            s.erase(from, rng() % 6);
            break;
        }
        default: {
            const size_t from = pos(s.size() + 1);
            s.insert(pos(s.size() + 1), s.substr(from, rng() % 16));
            break;
        }
    }
}

}  // namespace

TEST_CASE("the payload fuzz body holds over valid, mutated and random inputs") {
    std::mt19937 rng(20261127);
    int checked = 0, dossiers = 0;
    auto check = [&](const std::string& input) {
        ++checked;
        const std::string problem = check_payload_invariants(
            {reinterpret_cast<const uint8_t*>(input.data()), input.size()});
        CAPTURE(input);
        CHECK_MESSAGE(problem.empty(), problem);
        if (classify_payload(input, fuzz_payload_context()).dossier()) ++dossiers;
    };
    for (int i = 0; i < 150; ++i)
        check(valid_payload(rng));
    for (int i = 0; i < 250; ++i) {
        std::string s = valid_payload(rng);
        for (int m = 1 + static_cast<int>(rng() % 3); m > 0; --m)
            mutate(s, rng);
        check(s);
    }
    for (int i = 0; i < 100; ++i) {
        std::string s(rng() % 200, ' ');
        for (char& c : s)
            c = biased_char(rng);
        check(s);
    }
    CHECK(checked == 500);
    CHECK(dossiers > 50);  // the generator really produces codes the parser accepts
}

TEST_CASE("generated valid codes are accepted") {
    std::mt19937 rng(7);
    for (int i = 0; i < 100; ++i) {
        const std::string code = valid_code(rng);
        CAPTURE(code);
        const auto r = parse_dossier_code(code, fuzz_payload_context().now);
        REQUIRE(r.ok());
        CHECK(r.code->text() == code);
    }
}
