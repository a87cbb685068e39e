#pragma once
// Page reclaim (mm/vmscan.c): the LRU scanning that kswapd drives.
#include "sim/kernel.h"

#include <array>
#include <vector>

namespace rs {

struct ScanControl {
    std::uint64_t nr_to_reclaim = SWAP_CLUSTER_MAX;
    int reclaim_idx = 0;
    int order = 0;
    int priority = DEF_PRIORITY;
    bool may_unmap = true;
    bool is_kswapd = false;
    unsigned may_deactivate = 0; // DEACTIVATE_ANON | DEACTIVATE_FILE
    std::uint64_t nr_scanned = 0;
    std::uint64_t nr_reclaimed = 0;
    std::int64_t cost_ns = 0; // simulated time the work took
};

inline constexpr unsigned DEACTIVATE_ANON = 1;
inline constexpr unsigned DEACTIVATE_FILE = 2;

// pgdat_balanced(): the node is balanced when ANY managed zone up to highest_zoneidx meets its
// high watermark (with lowmem_reserve for highest_zoneidx).
bool pgdat_balanced(Kernel& k, int nid, int order, int highest_zoneidx);
// pgdat_watermark_boosted()
bool pgdat_watermark_boosted(Kernel& k, int nid, int highest_zoneidx);

// lruvec_lru_size(): pages on a list in the zones up to zone_idx.
std::uint64_t lruvec_lru_size(Kernel& k, int nid, LruList lru, int zone_idx);

// inactive_is_low(): the inactive list is smaller than active / sqrt(10 * size in GiB).
bool inactive_is_low(Kernel& k, int nid, LruList inactive_lru);

// can_reclaim_anon_pages(): free swap space exists. This engine has no swap devices yet.
bool can_reclaim_anon_pages(const Kernel& k, int nid);

// prepare_scan_control(): may_deactivate from inactive_is_low (refault tracking comes with
// workingset detection).
void prepare_scan_control(Kernel& k, int nid, ScanControl& sc);

// get_scan_count(): pages to scan per evictable list at this priority. Without swap the
// balance is SCAN_FILE (the first rule: anon pages cannot be reclaimed).
void get_scan_count(Kernel& k, int nid, const ScanControl& sc,
                    std::array<std::uint64_t, NR_LRU_LISTS>& nr);

// shrink_list(): active lists are aged only when may_deactivate allows it.
std::uint64_t shrink_list(Kernel& k, int nid, LruList lru, std::uint64_t nr_to_scan,
                          ScanControl& sc);
std::uint64_t shrink_inactive_list(Kernel& k, int nid, std::uint64_t nr_to_scan, ScanControl& sc,
                                   LruList lru);
void shrink_active_list(Kernel& k, int nid, std::uint64_t nr_to_scan, ScanControl& sc,
                        LruList lru);

// One pass of shrink_lruvec()'s batching loop (SWAP_CLUSTER_MAX pages from each list that has
// some left). Returns false when the loop is finished. `nr` and `targets` carry the loop's
// state between calls so a reclaimer can be interleaved with other tasks.
bool shrink_lruvec_round(Kernel& k, int nid, ScanControl& sc,
                         std::array<std::uint64_t, NR_LRU_LISTS>& nr,
                         const std::array<std::uint64_t, NR_LRU_LISTS>& targets,
                         std::uint64_t& nr_reclaimed);

} // namespace rs
