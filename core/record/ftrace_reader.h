#pragma once
// Reading reclaim traces as people record them: the text of /sys/kernel/tracing/trace or
// trace_pipe ("TASK-PID [CPU] FLAGS TIMESTAMP: EVENT: FIELDS", with or without the tgid column
// and the flags), `trace-cmd report` (the same without flags) and `perf script`
// ("TASK PID [CPU] TIMESTAMP: SYSTEM:EVENT: FIELDS"). Streamed in blocks: memory stays bounded
// however long the trace. Lines of other events are counted and skipped; a malformed line of a
// reclaim event is reported with its line number and never stops the import.
#include "record/reclaim_latency.h"
#include "util/load_control.h"
#include "util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

// One event line, its parts as views into the line.
struct FtraceLine {
    std::string_view task;
    int pid = 0;
    int cpu = 0;
    std::int64_t t_ns = 0;
    std::string_view event;  // without perf's "vmscan:" prefix
    std::string_view fields; // the TP_printk text
};

// nullopt: not an event line (a comment, a blank line, "CPU:1 [LOST 12 EVENTS]", perf's header).
std::optional<FtraceLine> parse_ftrace_line(std::string_view line);
// The value of `key=` in an event's printed fields ("nr_reclaimed=39" -> "39").
std::optional<std::string_view> ftrace_field(std::string_view fields, std::string_view key);

struct FtraceImport {
    std::uint64_t lines = 0;     // every line of the file
    std::uint64_t events = 0;    // event lines of any event
    std::uint64_t used = 0;      // the reclaim begin / end lines read into the table
    std::uint64_t other = 0;     // lines of other events, and lines that are not events
    std::uint64_t malformed = 0; // lines of reclaim events that do not parse
    std::vector<std::string> problems; // "FILE:LINE: ..." for the first kMaxProblems malformed
    static constexpr std::size_t kMaxProblems = 5;
};

// Reads the trace at `path` into `into` (direct and memcg reclaim stalls). Fails only when the
// file cannot be read, is binary (a trace.dat of trace-cmd record, perf.data: convert it with
// `trace-cmd report` / `perf script` first) or when `control` cancels.
Result<FtraceImport> import_reclaim_trace(const std::string& path, ReclaimLatency& into, LoadControl* control = nullptr);

// The import's summary for a terminal: "FILE: N lines, M reclaim events read, ..." and the problems.
std::string format_ftrace_import(const std::string& path, const FtraceImport& r);

} // namespace rs
