#include "procfs/meminfo.h"

#include "mm/swap_state.h"

#include <cstdio>

namespace rs {

namespace {
std::int64_t node_sum(const Kernel& k, NodeStat s) {
    std::int64_t v = 0;
    for (const auto& n : k.machine.nodes) v += n[s];
    return v;
}
std::int64_t lru_sum(const Kernel& k, LruList l) {
    std::int64_t v = 0;
    for (const auto& n : k.machine.nodes) v += n.nr_lru[static_cast<std::size_t>(l)];
    return v;
}
} // namespace

std::int64_t si_mem_available(const Kernel& k) {
    std::int64_t wmark_low = 0, free = 0;
    k.machine.for_each_zone([&](const Zone& z) {
        wmark_low += static_cast<std::int64_t>(z.low_wmark_pages());
        free += z.nr_free_pages;
    });
    std::int64_t available = free - static_cast<std::int64_t>(k.machine.totalreserve_pages);
    const std::int64_t pagecache = lru_sum(k, LRU_ACTIVE_FILE) + lru_sum(k, LRU_INACTIVE_FILE);
    available += pagecache - std::min(pagecache / 2, wmark_low);
    const std::int64_t reclaimable = node_sum(k, NR_SLAB_RECLAIMABLE);
    available += reclaimable - std::min(reclaimable / 2, wmark_low);
    return std::max<std::int64_t>(available, 0);
}

std::string format_meminfo(const Kernel& k) {
    std::string out;
    auto line = [&](const char* label, std::int64_t pages) {
        // show_val_kb(): "Label:" padded to 16 columns, the value right-aligned in 8, " kB".
        char buf[64];
        std::snprintf(buf, sizeof buf, "%-16s%8lld kB\n", label, static_cast<long long>(pages * 4));
        out += buf;
    };
    std::int64_t free = 0;
    k.machine.for_each_zone([&](const Zone& z) { free += z.nr_free_pages; });
    const std::int64_t swapcached = node_sum(k, NR_SWAPCACHE);
    const std::int64_t cached = std::max<std::int64_t>(0, node_sum(k, NR_FILE_PAGES) - swapcached);
    const std::int64_t aa = lru_sum(k, LRU_ACTIVE_ANON), ia = lru_sum(k, LRU_INACTIVE_ANON);
    const std::int64_t af = lru_sum(k, LRU_ACTIVE_FILE), inf = lru_sum(k, LRU_INACTIVE_FILE);
    // si_swapinfo(): an area being swapped off still counts its pages in use, in both.
    const auto [free_slots, total_slots] = k.swap.si_swapinfo();
    const auto swap_total = static_cast<std::int64_t>(total_slots);
    const auto swap_free = static_cast<std::int64_t>(free_slots);
    line("MemTotal:", static_cast<std::int64_t>(k.machine.totalram_pages()));
    line("MemFree:", free);
    line("MemAvailable:", si_mem_available(k));
    line("Buffers:", 0);
    line("Cached:", cached);
    line("SwapCached:", swapcached);
    line("Active:", aa + af);
    line("Inactive:", ia + inf);
    line("Active(anon):", aa);
    line("Inactive(anon):", ia);
    line("Active(file):", af);
    line("Inactive(file):", inf);
    line("Unevictable:", lru_sum(k, LRU_UNEVICTABLE));
    line("Mlocked:", node_sum(k, NR_MLOCK));
    line("SwapTotal:", swap_total);
    line("SwapFree:", swap_free);
    line("Dirty:", node_sum(k, NR_DIRTY));
    line("Writeback:", node_sum(k, NR_WRITEBACK));
    line("AnonPages:", node_sum(k, NR_ANON_MAPPED));
    line("KReclaimable:", node_sum(k, NR_SLAB_RECLAIMABLE));
    line("Slab:", node_sum(k, NR_SLAB_RECLAIMABLE) + node_sum(k, NR_SLAB_UNRECLAIMABLE));
    line("SReclaimable:", node_sum(k, NR_SLAB_RECLAIMABLE));
    line("SUnreclaim:", node_sum(k, NR_SLAB_UNRECLAIMABLE));
    return out;
}

} // namespace rs
