#include "record/swap_snapshot.h"

#include "mm/kernel.h"

#include <algorithm>

namespace rs {

SlotState slot_state(std::uint8_t v) {
    if (v == 0) return SlotState::Free;
    if (v == SWAP_MAP_BAD) return SlotState::Bad;
    if (v == SWAP_HAS_CACHE) return SlotState::CacheOnly;
    return (v & SWAP_HAS_CACHE) ? SlotState::InUseCached : SlotState::InUse;
}

std::vector<SwapDeviceSnapshot> swap_snapshot(const SwapSpace& space) {
    std::vector<SwapDeviceSnapshot> out;
    for (int type = 0; type < space.nr_swapfiles(); ++type) {
        const SwapInfo* info = space.swap_info(type); // nullptr: not SWP_USED
        if (!info) continue;
        const SwapInfo& si = *info;
        SwapDeviceSnapshot s;
        s.type = si.type;
        s.name = si.name;
        s.kind = si.kind;
        s.prio = si.prio;
        s.flags = si.flags;
        s.max = si.max;
        s.pages = si.pages;
        s.inuse_pages = si.inuse_pages;
        s.cluster_list.reserve(si.cluster_info.size());
        for (const SwapCluster& c : si.cluster_info) s.cluster_list.push_back(c.flags);
        if (si.max <= kSnapshotSlotLimit) {
            s.slot_states.reserve(si.max);
            for (const std::uint8_t v : si.swap_map) s.slot_states.push_back(slot_state(v));
            s.swap_map.assign(si.swap_map.begin(), si.swap_map.end());
        } else {
            s.clusters.reserve(si.cluster_info.size());
            for (std::uint32_t ci = 0; ci < si.cluster_info.size(); ++ci) {
                const SwapCluster& c = si.cluster_info[ci];
                const std::uint32_t slots = std::min(SWAPFILE_CLUSTER, si.max - ci * SWAPFILE_CLUSTER);
                const std::uint32_t taken = c.count - (SWAPFILE_CLUSTER - slots); // past EOF is not a slot
                ClusterUsage u;
                u.free = slots - taken;
                u.bad = c.nr_bad;
                u.cached = c.nr_cache_only;
                u.used = taken - u.bad - u.cached;
                s.clusters.push_back(u);
            }
        }
        out.push_back(std::move(s));
    }
    return out;
}

void add_slot_owners(const Kernel& k, std::vector<SwapDeviceSnapshot>& areas) {
    for (SwapDeviceSnapshot& a : areas) {
        if (a.slot_states.empty()) continue;
        a.slot_owner.assign(a.slot_states.size(), -1);
        for (std::uint32_t off = 0; off < a.slot_states.size(); ++off) {
            const SlotState st = a.slot_states[off];
            if (st != SlotState::InUse && st != SlotState::InUseCached) continue;
            const int space = k.swap.pte_space(SwapEntry{a.type, off});
            if (space < 0 || static_cast<std::size_t>(space) >= k.spaces.size()) continue;
            const int owner = k.spaces[static_cast<std::size_t>(space)].owner;
            if (owner >= 0) a.slot_owner[off] = k.procs[static_cast<std::size_t>(owner)].pid;
        }
    }
}

} // namespace rs
