// Boot: the machine's nodes and zones as free_area_init() lays them out, then the struct page
// array and the free lists as memblock_free_all() hands every managed page to the buddy
// allocator.
#include "mm/kernel.h"
#include "mm/workingset.h"

namespace rs {

Machine make_machine(const MachineSpec& spec) {
    Machine m;
    m.zone_types = spec.zone_types;
    m.cpus = spec.cpus;
    m.kernel_version = spec.kernel_version;
    for (std::size_t n = 0; n < spec.nodes.size(); ++n) {
        Pgdat pg;
        pg.node_id = static_cast<int>(n);
        for (std::size_t z = 0; z < spec.nodes[n].zones.size(); ++z) {
            const auto& zs = spec.nodes[n].zones[z];
            Zone zone;
            zone.node_id = pg.node_id;
            zone.zone_idx = static_cast<int>(z);
            zone.type = zs.type;
            zone.zone_start_pfn = zs.start_pfn;
            zone.spanned_pages = zs.spanned;
            zone.present_pages = zs.present;
            zone.managed_pages = zs.managed - zs.freed_after_wmark_init;
            pg.zones.push_back(zone);
        }
        m.nodes.push_back(std::move(pg));
    }
    return m;
}

Kernel make_kernel(BootedMachine booted, const CostModel& cost) {
    Kernel k;
    k.machine = std::move(booted.machine);
    k.sysctl = booted.sysctl;
    k.thp = booted.thp;
    k.cost = cost;
    const int nz = k.nr_zone_types();
    std::uint64_t total = 0;
    k.machine.for_each_zone([&](const Zone& z) { total += z.managed_pages; });
    k.frames.resize(total);
    workingset_init(k);
    k.zone_ids.resize(k.machine.nodes.size() * static_cast<std::size_t>(nz));
    frame_t next = 0;
    for (auto& node : k.machine.nodes)
        for (auto& z : node.zones) {
            const int g = node.node_id * nz + z.zone_idx;
            k.zone_ids[static_cast<std::size_t>(g)] =
                ZoneId{static_cast<std::uint16_t>(node.node_id), static_cast<std::uint16_t>(z.zone_idx)};
            z.first_frame = next;
            z.nr_frames = static_cast<frame_t>(z.managed_pages);
            z.nr_free_pages = 0;
            for (frame_t f = next; f < next + z.nr_frames; ++f) {
                k.frames.zone[f] = static_cast<std::uint16_t>(g);
                k.frames.flags[f] = PG_buddy;
                k.frames.list_add_tail(z.free_list, f);
                ++z.nr_free_pages;
            }
            next += z.nr_frames;
        }
    return k;
}

} // namespace rs
