// libFuzzer target for the sync reply parsers (clang, -DKIOSK_FUZZ=ON):
//   build/bin/fuzz/fuzz_sync_replies -max_len=65536 -max_total_time=60
//   build/bin/fuzz-seeds/fuzz_sync_replies
#include <cstdio>
#include <cstdlib>

#include "reply_fuzz_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string problem = kiosk::sync::testing::check_reply_parsers({data, size});
    if (!problem.empty()) {
        std::fprintf(stderr, "reply parser invariant broken: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
