#pragma once
// /proc/swaps of the simulated kernel (mm/swapfile.c: swap_show()).
#include "mm/kernel.h"

#include <string>

namespace rs {

// The header, then one line per area in use (SWP_USED), by type.
std::string format_swaps(const SwapSpace& space);
std::string format_swaps(const Kernel& k);

} // namespace rs
