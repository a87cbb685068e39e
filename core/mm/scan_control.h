#pragma once
// struct scan_control (mm/vmscan.c): what one reclaim invocation may do and what it did.
#include "mm/gfp.h"
#include "mm/internal.h"

#include <cstdint>

namespace rs {

inline constexpr unsigned DEACTIVATE_ANON = 1;
inline constexpr unsigned DEACTIVATE_FILE = 2;

struct ScanControl {
    std::uint64_t nr_to_reclaim = SWAP_CLUSTER_MAX;
    int reclaim_idx = 0;
    int order = 0;
    int priority = DEF_PRIORITY;
    gfp_t gfp_mask = 0x40 | 0x80 | 0x400 | 0x800; // GFP_KERNEL
    bool may_writepage = true;
    bool may_unmap = true;
    bool may_swap = true;
    bool is_kswapd = false;

    unsigned may_deactivate = 0;
    bool force_deactivate = false;
    bool skipped_deactivate = false;
    bool cache_trim_mode = false;
    bool cache_trim_mode_failed = false;
    bool no_cache_trim_mode = false;
    bool file_is_tiny = false;
    std::uint64_t anon_cost = 0;
    std::uint64_t file_cost = 0;

    std::uint64_t nr_scanned = 0;
    std::uint64_t nr_reclaimed = 0;
    std::int64_t cost_ns = 0; // simulated time the work took
    // cost_ns when the running step began: its trace events are at now + cost_ns - trace_base.
    std::int64_t trace_base = 0;
};

} // namespace rs
