// libFuzzer target for the ESC/POS decoder (built with clang and -DKIOSK_FUZZ=ON):
//   build/bin/tests/fuzz_escpos_decoder -max_len=65536 corpus/
#include <cstdio>
#include <cstdlib>

#include "escpos_decoder_fuzz_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string problem = kiosk::printer::testing::check_decoder_invariants({data, size});
    if (!problem.empty()) {
        std::fprintf(stderr, "decoder invariant broken: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
