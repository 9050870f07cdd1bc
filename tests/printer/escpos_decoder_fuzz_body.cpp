#include "escpos_decoder_fuzz_body.h"

#include "drivers/printer/escpos_encoder.h"

namespace kiosk::printer::testing {

DecodeLimits fuzz_decode_limits() {
    DecodeLimits limits;
    limits.max_row_bytes = 128;
    limits.max_rows = 2048;
    limits.max_text_bytes = 4096;
    limits.max_listed = 16;
    return limits;
}

namespace {

std::string check_job(const DecodedJob& job, size_t input_size, const DecodeLimits& limits) {
    const std::string where =
        "job at [" + std::to_string(job.begin) + ", " + std::to_string(job.end) + ")";
    if (job.begin > job.end || job.end > input_size) return where + ": outside the input";
    const MonoBitmap& r = job.raster;
    if (r.width() % 8 != 0) return where + ": raster width not a multiple of 8";
    if (r.width() > limits.max_row_bytes * 8) return where + ": raster wider than the cap";
    if (r.height() > limits.max_rows) return where + ": raster taller than the cap";
    if (r.bytes().size() != static_cast<size_t>(r.stride()) * static_cast<size_t>(r.height()))
        return where + ": raster buffer size mismatch";
    if (job.unknown_commands.size() > limits.max_listed) return where + ": unknown list over cap";
    if (job.unknown_commands.size() > job.unknown_count) return where + ": unknown count too small";
    if (job.errors.size() > limits.max_listed + 1) return where + ": error list over cap";
    if (job.status_queries.size() > limits.max_listed) return where + ": status list over cap";
    if (job.text.size() > limits.max_text_bytes) return where + ": text over cap";
    for (const RasterBand& band : job.bands)
        if (band.offset < job.begin || band.offset >= job.end)
            return where + ": band outside the job";
    for (const UnknownCommand& u : job.unknown_commands)
        if (u.offset < job.begin || u.offset >= job.end || u.bytes.empty())
            return where + ": unknown command outside the job";

    // What we decoded must survive a trip through the encoder unchanged.
    if (!r.empty()) {
        RasterJobOptions options;
        options.skip_blank_rows = job.bands.size() % 2 == 0 ? 0 : 4;
        const EncodedJob again = encode_raster_job(r, options);
        const auto round = decode_escpos(again.bytes, limits);
        if (round.size() != 1)
            return where + ": re-encoded raster decodes to " + std::to_string(round.size()) +
                   " jobs";
        if (round[0].raster.width() != r.width() || round[0].raster.height() != r.height() ||
            round[0].raster.bytes() != r.bytes())
            return where + ": re-encoded raster decodes differently";
        if (!round[0].clean()) return where + ": re-encoded raster is not clean";
    }
    return {};
}

}  // namespace

std::string check_decoder_invariants(std::span<const uint8_t> input) {
    const DecodeLimits limits = fuzz_decode_limits();
    const std::vector<DecodedJob> jobs = decode_escpos(input, limits);
    size_t previous_end = 0;
    for (size_t i = 0; i < jobs.size(); ++i) {
        const DecodedJob& job = jobs[i];
        if (job.begin < previous_end) return "jobs overlap or are out of order";
        if (i > 0 && !job.initialised) return "only the first job may lack ESC @";
        previous_end = job.end;
        if (std::string problem = check_job(job, input.size(), limits); !problem.empty())
            return problem;
    }
    if (!jobs.empty() && jobs.back().end != input.size())
        return "last job does not end at the input end";
    return {};
}

}  // namespace kiosk::printer::testing
