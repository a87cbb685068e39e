#pragma once
// The text form of a timeline action, as the command line's --at takes it.
#include "config/timeline.h"
#include "util/result.h"

#include <string>
#include <string_view>

namespace rs {

// Parses "TIME:ACTION" as the command line's --at takes it, e.g. "10s:vm.swappiness=100",
// "5s:swapon=2G,prio=5,kind=hdd", "20s:swapoff=/dev/swap1". nr_zone_types bounds
// vm.lowmem_reserve_ratio; default_swap_name names a swapon without name= ("/dev/swapN").
Result<TimelineAction> parse_timeline_action(std::string_view text, int nr_zone_types,
                                             const std::string& default_swap_name);

} // namespace rs
