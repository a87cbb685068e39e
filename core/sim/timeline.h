#pragma once
// Things that happen at a set simulated time: a sysctl write, swapon, swapoff. Scenarios and
// the command line (--at) schedule them; the engine runs each when its time comes.
#include "mm/swapfile.h"
#include "mm/sysctl.h"
#include "util/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace rs {

struct TimelineAction {
    enum class Kind { Sysctl, Swapon, Swapoff };
    std::int64_t at_ns = 0;
    Kind kind = Kind::Sysctl;
    SysctlWrite sysctl;  // Sysctl
    SwapDeviceSpec swap; // Swapon
    std::string device;  // Swapoff: the area's name
};

// "vm.min_free_kbytes=3000000", "swapon /dev/sdb,size=1G,prio=5", "swapoff /dev/sdb".
std::string describe(const TimelineAction& a);

// Parses "TIME:ACTION" as the command line's --at takes it, e.g. "10s:vm.swappiness=100",
// "5s:swapon=2G,prio=5,kind=hdd", "20s:swapoff=/dev/swap1". nr_zone_types bounds
// vm.lowmem_reserve_ratio; default_swap_name names a swapon without name= ("/dev/swapN").
Result<TimelineAction> parse_timeline_action(std::string_view text, int nr_zone_types,
                                             const std::string& default_swap_name);

// The name of the index-th unnamed swap area of a kind: /dev/sdb1, /dev/sdc1, ... for disks,
// /dev/zram0, /dev/zram1, ... for zram (the command line, scenario files and the window agree).
std::string default_swap_name(SwapKind kind, int index);

// "SIZE[,prio=N][,kind=hdd|ssd|zram][,ratio=R][,name=NAME]" as --swap takes it.
Result<SwapDeviceSpec> parse_swap_spec(std::string_view text, const std::string& default_name);

} // namespace rs
