#pragma once
// The OOM killer (mm/oom_kill.c).
#include "mm/gfp.h"
#include "mm/kernel.h"

#include <string>
#include <vector>

namespace rs {

// oom_badness(): resident pages + swap entries + page tables, adjusted by oom_score_adj
// (scaled by totalpages / 1000). LONG_MIN (here: nothing) for unkillable tasks.
std::optional<std::int64_t> oom_badness(const Kernel& k, const Process& p, std::uint64_t totalpages);

// out_of_memory(): picks the task with the highest badness and kills it; its memory is freed
// (the exit and the OOM reaper). Returns true when the caller should retry (a kill, or a
// !__GFP_FS allocation, which the kernel never OOM-kills for).
// The report goes to the kernel log (Kernel::printk) as dump_header() prints it. `caller`: the
// allocating process (its index in Kernel::procs, -1: none).
bool out_of_memory(Kernel& k, gfp_t gfp, int order, int caller);

// get_mm_rss() and mm_pgtables_bytes() of a process.
std::uint64_t mm_rss(const Kernel& k, const Process& p);
std::uint64_t mm_pgtables_bytes(const Kernel& k, const Process& p);
// The parts of the OOM report, one string per kernel-log line: __show_mem()'s Mem-Info block
// (zones up to max_zone_idx), dump_tasks()'s table, and __oom_kill_process()'s kill line.
std::vector<std::string> show_mem(const Kernel& k, int max_zone_idx);
std::vector<std::string> dump_tasks(const Kernel& k);
std::string oom_kill_line(const Kernel& k, const Process& victim, const char* message);

} // namespace rs
