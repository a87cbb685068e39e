#pragma once
// A machine before boot: its nodes and zones as firmware and memblock describe them, and the
// boot parameters that shape what the kernel makes of them.
#include "model/zone_type.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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

// transparent_hugepage= at boot (mm/huge_memory.c).
enum class ThpMode { Always, Madvise, Never };
std::string_view thp_mode_name(ThpMode m);
std::optional<ThpMode> thp_mode_from_name(std::string_view name);

inline constexpr std::uint64_t kMinRamBytes = 64ull << 20;
inline constexpr std::uint64_t kMaxRamBytes = 256ull << 30;

} // namespace rs
