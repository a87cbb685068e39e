#pragma once
// The kernel's tracepoints for reclaim (include/trace/events/vmscan.h, oom.h's mark_victim) as
// one table: each event's name, its fields (TP_STRUCT__entry, in the kernel's order) and its
// print fmt (TP_printk) per kernel release. The simulated kernel emits a TraceRecord where the
// kernel calls trace_mm_vmscan_*(); with no sink attached that is one pointer test.
// Formatting the text of /sys/kernel/tracing/trace is record/ftrace_writer.
#include "mm/gfp.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rs {

enum class TraceEventId : std::uint8_t {
    mm_vmscan_kswapd_sleep,
    mm_vmscan_kswapd_wake,
    mm_vmscan_wakeup_kswapd,
    mm_vmscan_direct_reclaim_begin,
    mm_vmscan_direct_reclaim_end,
    mm_shrink_slab_start,
    mm_shrink_slab_end,
    mm_vmscan_lru_isolate,
    mm_vmscan_write_folio,
    mm_vmscan_lru_shrink_inactive,
    mm_vmscan_lru_shrink_active,
    mm_vmscan_node_reclaim_begin,
    mm_vmscan_node_reclaim_end,
    mm_vmscan_throttled,
    mark_victim,
    NR_TRACE_EVENTS
};

inline constexpr std::size_t kMaxTraceFields = 13;

// How a print fmt argument turns a field into text.
enum class TraceArg : std::uint8_t {
    Value,         // the field as the conversion says (%d, %ld, %lu, %u, %hd, %lx)
    GfpFlags,      // show_gfp_flags(): __print_flags over the release's gfp names, or "none"
    ReclaimFlags,  // show_reclaim_flags(): RECLAIM_WB_*, or "RECLAIM_WB_NONE"
    LruName,       // __print_symbolic(lru, LRU_NAMES)
    ThrottleFlags, // show_throttle_flags(): VMSCAN_THROTTLE_*, or "VMSCAN_THROTTLE_NONE"
    Comm,          // __get_str(comm): the record's text
    HashedPtr,     // %p: a hashed pointer, 16 hex digits (the kernel hashes %p; no address leaks)
    Symbol,        // %pS: symbol+offset/size, the record's text
};

struct TracePrintArg {
    std::uint8_t field = 0; // index into the event's fields
    TraceArg kind = TraceArg::Value;
};

// One release's TP_printk: the format string exactly as tracefs's "print fmt" shows it, and
// what each conversion prints. `since`: the first release (MAJOR*100+MINOR) that prints it.
struct TracePrintFmt {
    int since = 0;
    std::string_view fmt;
    std::array<TracePrintArg, kMaxTraceFields> args{};
    std::uint8_t nr_args = 0;
};

struct TraceEventDef {
    TraceEventId id;
    std::string_view system; // the events/ directory: "vmscan", "oom"
    std::string_view name;
    std::array<std::string_view, kMaxTraceFields> fields{}; // the newest release's, in order
    std::uint8_t nr_fields = 0;
    // The print fmts, newest first; the first whose `since` <= the release is used.
    std::array<TracePrintFmt, 2> fmts{};
    std::uint8_t nr_fmts = 0;
    // The irqs-off / need-resched / hardirq / preempt-depth / migrate-disable columns at the
    // kernel's call site: "d..1." under spin_lock_irq (lru_lock), "...1." under a spinlock.
    std::string_view flags = ".....";
    // The first release that has the event (0: all that are modelled).
    int since = 0;
    // The event's name before release `renamed_in` (0: never renamed).
    std::string_view old_name;
    int renamed_in = 0;
};

// The table (tracepoint.cpp), indexed by TraceEventId.
std::span<const TraceEventDef> trace_event_table();
const TraceEventDef& trace_event_def(TraceEventId id);
// The event's print fmt for kernel release `version` (MAJOR*100+MINOR).
const TracePrintFmt& trace_print_fmt(const TraceEventDef& def, int version);
// The event's name in release `version` (mm_vmscan_write_folio was mm_vmscan_writepage).
std::string_view trace_event_name(const TraceEventDef& def, int version);

// One event as the ring buffer holds it: where, when, who, and its fields by the table's index.
struct TraceRecord {
    TraceEventId id{};
    std::int64_t t_ns = 0;
    std::int64_t now_ns = 0; // the step's start: no later record is earlier than this
    int pid = 0;
    int cpu = 0;
    std::string_view comm;  // the task's comm (valid during record() only)
    std::string_view text;  // Comm / Symbol arguments (valid during record() only)
    std::array<std::int64_t, kMaxTraceFields> f{};
};

// Where records go: the ftrace writer, a test's collector.
class TraceSink {
public:
    virtual ~TraceSink() = default;
    virtual void record(const TraceRecord& r) = 0;
};

// The running task as the tracer sees it (`current`, smp_processor_id()): set by the engine
// before each actor's step.
struct TraceCurrent {
    int pid = 0;
    int cpu = 0;
    std::string_view comm;
};

// RECLAIM_WB_* (vmscan.h) and trace_reclaim_flags(file).
inline constexpr std::int64_t RECLAIM_WB_ANON = 0x0001, RECLAIM_WB_FILE = 0x0002, RECLAIM_WB_ASYNC = 0x0008;
constexpr std::int64_t trace_reclaim_flags(bool file) { return (file ? RECLAIM_WB_FILE : RECLAIM_WB_ANON) | RECLAIM_WB_ASYNC; }

// show_gfp_flags() of release `version`: the names of include/trace/events/mmflags.h
// (__def_gfpflag_names, without the KASAN and page-owner extras) matched in table order, the
// bits no name covers as 0x%lx, "none" for 0.
std::string trace_gfp_flags(gfp_t gfp, int version);
// That release's name table as (mask, name) in order (tests compare it with tracefs's).
std::vector<std::pair<std::uint64_t, std::string_view>> trace_gfp_names(int version);

// The event's TP_printk text for release `version` (no task, CPU or time: the writer adds them).
void format_trace_fields(const TraceRecord& r, int version, std::string& out);

} // namespace rs
