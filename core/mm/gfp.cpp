#include "mm/gfp.h"

#include "mm/mmzone.h"

namespace rs {

static_assert(ALLOC_WMARK_MIN == WMARK_MIN && ALLOC_WMARK_LOW == WMARK_LOW && ALLOC_WMARK_HIGH == WMARK_HIGH);

int gfp_zone(gfp_t gfp, const Machine& m) {
    ZoneType want = ZoneType::Normal;
    if (gfp & __GFP_DMA) want = ZoneType::DMA;
    else if (gfp & __GFP_DMA32) want = ZoneType::DMA32;
    else if ((gfp & __GFP_HIGHMEM) && (gfp & __GFP_MOVABLE)) want = ZoneType::Movable;
    // __GFP_HIGHMEM alone is ZONE_NORMAL on x86-64 (no highmem); __GFP_MOVABLE alone too.
    // The highest zone of the machine's list (in ascending zone order) not above `want`: from the
    // top, usually the first one looked at.
    for (int i = m.nr_zone_types() - 1; i > 0; --i)
        if (m.zone_types[static_cast<std::size_t>(i)] <= want) return i;
    return 0;
}

unsigned gfp_to_alloc_flags(gfp_t gfp, int order) {
    unsigned flags = ALLOC_WMARK_MIN | ALLOC_CPUSET;
    if (gfp & __GFP_HIGH) flags |= ALLOC_MIN_RESERVE;
    if (gfp & __GFP_KSWAPD_RECLAIM) flags |= ALLOC_KSWAPD;
    if (!(gfp & __GFP_DIRECT_RECLAIM)) {
        // Not allowed to block: may dip into reserves unless told not to.
        if (!(gfp & __GFP_NOMEMALLOC)) {
            flags |= ALLOC_NON_BLOCK;
            if (order > 0) flags |= ALLOC_HIGHATOMIC;
        }
        if (flags & ALLOC_MIN_RESERVE) flags &= ~ALLOC_CPUSET;
    }
    if (gfp & __GFP_MOVABLE) flags |= ALLOC_CMA;
    return flags;
}

std::string_view gfp_name(gfp_t gfp) {
    if (gfp == GFP_HIGHUSER_MOVABLE) return "GFP_HIGHUSER_MOVABLE";
    if (gfp == GFP_KERNEL) return "GFP_KERNEL";
    if (gfp == GFP_ATOMIC) return "GFP_ATOMIC";
    if (gfp == GFP_NOWAIT) return "GFP_NOWAIT";
    if (gfp == GFP_NOFS) return "GFP_NOFS";
    if (gfp == GFP_NOIO) return "GFP_NOIO";
    if (gfp == GFP_USER) return "GFP_USER";
    return "gfp";
}

} // namespace rs
