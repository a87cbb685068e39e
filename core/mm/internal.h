#pragma once
// Constants of the reclaim and allocation code (mm/internal.h, include/linux/swap.h,
// include/linux/mmzone.h), and the simulator's "never" time.
#include <cstdint>
#include <limits>

namespace rs {

inline constexpr int DEF_PRIORITY = 12;                // include/linux/mmzone.h
inline constexpr std::uint64_t SWAP_CLUSTER_MAX = 32;  // include/linux/swap.h
inline constexpr int MAX_RECLAIM_RETRIES = 16;         // mm/internal.h
inline constexpr int PAGE_ALLOC_COSTLY_ORDER = 3;      // include/linux/mmzone.h
inline constexpr std::int64_t HZ_NS = 1'000'000'000;   // one second of jiffies, in ns

// A time that never comes: an actor with nothing to do.
inline constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

// The i-th node of a zonelist that starts at `preferred` and wraps (node order). A compare, not
// a `%`: perf put 15 % of get_page_from_freelist()'s samples on that integer division.
inline int zonelist_node(int preferred, int i, int nr_nodes) {
    const int n = preferred + i;
    return n < nr_nodes ? n : n - nr_nodes;
}

} // namespace rs
