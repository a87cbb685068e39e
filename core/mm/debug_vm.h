#pragma once
// Consistency checks of the simulated kernel, in the spirit of CONFIG_DEBUG_VM (mm/debug.c's
// VM_BUG_ON_* and the list and counter checks): every frame in exactly one place, every
// counter equal to what its list holds. Each returns a description of the first violation.
#include "mm/kernel.h"

#include <optional>
#include <string>

namespace rs {

// The counters alone: list sizes, free counts, node statistics. O(zones + lists).
std::optional<std::string> check_counters(const Kernel& k);
// check_counters(), then every frame: free and LRU lists walked, ownership, PG_mapped against
// the PTEs, dirty and writeback counts, swap_map counts against MM_SWAPENTS. O(frames).
std::optional<std::string> check_invariants(const Kernel& k);

} // namespace rs
