#include "model/machine_spec.h"

#include <algorithm>
#include <sstream>

namespace rs {

std::uint64_t MachineSpec::total_managed() const {
    std::uint64_t sum = 0;
    for (const auto& n : nodes)
        for (const auto& z : n.zones) sum += z.managed;
    return sum;
}

std::uint64_t MachineSpec::total_present() const {
    std::uint64_t sum = 0;
    for (const auto& n : nodes)
        for (const auto& z : n.zones) sum += z.present;
    return sum;
}

std::optional<std::string> validate_machine(const MachineSpec& spec) {
    if (spec.zone_types.empty() || spec.nr_zone_types() > kMaxZoneTypes)
        return "the machine must list between 1 and " + std::to_string(kMaxZoneTypes) +
               " zone types";
    for (std::size_t i = 1; i < spec.zone_types.size(); ++i)
        if (spec.zone_types[i] <= spec.zone_types[i - 1])
            return "zone types must be listed in kernel order (DMA, DMA32, Normal, Movable, "
                   "Device) without repeats";
    if (spec.nodes.empty()) return "the machine has no memory node";
    if (spec.nodes.size() > 64) return "at most 64 memory nodes are supported";
    if (spec.cpus < 1 || spec.cpus > 1024) return "cpus must be between 1 and 1024";
    if (spec.kernel_version < 400 || spec.kernel_version > 9999)
        return "kernel version " + std::to_string(spec.kernel_version / 100) + "." +
               std::to_string(spec.kernel_version % 100) + " is not supported (4.0 or later)";
    std::uint64_t managed = 0;
    for (std::size_t n = 0; n < spec.nodes.size(); ++n) {
        const auto& node = spec.nodes[n];
        if (node.zones.size() != spec.zone_types.size())
            return "node " + std::to_string(n) + " has " + std::to_string(node.zones.size()) +
                   " zones but the machine lists " + std::to_string(spec.zone_types.size()) +
                   " zone types";
        for (std::size_t z = 0; z < node.zones.size(); ++z) {
            const auto& zs = node.zones[z];
            std::ostringstream where;
            where << "node " << n << ", zone " << zone_name(spec.zone_types[z]) << ": ";
            if (zs.type != spec.zone_types[z]) return where.str() + "zone type out of order";
            if (zs.present > zs.spanned)
                return where.str() + "present pages (" + std::to_string(zs.present) +
                       ") exceed spanned pages (" + std::to_string(zs.spanned) + ")";
            if (zs.managed > zs.present)
                return where.str() + "managed pages (" + std::to_string(zs.managed) +
                       ") exceed present pages (" + std::to_string(zs.present) + ")";
            if (zs.used_at_start > zs.managed)
                return where.str() + "pages in use exceed managed pages";
            if (zs.freed_after_wmark_init > zs.managed)
                return where.str() + "pages freed after boot exceed managed pages";
            managed += zs.managed;
        }
    }
    if (managed == 0) return "the machine has no managed memory";
    if (managed > kMaxRamBytes / kPageSize)
        return "the machine manages more than 256 GiB, the simulator's limit";
    return std::nullopt;
}

MachineSpec x86_64_machine(std::uint64_t ram_bytes, int nr_nodes, int cpus) {
    MachineSpec spec;
    spec.zone_types = {ZoneType::DMA, ZoneType::DMA32, ZoneType::Normal, ZoneType::Movable,
                       ZoneType::Device};
    spec.cpus = cpus;
    nr_nodes = std::max(1, nr_nodes);
    const std::uint64_t ram_pages = ram_bytes / kPageSize;
    const std::uint64_t per_node = ram_pages / static_cast<std::uint64_t>(nr_nodes);
    constexpr std::uint64_t k4G = (4ull << 30) / kPageSize;
    constexpr std::uint64_t k3G = (3ull << 30) / kPageSize;
    constexpr std::uint64_t k16M = (16ull << 20) / kPageSize;

    // struct page is 64 bytes: the memmap takes 1/64 of present memory, allocated top down.
    std::uint64_t memmap_left = ram_pages / 64;
    std::uint64_t next_pfn = k4G; // RAM above the PCI hole starts at 4 GiB

    for (int n = 0; n < nr_nodes; ++n) {
        NodeSpec node;
        for (auto t : spec.zone_types) node.zones.push_back(ZoneSpec{.type = t});
        std::uint64_t node_pages = per_node;
        if (n == 0) {
            // Node 0 holds low memory: pfn 1..4095 is ZONE_DMA (firmware keeps the first
            // 640 KiB region partly), then DMA32 up to 3 GiB, the PCI hole, then Normal.
            auto& dma = node.zones[0];
            dma.start_pfn = 1;
            dma.spanned = k16M - 1;
            dma.present = std::min<std::uint64_t>(3998, node_pages);
            dma.managed = dma.present >= 3998 ? 3840 : dma.present * 96 / 100;
            const std::uint64_t low = std::min(node_pages, k3G);
            auto& dma32 = node.zones[1];
            dma32.start_pfn = k16M;
            dma32.present = low > k16M ? low - k16M : 0;
            dma32.spanned = node_pages > k3G ? k4G - k16M : dma32.present;
            const std::uint64_t kernel = std::min<std::uint64_t>(16384, dma32.present / 8);
            dma32.managed = dma32.present - kernel - dma32.present / 128;
            auto& normal = node.zones[2];
            if (node_pages > low) {
                normal.start_pfn = k4G;
                normal.present = normal.spanned = node_pages - low;
                next_pfn = k4G + normal.present;
            }
        } else {
            auto& normal = node.zones[2];
            normal.start_pfn = next_pfn;
            normal.present = normal.spanned = node_pages;
            next_pfn += node_pages;
        }
        auto& normal = node.zones[2];
        normal.managed = normal.present - normal.present / 128;
        spec.nodes.push_back(std::move(node));
    }
    // Take the memmap from the highest populated zones, last node first (memblock is top down).
    for (auto n = spec.nodes.rbegin(); n != spec.nodes.rend() && memmap_left; ++n)
        for (int z = 2; z >= 1 && memmap_left; --z) {
            auto& zs = n->zones[static_cast<std::size_t>(z)];
            const std::uint64_t take = std::min(memmap_left, zs.managed / 2);
            zs.managed -= take;
            memmap_left -= take;
        }
    std::ostringstream o;
    o << "x86-64, " << (ram_bytes >> 20) << " MiB RAM, " << nr_nodes << " node"
      << (nr_nodes > 1 ? "s" : "");
    spec.origin = o.str();
    return spec;
}

std::string_view thp_mode_name(ThpMode m) {
    switch (m) {
    case ThpMode::Always: return "always";
    case ThpMode::Madvise: return "madvise";
    case ThpMode::Never: return "never";
    }
    return "?";
}

std::optional<ThpMode> thp_mode_from_name(std::string_view name) {
    if (name == "always") return ThpMode::Always;
    if (name == "madvise") return ThpMode::Madvise;
    if (name == "never") return ThpMode::Never;
    return std::nullopt;
}

} // namespace rs
