#pragma once
// Things that happen at a set simulated time: a sysctl write, swapon, swapoff. Scenarios and
// the command line (--at) schedule them; the engine runs each when its time comes.
#include "config/swap_spec.h"
#include "config/sysctl_write.h"

#include <cstdint>
#include <string>

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

} // namespace rs
