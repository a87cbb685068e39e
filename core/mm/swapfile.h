#pragma once
// The swap slot allocator of mm/swapfile.c (≈ v6.14–6.16): swap areas (swap_info[]), their
// one-byte-per-slot swap_map, clusters of SWAPFILE_CLUSTER slots on free/nonfull/frag/full
// lists, the per-CPU cluster cache (SSD, zram) or device-global cluster (HDD), the priority
// list with round-robin among equal priorities, and /proc/swaps.
//
// Only order-0 (single page) entries are allocated. Not modelled: swap count continuation
// (counts saturate at SWAP_MAP_MAX and swap_duplicate() says so by returning false), discard,
// reclaim of SWAP_HAS_CACHE-only slots while scanning (the swap cache belongs to the engine),
// NUMA node affinity of auto-priority devices, swap files (every area is a block device).
#include "config/swap_spec.h"
#include "util/huge_vector.h"
#include "util/result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

inline constexpr std::uint32_t SWAPFILE_CLUSTER = 512; // HPAGE_PMD_NR: x86-64 with THP_SWAP
inline constexpr int SWAP_NR_ORDERS = 10;              // PMD_ORDER + 1
// setup_clusters() interleaves the free list with this stride (SWAP_CLUSTER_COLS: a 64M swap
// address space / 2M clusters) to spread CPUs over swap-cache trees; gone in 6.18.
inline constexpr std::uint32_t SWAP_CLUSTER_COLS = 32;
// 32 swp_entry types minus device-private/exclusive (3), migration (3), hwpoison, PTE marker:
// a typical x86-64 distro config (the exact number is config dependent, 23..27).
inline constexpr int MAX_SWAPFILES = 24;
// Bad page slots that fit in the swap header page (union swap_header).
inline constexpr std::size_t MAX_SWAP_BADPAGES = 637;
inline constexpr std::uint64_t SWAP_PAGE_SIZE = 4096;

// swap_map byte encoding (include/linux/swap.h).
inline constexpr std::uint8_t SWAP_MAP_MAX = 0x3e;    // largest count held in the byte
inline constexpr std::uint8_t SWAP_MAP_BAD = 0x3f;    // bad slot or the header: never allocated
inline constexpr std::uint8_t SWAP_HAS_CACHE = 0x40;  // a folio for the slot is in the swap cache
inline constexpr std::uint8_t COUNT_CONTINUED = 0x80; // never set here: continuation not modelled

// swap_info_struct.flags (include/linux/swap.h), the ones the simulator uses.
enum SwapFlag : std::uint32_t {
    SWP_USED = 1u << 0,
    SWP_WRITEOK = 1u << 1,
    SWP_SOLIDSTATE = 1u << 4, // non-rotational: per-CPU clusters
    SWP_BLKDEV = 1u << 6,     // a partition, not a file
    SWP_SYNCHRONOUS_IO = 1u << 12, // zram: swap-in may bypass the swap cache
};

// enum swap_cluster_flags (mm/swap.h): the list a cluster is on. NONE = isolated by an allocator.
enum ClusterFlag : std::uint8_t {
    CLUSTER_FLAG_NONE = 0,
    CLUSTER_FLAG_FREE,
    CLUSTER_FLAG_NONFULL,
    CLUSTER_FLAG_FRAG,
    CLUSTER_FLAG_FULL,
    CLUSTER_FLAG_DISCARD, // never used: discard is not modelled
};
inline constexpr std::uint8_t CLUSTER_FLAG_USABLE = CLUSTER_FLAG_FRAG; // allocatable up to here

inline constexpr std::uint32_t kNoCluster = 0xffffffffu;

// struct swap_cluster_info, linked into its list by cluster index.
struct SwapCluster {
    std::uint32_t count = 0; // slots not free: allocated, cached, bad, header, past EOF
    std::uint8_t flags = CLUSTER_FLAG_NONE;
    std::uint8_t order = 0; // fixed by the first allocation; always 0 here
    std::uint32_t next = kNoCluster, prev = kNoCluster;
    // Simulator bookkeeping so snapshots cost O(clusters), not O(slots).
    std::uint16_t nr_bad = 0;        // SWAP_MAP_BAD slots, the header included
    std::uint16_t nr_cache_only = 0; // slots whose swap_map is exactly SWAP_HAS_CACHE
};

struct ClusterList {
    std::uint32_t head = kNoCluster, tail = kNoCluster;
    std::uint32_t nr = 0;
};

// swp_entry_t.
struct SwapEntry {
    int type = 0;
    std::uint32_t offset = 0;
    bool operator==(const SwapEntry&) const = default;
};

// struct swap_info_struct.
struct SwapInfo {
    std::string name;
    SwapKind kind = SwapKind::SSD;
    double zram_ratio = 3.0;
    int type = 0;
    int prio = 0;
    std::uint32_t flags = 0;
    std::uint32_t max = 0;         // slots, header included
    std::uint32_t pages = 0;       // usable slots: max - header - bad
    std::uint32_t inuse_pages = 0; // allocated slots (cache-only ones included)
    huge_vector<std::uint8_t> swap_map;
    huge_vector<SwapCluster> cluster_info;
    ClusterList free_clusters, full_clusters, discard_clusters;
    std::array<ClusterList, SWAP_NR_ORDERS> nonfull_clusters{}, frag_clusters{};
    std::array<std::uint32_t, SWAP_NR_ORDERS> global_cluster{}; // HDD: next offset per order; 0 = none

    bool solidstate() const { return (flags & SWP_SOLIDSTATE) != 0; }
};

// One CPU's struct percpu_swap_cluster (order 0 only): where its next allocation continues.
struct PercpuSwapCluster {
    int type = -1;           // -1: none
    std::uint32_t offset = 0; // 0 (SWAP_ENTRY_INVALID): none
};

// The set of swap areas: swap_info[], swap_avail_head, nr_swap_pages, total_swap_pages.
class SwapSpace {
public:
    // sys_swapon(): validates, sets up swap_map and the clusters, enables the area. Returns
    // its type (index in swap_info[]).
    Result<int> swapon(const SwapDeviceSpec& spec);

    // sys_swapoff(): the first call stops allocations from the area (not SWP_WRITEOK, off the
    // avail list, its pages leave nr_swap_pages and total_swap_pages). The engine then reads
    // the remaining pages back (try_to_unuse) and calls again. Returns true once the area is
    // gone (no slot in use), false while slots remain.
    Result<bool> swapoff(int type);
    // reinsert_swap_info(): a swapoff that failed (try_to_unuse() interrupted) puts the area
    // back: SWP_WRITEOK, on the avail list, its pages counted again; an automatic priority
    // becomes the new lowest one (setup_swap_info() with prio < 0).
    Result<bool> reinsert_swap_info(int type);
    // find_next_to_unuse(): the first slot after `prev` in use (not free, not bad), or 0.
    std::uint32_t find_next_to_unuse(int type, std::uint32_t prev) const;
    // The type of the area called `name` that is in use, or -1.
    int find_type(const std::string& name) const;

    // folio_alloc_swap() for an order-0 folio on `cpu`: the slot gets SWAP_HAS_CACHE (the folio
    // is now in the swap cache). Nothing when every area is full.
    std::optional<SwapEntry> folio_alloc_swap(int cpu);

    // swap_duplicate(): one more reference (try_to_unmap installs a swap PTE, fork copies
    // one). False when the entry is unused or bad, or its count is already SWAP_MAP_MAX (the
    // kernel would need a continuation page; the caller must treat it as -ENOMEM).
    bool swap_duplicate(SwapEntry e);
    // swapcache_prepare(): set SWAP_HAS_CACHE again for swap-in. False if already set or unused.
    bool swapcache_prepare(SwapEntry e);
    // swap_free(): one reference fewer (a swap PTE went away). False on an unused entry.
    bool swap_free(SwapEntry e);
    // put_swap_folio(): the folio left the swap cache. False if SWAP_HAS_CACHE was not set.
    bool put_swap_folio(SwapEntry e);
    // swapcache_clear(): the same release, for the SWP_SYNCHRONOUS_IO swap-in path.
    bool swapcache_clear(SwapEntry e) { return put_swap_folio(e); }

    // vm_swap_full(): more than half of the swap space is in use.
    bool vm_swap_full() const { return nr_swap_pages * 2 < total_swap_pages; }
    std::int64_t get_nr_swap_pages() const { return nr_swap_pages; }
    std::int64_t get_total_swap_pages() const { return total_swap_pages; }
    // Slots in use on every area (swap_info[]->inuse_pages summed).
    std::uint64_t inuse_pages() const;
    // {slots with a count above zero, the sum of their counts}: O(slots), for invariant checks.
    std::pair<std::uint64_t, std::uint64_t> count_references() const;
    // si_swapinfo()'s nr_to_be_unused: slots in use on areas being swapped off.
    std::uint64_t nr_to_be_unused() const;
    // nr_rotate_swap: areas on rotating disks (they turn VMA swap readahead off).
    int nr_rotate_swap() const { return m_nr_rotate_swap; }
    int least_priority() const { return m_least_priority; }

    // swap_info[type], or nullptr for an unused type.
    const SwapInfo* swap_info(int type) const;
    int nr_swapfiles() const { return static_cast<int>(m_swap_info.size()); }
    std::uint8_t swap_map(SwapEntry e) const;      // the raw byte (0 for an invalid entry)
    void prefetch_swap_map(SwapEntry e) const {     // a hint only: the byte and its cluster
        if (e.type < 0 || static_cast<std::size_t>(e.type) >= m_swap_info.size()) return;
        const SwapInfo& si = m_swap_info[static_cast<std::size_t>(e.type)];
        if (e.offset >= si.swap_map.size()) return;
        __builtin_prefetch(&si.swap_map[e.offset]);
        __builtin_prefetch(&si.cluster_info[e.offset / SWAPFILE_CLUSTER]);
    }
    int swap_count(SwapEntry e) const { return swap_map(e) & ~SWAP_HAS_CACHE; }
    // swap_avail_head, highest priority first.
    const std::vector<int>& swap_avail_head() const { return m_avail; }
    const PercpuSwapCluster& percpu_swap_cluster(int cpu) const;

    // Operations on unused or bad entries, which the kernel reports ("Unused swap offset
    // entry", "Bad swap file entry") and ignores.
    std::uint64_t nr_bad_entry_ops = 0;
    // swap_duplicate() refusals at SWAP_MAP_MAX (where the kernel adds a continuation page).
    std::uint64_t nr_count_overflows = 0;

private:
    SwapInfo* info(SwapEntry e);
    bool swap_alloc_fast(int cpu, SwapEntry& out);
    bool swap_alloc_slow(int cpu, SwapEntry& out);
    std::uint32_t cluster_alloc_swap_entry(SwapInfo& si, int cpu, int order);
    std::uint32_t alloc_swap_scan_cluster(SwapInfo& si, std::uint32_t ci, std::uint32_t offset, int cpu, int order);
    std::uint32_t alloc_swap_scan_list(SwapInfo& si, ClusterList& list, int cpu, int order, bool scan_all);
    void relocate_cluster(SwapInfo& si, std::uint32_t ci);
    void swap_entries_free(SwapInfo& si, std::uint32_t offset);
    void set_swap_map(SwapInfo& si, std::uint32_t offset, std::uint8_t value);
    void add_to_avail_list(SwapInfo& si);
    void del_from_avail_list(SwapInfo& si);
    void plist_requeue(int type);
    PercpuSwapCluster& this_cpu(int cpu);

    std::vector<SwapInfo> m_swap_info; // swap_info[], indexed by type
    std::vector<int> m_avail;          // swap_avail_head: types by descending prio, FIFO within
    std::vector<PercpuSwapCluster> m_percpu;
    std::int64_t nr_swap_pages = 0;    // free slots; can dip below the truth during swapoff
    std::int64_t total_swap_pages = 0;
    int m_least_priority = -1;
    int m_nr_rotate_swap = 0;
};

} // namespace rs
