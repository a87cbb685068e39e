#pragma once
// The OOM killer (mm/oom_kill.c).
#include "mm/gfp.h"
#include "mm/kernel.h"

namespace rs {

// oom_badness(): resident pages + swap entries + page tables, adjusted by oom_score_adj
// (scaled by totalpages / 1000). LONG_MIN (here: nothing) for unkillable tasks.
std::optional<std::int64_t> oom_badness(const Kernel& k, const Process& p, std::uint64_t totalpages);

// out_of_memory(): picks the task with the highest badness and kills it; its memory is freed
// (the exit and the OOM reaper). Returns true when the caller should retry (a kill, or a
// !__GFP_FS allocation, which the kernel never OOM-kills for).
bool out_of_memory(Kernel& k, gfp_t gfp, int order, int caller_pid);

} // namespace rs
