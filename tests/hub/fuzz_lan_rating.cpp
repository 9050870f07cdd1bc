// libFuzzer target: any bytes as a POST /lan/v1/ratings body (see lan_rating_fuzz_body.h).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "lan_rating_fuzz_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static kiosk::test::LanRatingFuzzBody body;
    const std::string problem = body.run({reinterpret_cast<const char*>(data), size});
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_lan_rating: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
