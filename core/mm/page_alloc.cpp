#include "mm/page_alloc.h"

#include "mm/kswapd.h"
#include "mm/watermarks.h"

namespace rs {

namespace {

// rmqueue(): take a page from the zone's free list.
frame_t rmqueue(Kernel& k, Zone& z) {
    ZoneState& zs = k.zones[static_cast<std::size_t>(k.global_zone(z))];
    const frame_t f = k.frames.pop_head(zs.free_list);
    if (f == kNoFrame) return kNoFrame;
    k.frames.clear(f, PG_buddy);
    --z.nr_free_pages;
    k.vmstat.add(pgalloc_event(z.type));
    return f;
}

// The zonelist of a node: its own zones from the highest index down, then the other nodes'
// zones in node order (ZONELIST_FALLBACK with node ordering). Only managed zones appear.
template <class Fn> bool for_each_zonelist_zone(Kernel& k, int preferred_nid, int highest_zoneidx, Fn&& fn) {
    const int nr_nodes = static_cast<int>(k.machine.nodes.size());
    for (int i = 0; i < nr_nodes; ++i) {
        const int nid = (preferred_nid + i) % nr_nodes;
        auto& node = k.pgdat(nid);
        for (int z = highest_zoneidx; z >= 0; --z) {
            Zone& zone = node.zones[static_cast<std::size_t>(z)];
            if (!zone.managed()) continue;
            if (fn(zone)) return true;
        }
    }
    return false;
}

} // namespace

frame_t get_page_from_freelist(Kernel& k, gfp_t /*gfp*/, int order, unsigned alloc_flags,
                               int highest_zoneidx, int preferred_nid) {
    frame_t got = kNoFrame;
    for_each_zonelist_zone(k, preferred_nid, highest_zoneidx, [&](Zone& zone) {
        if (!(alloc_flags & ALLOC_NO_WATERMARKS)) {
            const std::uint64_t mark = zone.wmark_pages(static_cast<WmarkIdx>(alloc_flags & ALLOC_WMARK_MASK));
            if (!zone_watermark_ok(zone, order, mark, highest_zoneidx, alloc_flags,
                                   zone.nr_free_pages))
                return false;
        }
        got = rmqueue(k, zone);
        return got != kNoFrame;
    });
    return got;
}

AllocResult __alloc_pages(Kernel& k, gfp_t gfp, int order, int preferred_nid) {
    AllocResult r;
    const int highest_zoneidx = gfp_zone(gfp, k.machine);
    // Fast path: the low watermark.
    unsigned alloc_flags = ALLOC_WMARK_LOW;
    if (gfp & __GFP_KSWAPD_RECLAIM) alloc_flags |= ALLOC_KSWAPD;
    r.frame = get_page_from_freelist(k, gfp, order, alloc_flags, highest_zoneidx, preferred_nid);
    if (r.frame != kNoFrame) return r;

    // __alloc_pages_slowpath(): the min watermark, after waking kswapd.
    alloc_flags = gfp_to_alloc_flags(gfp, order);
    if (alloc_flags & ALLOC_KSWAPD) {
        wake_all_kswapds(k, order, gfp, highest_zoneidx, preferred_nid);
        r.woke_kswapd = true;
    }
    r.frame = get_page_from_freelist(k, gfp, order, alloc_flags, highest_zoneidx, preferred_nid);
    return r;
}

void free_page(Kernel& k, frame_t f) {
    Zone& z = k.zone_of_frame(f);
    ZoneState& zs = k.zones[k.frames.zone[f]];
    k.frames.flags[f] = PG_buddy;
    k.frames.list_add_head(zs.free_list, f);
    ++z.nr_free_pages;
    k.vmstat.add(PGFREE);
}

} // namespace rs
