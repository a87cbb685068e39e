// libFuzzer target: the other inputs a user hands the program, /proc/zoneinfo text and page
// traces (text, libCacheSim oracleGeneral and CSV, plain or zstd). The first byte picks the
// parser, the rest is the input. Each must refuse bad input with a message (a TraceError or a
// failed Result that says why), never crash, hang or leak; a trace it accepts is replayed for a
// while through a cursor, as a task would.
#include "procfs/zoneinfo.h"
#include "replay/byte_source.h"
#include "replay/trace_source.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace {

void fuzz_zoneinfo(std::string_view text) {
    auto zi = rs::parse_zoneinfo(text, "fuzz-zoneinfo");
    if (!zi) {
        if (zi.error().empty()) __builtin_trap();
        return;
    }
    auto spec = rs::machine_from_zoneinfo(*zi, "fuzz-zoneinfo");
    if (!spec && spec.error().empty()) __builtin_trap();
}

void fuzz_trace(std::string_view bytes, rs::replay::Format format, bool one_page) {
    using namespace rs::replay;
    TraceOptions opt;
    opt.format = format;
    opt.one_page_per_request = one_page;
    std::shared_ptr<const Trace> trace;
    try {
        trace = open_trace(memory_source(std::make_shared<const std::string>(bytes)), "fuzz-trace", opt);
    } catch (const TraceError& e) {
        if (std::string_view(e.what()).empty()) __builtin_trap();
        return;
    }
    // What the scan counted is what a replay reads: one pass gives exactly info().refs
    // references, each below info().pages.
    auto cursor = trace->open();
    std::uint32_t page = 0;
    std::uint64_t n = 0;
    const std::uint64_t limit = 1u << 16;
    while (n < limit && cursor->at(n, /*loop=*/false, page)) {
        if (page >= trace->info().pages) __builtin_trap();
        ++n;
    }
    if (!cursor->error().empty()) return; // a read that failed mid-replay says why
    if (n < limit && n != trace->info().refs) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    using rs::replay::Format;
    switch (data[0] % 6) {
    case 0: fuzz_zoneinfo(rest); break;
    case 1: fuzz_trace(rest, Format::Text, false); break;
    case 2: fuzz_trace(rest, Format::OracleGeneral, false); break;
    case 3: fuzz_trace(rest, Format::OracleGeneral, true); break;
    case 4: fuzz_trace(rest, Format::Csv, false); break;
    case 5: fuzz_trace(rest, Format::Csv, true); break;
    }
    return 0;
}
