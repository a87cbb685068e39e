#pragma once
// vm event counters (include/linux/vm_event_item.h), printed under their /proc/vmstat names.
#include "model/zone_type.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace rs {

enum VmEvent : int {
    PGALLOC_DMA, PGALLOC_DMA32, PGALLOC_NORMAL, PGALLOC_MOVABLE, PGALLOC_DEVICE,
    ALLOCSTALL_DMA, ALLOCSTALL_DMA32, ALLOCSTALL_NORMAL, ALLOCSTALL_MOVABLE, ALLOCSTALL_DEVICE,
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
    PGSCAN_ANON,
    PGSCAN_FILE,
    PGSTEAL_ANON,
    PGSTEAL_FILE,
    KSWAPD_LOW_WMARK_HIT_QUICKLY,
    KSWAPD_HIGH_WMARK_HIT_QUICKLY,
    PAGEOUTRUN,
    NR_VM_EVENT_ITEMS
};

constexpr std::string_view vm_event_name(VmEvent e) {
    constexpr std::array<std::string_view, NR_VM_EVENT_ITEMS> names = {
        "pgalloc_dma", "pgalloc_dma32", "pgalloc_normal", "pgalloc_movable", "pgalloc_device",
        "allocstall_dma", "allocstall_dma32", "allocstall_normal", "allocstall_movable",
        "allocstall_device", "pgfree", "pgactivate", "pgdeactivate", "pgfault", "pgmajfault",
        "pgrefill", "pgsteal_kswapd", "pgsteal_direct", "pgscan_kswapd", "pgscan_direct",
        "pgscan_anon", "pgscan_file", "pgsteal_anon", "pgsteal_file",
        "kswapd_low_wmark_hit_quickly", "kswapd_high_wmark_hit_quickly", "pageoutrun"};
    return names[static_cast<std::size_t>(e)];
}

constexpr VmEvent pgalloc_event(ZoneType t) {
    return static_cast<VmEvent>(PGALLOC_DMA + static_cast<int>(t));
}
constexpr VmEvent allocstall_event(ZoneType t) {
    return static_cast<VmEvent>(ALLOCSTALL_DMA + static_cast<int>(t));
}

struct VmEvents {
    std::array<std::uint64_t, NR_VM_EVENT_ITEMS> count{};
    void add(VmEvent e, std::uint64_t n = 1) { count[static_cast<std::size_t>(e)] += n; }
    std::uint64_t operator[](VmEvent e) const { return count[static_cast<std::size_t>(e)]; }
};

} // namespace rs
