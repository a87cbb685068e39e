#pragma once
// The simulated machine's memory layout: nodes (pglist_data) and their zones.
#include "mm/vmstat.h"
#include "model/zone.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rs {

inline constexpr std::uint64_t kPageSize = 4096;
inline constexpr int kDefaultKernelVersion = 616;
inline constexpr int kPageShift = 12;

// A description of a machine, before boot: what the firmware and memblock hand to the buddy
// allocator. A value type; scenarios and the zoneinfo parser produce it.
struct ZoneSpec {
    ZoneType type = ZoneType::Normal;
    std::uint64_t start_pfn = 0;
    std::uint64_t spanned = 0;
    std::uint64_t present = 0;
    std::uint64_t managed = 0;
    // Pages in use at time 0 (the rest of managed is free). When a machine is cloned from a
    // zoneinfo snapshot, this is managed - "pages free" of the snapshot.
    std::uint64_t used_at_start = 0;
    // Pages released to the buddy allocator after init_per_zone_wmark_min() ran (freed init
    // memory, initrd): adjust_managed_page_count() raises managed without recomputing the
    // watermarks, so a booted kernel can show watermarks that lag behind managed.
    std::uint64_t freed_after_wmark_init = 0;
};

struct NodeSpec {
    std::vector<ZoneSpec> zones; // one per zone type of the machine, in zone order
};

struct MachineSpec {
    std::vector<ZoneType> zone_types; // the kernel's zone list: MAX_NR_ZONES = size()
    std::vector<NodeSpec> nodes;
    int cpus = 2;
    // The kernel release whose rules apply, as major * 100 + minor (6.16 -> 616). Rules that
    // changed between releases follow it; the default is current mainline.
    int kernel_version = kDefaultKernelVersion;
    std::string origin; // where the description came from, for messages and titles

    int nr_zone_types() const { return static_cast<int>(zone_types.size()); }
    std::uint64_t total_managed() const;
    std::uint64_t total_present() const;
};

// Validates a machine description; returns an error message naming the node and zone, or
// nothing when the description is usable.
std::optional<std::string> validate_machine(const MachineSpec& spec);

// An x86-64 layout for a RAM size: ZONE_DMA below 16 MiB, ZONE_DMA32 up to 4 GiB (with the PCI
// hole from 3 GiB), ZONE_NORMAL above; empty Movable and Device zones (CONFIG_ZONE_DEVICE=y).
// Managed pages are present pages minus what boot reserves: the struct page array (64 bytes
// per page, allocated top down) and the kernel image, initrd and other early allocations.
MachineSpec x86_64_machine(std::uint64_t ram_bytes, int nr_nodes = 1, int cpus = 2);

inline constexpr std::uint64_t kMinRamBytes = 64ull << 20;
inline constexpr std::uint64_t kMaxRamBytes = 256ull << 30;

// The live structure: struct pglist_data, reduced to what the simulator needs.
struct Pgdat {
    int node_id = 0;
    std::vector<Zone> zones; // node_zones[]
    std::uint64_t totalreserve_pages = 0;
    std::array<std::int64_t, NR_LRU_LISTS> nr_lru{}; // lruvec sizes: NR_INACTIVE_ANON..
    std::array<std::int64_t, NR_NODE_STATS> stat{};  // node_stat_item counters and gauges
    int kswapd_failures = 0;

    std::int64_t& operator[](NodeStat s) { return stat[static_cast<std::size_t>(s)]; }
    std::int64_t operator[](NodeStat s) const { return stat[static_cast<std::size_t>(s)]; }

    // The first populated zone prints the node's stats in /proc/zoneinfo.
    const Zone* first_populated_zone() const;
};

struct Machine {
    std::vector<ZoneType> zone_types;
    std::vector<Pgdat> nodes;
    std::uint64_t totalreserve_pages = 0; // global totalreserve_pages
    int cpus = 2;
    int kernel_version = kDefaultKernelVersion;

    int nr_zone_types() const { return static_cast<int>(zone_types.size()); }
    std::optional<int> zone_index(ZoneType t) const;
    // Highest zone index <= ZONE_NORMAL: gfp_zone(GFP_KERNEL / GFP_USER).
    int normal_zone_index() const;

    void for_each_zone(const std::function<void(Zone&)>& fn);
    void for_each_zone(const std::function<void(const Zone&)>& fn) const;
    std::uint64_t totalram_pages() const; // Σ managed
};

// Lays out the zones of a spec as they are when init_per_zone_wmark_min() runs (managed without
// the pages freed later). Watermarks are left at zero: see init_per_zone_wmark_min().
Machine make_machine(const MachineSpec& spec);

} // namespace rs
