#pragma once
// The simulated kernel's state: the machine, page frames, free lists, LRU lists, address
// spaces, counters and the event log. The mm/ functions operate on it under kernel names.
#include "mm/sysctl.h"
#include "mm/vmstat.h"
#include "mm/watermarks.h"
#include "model/machine.h"
#include "model/page_frames.h"
#include "record/event.h"
#include "sim/cost_model.h"

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace rs {

inline constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
inline constexpr int DEF_PRIORITY = 12;
inline constexpr std::uint64_t SWAP_CLUSTER_MAX = 32;
inline constexpr int MAX_RECLAIM_RETRIES = 16;
inline constexpr std::int64_t HZ_NS = 1'000'000'000;

struct Lruvec {
    std::array<FrameList, NR_LRU_LISTS> lists;
};

// kswapd's per-node state (pgdat->kswapd_*), and where it is in balance_pgdat().
struct KswapdState {
    enum class Phase { Sleeping, Napping, Balancing };
    Phase phase = Phase::Sleeping;
    std::int64_t ready_at = kNever;
    int kswapd_order = 0;
    int kswapd_highest_zoneidx = -1; // -1: MAX_NR_ZONES, "no request recorded"
    int highest_zoneidx = 0;         // of the balance_pgdat() run in progress
    bool needs_start = false; // woken: balance_pgdat() starts when kswapd gets the CPU

    // balance_pgdat() in progress
    int priority = DEF_PRIORITY;
    bool iteration_started = false;
    std::uint64_t nr_reclaimed = 0;      // sc.nr_reclaimed for the whole run
    std::uint64_t iter_reclaimed = 0;    // reclaimed in this priority iteration
    std::uint64_t iter_scanned = 0;      // scanned in this priority iteration
    std::uint64_t nr_to_reclaim = 0;     // kswapd_shrink_node's target
    std::uint64_t nr_boost_reclaim = 0;
    std::array<std::uint64_t, 5> zone_boosts{};
    bool boosted = false;
    std::array<std::uint64_t, NR_LRU_LISTS> nr{};      // shrink_lruvec: left to scan
    std::array<std::uint64_t, NR_LRU_LISTS> targets{}; // shrink_lruvec: scan targets
    unsigned may_deactivate = 0;
};

struct NodeState {
    Lruvec lruvec;
    KswapdState kswapd;
};

struct ZoneState {
    FrameList free_list;
    frame_t first_frame = 0;
    frame_t nr_frames = 0;
};

// A file's page cache, or a process's anonymous memory: one slot per page offset holding the
// frame, or nothing.
struct AddressSpace {
    std::string name;
    bool anon = false;
    std::vector<frame_t> pages;
    std::uint64_t nr_resident = 0;
};

struct Kernel {
    Machine machine;
    VmSysctl sysctl;
    ThpMode thp = ThpMode::Never;
    CostModel cost;

    PageFrames frames;
    std::vector<ZoneState> zones; // by global zone number: node * nr_zone_types + zone_idx
    std::vector<NodeState> nodes;
    std::vector<AddressSpace> spaces;

    VmEvents vmstat;
    EventLog events;
    std::int64_t now = 0;

    int nr_zone_types() const { return machine.nr_zone_types(); }
    Zone& zone(int global) {
        return machine.nodes[static_cast<std::size_t>(global / nr_zone_types())]
            .zones[static_cast<std::size_t>(global % nr_zone_types())];
    }
    int global_zone(const Zone& z) const { return z.node_id * nr_zone_types() + z.zone_idx; }
    Zone& zone_of_frame(frame_t f) { return zone(frames.zone[f]); }
    Pgdat& pgdat(int nid) { return machine.nodes[static_cast<std::size_t>(nid)]; }
};

// Builds the kernel of a booted machine: frames for every managed page, each zone's free list,
// and the pages in use at start held as kernel memory outside the LRU.
Kernel make_kernel(BootedMachine booted, const CostModel& cost);

} // namespace rs
