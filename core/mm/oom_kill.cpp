#include "mm/oom_kill.h"

#include "mm/memory.h"

#include <algorithm>
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

bool out_of_memory(Kernel& k, gfp_t gfp, int /*order*/, int /*caller_pid*/) {
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
        // The kernel panics here ("System is deadlocked on memory"); the simulation says so once
        // and lets the allocation keep waiting.
        static constexpr const char* kMsg = "Out of memory and no killable processes...";
        if (k.events.items.empty() || k.events.items.back().text != kMsg)
            k.events.add(k.now, EventType::OomKill, -1, kMsg);
        return false;
    }
    static const AddressSpace kNoMemory;
    const AddressSpace& as = victim->anon_space >= 0 ? k.spaces[static_cast<std::size_t>(victim->anon_space)] : kNoMemory;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "Out of memory: Killed process %d (%s) total-vm:%llukB, anon-rss:%llukB, file-rss:0kB, "
                  "shmem-rss:0kB, UID:0 pgtables:%llukB oom_score_adj:%d",
                  victim->pid, victim->comm.c_str(), static_cast<unsigned long long>(as.pages.size() * 4),
                  static_cast<unsigned long long>(as.nr_resident * 4),
                  static_cast<unsigned long long>(mm_pgtables_pages(as.nr_resident + victim->swapents) * 4),
                  victim->oom_score_adj);
    k.trace.hit(F_oom_kill_process);
    k.vmstat.add(OOM_KILL);
    victim->alive = false;
    exit_mmap(k, *victim);
    k.events.add(k.now, EventType::OomKill, -1, buf);
    return true;
}

} // namespace rs
