#pragma once
// Workingset detection (mm/workingset.c): shadow entries and the refault distance.
#include "mm/kernel.h"

namespace rs {

// Bits of the eviction timestamp a shadow entry keeps. With fewer bits than log2(RAM) the
// timestamp is bucketed, as the kernel does (bucket_order).
inline constexpr int EVICTION_BITS = 23;
inline constexpr std::uint64_t EVICTION_MASK = (1ull << EVICTION_BITS) - 1;

// bucket_order: max(0, fls_long(totalram - 1) - EVICTION_BITS).
int workingset_bucket_order(const Kernel& k);
// workingset_init(): bucket_order from totalram_pages() at boot, as the kernel computes it once.
void workingset_init(Kernel& k);

// workingset_age_nonresident(): advance the node's clock by nr pages.
void workingset_age_nonresident(Kernel& k, int nid, std::uint64_t nr);

// workingset_eviction(): a shadow entry for a page being reclaimed (timestamp, node,
// PG_workingset), then ages the clock by the page.
std::uint32_t workingset_eviction(Kernel& k, frame_t f);

// workingset_refault(): a page comes back for a slot that held `shadow`. Counts the refault;
// if its refault distance fits in the workingset it is activated (and restored if it had been
// in the workingset before eviction).
void workingset_refault(Kernel& k, frame_t f, std::uint32_t shadow);

// workingset_activation(): an access activated a page: the clock ages.
void workingset_activation(Kernel& k, frame_t f);

struct UnpackedShadow {
    int nid;
    std::uint64_t eviction; // already shifted back by bucket_order
    bool workingset;
};
UnpackedShadow unpack_shadow(const Kernel& k, std::uint32_t shadow);

} // namespace rs
