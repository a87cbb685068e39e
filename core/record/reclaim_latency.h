#pragma once
// Reclaim latency per process, as bcc's drsnoop measures it: each begin / end pair of a pid is
// one stall (mm_vmscan_direct_reclaim_begin / _end; mm_vmscan_memcg_reclaim_begin / _end in a
// real trace, kept apart: a cgroup's limit, not global memory, made the task wait), its length
// the time between them and its pages the end's nr_reclaimed. The table drsnoop's users read:
// count, total, p50 / p99 / max latency, pages reclaimed.
#include "mm/tracepoint.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rs {

enum class ReclaimKind : std::uint8_t { Direct, Memcg };
const char* reclaim_kind_name(ReclaimKind k); // "direct", "memcg"

struct ReclaimLatencyRow {
    int pid = 0;
    std::string comm;
    ReclaimKind kind = ReclaimKind::Direct;
    std::uint64_t count = 0;
    std::int64_t total_ns = 0;
    std::int64_t p50_ns = 0, p99_ns = 0, max_ns = 0; // nearest rank over the stalls
    std::uint64_t pages = 0;                          // nr_reclaimed summed over the stalls
};

// The pairing and the sums, fed by the simulated kernel's tracepoints or by a trace file.
class ReclaimLatency {
public:
    void begin(ReclaimKind kind, int pid, std::string_view comm, std::int64_t t_ns);
    // An end without its begin is dropped (drsnoop drops those too).
    void end(ReclaimKind kind, int pid, std::int64_t t_ns, std::uint64_t nr_reclaimed);
    // One row per pid and kind that stalled, the longest total first (pid, then kind, breaks ties).
    std::vector<ReclaimLatencyRow> rows() const;

private:
    struct PerPid {
        std::string comm;
        std::int64_t begin_ns = -1; // an open stall
        std::vector<std::int64_t> stalls;
        std::uint64_t pages = 0;
    };
    std::map<std::pair<int, ReclaimKind>, PerPid> m_pids;
};

// The simulated kernel's direct reclaim tracepoints into a ReclaimLatency.
class ReclaimLatencySink : public TraceSink {
public:
    void record(const TraceRecord& r) override;
    std::vector<ReclaimLatencyRow> rows() const { return m_latency.rows(); }

private:
    ReclaimLatency m_latency;
};

// Hands every record to two sinks, either of which may be null (--ftrace and
// --print-reclaim-latency in one run).
class TeeSink : public TraceSink {
public:
    TeeSink(TraceSink* a, TraceSink* b) : m_a(a), m_b(b) {}
    void record(const TraceRecord& r) override {
        if (m_a) m_a->record(r);
        if (m_b) m_b->record(r);
    }

private:
    TraceSink* m_a;
    TraceSink* m_b;
};

// The table as --print-reclaim-latency prints it: a header, then one line per row, times in ms
// (total) and us (percentiles), as drsnoop's LAT(ms) and vmscan.bt's histograms (us) do.
std::string format_reclaim_latency(const std::vector<ReclaimLatencyRow>& rows);

} // namespace rs
