#include "mm/page_alloc.h"

#include "mm/kswapd.h"
#include "mm/oom_kill.h"
#include "mm/vmscan.h"
#include "mm/watermarks.h"

#include <algorithm>

namespace rs {

namespace {

// rmqueue(): take a page from the zone's free list.
frame_t rmqueue(Kernel& k, Zone& z) {
    const frame_t f = k.frames.pop_head(z.free_list);
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
        const int nid = zonelist_node(preferred_nid, i, nr_nodes);
        auto& node = k.pgdat(nid);
        for (int z = highest_zoneidx; z >= 0; --z) {
            Zone& zone = node.zones[static_cast<std::size_t>(z)];
            if (!zone.managed()) continue;
            if (fn(zone)) return true;
        }
    }
    return false;
}

// should_reclaim_retry(): retry while reclaiming everything reclaimable could still lift a
// zone above its min watermark, for at most MAX_RECLAIM_RETRIES rounds without progress.
bool should_reclaim_retry(Kernel& k, gfp_t, int order, unsigned alloc_flags, int highest_zoneidx, int preferred_nid,
                          AllocContext& ac, bool did_some_progress) {
    k.trace.hit(F_should_reclaim_retry);
    if (did_some_progress && order <= PAGE_ALLOC_COSTLY_ORDER) ac.no_progress_loops = 0;
    else ++ac.no_progress_loops;
    if (ac.no_progress_loops > MAX_RECLAIM_RETRIES) return false;
    return for_each_zonelist_zone(k, preferred_nid, highest_zoneidx, [&](Zone& z) {
        const std::uint64_t available = zone_reclaimable_pages(k, z) + static_cast<std::uint64_t>(std::max<std::int64_t>(0, z.nr_free_pages));
        return zone_watermark_ok(z, order, z.min_wmark_pages(), highest_zoneidx, alloc_flags,
                                 static_cast<std::int64_t>(available));
    });
}

} // namespace

frame_t get_page_from_freelist(Kernel& k, gfp_t gfp, int order, unsigned alloc_flags, int highest_zoneidx,
                               int preferred_nid, std::int64_t& cost_ns) {
    k.trace.hit(F_get_page_from_freelist);
    frame_t got = kNoFrame;
    for_each_zonelist_zone(k, preferred_nid, highest_zoneidx, [&](Zone& zone) {
        if (!(alloc_flags & ALLOC_NO_WATERMARKS)) {
            const std::uint64_t mark = zone.wmark_pages(static_cast<WmarkIdx>(alloc_flags & ALLOC_WMARK_MASK));
            if (!zone_watermark_ok(zone, order, mark, highest_zoneidx, alloc_flags, zone.nr_free_pages)) {
                // node_reclaim() for vm.zone_reclaim_mode: every node is within RECLAIM_DISTANCE
                // here (SLIT 10 local, 20 remote).
                if (!k.sysctl.zone_reclaim_mode) return false;
                const auto r = node_reclaim(k, zone.node_id, gfp, order, preferred_nid, cost_ns);
                if (r == NodeReclaimResult::NoScan || r == NodeReclaimResult::Full) return false;
                if (!zone_watermark_ok(zone, order, mark, highest_zoneidx, alloc_flags, zone.nr_free_pages))
                    return false;
            }
        }
        got = rmqueue(k, zone);
        return got != kNoFrame;
    });
    return got;
}

AllocResult __alloc_pages(Kernel& k, gfp_t gfp, int order, int preferred_nid, AllocContext& ac) {
    k.trace.hit(F___alloc_pages);
    AllocResult r;
    const int highest_zoneidx = gfp_zone(gfp, k.machine);
    auto got_page = [&](frame_t f) {
        r.status = AllocResult::Status::Page;
        r.frame = f;
        r.latency_ns = ac.in_slowpath ? k.now + r.stall_ns + r.wait_ns - ac.started_ns : 0;
        ac.in_slowpath = false;
        ac.no_progress_loops = 0;
        return r;
    };
    // Fast path: the low watermark.
    unsigned alloc_flags = ALLOC_WMARK_LOW;
    if (gfp & __GFP_KSWAPD_RECLAIM) alloc_flags |= ALLOC_KSWAPD;
    if (frame_t f = get_page_from_freelist(k, gfp, order, alloc_flags, highest_zoneidx, preferred_nid, r.stall_ns);
        f != kNoFrame)
        return got_page(f);

    // __alloc_pages_slowpath()
    k.trace.hit(F___alloc_pages_slowpath);
    if (!ac.in_slowpath) {
        ac.in_slowpath = true;
        ac.no_progress_loops = 0;
        ac.started_ns = k.now;
    }
    alloc_flags = gfp_to_alloc_flags(gfp, order);
    if (alloc_flags & ALLOC_KSWAPD) wake_all_kswapds(k, order, gfp, highest_zoneidx, preferred_nid);
    if (frame_t f = get_page_from_freelist(k, gfp, order, alloc_flags, highest_zoneidx, preferred_nid, r.stall_ns);
        f != kNoFrame)
        return got_page(f);
    if (!(gfp & __GFP_DIRECT_RECLAIM)) {
        ac.in_slowpath = false;
        r.status = AllocResult::Status::Fail;
        return r;
    }

    // __alloc_pages_direct_reclaim(), after throttle_direct_reclaim().
    if (!allow_direct_reclaim(k, preferred_nid)) {
        // Sleep on pfmemalloc_wait until kswapd has made progress.
        if (!ac.throttled) k.vmstat.add(PGSCAN_DIRECT_THROTTLE);
        ac.throttled = true;
        r.status = AllocResult::Status::Retry;
        r.wait_ns += k.cost.alloc_retry_ns;
        return r;
    }
    ac.throttled = false;
    r.direct_reclaim = true;
    k.trace.hit(F___alloc_pages_direct_reclaim);
    std::int64_t reclaim_ns = 0;
    const std::uint64_t progress = try_to_free_pages(k, gfp, order, preferred_nid, reclaim_ns);
    r.stall_ns += reclaim_ns;
    if (ac.proc >= 0) {
        // __perform_reclaim(): delayacct_freepages_start()/end() around try_to_free_pages().
        TaskDelayInfo& d = k.procs[static_cast<std::size_t>(ac.proc)].delays;
        ++d.freepages_count;
        d.freepages_delay_ns += reclaim_ns;
    }
    Pgdat& ns = k.pgdat(preferred_nid);
    ++ns.direct_reclaims;
    ns.direct_reclaim_ns += reclaim_ns;
    if (progress) {
        if (frame_t f = get_page_from_freelist(k, gfp, order, alloc_flags, highest_zoneidx, preferred_nid, r.stall_ns);
            f != kNoFrame)
            return got_page(f);
    }
    if (gfp & __GFP_NORETRY) {
        ac.in_slowpath = false;
        r.status = AllocResult::Status::Fail;
        return r;
    }
    if (should_reclaim_retry(k, gfp, order, alloc_flags, highest_zoneidx, preferred_nid, ac, progress != 0)) {
        r.status = AllocResult::Status::Retry;
        return r;
    }

    // __alloc_pages_may_oom(): one last try at the high watermark, then the OOM killer.
    k.trace.hit(F___alloc_pages_may_oom);
    {
        std::int64_t ignored = 0;
        if (frame_t f = get_page_from_freelist(k, gfp & ~__GFP_DIRECT_RECLAIM, order, ALLOC_WMARK_HIGH | ALLOC_CPUSET,
                                               highest_zoneidx, preferred_nid, ignored);
            f != kNoFrame)
            return got_page(f);
    }
    const bool may_oom = order <= PAGE_ALLOC_COSTLY_ORDER && !(gfp & (__GFP_RETRY_MAYFAIL | __GFP_THISNODE)) &&
                         k.machine.zone_types[static_cast<std::size_t>(highest_zoneidx)] >= ZoneType::Normal;
    const std::uint64_t kills_before = k.vmstat[OOM_KILL];
    if (may_oom && out_of_memory(k, gfp, order, ac.proc)) {
        r.oom_kill = k.vmstat[OOM_KILL] != kills_before;
        ac.no_progress_loops = 0;
        r.status = AllocResult::Status::Retry;
        return r;
    }
    if (!may_oom) {
        ac.in_slowpath = false;
        r.status = AllocResult::Status::Fail;
        return r;
    }
    // Nothing could be killed: the allocation keeps failing (the kernel would panic here for a
    // global OOM with no killable task; the simulation reports it and lets the task wait).
    ac.no_progress_loops = 0;
    r.status = AllocResult::Status::Retry;
    r.wait_ns += k.cost.alloc_retry_ns;
    return r;
}

void free_page(Kernel& k, frame_t f) {
    Zone& z = k.zone_of_frame(f);
    k.frames.flags[f] = PG_buddy;
    k.frames.list_add_head(z.free_list, f);
    ++z.nr_free_pages;
    k.vmstat.add(PGFREE);
}

} // namespace rs
