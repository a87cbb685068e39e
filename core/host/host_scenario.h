#pragma once
// This machine as a scenario file: its nodes and zones, its vm.* sysctls and its swap areas,
// read from /proc and /sys (never written), and no tasks (docs/scenario-format.md, "Cloning
// this machine"). `reclaimscope --host-scenario FILE` and File > New Scenario from This Machine.
#include "util/result.h"

#include <ctime>
#include <string>

namespace rs {

// The scenario JSON text of the machine whose files are under `root`: ROOT/proc/zoneinfo
// (required), ROOT/proc/sys/vm/NAME for every sysctl of the simulator's vm_table (one the
// machine lacks is left out), ROOT/proc/swaps with ROOT/sys/block/DEV/queue/rotational (or, for
// a swap file, ROOT/sys/dev/block/MAJ:MIN) for each area's kind, ROOT/proc/sys/kernel/hostname
// and osrelease, ROOT/sys/devices/system/cpu/online, ROOT/sys/kernel/mm/transparent_hugepage/
// enabled. `now` is the time the title and explanation name. The text loads (it is checked
// with the scenario loader before it is returned). Errors name the file and what is wrong.
Result<std::string> host_scenario_json(const std::string& root = "/", std::time_t now = std::time(nullptr));

} // namespace rs
