// Runs the libFuzzer body over a few hundred generated inputs in every (g++) build: valid
// replies of every kind, structural mutations (wrong types, deleted keys, NFD and broken UTF-8)
// and byte-level mutations (flips, truncation, splices).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <random>

#include "reply_fuzz_body.h"
#include "server/demo_seed.h"
#include "server/dossier_api.h"

using nlohmann::json;

namespace {

std::vector<std::string> seeds() {
    const auto now = std::chrono::system_clock::now();
    std::vector<std::string> out = {dossier::demo_catalog(now).dump()};
    for (const auto& d : dossier::demo_dossiers(now)) {
        json j = d.public_part;
        j["owner_masked"] = dossier::mask_name(d.owner_name);
        out.push_back(j.dump());
    }
    out.push_back(R"({"acks":[{"id":"7f1c7a9e-3b1e-4c52-9d51-0c1f6b2a4e10","result":"stored"}]})");
    out.push_back(R"({"now":"2026-11-27T08:00:00+07:00","unix_ms":1795741200000})");
    out.push_back(R"({"error":{"code":"rate_limited","message":"Thử lại sau","retryable":true}})");
    return out;
}

// Replace a random scalar somewhere in the tree with a value of another type or an odd string.
void mutate_json(json& j, std::mt19937& rng) {
    json* node = &j;
    for (int depth = 0; depth < 6 && (node->is_object() || node->is_array()) && !node->empty();
         ++depth) {
        auto it = node->begin();
        std::advance(it, static_cast<long>(rng() % node->size()));
        node = &*it;
        if (rng() % 3 == 0) break;
    }
    static const json replacements[] = {nullptr,
                                        -1,
                                        0,
                                        11,
                                        1e300,
                                        "",
                                        "x",
                                        true,
                                        json::array(),
                                        json::object(),
                                        "Nghe\xCC\xA3\xCC\x82",
                                        "2026-02-30T00:00:00+07:00",
                                        "\x7f\x01",
                                        std::string(2000, 'a')};
    *node = replacements[rng() % std::size(replacements)];
}

void mutate_bytes(std::string& s, std::mt19937& rng) {
    auto pos = [&] { return s.empty() ? 0 : rng() % s.size(); };
    switch (rng() % 5) {
        case 0:
            for (int i = 0; i < 3 && !s.empty(); ++i)
                s[pos()] = static_cast<char>(rng());
            break;
        case 1:
            s.resize(pos());
            break;
        case 2:
            s.insert(pos(), std::string(1 + rng() % 8, "[{\"\\\xC3\xE1"[rng() % 6]));
            break;
        case 3:
            if (!s.empty()) s.erase(pos(), rng() % 64);
            break;
        default: {
            const std::string copy = s.substr(pos(), 256);
            s.insert(pos(), copy);
        }
    }
}

}  // namespace

TEST_CASE("the reply fuzz body holds over valid, mutated and random inputs") {
    std::mt19937 rng(20261127);
    int inputs = 0;
    auto check = [&](const std::string& input) {
        ++inputs;
        const std::string problem = kiosk::sync::testing::check_reply_parsers(
            {reinterpret_cast<const uint8_t*>(input.data()), input.size()});
        CAPTURE(input.substr(0, 200));
        CHECK_MESSAGE(problem.empty(), problem);
    };
    const auto base = seeds();
    for (const auto& s : base)
        check(s);
    for (int i = 0; i < 250; ++i) {
        json j = json::parse(base[rng() % base.size()]);
        for (int m = 1 + static_cast<int>(rng() % 3); m > 0; --m)
            mutate_json(j, rng);
        check(j.dump(-1, ' ', false, json::error_handler_t::replace));
    }
    for (int i = 0; i < 200; ++i) {
        std::string s = base[rng() % base.size()];
        for (int m = 1 + static_cast<int>(rng() % 4); m > 0; --m)
            mutate_bytes(s, rng);
        check(s);
    }
    for (int i = 0; i < 50; ++i) {
        std::string s(rng() % 512, ' ');
        for (auto& c : s)
            c = "{}[]\":,0123456789.-etruaflsn \\\xC3\xA9"[rng() % 33];
        check(s);
    }
    CHECK(inputs > 400);
}
