#pragma once
// /proc/meminfo of the simulated kernel (fs/proc/meminfo.c, mm/show_mem.c: si_mem_available),
// the lines the simulator models, in the kernel's order and format.
#include "mm/kernel.h"

#include <string>

namespace rs {

// si_mem_available(): free pages less the reserves, plus the page cache and reclaimable slab
// that could be reclaimed without going below the low watermarks.
std::int64_t si_mem_available(const Kernel& k);

std::string format_meminfo(const Kernel& k);

} // namespace rs
