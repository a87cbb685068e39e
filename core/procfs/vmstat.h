#pragma once
// /proc/vmstat of the simulated kernel (mm/vmstat.c: vmstat_start/vmstat_show): zone gauges
// summed over zones, node items summed over nodes, the dirty thresholds, then the events, in the
// kernel's order and under its names. Items the simulator does not model are left out.
#include "mm/kernel.h"

#include <string>
#include <utility>
#include <vector>

namespace rs {

std::vector<std::pair<std::string, std::int64_t>> vmstat_items(const Kernel& k);
std::string format_vmstat(const Kernel& k);

} // namespace rs
