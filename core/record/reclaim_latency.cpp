#include "record/reclaim_latency.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

namespace rs {

void ReclaimLatencySink::record(const TraceRecord& r) {
    if (r.id != TraceEventId::mm_vmscan_direct_reclaim_begin && r.id != TraceEventId::mm_vmscan_direct_reclaim_end)
        return;
    PerPid& p = m_pids[r.pid];
    if (p.comm.empty()) p.comm = std::string(r.comm);
    if (r.id == TraceEventId::mm_vmscan_direct_reclaim_begin) {
        p.begin_ns = r.t_ns;
        return;
    }
    if (p.begin_ns < 0) return; // an end without its begin (drsnoop drops those too)
    p.stalls.push_back(r.t_ns - p.begin_ns);
    p.pages += static_cast<std::uint64_t>(r.f[0]); // nr_reclaimed, the end's only field
    p.begin_ns = -1;
}

namespace {
std::int64_t nearest_rank(const std::vector<std::int64_t>& sorted, int percent) {
    const std::size_t n = sorted.size();
    const std::size_t rank = (n * static_cast<std::size_t>(percent) + 99) / 100; // ceil(p/100 * n)
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}
} // namespace

std::vector<ReclaimLatencyRow> ReclaimLatencySink::rows() const {
    std::vector<ReclaimLatencyRow> out;
    for (const auto& [pid, p] : m_pids) {
        if (p.stalls.empty()) continue;
        std::vector<std::int64_t> sorted = p.stalls;
        std::sort(sorted.begin(), sorted.end());
        ReclaimLatencyRow row{pid, p.comm, sorted.size(), 0, nearest_rank(sorted, 50), nearest_rank(sorted, 99),
                              sorted.back(), p.pages};
        for (const std::int64_t s : sorted) row.total_ns += s;
        out.push_back(std::move(row));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.total_ns != b.total_ns ? a.total_ns > b.total_ns : a.pid < b.pid;
    });
    return out;
}

std::string format_reclaim_latency(const std::vector<ReclaimLatencyRow>& rows) {
    std::string out = "COMM              PID    COUNT   TOTAL(ms)    P50(us)    P99(us)    MAX(us)      PAGES\n";
    char line[160];
    auto us = [](std::int64_t ns) { return static_cast<double>(ns) / 1e3; };
    for (const auto& r : rows) {
        std::snprintf(line, sizeof line, "%-16s %4d %8" PRIu64 " %11.3f %10.1f %10.1f %10.1f %10" PRIu64 "\n",
                      r.comm.c_str(), r.pid, r.count, static_cast<double>(r.total_ns) / 1e6, us(r.p50_ns),
                      us(r.p99_ns), us(r.max_ns), r.pages);
        out += line;
    }
    return out;
}

} // namespace rs
