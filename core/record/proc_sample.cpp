#include "record/proc_sample.h"

#include "mm/kernel.h"
#include "mm/oom_kill.h"

#include <algorithm>
#include <array>

namespace rs {

namespace {

std::uint32_t clamp32(std::uint64_t v) { return static_cast<std::uint32_t>(std::min<std::uint64_t>(v, 0xffffffffu)); }

// More memory first (RSS + swap), then the longer reclaim stall, then the lower pid.
bool more_memory(const ProcSample& a, const ProcSample& b) {
    const std::uint64_t ma = std::uint64_t{a.rss} + a.swap, mb = std::uint64_t{b.rss} + b.swap;
    if (ma != mb) return ma > mb;
    if (a.reclaim_ns != b.reclaim_ns) return a.reclaim_ns > b.reclaim_ns;
    return a.pid < b.pid;
}

bool by_pid(const ProcSample& a, const ProcSample& b) { return a.pid < b.pid; }

} // namespace

ProcSample proc_sample(const Kernel& k, const Process& p) {
    ProcSample s;
    s.pid = p.pid;
    if (p.alive) {
        s.rss = clamp32(mm_rss(k, p));
        s.swap = clamp32(p.swapents);
        s.vm = clamp32(p.total_vm);
    }
    s.min_flt = p.min_flt;
    s.maj_flt = p.maj_flt;
    s.reclaim_count = p.delays.freepages_count;
    s.reclaim_ns = p.delays.freepages_delay_ns;
    s.swapin_ns = p.delays.swapin_delay_ns;
    s.thrashing_ns = p.delays.thrashing_delay_ns;
    return s;
}

std::vector<ProcSample> sample_procs(const Kernel& k) {
    // The kSampledProcs largest in one pass over a small array (kept sorted, largest first): a
    // sample of 100 000 tasks reads each one's three keys and copies out only eight.
    std::vector<ProcSample> out;
    struct Pick {
        ProcSample key;
        const Process* p = nullptr;
    };
    std::array<Pick, kSampledProcs> best{};
    std::size_t n = 0;
    for (const Process& p : k.procs) {
        if (!p.alive) continue;
        ProcSample key;
        key.pid = p.pid;
        key.rss = clamp32(mm_rss(k, p));
        key.swap = clamp32(p.swapents);
        key.reclaim_ns = p.delays.freepages_delay_ns;
        if (n == kSampledProcs && !more_memory(key, best[n - 1].key)) continue;
        std::size_t at = std::min(n, kSampledProcs - 1);
        for (; at > 0 && more_memory(key, best[at - 1].key); --at) best[at] = best[at - 1];
        best[at] = Pick{key, &p};
        n = std::min(n + 1, kSampledProcs);
    }
    for (std::size_t i = 0; i < n; ++i) out.push_back(proc_sample(k, *best[i].p));
    std::sort(out.begin(), out.end(), by_pid);
    return out;
}

std::int64_t proc_oom_score(const Kernel& k, const Process& p) {
    const std::uint64_t totalpages = k.machine.totalram_pages() + k.swap.total_slots();
    const auto badness = oom_badness(k, p, totalpages);
    if (!badness || totalpages == 0) return 0;
    return (1000 + *badness * 1000 / static_cast<std::int64_t>(totalpages)) * 2 / 3;
}

std::vector<const Process*> largest_processes(const Kernel& k, std::size_t limit) {
    std::vector<const Process*> out;
    std::vector<ProcSample> keys; // the sort keys, parallel to out
    for (const Process& p : k.procs) {
        out.push_back(&p);
        keys.push_back(ProcSample{p.pid, p.alive ? clamp32(mm_rss(k, p)) : 0, p.alive ? clamp32(p.swapents) : 0});
        keys.back().reclaim_ns = p.delays.freepages_delay_ns;
    }
    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto bigger = [&](std::size_t a, std::size_t b) { return more_memory(keys[a], keys[b]); };
    if (order.size() > limit) {
        std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(limit), order.end(), bigger);
        order.resize(limit);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a].pid < keys[b].pid; });
    std::vector<const Process*> picked;
    for (const std::size_t i : order) picked.push_back(out[i]);
    return picked;
}

std::vector<ProcRow> proc_table(const Kernel& k, std::size_t limit, std::size_t& total) {
    // The boot's tasks (a handful) always; then the processes with the most memory.
    std::vector<ProcRow> rows;
    for (const auto& t : k.boot_tasks) {
        ProcRow r;
        r.pid = r.now.pid = t.pid;
        r.ppid = t.ppid;
        r.comm = t.comm;
        // init is a user process whose memory the simulator does not model; the rest are kthreads.
        r.state = t.pid == 1 ? ProcRow::State::Running : ProcRow::State::KernelThread;
        rows.push_back(std::move(r));
    }
    total = rows.size() + k.procs.size();
    for (const Process* p : largest_processes(k, limit > rows.size() ? limit - rows.size() : 0)) {
        ProcRow r;
        r.pid = p->pid;
        r.ppid = p->ppid;
        r.nid = p->nid;
        r.comm = p->comm;
        r.state = p->alive ? ProcRow::State::Running : p->exited ? ProcRow::State::Exited : ProcRow::State::OomKilled;
        r.has_mm = p->alive; // a live user process has an mm, anonymous memory or not
        r.now = proc_sample(k, *p);
        r.oom_score = proc_oom_score(k, *p);
        r.oom_score_adj = p->oom_score_adj;
        rows.push_back(std::move(r));
    }
    // Boot tasks take the first pids, so the rows are in pid order.
    return rows;
}

std::span<const ProcCsvField> proc_csv_fields() {
    static constexpr std::array<ProcCsvField, 6> fields{{
        {"rss_kb", false, 4.0, [](const ProcSample& s) { return static_cast<double>(s.rss); }},
        {"swap_kb", false, 4.0, [](const ProcSample& s) { return static_cast<double>(s.swap); }},
        {"vm_size_kb", false, 4.0, [](const ProcSample& s) { return static_cast<double>(s.vm); }},
        {"minflt_per_s", true, 1.0, [](const ProcSample& s) { return static_cast<double>(s.min_flt); }},
        {"majflt_per_s", true, 1.0, [](const ProcSample& s) { return static_cast<double>(s.maj_flt); }},
        {"reclaim_stall_ms_per_s", true, 1e-6, [](const ProcSample& s) { return static_cast<double>(s.reclaim_ns); }},
    }};
    return fields;
}

} // namespace rs
