#pragma once
// Small machines for tests: zones with given managed pages (present = spanned = managed).
#include "mm/mmzone.h"

#include <initializer_list>
#include <utility>

inline rs::MachineSpec machine_with(std::initializer_list<std::pair<rs::ZoneType, std::uint64_t>> zones,
                                    int kernel_version = rs::kDefaultKernelVersion) {
    rs::MachineSpec spec;
    spec.kernel_version = kernel_version;
    rs::NodeSpec node;
    for (auto [t, managed] : zones) {
        spec.zone_types.push_back(t);
        node.zones.push_back(rs::ZoneSpec{.type = t, .spanned = managed, .present = managed, .managed = managed});
    }
    spec.nodes.push_back(node);
    spec.origin = "test";
    return spec;
}

// The x86-64 zone list with the given managed pages for DMA, DMA32 and Normal, empty Movable
// and Device zones.
inline rs::MachineSpec x86_zones(std::uint64_t dma, std::uint64_t dma32, std::uint64_t normal,
                                 int kernel_version = rs::kDefaultKernelVersion) {
    using rs::ZoneType;
    return machine_with({{ZoneType::DMA, dma}, {ZoneType::DMA32, dma32}, {ZoneType::Normal, normal},
                         {ZoneType::Movable, 0}, {ZoneType::Device, 0}},
                        kernel_version);
}

inline const rs::Zone& zone_of(const rs::Machine& m, rs::ZoneType t, int node = 0) {
    return m.nodes[static_cast<std::size_t>(node)].zones[static_cast<std::size_t>(*m.zone_index(t))];
}
