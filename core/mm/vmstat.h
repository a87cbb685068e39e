#pragma once
// vm event counters (include/linux/vm_event_item.h) and node statistics (enum node_stat_item)
// that the simulator keeps, printed under their /proc/vmstat names.
#include "model/zone_type.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace rs {

// In the kernel's vm_event_item order.
enum VmEvent : int {
    PGPGIN, PGPGOUT, PSWPIN, PSWPOUT,
    PGALLOC_DMA, PGALLOC_DMA32, PGALLOC_NORMAL, PGALLOC_MOVABLE, PGALLOC_DEVICE,
    ALLOCSTALL_DMA, ALLOCSTALL_DMA32, ALLOCSTALL_NORMAL, ALLOCSTALL_MOVABLE, ALLOCSTALL_DEVICE,
    PGSKIP_DMA, PGSKIP_DMA32, PGSKIP_NORMAL, PGSKIP_MOVABLE, PGSKIP_DEVICE,
    PGFREE,
    PGACTIVATE,
    PGDEACTIVATE,
    PGFAULT,
    PGMAJFAULT,
    PGREFILL,
    PGSTEAL_KSWAPD,
    PGSTEAL_DIRECT,
    PGSCAN_KSWAPD,
    PGSCAN_DIRECT,
    PGSCAN_DIRECT_THROTTLE,
    PGSCAN_ANON,
    PGSCAN_FILE,
    PGSTEAL_ANON,
    PGSTEAL_FILE,
    ZONE_RECLAIM_SUCCESS,
    ZONE_RECLAIM_FAILED,
    PGINODESTEAL,
    SLABS_SCANNED,
    KSWAPD_INODESTEAL,
    KSWAPD_LOW_WMARK_HIT_QUICKLY,
    KSWAPD_HIGH_WMARK_HIT_QUICKLY,
    PAGEOUTRUN,
    PGROTATED,
    OOM_KILL,
    UNEVICTABLE_PGS_CULLED,
    UNEVICTABLE_PGS_MLOCKED,
    UNEVICTABLE_PGS_MUNLOCKED,
    SWAP_RA,
    SWAP_RA_HIT,
    NR_VM_EVENT_ITEMS
};

constexpr std::string_view vm_event_name(VmEvent e) {
    constexpr std::array<std::string_view, NR_VM_EVENT_ITEMS> names = {
        "pgpgin", "pgpgout", "pswpin", "pswpout",
        "pgalloc_dma", "pgalloc_dma32", "pgalloc_normal", "pgalloc_movable", "pgalloc_device",
        "allocstall_dma", "allocstall_dma32", "allocstall_normal", "allocstall_movable",
        "allocstall_device",
        "pgskip_dma", "pgskip_dma32", "pgskip_normal", "pgskip_movable", "pgskip_device",
        "pgfree", "pgactivate", "pgdeactivate", "pgfault", "pgmajfault", "pgrefill",
        "pgsteal_kswapd", "pgsteal_direct", "pgscan_kswapd", "pgscan_direct",
        "pgscan_direct_throttle", "pgscan_anon", "pgscan_file", "pgsteal_anon", "pgsteal_file",
        "zone_reclaim_success", "zone_reclaim_failed", "pginodesteal", "slabs_scanned",
        "kswapd_inodesteal", "kswapd_low_wmark_hit_quickly", "kswapd_high_wmark_hit_quickly",
        "pageoutrun", "pgrotated", "oom_kill", "unevictable_pgs_culled",
        "unevictable_pgs_mlocked", "unevictable_pgs_munlocked", "swap_ra", "swap_ra_hit"};
    return names[static_cast<std::size_t>(e)];
}

constexpr VmEvent pgalloc_event(ZoneType t) { return static_cast<VmEvent>(PGALLOC_DMA + static_cast<int>(t)); }
constexpr VmEvent allocstall_event(ZoneType t) { return static_cast<VmEvent>(ALLOCSTALL_DMA + static_cast<int>(t)); }
constexpr VmEvent pgskip_event(ZoneType t) { return static_cast<VmEvent>(PGSKIP_DMA + static_cast<int>(t)); }

struct VmEvents {
    std::array<std::uint64_t, NR_VM_EVENT_ITEMS> count{};
    void add(VmEvent e, std::uint64_t n = 1) { count[static_cast<std::size_t>(e)] += n; }
    std::uint64_t operator[](VmEvent e) const { return count[static_cast<std::size_t>(e)]; }
};

// Node statistics that are counters or gauges the LRU counts do not already give.
enum NodeStat : int {
    NR_SLAB_RECLAIMABLE,
    NR_SLAB_UNRECLAIMABLE,
    WORKINGSET_REFAULT_ANON,
    WORKINGSET_REFAULT_FILE,
    WORKINGSET_ACTIVATE_ANON,
    WORKINGSET_ACTIVATE_FILE,
    WORKINGSET_RESTORE_ANON,
    WORKINGSET_RESTORE_FILE,
    NR_ANON_MAPPED,
    NR_FILE_PAGES,
    NR_DIRTY,
    NR_WRITEBACK,
    NR_SWAPCACHE,
    NR_MLOCK,
    NR_VMSCAN_WRITE,
    NR_VMSCAN_IMMEDIATE,
    NR_DIRTIED,
    NR_WRITTEN,
    NR_KERNEL_PAGES, // kernel memory outside the LRU and slab (pages in use at start)
    NR_SWAPCACHE_UNMAPPED, // swap-cache pages no PTE maps (swap readahead): on the LRU, not in nr_anon_pages
    NR_NODE_STATS
};

constexpr std::string_view node_stat_name(NodeStat s) {
    constexpr std::array<std::string_view, NR_NODE_STATS> names = {
        "nr_slab_reclaimable", "nr_slab_unreclaimable", "workingset_refault_anon",
        "workingset_refault_file", "workingset_activate_anon", "workingset_activate_file",
        "workingset_restore_anon", "workingset_restore_file", "nr_anon_pages", "nr_file_pages",
        "nr_dirty", "nr_writeback", "nr_swapcached", "nr_mlock", "nr_vmscan_write",
        "nr_vmscan_immediate_reclaim", "nr_dirtied", "nr_written", "nr_kernel_pages",
        "nr_swapcache_unmapped"};
    return names[static_cast<std::size_t>(s)];
}

} // namespace rs
