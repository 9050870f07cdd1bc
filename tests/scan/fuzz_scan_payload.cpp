// libFuzzer target for the scanned-payload parser (built with clang and -DKIOSK_FUZZ=ON):
//   build/bin/tests/fuzz_scan_payload -max_len=4096 -max_total_time=60 corpus/
#include <cstdio>
#include <cstdlib>

#include "scan_payload_fuzz_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string problem = kiosk::scan::testing::check_payload_invariants({data, size});
    if (!problem.empty()) {
        std::fprintf(stderr, "payload invariant broken: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
