#pragma once
// /proc/swaps of the simulated kernel (mm/swapfile.c: swap_show()), and a parser of a real one.
#include "mm/kernel.h"
#include "util/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

// The header, then one line per area in use (SWP_USED), by type.
std::string format_swaps(const SwapSpace& space);
std::string format_swaps(const Kernel& k);

// One line of a real /proc/swaps.
struct ProcSwapsArea {
    std::string name;         // the path, its \ooo escapes (mangle_path) undone
    std::string type;         // "partition" or "file"
    std::uint64_t size_kb = 0; // usable pages in KiB: the area minus its header page
    std::uint64_t used_kb = 0;
    int prio = 0;             // negative: given by swapon without -p (-2, -3, ...)
};

// Parses /proc/swaps text as swap_show() writes it: the header line (with "Size\t\tUsed" or,
// before 5.x, "Size\tUsed"), then "PATH TYPE SIZE USED PRIORITY" per area, separated by spaces
// and tabs. Errors are "SOURCE:LINE: ...".
Result<std::vector<ProcSwapsArea>> parse_proc_swaps(std::string_view text, std::string_view source);

} // namespace rs
