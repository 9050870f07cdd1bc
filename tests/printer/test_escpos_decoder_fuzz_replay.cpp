// Runs the libFuzzer body over a few hundred generated inputs in every (g++) build: valid jobs,
// mutated jobs (flips, truncation, insertion, splicing, absurd headers) and biased random bytes.
#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "drivers/printer/escpos_encoder.h"
#include "escpos_decoder_fuzz_body.h"
#include "test_bitmaps.h"

using namespace kiosk;
using namespace kiosk::printer;
using Bytes = std::vector<uint8_t>;

namespace {

Bytes valid_jobs(std::mt19937& rng) {
    std::uniform_int_distribution<int> width(1, 200), height(1, 120), count(1, 3), band(1, 64);
    Bytes out;
    for (int i = count(rng); i > 0; --i) {
        RasterJobOptions options;
        options.band_rows = band(rng);
        options.skip_blank_rows = static_cast<int>(rng() % 3) * 4;
        options.cut = static_cast<CutMode>(rng() % 3);
        const auto job =
            encode_raster_job(testing::random_bitmap(width(rng), height(rng), rng), options);
        out.insert(out.end(), job.bytes.begin(), job.bytes.end());
    }
    return out;
}

uint8_t biased_byte(std::mt19937& rng) {
    static const uint8_t interesting[] = {0x00, 0x0A, 0x10, 0x04, 0x1B, 0x1C, 0x1D, 0x40,
                                          0x76, 0x30, 0x56, 0x4A, 0x28, 0xFF, 0x2A, 0x6B};
    if (rng() % 2) return interesting[rng() % sizeof interesting];
    return static_cast<uint8_t>(rng());
}

void mutate(Bytes& data, std::mt19937& rng) {
    const size_t size = data.size();
    auto pos = [&](size_t bound) { return bound == 0 ? 0 : rng() % bound; };
    switch (rng() % 6) {
        case 0:  // flip a few bytes
            for (int i = 0; i < 4 && size > 0; ++i)
                data[pos(size)] = biased_byte(rng);
            break;
        case 1:  // truncate
            data.resize(pos(size + 1));
            break;
        case 2: {  // insert random bytes
            Bytes noise(1 + rng() % 32);
            for (auto& b : noise)
                b = biased_byte(rng);
            data.insert(data.begin() + static_cast<std::ptrdiff_t>(pos(size + 1)), noise.begin(),
                        noise.end());
            break;
        }
        case 3: {  // delete a range
            const size_t from = pos(size + 1);
            const size_t to = std::min(size, from + rng() % 64);
            data.erase(data.begin() + static_cast<std::ptrdiff_t>(from),
                       data.begin() + static_cast<std::ptrdiff_t>(to));
            break;
        }
        case 4: {  // duplicate a range (splices bands into each other)
            const size_t from = pos(size + 1);
            const size_t to = std::min(size, from + rng() % 512);
            const Bytes copy(data.begin() + static_cast<std::ptrdiff_t>(from),
                             data.begin() + static_cast<std::ptrdiff_t>(to));
            data.insert(data.begin() + static_cast<std::ptrdiff_t>(pos(size + 1)), copy.begin(),
                        copy.end());
            break;
        }
        default: {  // an absurd raster header somewhere
            const Bytes header{0x1D,
                               0x76,
                               0x30,
                               0x00,
                               static_cast<uint8_t>(rng()),
                               0xFF,
                               static_cast<uint8_t>(rng()),
                               0xFF};
            data.insert(data.begin() + static_cast<std::ptrdiff_t>(pos(size + 1)), header.begin(),
                        header.end());
            break;
        }
    }
}

}  // namespace

TEST_CASE("the fuzz body holds over valid, mutated and random inputs") {
    std::mt19937 rng(424242);
    int inputs = 0;
    auto check = [&](const Bytes& input) {
        ++inputs;
        const std::string problem = testing::check_decoder_invariants(input);
        CAPTURE(input.size());
        CHECK_MESSAGE(problem.empty(), problem);
    };

    for (int i = 0; i < 100; ++i)
        check(valid_jobs(rng));
    for (int i = 0; i < 200; ++i) {
        Bytes data = valid_jobs(rng);
        for (int m = 1 + static_cast<int>(rng() % 4); m > 0; --m)
            mutate(data, rng);
        check(data);
    }
    for (int i = 0; i < 150; ++i) {
        Bytes data(rng() % 4096);
        for (auto& b : data)
            b = biased_byte(rng);
        check(data);
    }
    check({});
    check({0x1B});
    check({0x1D, 0x76, 0x30, 0x00, 0xFF, 0xFF, 0xFF, 0xFF});
    check({0x1B, 0x40, 0x1D, 0x38, 0x4C, 0xFF, 0xFF, 0xFF, 0xFF});
    check({0x1B, 0x40, 0x1D, 0x6B, 0x04, 'A', 'B'});
    check(Bytes(100000, 0x1B));
    Bytes feeds;
    for (int i = 0; i < 20000; ++i)
        feeds.insert(feeds.end(), {0x1B, 0x4A, 0xFF});
    check(feeds);  // 5.1 million rows of feed must hit the row cap, not allocate them
    CHECK(inputs > 450);
}
