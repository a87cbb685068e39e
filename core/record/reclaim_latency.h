#pragma once
// Direct reclaim latency per process, from the tracepoints a real machine gives bcc's drsnoop:
// each mm_vmscan_direct_reclaim_begin / _end pair of a pid is one stall, its length the time
// between them and its pages the end's nr_reclaimed. The table drsnoop's users read: count,
// total, p50 / p99 / max latency, pages reclaimed.
#include "mm/tracepoint.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rs {

struct ReclaimLatencyRow {
    int pid = 0;
    std::string comm;
    std::uint64_t count = 0;
    std::int64_t total_ns = 0;
    std::int64_t p50_ns = 0, p99_ns = 0, max_ns = 0; // nearest rank over the stalls
    std::uint64_t pages = 0;                          // nr_reclaimed summed over the stalls
};

class ReclaimLatencySink : public TraceSink {
public:
    void record(const TraceRecord& r) override;
    // One row per pid that stalled, the longest total first (pid breaks ties).
    std::vector<ReclaimLatencyRow> rows() const;

private:
    struct PerPid {
        std::string comm;
        std::int64_t begin_ns = -1; // an open stall
        std::vector<std::int64_t> stalls;
        std::uint64_t pages = 0;
    };
    std::map<int, PerPid> m_pids;
};

// Hands every record to two sinks (--ftrace and --print-reclaim-latency in one run).
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
