#pragma once
// One write to a sysctl, as configured (a scenario's sysctls, --set, the timeline).
#include <cstdint>
#include <string>
#include <vector>

namespace rs {

// One write to a sysctl, as `sysctl -w vm.KEY=VALUE` or `echo VALUE > /proc/sys/vm/KEY` does.
struct SysctlWrite {
    std::string name; // with the "vm." prefix
    std::vector<std::int64_t> values;
};

// The values as the write gives them, separated by spaces.
std::string format_sysctl_value(const SysctlWrite& w);

} // namespace rs
