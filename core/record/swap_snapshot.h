#pragma once
// The swap areas' occupancy for the UI's slot maps (no kernel counterpart: the kernel shows
// only /proc/swaps), cheap enough to take every frame: per slot for small areas, per cluster
// for large ones.
#include "mm/swapfile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rs {

enum class SlotState : std::uint8_t { Free, InUse, InUseCached, CacheOnly, Bad };

// Per cluster, the slots inside the area: free + used + cached + bad = slots in the cluster.
struct ClusterUsage {
    std::uint32_t free = 0;
    std::uint32_t used = 0;   // count > 0, with or without SWAP_HAS_CACHE
    std::uint32_t cached = 0; // SWAP_HAS_CACHE only: the folio is in memory, nothing maps the entry
    std::uint32_t bad = 0;    // SWAP_MAP_BAD, the header included
};

struct SwapDeviceSnapshot {
    int type = 0;
    std::string name;
    SwapKind kind = SwapKind::SSD;
    int prio = 0;
    std::uint32_t flags = 0;
    std::uint32_t max = 0, pages = 0, inuse_pages = 0;
    std::vector<SlotState> slot_states;         // per slot when max <= kSnapshotSlotLimit, else empty
    std::vector<std::uint8_t> swap_map;          // the raw swap_map bytes, with slot_states (count | SWAP_HAS_CACHE)
    std::vector<ClusterUsage> clusters;    // per cluster when max > kSnapshotSlotLimit, else empty
    std::vector<std::uint8_t> cluster_list; // ClusterFlag of every cluster
    // With slot_states, when asked for (FrameWants::procs): the pid whose page table holds each
    // slot's entry (the swap cache's rmap), -1 for a free or cache-only slot.
    std::vector<std::int32_t> slot_owner;
};
inline constexpr std::uint32_t kSnapshotSlotLimit = 65536;

// The state of one slot from its swap_map byte.
SlotState slot_state(std::uint8_t swap_map_byte);

// Every area in use (SWP_USED), by type.
std::vector<SwapDeviceSnapshot> swap_snapshot(const SwapSpace& space);
struct Kernel;
// Fills slot_owner of the areas that have slot_states.
void add_slot_owners(const Kernel& k, std::vector<SwapDeviceSnapshot>& areas);

} // namespace rs
