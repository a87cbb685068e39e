#include "procfs/vmstat.h"

#include "mm/writeback.h"

namespace rs {

std::vector<std::pair<std::string, std::int64_t>> vmstat_items(const Kernel& k) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    auto zone_sum = [&](auto get) {
        std::int64_t v = 0;
        k.machine.for_each_zone([&](const Zone& z) { v += get(z); });
        return v;
    };
    auto node_sum = [&](auto get) {
        std::int64_t v = 0;
        for (const auto& n : k.machine.nodes) v += get(n);
        return v;
    };
    // zone_stat_item
    out.emplace_back("nr_free_pages", zone_sum([](const Zone& z) { return z.nr_free_pages; }));
    for (int l = 0; l < NR_LRU_LISTS; ++l)
        out.emplace_back(std::string(lru_zone_stat_name(static_cast<LruList>(l))),
                         zone_sum([l](const Zone& z) { return z.nr_zone_lru[static_cast<std::size_t>(l)]; }));
    out.emplace_back("nr_mlock", node_sum([](const Pgdat& n) { return n[NR_MLOCK]; }));
    // node_stat_item
    for (int l = 0; l < NR_LRU_LISTS; ++l)
        out.emplace_back(std::string(lru_node_stat_name(static_cast<LruList>(l))),
                         node_sum([l](const Pgdat& n) { return n.nr_lru[static_cast<std::size_t>(l)]; }));
    for (NodeStat s : {NR_SLAB_RECLAIMABLE, NR_SLAB_UNRECLAIMABLE, WORKINGSET_REFAULT_ANON, WORKINGSET_REFAULT_FILE,
                       WORKINGSET_ACTIVATE_ANON, WORKINGSET_ACTIVATE_FILE, WORKINGSET_RESTORE_ANON,
                       WORKINGSET_RESTORE_FILE, NR_ANON_MAPPED, NR_FILE_PAGES, NR_DIRTY, NR_WRITEBACK,
                       NR_VMSCAN_WRITE, NR_VMSCAN_IMMEDIATE, NR_DIRTIED, NR_WRITTEN, NR_SWAPCACHE})
        out.emplace_back(std::string(node_stat_name(s)), node_sum([s](const Pgdat& n) { return n[s]; }));
    const DirtyLimits l = global_dirty_limits(k);
    out.emplace_back("nr_dirty_threshold", static_cast<std::int64_t>(l.dirty));
    out.emplace_back("nr_dirty_background_threshold", static_cast<std::int64_t>(l.background));
    // vm_event_item
    for (int e = 0; e < NR_VM_EVENT_ITEMS; ++e) {
        const auto ev = static_cast<VmEvent>(e);
        // Zones this kernel configuration does not have are not printed.
        if ((e >= PGALLOC_DMA && e <= PGALLOC_DEVICE) || (e >= ALLOCSTALL_DMA && e <= ALLOCSTALL_DEVICE) ||
            (e >= PGSKIP_DMA && e <= PGSKIP_DEVICE)) {
            const int base = e <= PGALLOC_DEVICE ? PGALLOC_DMA : e <= ALLOCSTALL_DEVICE ? ALLOCSTALL_DMA : PGSKIP_DMA;
            const auto t = static_cast<ZoneType>(e - base);
            if (!k.machine.zone_index(t)) continue;
        }
        out.emplace_back(std::string(vm_event_name(ev)), static_cast<std::int64_t>(k.vmstat[ev]));
    }
    return out;
}

std::string format_vmstat(const Kernel& k) {
    std::string out;
    for (const auto& [name, v] : vmstat_items(k)) {
        out += name;
        out += ' ';
        out += std::to_string(v);
        out += '\n';
    }
    return out;
}

} // namespace rs
