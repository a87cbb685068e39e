// libFuzzer target: the other inputs a user hands the program, /proc/zoneinfo text, page
// traces (text, libCacheSim oracleGeneral and CSV, plain or zstd) and reclaim trace lines (ftrace
// text, --trace-in), recordings read back (--recording) and a host's /proc texts (vmstat,
// meminfo, pressure, PID/stat). The first byte picks the parser, the rest is the input. Each must refuse
// bad input with a message (a TraceError or a failed Result that says why), never crash, hang
// or leak; a trace it accepts is replayed for a while through a cursor, as a task would.
#include "procfs/zoneinfo.h"
#include "host/proc_text.h"
#include "record/csv_read.h"
#include "record/ftrace_reader.h"
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

// Reclaim trace lines (--trace-in): each parsed line's parts lie inside it, and the pairing
// of begin / end lines never breaks the table's sums.
void fuzz_ftrace(std::string_view text) {
    rs::ReclaimLatency latency;
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t nl = std::min(text.find('\n', at), text.size());
        const std::string_view line = text.substr(at, nl - at);
        at = nl + 1;
        const auto l = rs::parse_ftrace_line(line);
        if (!l) continue;
        const auto inside = [&](std::string_view part) {
            return part.empty() || (part.data() >= line.data() && part.data() + part.size() <= line.data() + line.size());
        };
        if (l->event.empty() || !inside(l->event) || !inside(l->fields) || !inside(l->task)) __builtin_trap();
        const auto kind = l->event.find("memcg") != std::string_view::npos ? rs::ReclaimKind::Memcg : rs::ReclaimKind::Direct;
        if (l->event.find("begin") != std::string_view::npos) latency.begin(kind, l->pid, l->task, l->t_ns);
        else if (const auto v = rs::ftrace_field(l->fields, "nr_reclaimed"); v && inside(*v))
            latency.end(kind, l->pid, l->t_ns, v->size());
    }
    for (const auto& r : latency.rows())
        if (r.count == 0 || r.p50_ns > r.p99_ns || r.p99_ns > r.max_ns) __builtin_trap();
}

// --recording: refused with a message, or samples whose zones match the labels.
void fuzz_recording(std::string_view text) {
    const auto r = rs::parse_recording_csv(text, "fuzz.csv");
    if (!r) {
        if (r.error().empty()) __builtin_trap();
        return;
    }
    for (const auto& s : r->rec.samples)
        if (s.zones.size() != r->rec.zones.size()) __builtin_trap();
}

// The host's /proc texts: every parser refuses or accepts, never crashes.
void fuzz_proc_texts(std::string_view text) {
    for (auto* parse : {rs::parse_vmstat_text, rs::parse_meminfo_text, rs::parse_psi_text}) {
        const auto r = parse(text, "fuzz");
        if (!r && r.error().empty()) __builtin_trap();
    }
    if (const auto st = rs::parse_pid_stat(text); st && st->comm.size() > text.size()) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    using rs::replay::Format;
    switch (data[0] % 9) {
    case 0: fuzz_zoneinfo(rest); break;
    case 1: fuzz_trace(rest, Format::Text, false); break;
    case 2: fuzz_trace(rest, Format::OracleGeneral, false); break;
    case 3: fuzz_trace(rest, Format::OracleGeneral, true); break;
    case 4: fuzz_trace(rest, Format::Csv, false); break;
    case 5: fuzz_trace(rest, Format::Csv, true); break;
    case 6: fuzz_ftrace(rest); break;
    case 7: fuzz_recording(rest); break;
    case 8: fuzz_proc_texts(rest); break;
    }
    return 0;
}
