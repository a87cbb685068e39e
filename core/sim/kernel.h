#pragma once
// The simulated kernel's state: the machine, page frames, free lists, LRU lists, address
// spaces, processes, counters and the event log. The mm/ functions operate on it under
// kernel names.
#include "mm/scan_control.h"
#include "mm/sysctl.h"
#include "mm/trace.h"
#include "mm/vmstat.h"
#include "mm/watermarks.h"
#include "model/machine.h"
#include "model/page_frames.h"
#include "record/event.h"
#include "sim/cost_model.h"

#include <array>
#include <deque>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rs {

inline constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
inline constexpr int DEF_PRIORITY = 12;
inline constexpr std::uint64_t SWAP_CLUSTER_MAX = 32;
inline constexpr int MAX_RECLAIM_RETRIES = 16;
inline constexpr int PAGE_ALLOC_COSTLY_ORDER = 3;
inline constexpr std::int64_t HZ_NS = 1'000'000'000;

// Page-cache and anonymous slots hold a frame, nothing, or a token for a page that is not
// resident: a shadow entry (file) or a swap entry (anon). Tokens have the top bit set.
inline constexpr std::uint32_t kTokenBit = 0x80000000u;
inline bool is_resident(std::uint32_t e) { return !(e & kTokenBit); }
inline bool is_token(std::uint32_t e) { return e != kNoFrame && (e & kTokenBit); }

// The i-th node of a zonelist that starts at `preferred` and wraps (node order). A compare, not
// a `%`: perf put 15 % of get_page_from_freelist()'s samples on that integer division.
inline int zonelist_node(int preferred, int i, int nr_nodes) {
    const int n = preferred + i;
    return n < nr_nodes ? n : n - nr_nodes;
}

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

// kswapd's per-node state (pgdat->kswapd_*), and where it is in balance_pgdat().
struct KswapdState {
    enum class Phase { Sleeping, Napping, Balancing };
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

struct NodeState {
    Lruvec lruvec;
    KswapdState kswapd;
    std::uint64_t direct_reclaims = 0;      // do_try_to_free_pages() entries on this node
    std::int64_t direct_reclaim_ns = 0;     // time tasks spent in direct reclaim
    std::int64_t last_direct_event_ns = -1; // rate limit for the event log
};

struct ZoneState {
    FrameList free_list;
    frame_t first_frame = 0;
    frame_t nr_frames = 0;
    // Where the zone sits (set at boot): finding a frame's zone or node takes no division, as
    // page_zone() and folio_pgdat() take none in the kernel.
    std::uint16_t nid = 0, zone_idx = 0;
};

// A file's page cache, or a process's anonymous memory: one slot per page offset.
struct AddressSpace {
    std::string name;
    bool anon = false;
    int owner_pid = -1; // anon: the process
    huge_vector<std::uint32_t> pages;
    std::uint64_t nr_resident = 0;
    std::uint64_t nr_nonresident = 0; // shadow or swap entries
    // fork(): a child's anonymous memory shares its pages and swap entries with the parent's
    // until written (we model read-only sharing). All of a family hang off one root, as
    // anon_vmas chain to the root's: the rmap of page `index` is that slot in each of them.
    int anon_vma_root = -1;        // a fork: the root's space; -1: this is a root
    std::vector<std::uint32_t> forks; // the root: every fork of the family
};

// The address spaces whose PTEs can map page `index` of anonymous `space` (rmap_walk_anon()):
// the family's root and its forks. `fn(AddressSpace&, std::uint32_t space)`.
template <class Spaces, class Fn> void for_each_anon_mapper(Spaces& spaces, std::uint32_t space, Fn&& fn) {
    const auto& as = spaces[space];
    const auto root = as.anon_vma_root >= 0 ? static_cast<std::uint32_t>(as.anon_vma_root) : space;
    fn(spaces[root], root);
    for (const std::uint32_t c : spaces[root].forks) fn(spaces[c], c);
}

// A process, for the OOM killer: its anonymous memory and its badness adjustment.
struct Process {
    int pid = 0;
    std::string comm;
    int anon_space = -1;
    bool alive = true;
    int oom_score_adj = 0;
    std::uint64_t swapents = 0; // MM_SWAPENTS
    bool oom_origin = false;    // set_current_oom_origin(): swapoff, the OOM killer's first pick
    bool exited = false;        // exit(): not alive, and not by the OOM killer
};

// A page that was dirtied, for the flusher (oldest first). The slot identifies the page even if
// the frame has since been freed and reused.
struct DirtyRef {
    frame_t frame = kNoFrame;
    std::uint32_t space = 0;
    std::uint32_t index = 0;
    std::int64_t dirtied_at = 0;
};

// The flusher (wb_workfn) and the pages under writeback.
struct WritebackState {
    std::deque<DirtyRef> dirty;                              // in the order they were dirtied
    std::deque<std::pair<std::int64_t, DirtyRef>> inflight; // completion time, page
    bool background = false;  // woken because dirty pages exceed the background threshold
    std::int64_t ready_at = kNever;
};

// A reclaimable slab cache (dentries and inodes) per node: objects packed into slab pages.
struct SlabCache {
    std::vector<frame_t> pages;
    std::uint64_t objects = 0;
    std::uint64_t nr_deferred = 0; // shrinker->nr_deferred
};
inline constexpr std::uint64_t kSlabObjectsPerPage = 21; // 192-byte dentries in a 4 KiB page
inline constexpr std::uint32_t kSlabSpace = 0xfffffff0u;  // owner of slab pages

struct Kernel;

// What reclaim needs from the swap subsystem. No backend means no swap: anonymous pages are
// then not reclaimable (can_reclaim_anon_pages() is false).
class SwapBackend {
public:
    virtual ~SwapBackend() = default;
    // get_nr_swap_pages(): free slots.
    virtual std::uint64_t nr_free_slots() const = 0;
    // total_swap_pages: every usable slot.
    virtual std::uint64_t total_slots() const = 0;
    // folio_alloc_swap() + pageout() for an anonymous page being reclaimed: returns the swap
    // entry (31 bits) or nothing when no slot is free. Adds the write's cost to cost_ns.
    virtual std::optional<std::uint32_t> swap_out(Kernel& k, frame_t f, std::int64_t& cost_ns) = 0;
    // do_swap_page(): reads the entry back (its cost to cost_ns) and drops the PTE's reference.
    virtual void swap_in(Kernel& k, std::uint32_t entry, std::int64_t& cost_ns) = 0;
    // A mapping of a swapped page went away (exit, OOM kill).
    virtual void swap_free(Kernel& k, std::uint32_t entry) = 0;
    // The swap cache: is this page's data already on the device; drop it from the cache.
    virtual bool in_swap_cache(frame_t) const { return false; }
    // folio_free_swap(): true if the page left the swap cache (no swap PTE holds its entry).
    virtual bool folio_free_swap(Kernel&, frame_t) { return false; }
    // Slots held only by the swap cache (the page is mapped again).
    virtual std::uint64_t cache_only_slots() const { return 0; }
    // Slots allocated on every area, the one being swapped off included.
    virtual std::uint64_t slots_in_use() const { return total_slots() - nr_free_slots(); }
    // vm_swap_full(): more than half of the swap space in use.
    virtual bool vm_swap_full() const { return nr_free_slots() * 2 < total_slots(); }
    // si_swapinfo(): {free, total} as /proc/meminfo shows them, counting the pages of an area
    // being swapped off (nr_to_be_unused) in both.
    virtual std::pair<std::uint64_t, std::uint64_t> si_swapinfo() const { return {nr_free_slots(), total_slots()}; }
};

struct Kernel {
    Machine machine;
    VmSysctl sysctl;
    // mm/workingset.c bucket_order, set once at boot by workingset_init() (-1: not yet).
    int workingset_bucket_order = -1;
    ThpMode thp = ThpMode::Never;
    CostModel cost;

    PageFrames frames;
    std::vector<ZoneState> zones; // by global zone number: node * nr_zone_types + zone_idx
    std::vector<NodeState> nodes;
    std::vector<AddressSpace> spaces;
    std::vector<Process> procs;
    std::unique_ptr<SwapBackend> swap;
    WritebackState wb;
    std::vector<SlabCache> slab; // per node
    // isolate_lru_folios()'s skipped folios (any number; put back before it returns), kept to
    // be reused rather than allocated per call.
    std::vector<frame_t> isolate_skipped;

    VmEvents vmstat;
    KFuncCounters trace; // calls per traced kernel function
    EventLog events;
    std::int64_t now = 0;

    int nr_zone_types() const { return machine.nr_zone_types(); }
    Zone& zone(int global) {
        const ZoneState& zs = zones[static_cast<std::size_t>(global)];
        return machine.nodes[zs.nid].zones[zs.zone_idx];
    }
    const Zone& zone(int global) const {
        const ZoneState& zs = zones[static_cast<std::size_t>(global)];
        return machine.nodes[zs.nid].zones[zs.zone_idx];
    }
    int global_zone(const Zone& z) const { return z.node_id * nr_zone_types() + z.zone_idx; }
    Zone& zone_of_frame(frame_t f) { return zone(frames.zone[f]); }
    const Zone& zone_of_frame(frame_t f) const { return zone(frames.zone[f]); }
    int node_of_frame(frame_t f) const { return zones[frames.zone[f]].nid; }
    Pgdat& pgdat(int nid) { return machine.nodes[static_cast<std::size_t>(nid)]; }
    const Pgdat& pgdat(int nid) const { return machine.nodes[static_cast<std::size_t>(nid)]; }
    Lruvec& lruvec(int nid) { return nodes[static_cast<std::size_t>(nid)].lruvec; }
};

// Builds the kernel of a booted machine: frames for every managed page, each zone's free list,
// and the pages in use at start held as kernel memory outside the LRU.
Kernel make_kernel(BootedMachine booted, const CostModel& cost);

} // namespace rs
