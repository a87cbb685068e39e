#include "record/reclaim_latency.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

namespace rs {

const char* reclaim_kind_name(ReclaimKind k) { return k == ReclaimKind::Memcg ? "memcg" : "direct"; }

void ReclaimLatency::begin(ReclaimKind kind, int pid, std::string_view comm, std::int64_t t_ns) {
    PerPid& p = m_pids[{pid, kind}];
    if (p.comm.empty()) p.comm = std::string(comm);
    p.begin_ns = t_ns;
}

void ReclaimLatency::end(ReclaimKind kind, int pid, std::int64_t t_ns, std::uint64_t nr_reclaimed) {
    const auto it = m_pids.find({pid, kind});
    if (it == m_pids.end() || it->second.begin_ns < 0) return;
    PerPid& p = it->second;
    p.stalls.push_back(t_ns - p.begin_ns);
    p.pages += nr_reclaimed;
    p.begin_ns = -1;
}

namespace {
std::int64_t nearest_rank(const std::vector<std::int64_t>& sorted, int percent) {
    const std::size_t n = sorted.size();
    const std::size_t rank = (n * static_cast<std::size_t>(percent) + 99) / 100; // ceil(p/100 * n)
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}
} // namespace

std::vector<ReclaimLatencyRow> ReclaimLatency::rows() const {
    std::vector<ReclaimLatencyRow> out;
    for (const auto& [key, p] : m_pids) {
        if (p.stalls.empty()) continue;
        std::vector<std::int64_t> sorted = p.stalls;
        std::sort(sorted.begin(), sorted.end());
        ReclaimLatencyRow row{key.first, p.comm, key.second, sorted.size(), 0, nearest_rank(sorted, 50),
                              nearest_rank(sorted, 99), sorted.back(), p.pages};
        for (const std::int64_t s : sorted) row.total_ns += s;
        out.push_back(std::move(row));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.total_ns > b.total_ns; }); // map order breaks ties
    return out;
}

void ReclaimLatencySink::record(const TraceRecord& r) {
    if (r.id == TraceEventId::mm_vmscan_direct_reclaim_begin)
        m_latency.begin(ReclaimKind::Direct, r.pid, r.comm, r.t_ns);
    else if (r.id == TraceEventId::mm_vmscan_direct_reclaim_end)
        m_latency.end(ReclaimKind::Direct, r.pid, r.t_ns, static_cast<std::uint64_t>(r.f[0])); // nr_reclaimed
}

std::string format_reclaim_latency(const std::vector<ReclaimLatencyRow>& rows) {
    std::string out = "COMM              PID KIND      COUNT   TOTAL(ms)    P50(us)    P99(us)    MAX(us)      PAGES\n";
    char line[192];
    auto us = [](std::int64_t ns) { return static_cast<double>(ns) / 1e3; };
    for (const auto& r : rows) {
        std::snprintf(line, sizeof line, "%-16s %4d %-6s %8" PRIu64 " %11.3f %10.1f %10.1f %10.1f %10" PRIu64 "\n",
                      r.comm.c_str(), r.pid, reclaim_kind_name(r.kind), r.count, static_cast<double>(r.total_ns) / 1e6,
                      us(r.p50_ns), us(r.p99_ns), us(r.max_ns), r.pages);
        out += line;
    }
    return out;
}

} // namespace rs
