#pragma once
// Page reclaim (mm/vmscan.c): shrink_node and everything below it, direct reclaim
// (try_to_free_pages), the slab shrinker and node_reclaim.
#include "mm/scan_control.h"
#include "mm/kernel.h"

#include <array>
#include <vector>

namespace rs {

// pgdat_balanced(): the node is balanced when ANY managed zone up to highest_zoneidx meets its
// high watermark (with lowmem_reserve for highest_zoneidx).
bool pgdat_balanced(Kernel& k, int nid, int order, int highest_zoneidx);
bool pgdat_watermark_boosted(Kernel& k, int nid, int highest_zoneidx);

// lruvec_lru_size(): pages on a list in the zones up to zone_idx.
std::uint64_t lruvec_lru_size(const Kernel& k, int nid, LruList lru, int zone_idx);

// inactive_is_low(): inactive * sqrt(10 * size in GiB) < active.
bool inactive_is_low(const Kernel& k, int nid, LruList inactive_lru);

// can_reclaim_anon_pages(): there is free swap space.
bool can_reclaim_anon_pages(const Kernel& k, int nid);
// can_age_anon_pages(): there is swap at all (even full), so anon is worth aging.
bool can_age_anon_pages(const Kernel& k, int nid);

// zone_reclaimable_pages(): file LRU pages, plus anon if it can be swapped; free pages when
// the LRU is empty (v6.13+).
std::uint64_t zone_reclaimable_pages(const Kernel& k, const Zone& z);

// prepare_scan_control(): cost snapshot, may_deactivate, cache_trim_mode, file_is_tiny.
void prepare_scan_control(Kernel& k, int nid, ScanControl& sc);

enum class ScanBalance { Equal, Fract, File, Anon };
// get_scan_count(): pages to scan per evictable list at sc.priority.
ScanBalance get_scan_count(Kernel& k, int nid, const ScanControl& sc,
                           std::array<std::uint64_t, NR_LRU_LISTS>& nr);

std::uint64_t shrink_list(Kernel& k, int nid, LruList lru, std::uint64_t nr_to_scan, ScanControl& sc);
std::uint64_t shrink_inactive_list(Kernel& k, int nid, std::uint64_t nr_to_scan, ScanControl& sc, LruList lru);
void shrink_active_list(Kernel& k, int nid, std::uint64_t nr_to_scan, ScanControl& sc, LruList lru);

// shrink_node() in three parts, so kswapd can run shrink_lruvec()'s loop one round at a time
// while direct reclaim runs it all at once.
void shrink_node_begin(Kernel& k, int nid, ScanControl& sc, ShrinkNodeState& st);
bool shrink_node_round(Kernel& k, int nid, ScanControl& sc, ShrinkNodeState& st);
void shrink_node_end(Kernel& k, int nid, ScanControl& sc, ShrinkNodeState& st);
void shrink_node(Kernel& k, int nid, ScanControl& sc);

// shrink_slab() / do_shrink_slab() (mm/shrinker.cpp) for the dentry and inode cache, with
// vfs_cache_pressure.
// Returns pages freed (added to sc.nr_reclaimed by the caller, as reclaim_state does).
std::uint64_t shrink_slab(Kernel& k, int nid, int priority, ScanControl& sc);

// snapshot_refaults(): remember WORKINGSET_ACTIVATE_* for the next "refaults changed?" test.
void snapshot_refaults(Kernel& k, int nid);

// try_to_free_pages() -> do_try_to_free_pages() -> shrink_zones(): direct reclaim of 32 pages
// for an allocation. Counts allocstall_<zone>. Returns pages reclaimed; the time it took is
// added to cost_ns.
std::uint64_t try_to_free_pages(Kernel& k, gfp_t gfp, int order, int preferred_nid, std::int64_t& cost_ns);

// allow_direct_reclaim(): false when the node's free pages are below half its min watermarks
// (then direct reclaimers are throttled until kswapd catches up).
bool allow_direct_reclaim(Kernel& k, int nid);

enum class NodeReclaimResult { NoScan, Full, Some, Success };
// node_reclaim() for vm.zone_reclaim_mode.
NodeReclaimResult node_reclaim(Kernel& k, int nid, gfp_t gfp, int order, int local_nid, std::int64_t& cost_ns);

} // namespace rs
