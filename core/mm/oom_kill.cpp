#include "mm/oom_kill.h"

#include "mm/memory.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>

namespace rs {

namespace {
std::uint64_t mm_pgtables_pages(std::uint64_t mapped_pages) {
    // One 4 KiB page table maps 512 pages.
    return (mapped_pages + 511) / 512;
}
} // namespace

std::optional<std::int64_t> oom_badness(const Kernel& k, const Process& p, std::uint64_t totalpages) {
    if (!p.alive || p.oom_score_adj == -1000 || p.anon_space < 0) return std::nullopt;
    const AddressSpace& as = k.spaces[static_cast<std::size_t>(p.anon_space)];
    const std::uint64_t rss = as.nr_resident;
    std::int64_t points = static_cast<std::int64_t>(rss + p.swapents + mm_pgtables_pages(rss + p.swapents));
    // adj *= totalpages / 1000: the division first, as the kernel does it.
    points += static_cast<std::int64_t>(p.oom_score_adj) * static_cast<std::int64_t>(totalpages / 1000);
    return points;
}

namespace {

std::string fmt(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char* format, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, format);
    std::vsnprintf(buf, sizeof buf, format, ap);
    va_end(ap);
    return buf;
}

unsigned long long K(std::uint64_t pages) { return static_cast<unsigned long long>(pages) * 4; }

// %pGg (lib/vsprintf.c format_flags() with gfpflag_names): the composite name the mask
// starts with, then the flags left over.
std::string gfp_flag_names(gfp_t gfp) {
    struct Name {
        gfp_t bits;
        const char* name;
    };
    static constexpr Name kComposite[] = {
        {GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE"}, {GFP_USER, "GFP_USER"}, {GFP_KERNEL, "GFP_KERNEL"},
        {GFP_NOFS, "GFP_NOFS"}, {GFP_NOIO, "GFP_NOIO"}, {GFP_ATOMIC, "GFP_ATOMIC"}, {GFP_NOWAIT, "GFP_NOWAIT"},
    };
    static constexpr Name kFlags[] = {
        {__GFP_DMA, "__GFP_DMA"}, {__GFP_HIGHMEM, "__GFP_HIGHMEM"}, {__GFP_DMA32, "__GFP_DMA32"},
        {__GFP_MOVABLE, "__GFP_MOVABLE"}, {__GFP_RECLAIMABLE, "__GFP_RECLAIMABLE"}, {__GFP_HIGH, "__GFP_HIGH"},
        {__GFP_IO, "__GFP_IO"}, {__GFP_FS, "__GFP_FS"}, {__GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM"},
        {__GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM"}, {__GFP_WRITE, "__GFP_WRITE"}, {__GFP_NOWARN, "__GFP_NOWARN"},
        {__GFP_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL"}, {__GFP_NOFAIL, "__GFP_NOFAIL"}, {__GFP_NORETRY, "__GFP_NORETRY"},
        {__GFP_MEMALLOC, "__GFP_MEMALLOC"}, {__GFP_NOMEMALLOC, "__GFP_NOMEMALLOC"}, {__GFP_HARDWALL, "__GFP_HARDWALL"},
        {__GFP_THISNODE, "__GFP_THISNODE"},
    };
    std::string out;
    for (const Name& n : kComposite)
        if ((gfp & n.bits) == n.bits) {
            out = n.name;
            gfp &= ~n.bits;
            break;
        }
    for (const Name& n : kFlags)
        if (gfp & n.bits) {
            if (!out.empty()) out += '|';
            out += n.name;
        }
    return out.empty() ? "none" : out;
}

std::uint64_t node_lru(const Pgdat& n, LruList l) { return static_cast<std::uint64_t>(n.nr_lru[static_cast<std::size_t>(l)]); }
std::uint64_t zone_lru(const Zone& z, LruList l) { return static_cast<std::uint64_t>(z.nr_zone_lru[static_cast<std::size_t>(l)]); }

// What the kernel keeps per zone or per node and the simulator does not: counted from the
// page frames when a report is printed (NR_FILE_MAPPED, NR_MLOCK and NR_ZONE_WRITE_PENDING
// by zone).
struct FrameCounts {
    std::vector<std::uint64_t> mlocked, write_pending; // by global zone
    std::vector<std::uint64_t> file_mapped;             // by node
};
FrameCounts count_frames(const Kernel& k) {
    FrameCounts c;
    c.mlocked.assign(static_cast<std::size_t>(k.nr_zones()), 0);
    c.write_pending.assign(static_cast<std::size_t>(k.nr_zones()), 0);
    c.file_mapped.assign(static_cast<std::size_t>(k.nr_nodes()), 0);
    for (frame_t f = 0; f < k.frames.size(); ++f) {
        const auto fl = k.frames.flags[f];
        if (fl & (PG_buddy | PG_reserved)) continue;
        const std::size_t z = k.frames.zone[f];
        if (fl & PG_mlocked) ++c.mlocked[z];
        if (fl & (PG_dirty | PG_writeback)) ++c.write_pending[z];
        if ((fl & PG_mapped) && !(fl & PG_swapbacked)) ++c.file_mapped[static_cast<std::size_t>(k.zone_ids[z].nid)];
    }
    return c;
}

std::int64_t node_sum(const Kernel& k, NodeStat item) {
    std::int64_t v = 0;
    for (const auto& n : k.machine.nodes) v += n[item];
    return v;
}

} // namespace

std::uint64_t mm_rss(const Kernel& k, const Process& p) {
    // get_mm_rss(): MM_ANONPAGES + MM_FILEPAGES + MM_SHMEMPAGES; the simulated processes map
    // anonymous memory only (program text is not charged to them).
    return p.anon_space >= 0 ? k.spaces[static_cast<std::size_t>(p.anon_space)].nr_resident : 0;
}

std::uint64_t mm_pgtables_bytes(const Kernel& k, const Process& p) {
    return mm_pgtables_pages(mm_rss(k, p) + p.swapents) * 4096;
}

std::vector<std::string> show_mem(const Kernel& k, int max_zone_idx) {
    // __show_mem(SHOW_MEM_FILTER_NODES, NULL, gfp_zone()) and show_free_areas() (mm/show_mem.c),
    // with show_swap_cache_info() (mm/swap_state.c). Zones above max_zone_idx are left out.
    std::vector<std::string> out;
    const FrameCounts fc = count_frames(k);
    std::uint64_t aa = 0, ia = 0, af = 0, inf = 0, unev = 0, free = 0, mapped = 0;
    for (int n = 0; n < k.nr_nodes(); ++n) {
        const Pgdat& pg = k.pgdat(n);
        aa += node_lru(pg, LRU_ACTIVE_ANON);
        ia += node_lru(pg, LRU_INACTIVE_ANON);
        af += node_lru(pg, LRU_ACTIVE_FILE);
        inf += node_lru(pg, LRU_INACTIVE_FILE);
        unev += node_lru(pg, LRU_UNEVICTABLE);
        mapped += fc.file_mapped[static_cast<std::size_t>(n)];
    }
    k.machine.for_each_zone([&](const Zone& z) { free += static_cast<std::uint64_t>(z.nr_free_pages); });
    std::uint64_t pagetables = 0;
    for (const Process& p : k.procs)
        if (p.alive) pagetables += mm_pgtables_bytes(k, p) / 4096;
    out.push_back("Mem-Info:");
    // One printk of several lines: each continuation line starts with a space.
    out.push_back(fmt("active_anon:%llu inactive_anon:%llu isolated_anon:0", (unsigned long long)aa, (unsigned long long)ia));
    out.push_back(fmt(" active_file:%llu inactive_file:%llu isolated_file:0", (unsigned long long)af, (unsigned long long)inf));
    out.push_back(fmt(" unevictable:%llu dirty:%lld writeback:%lld", (unsigned long long)unev,
                      (long long)node_sum(k, NR_DIRTY), (long long)node_sum(k, NR_WRITEBACK)));
    out.push_back(fmt(" slab_reclaimable:%lld slab_unreclaimable:%lld", (long long)node_sum(k, NR_SLAB_RECLAIMABLE),
                      (long long)node_sum(k, NR_SLAB_UNRECLAIMABLE)));
    out.push_back(fmt(" mapped:%llu shmem:0 pagetables:%llu", (unsigned long long)mapped, (unsigned long long)pagetables));
    out.push_back(" sec_pagetables:0 bounce:0");
    out.push_back(" kernel_misc_reclaimable:0");
    out.push_back(fmt(" free:%llu free_pcp:0 free_cma:0", (unsigned long long)free));
    for (int n = 0; n < k.nr_nodes(); ++n) {
        const Pgdat& pg = k.pgdat(n);
        std::uint64_t node_pt = 0;
        for (const Process& p : k.procs)
            if (p.alive && p.nid == n) node_pt += mm_pgtables_bytes(k, p) / 4096;
        out.push_back(fmt("Node %d active_anon:%llukB inactive_anon:%llukB active_file:%llukB inactive_file:%llukB "
                          "unevictable:%llukB isolated(anon):0kB isolated(file):0kB mapped:%llukB dirty:%llukB "
                          "writeback:%llukB shmem:0kB shmem_thp:0kB shmem_pmdmapped:0kB anon_thp:0kB "
                          "writeback_tmp:0kB kernel_stack:0kB pagetables:%llukB sec_pagetables:0kB "
                          "all_unreclaimable? %s",
                          n, K(node_lru(pg, LRU_ACTIVE_ANON)), K(node_lru(pg, LRU_INACTIVE_ANON)),
                          K(node_lru(pg, LRU_ACTIVE_FILE)), K(node_lru(pg, LRU_INACTIVE_FILE)),
                          K(node_lru(pg, LRU_UNEVICTABLE)), K(fc.file_mapped[static_cast<std::size_t>(n)]),
                          K(static_cast<std::uint64_t>(pg[NR_DIRTY])), K(static_cast<std::uint64_t>(pg[NR_WRITEBACK])),
                          K(node_pt), pg.kswapd_failures >= 16 ? "yes" : "no"));
    }
    for (int n = 0; n < k.nr_nodes(); ++n)
        for (const Zone& z : k.pgdat(n).zones) {
            if (!z.populated() || z.zone_idx > max_zone_idx) continue;
            const std::size_t g = static_cast<std::size_t>(k.global_zone(z));
            const std::string name(zone_name(z.type));
            out.push_back(fmt("Node %d %s free:%llukB boost:%llukB min:%llukB low:%llukB high:%llukB "
                              "reserved_highatomic:0KB active_anon:%llukB inactive_anon:%llukB active_file:%llukB "
                              "inactive_file:%llukB unevictable:%llukB writepending:%llukB present:%llukB "
                              "managed:%llukB mlocked:%llukB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB",
                              n, name.c_str(), K(static_cast<std::uint64_t>(z.nr_free_pages)), K(z.watermark_boost),
                              K(z.min_wmark_pages()), K(z.low_wmark_pages()), K(z.high_wmark_pages()),
                              K(zone_lru(z, LRU_ACTIVE_ANON)), K(zone_lru(z, LRU_INACTIVE_ANON)),
                              K(zone_lru(z, LRU_ACTIVE_FILE)), K(zone_lru(z, LRU_INACTIVE_FILE)),
                              K(zone_lru(z, LRU_UNEVICTABLE)), K(fc.write_pending[g]), K(z.present_pages),
                              K(z.managed_pages), K(fc.mlocked[g])));
            std::string reserve = "lowmem_reserve[]:";
            for (int i = 0; i < k.nr_zone_types(); ++i)
                reserve += " " + std::to_string(z.lowmem_reserve[static_cast<std::size_t>(i)]);
            out.push_back(reserve);
        }
    out.push_back(fmt("%lld total pagecache pages", (long long)node_sum(k, NR_FILE_PAGES)));
    const auto [swap_free, swap_total] = k.swap.si_swapinfo();
    out.push_back(fmt("%lld pages in swap cache", (long long)node_sum(k, NR_SWAPCACHE)));
    out.push_back(fmt("Free swap  = %llukB", K(swap_free)));
    out.push_back(fmt("Total swap = %llukB", K(swap_total)));
    std::uint64_t total = 0, reserved = 0;
    k.machine.for_each_zone([&](const Zone& z) {
        if (!z.populated()) return;
        total += z.present_pages;
        reserved += z.present_pages - z.managed_pages;
    });
    out.push_back(fmt("%llu pages RAM", (unsigned long long)total));
    out.push_back("0 pages HighMem/MovableOnly");
    out.push_back(fmt("%llu pages reserved", (unsigned long long)reserved));
    return out;
}

std::vector<std::string> dump_tasks(const Kernel& k) {
    // dump_tasks() / dump_task() (mm/oom_kill.c): every process with an mm. The columns
    // rss_anon, rss_file and rss_shmem are printed from 6.8 on (the release of the breakdown is
    // taken as 6.8; earlier releases print rss alone).
    const bool breakdown = k.machine.kernel_version >= 608;
    std::vector<std::string> out;
    out.push_back("Tasks state (memory values in pages):");
    out.push_back(breakdown ? "[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents "
                              "oom_score_adj name"
                            : "[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name");
    for (const Process& p : k.procs) {
        if (!p.alive) continue; // exited or reaped: no mm (find_lock_task_mm() is NULL)
        const auto rss = static_cast<unsigned long>(mm_rss(k, p));
        const auto pt = static_cast<long>(mm_pgtables_bytes(k, p));
        if (breakdown)
            out.push_back(fmt("[%7d] %5u %5d %8lu %8lu %8lu %8lu %9lu %8ld %8lu         %5hd %s", p.pid, p.uid, p.pid,
                              static_cast<unsigned long>(p.total_vm), rss, rss, 0UL, 0UL, pt,
                              static_cast<unsigned long>(p.swapents), static_cast<short>(p.oom_score_adj), p.comm.c_str()));
        else
            out.push_back(fmt("[%7d] %5u %5d %8lu %8lu %8ld %8lu         %5hd %s", p.pid, p.uid, p.pid,
                              static_cast<unsigned long>(p.total_vm), rss, pt, static_cast<unsigned long>(p.swapents),
                              static_cast<short>(p.oom_score_adj), p.comm.c_str()));
    }
    return out;
}

std::string oom_kill_line(const Kernel& k, const Process& victim, const char* message) {
    // __oom_kill_process()'s pr_err(), with the victim's mm as it is at the kill.
    return fmt("%s: Killed process %d (%s) total-vm:%llukB, anon-rss:%llukB, file-rss:%llukB, shmem-rss:%llukB, "
               "UID:%u pgtables:%llukB oom_score_adj:%hd",
               message, victim.pid, victim.comm.c_str(), K(victim.total_vm), K(mm_rss(k, victim)), 0ULL, 0ULL,
               victim.uid, static_cast<unsigned long long>(mm_pgtables_bytes(k, victim) >> 10),
               static_cast<short>(victim.oom_score_adj));
}

namespace {

// dump_header() (mm/oom_kill.c) into the kernel log: the invoking task, Mem-Info, the task
// table and (with a victim) the oom-kill summary line. dump_stack()'s trace is not printed:
// the simulation has no call stack.
void dump_header(Kernel& k, gfp_t gfp, int order, int caller, const Process* victim) {
    const Process* current = caller >= 0 ? &k.procs[static_cast<std::size_t>(caller)] : nullptr;
    k.printk(fmt("%s invoked oom-killer: gfp_mask=%#x(%s), order=%d, oom_score_adj=%hd",
                 current ? current->comm.c_str() : "kthreadd", static_cast<unsigned>(gfp), gfp_flag_names(gfp).c_str(),
                 order, static_cast<short>(current ? current->oom_score_adj : 0)));
    for (auto& line : show_mem(k, gfp_zone(gfp, k.machine))) k.printk(std::move(line));
    // vm.oom_dump_tasks is 1 by default (the sysctl is not modelled).
    for (auto& line : dump_tasks(k)) k.printk(std::move(line));
    if (victim) {
        // dump_oom_summary(): a global OOM (no memcg, no cpuset, no mempolicy), every node.
        const std::string mems = k.nr_nodes() > 1 ? "0-" + std::to_string(k.nr_nodes() - 1) : "0";
        k.printk(fmt("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=%s,global_oom,"
                     "task_memcg=/,task=%s,pid=%d,uid=%u",
                     mems.c_str(), victim->comm.c_str(), victim->pid, victim->uid));
    }
}

} // namespace

bool out_of_memory(Kernel& k, gfp_t gfp, int order, int caller) {
    k.trace.hit(F_out_of_memory);
    // A global allocation without __GFP_FS never kills: the caller just loops.
    if (!(gfp & __GFP_FS)) return true;
    std::uint64_t totalpages = k.machine.totalram_pages();
    totalpages += k.swap.total_slots(); // totalram_pages() + total_swap_pages
    Process* victim = nullptr;
    std::int64_t best = 0;
    for (auto& p : k.procs) {
        // oom_evaluate_task(): a task that marked itself as the origin of the memory demand
        // (swapoff bringing pages back) is chosen before anyone else.
        if (p.alive && p.oom_origin) {
            victim = &p;
            break;
        }
        const auto points = oom_badness(k, p, totalpages);
        if (!points) continue;
        // Ties go to the task seen later (select_bad_process uses >=... on the max).
        if (!victim || *points >= best) {
            victim = &p;
            best = *points;
        }
    }
    if (!victim) {
        // The kernel prints the header and panics here ("System is deadlocked on memory"); the
        // simulation says so once and lets the allocation keep waiting.
        static constexpr const char* kMsg = "Out of memory and no killable processes...";
        if (k.events.items.empty() || k.events.items.back().text != kMsg) {
            dump_header(k, gfp, order, caller, nullptr);
            k.printk(kMsg);
            k.events.add(k.now, EventType::OomKill, -1, kMsg);
        }
        return false;
    }
    // oom_kill_process(): the report, then the kill with the victim's mm as it is now.
    dump_header(k, gfp, order, caller, victim);
    // mark_oom_victim(): trace_mark_victim() before the kill line, the fields of that line.
    if (k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mark_victim, 0,
                      {victim->pid, 0, static_cast<std::int64_t>(K(victim->total_vm)),
                       static_cast<std::int64_t>(K(mm_rss(k, *victim))), 0, 0, victim->uid,
                       static_cast<std::int64_t>(mm_pgtables_bytes(k, *victim) >> 10), victim->oom_score_adj},
                      victim->comm);
    const std::string line = oom_kill_line(k, *victim, "Out of memory");
    k.printk(line);
    k.trace.hit(F_oom_kill_process);
    k.vmstat.add(OOM_KILL);
    victim->alive = false;
    exit_mmap(k, *victim);
    k.events.add(k.now, EventType::OomKill, -1, line);
    return true;
}

} // namespace rs
