#pragma once
// The kernel's per-node and per-zone state (include/linux/mmzone.h): struct zone, struct
// lruvec, struct pglist_data with its kswapd state, and the list of nodes.
#include "mm/internal.h"
#include "mm/lru.h"
#include "mm/page_frames.h"
#include "mm/scan_control.h"
#include "mm/vmstat.h"
#include "model/machine_spec.h"
#include "model/zone_type.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace rs {

enum WmarkIdx : int { WMARK_MIN, WMARK_LOW, WMARK_HIGH, WMARK_PROMO, NR_WMARK };

struct Zone {
    int node_id = 0;
    int zone_idx = 0; // index in the node's zone array (zone_idx())
    ZoneType type = ZoneType::Normal;

    std::uint64_t zone_start_pfn = 0;
    std::uint64_t spanned_pages = 0;
    std::uint64_t present_pages = 0;
    std::uint64_t managed_pages = 0;

    std::array<std::uint64_t, NR_WMARK> watermark{}; // _watermark[], without the boost
    std::uint64_t watermark_boost = 0;
    std::array<std::uint64_t, kMaxZoneTypes> lowmem_reserve{};

    std::int64_t nr_free_pages = 0; // NR_FREE_PAGES
    std::array<std::int64_t, NR_LRU_LISTS> nr_zone_lru{}; // NR_ZONE_INACTIVE_ANON..

    FrameList free_list;     // free_area[0] (order-0 only)
    frame_t first_frame = 0; // the zone's frames: [first_frame, first_frame + nr_frames)
    frame_t nr_frames = 0;

    // populated_zone(): the zone has present pages.
    bool populated() const { return present_pages != 0; }
    // managed_zone(): the buddy allocator manages pages in it.
    bool managed() const { return managed_pages != 0; }

    // wmark_pages(): the watermarks that every check uses include the boost.
    std::uint64_t wmark_pages(WmarkIdx i) const { return watermark[i] + watermark_boost; }
    std::uint64_t min_wmark_pages() const { return wmark_pages(WMARK_MIN); }
    std::uint64_t low_wmark_pages() const { return wmark_pages(WMARK_LOW); }
    std::uint64_t high_wmark_pages() const { return wmark_pages(WMARK_HIGH); }
    std::uint64_t promo_wmark_pages() const { return wmark_pages(WMARK_PROMO); }
};

struct Lruvec {
    std::array<FrameList, NR_LRU_LISTS> lists;
    std::uint64_t nonresident_age = 0; // workingset clock: evictions + activations
    std::uint64_t anon_cost = 0;       // lru_note_cost()
    std::uint64_t file_cost = 0;
    std::array<std::int64_t, 2> refaults{}; // snapshot_refaults(): WORKINGSET_ACTIVATE_ANON/FILE
};

// Where a reclaimer is inside shrink_node() -> shrink_lruvec(), so that kswapd can do it one
// batching round at a time and direct reclaim all at once, through the same code.
struct ShrinkNodeState {
    std::array<std::uint64_t, NR_LRU_LISTS> nr{};
    std::array<std::uint64_t, NR_LRU_LISTS> targets{};
    std::uint64_t nr_reclaimed = 0; // this shrink_lruvec() call
    std::uint64_t reclaimed_at_start = 0;
    bool active = false;
};

// Where kswapd is: asleep in kswapd_try_to_sleep()'s schedule(), in its short nap
// (schedule_timeout(HZ/10)), or in balance_pgdat(). One name table for every text and column.
enum class KswapdPhase : std::uint8_t { Sleeping, Napping, Balancing };
inline constexpr int kNrKswapdPhases = 3;
const char* kswapd_phase_name(KswapdPhase p);  // "sleeping", "napping", "balancing"
const char* kswapd_phase_where(KswapdPhase p); // the kernel function it is in ("" asleep)

// kswapd's per-node state (pgdat->kswapd_*), and where it is in balance_pgdat().
struct KswapdState {
    using Phase = KswapdPhase;
    Phase phase = Phase::Sleeping;
    std::int64_t ready_at = kNever;
    int kswapd_order = 0;
    int kswapd_highest_zoneidx = -1; // -1: MAX_NR_ZONES, "no request recorded"
    int highest_zoneidx = 0;         // of the balance_pgdat() run in progress
    bool needs_start = false;        // woken: balance_pgdat() starts when kswapd gets the CPU

    // balance_pgdat() in progress
    ScanControl sc;                   // the run's scan_control (nr_reclaimed accumulates)
    bool iteration_started = false;
    std::uint64_t iter_reclaimed_start = 0;
    std::uint64_t iter_scanned_start = 0;
    std::uint64_t nr_boost_reclaim = 0;
    std::array<std::uint64_t, 5> zone_boosts{};
    bool boosted = false;
    ShrinkNodeState shrink;
};

// struct pglist_data, reduced to what the simulator needs.
struct Pgdat {
    int node_id = 0;
    std::vector<Zone> zones; // node_zones[]
    std::uint64_t totalreserve_pages = 0;
    std::array<std::int64_t, NR_LRU_LISTS> nr_lru{}; // lruvec sizes: NR_INACTIVE_ANON..
    std::array<std::int64_t, NR_NODE_STATS> stat{};  // node_stat_item counters and gauges
    int kswapd_failures = 0;

    Lruvec lruvec;      // __lruvec (no memory cgroups)
    KswapdState kswapd; // kswapd_order, kswapd_highest_zoneidx, kswapd_wait and balance_pgdat()'s place
    std::uint64_t direct_reclaims = 0;      // do_try_to_free_pages() entries on this node
    std::int64_t direct_reclaim_ns = 0;     // time tasks spent in direct reclaim
    std::int64_t last_direct_event_ns = -1; // rate limit for the event log

    std::int64_t& operator[](NodeStat s) { return stat[static_cast<std::size_t>(s)]; }
    std::int64_t operator[](NodeStat s) const { return stat[static_cast<std::size_t>(s)]; }

    // The first populated zone prints the node's stats in /proc/zoneinfo.
    const Zone* first_populated_zone() const;
};

// The nodes of the booted machine (the kernel's pgdat list) and its global counts.
struct Machine {
    std::vector<ZoneType> zone_types;
    std::vector<Pgdat> nodes;
    std::uint64_t totalreserve_pages = 0; // global totalreserve_pages
    int cpus = 2;
    int kernel_version = kDefaultKernelVersion;

    int nr_zone_types() const { return static_cast<int>(zone_types.size()); }
    std::optional<int> zone_index(ZoneType t) const;
    // Highest zone index <= ZONE_NORMAL: gfp_zone(GFP_KERNEL / GFP_USER).
    int normal_zone_index() const;

    void for_each_zone(const std::function<void(Zone&)>& fn);
    void for_each_zone(const std::function<void(const Zone&)>& fn) const;
    std::uint64_t totalram_pages() const; // Σ managed
};

// Lays out the zones of a spec as they are when init_per_zone_wmark_min() runs (managed without
// the pages freed later). Watermarks are left at zero: see init_per_zone_wmark_min().
Machine make_machine(const MachineSpec& spec);

} // namespace rs
