#include "mm/kswapd.h"

#include "mm/vmscan.h"

#include <algorithm>

namespace rs {

namespace {

constexpr std::int64_t kNapNs = HZ_NS / 10; // schedule_timeout(HZ/10)

KswapdState& kswapd_of(Kernel& k, int nid) { return k.pgdat(nid).kswapd; }

// kswapd_highest_zoneidx(): the recorded request, or the previous one when none is recorded.
int kswapd_highest_zoneidx(const KswapdState& ks, int prev) {
    return ks.kswapd_highest_zoneidx < 0 ? prev : ks.kswapd_highest_zoneidx;
}

void start_balance_pgdat(Kernel& k, int nid) {
    KswapdState& ks = kswapd_of(k, nid);
    // The kswapd() loop reads the request and resets it before calling balance_pgdat().
    ks.highest_zoneidx = kswapd_highest_zoneidx(ks, ks.highest_zoneidx);
    // kswapd(): trace_mm_vmscan_kswapd_wake() just before balance_pgdat(), with the order read.
    if (k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mm_vmscan_kswapd_wake, 0, {nid, ks.highest_zoneidx, ks.kswapd_order});
    ks.kswapd_order = 0;
    ks.kswapd_highest_zoneidx = -1;
    ks.phase = KswapdState::Phase::Balancing;
    ks.iteration_started = false;
    // scan_control of balance_pgdat(): GFP_KERNEL, may_unmap; the rest per iteration.
    ks.sc = ScanControl{};
    ks.sc.is_kswapd = true;
    ks.sc.gfp_mask = GFP_KERNEL;
    ks.sc.may_unmap = true;
    ks.sc.priority = DEF_PRIORITY;
    k.vmstat.add(PAGEOUTRUN);
    k.trace.hit(F_balance_pgdat);
    // Boosted watermarks are reclaimed cheaply first.
    ks.nr_boost_reclaim = 0;
    ks.zone_boosts.fill(0);
    for (int i = 0; i <= ks.highest_zoneidx; ++i) {
        const Zone& z = k.pgdat(nid).zones[static_cast<std::size_t>(i)];
        if (!z.managed()) continue;
        ks.nr_boost_reclaim += z.watermark_boost;
        ks.zone_boosts[static_cast<std::size_t>(i)] = z.watermark_boost;
    }
    ks.boosted = ks.nr_boost_reclaim != 0;
}

// kswapd_try_to_sleep(), first half: nap if the node is balanced, else back to balancing.
void kswapd_try_to_sleep(Kernel& k, int nid) {
    KswapdState& ks = kswapd_of(k, nid);
    k.trace.hit(F_kswapd_try_to_sleep);
    const int highest = kswapd_highest_zoneidx(ks, ks.highest_zoneidx);
    if (prepare_kswapd_sleep(k, nid, ks.kswapd_order, highest)) {
        ks.phase = KswapdState::Phase::Napping;
        ks.ready_at = k.now + kNapNs;
        return;
    }
    // Not balanced without a nap: remaining == 0.
    k.vmstat.add(KSWAPD_HIGH_WMARK_HIT_QUICKLY);
    start_balance_pgdat(k, nid);
    ks.ready_at = k.now;
}

// balance_pgdat()'s "out:" label.
void finish_balance_pgdat(Kernel& k, int nid) {
    KswapdState& ks = kswapd_of(k, nid);
    if (ks.boosted) {
        for (int i = 0; i <= ks.highest_zoneidx; ++i) {
            Zone& z = k.pgdat(nid).zones[static_cast<std::size_t>(i)];
            z.watermark_boost -= std::min(z.watermark_boost, ks.zone_boosts[static_cast<std::size_t>(i)]);
        }
    }
    snapshot_refaults(k, nid);
    kswapd_try_to_sleep(k, nid);
}

// One step of balance_pgdat(): the top of a priority iteration, or one shrink_lruvec round.
void balance_pgdat_step(Kernel& k, int nid) {
    KswapdState& ks = kswapd_of(k, nid);
    ScanControl& sc = ks.sc;
    const std::int64_t cost_before = sc.cost_ns;
    sc.trace_base = cost_before;
    if (!ks.iteration_started) {
        const bool balanced = pgdat_balanced(k, nid, 0, ks.highest_zoneidx);
        if (!balanced && ks.nr_boost_reclaim) {
            // A real shortage: stop treating this as boost-only reclaim and restart.
            ks.nr_boost_reclaim = 0;
            sc.priority = DEF_PRIORITY;
        }
        if (!ks.nr_boost_reclaim && balanced) {
            finish_balance_pgdat(k, nid);
            return;
        }
        sc.reclaim_idx = ks.highest_zoneidx;
        // Boost reclaim is cheap only: no writeback, no swap.
        sc.may_writepage = !ks.nr_boost_reclaim;
        sc.may_swap = !ks.nr_boost_reclaim;
        // kswapd_age_node(): keep the inactive anon list from running dry.
        if (can_age_anon_pages(k, nid) && inactive_is_low(k, nid, LRU_INACTIVE_ANON))
            shrink_active_list(k, nid, SWAP_CLUSTER_MAX, sc, LRU_ACTIVE_ANON);
        // kswapd_shrink_node(): reclaim up to the sum of the high watermarks.
        sc.nr_to_reclaim = 0;
        for (int i = 0; i <= ks.highest_zoneidx; ++i) {
            const Zone& z = k.pgdat(nid).zones[static_cast<std::size_t>(i)];
            if (z.managed()) sc.nr_to_reclaim += std::max(z.high_wmark_pages(), SWAP_CLUSTER_MAX);
        }
        k.trace.hit(F_kswapd_shrink_node);
        ks.iter_reclaimed_start = sc.nr_reclaimed;
        ks.iter_scanned_start = sc.nr_scanned;
        shrink_node_begin(k, nid, sc, ks.shrink);
        ks.iteration_started = true;
        ks.ready_at = k.now + std::max<std::int64_t>(sc.cost_ns - cost_before, k.cost.scan_page_ns);
        return;
    }
    const bool more = shrink_node_round(k, nid, sc, ks.shrink);
    if (!more) shrink_node_end(k, nid, sc, ks.shrink);
    ks.ready_at = k.now + std::max<std::int64_t>(sc.cost_ns - cost_before, k.cost.scan_page_ns);
    if (more) return;

    // End of the priority iteration.
    const std::uint64_t iter_reclaimed = sc.nr_reclaimed - ks.iter_reclaimed_start;
    const std::uint64_t iter_scanned = sc.nr_scanned - ks.iter_scanned_start;
    // kswapd_shrink_node() returns "scanned enough": then the priority is not raised. Boost
    // reclaim stays cheap: it never goes below DEF_PRIORITY - 2.
    bool raise_priority = !(std::max(iter_scanned, iter_reclaimed) >= sc.nr_to_reclaim);
    if (ks.nr_boost_reclaim && sc.priority == DEF_PRIORITY - 2) raise_priority = false;
    ks.iteration_started = false;
    bool stop = false;
    if (ks.nr_boost_reclaim) {
        ks.nr_boost_reclaim -= std::min(ks.nr_boost_reclaim, iter_reclaimed);
        if (iter_reclaimed == 0) stop = true; // boosting is best effort
    }
    if (!stop && (raise_priority || !iter_reclaimed)) --sc.priority;
    if (stop || sc.priority < 1) {
        // v6.10+: a run that reclaimed nothing because cache_trim_mode kept it on file pages
        // tries once more without it.
        if (!stop && !sc.nr_reclaimed && !sc.no_cache_trim_mode && sc.cache_trim_mode_failed) {
            sc.no_cache_trim_mode = true;
            sc.priority = DEF_PRIORITY;
            return;
        }
        // After the loop, however it ended: a run that reclaimed nothing is a failure.
        if (!sc.nr_reclaimed) ++k.pgdat(nid).kswapd_failures;
        finish_balance_pgdat(k, nid);
    }
}

} // namespace

bool prepare_kswapd_sleep(Kernel& k, int nid, int order, int highest_zoneidx) {
    if (k.pgdat(nid).kswapd_failures >= MAX_RECLAIM_RETRIES) return true;
    return pgdat_balanced(k, nid, order, highest_zoneidx);
}

void wakeup_kswapd(Kernel& k, Zone& zone, gfp_t gfp, int order, int highest_zoneidx, bool traced) {
    if (!zone.managed()) return;
    k.trace.hit(F_wakeup_kswapd);
    const int nid = zone.node_id;
    KswapdState& ks = kswapd_of(k, nid);
    if (ks.kswapd_highest_zoneidx < 0 || ks.kswapd_highest_zoneidx < highest_zoneidx)
        ks.kswapd_highest_zoneidx = highest_zoneidx;
    ks.kswapd_order = std::max(ks.kswapd_order, order);
    // Only a kswapd waiting on kswapd_wait can be woken: a running one picks the request up.
    if (ks.phase == KswapdState::Phase::Balancing) return;
    if (k.pgdat(nid).kswapd_failures >= MAX_RECLAIM_RETRIES ||
        (pgdat_balanced(k, nid, order, highest_zoneidx) &&
         !pgdat_watermark_boosted(k, nid, highest_zoneidx)))
        return;
    // Past the checks: trace_mm_vmscan_wakeup_kswapd(), then wake_up_interruptible().
    if (traced && k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mm_vmscan_wakeup_kswapd, 0,
                      {nid, zone.zone_idx, order, static_cast<std::int64_t>(gfp)});
    if (ks.phase == KswapdState::Phase::Napping) {
        // Woken during the short nap: premature, the low watermark was hit quickly.
        k.vmstat.add(KSWAPD_LOW_WMARK_HIT_QUICKLY);
        // kswapd_try_to_sleep(): the request just recorded, else the previous zone index.
        if (ks.kswapd_highest_zoneidx < 0) ks.kswapd_highest_zoneidx = ks.highest_zoneidx;
        ks.phase = KswapdState::Phase::Balancing;
        ks.needs_start = true;
        ks.ready_at = k.now + k.cost.kswapd_wakeup_ns;
        return;
    }
    k.events.add(k.now, EventType::KswapdWake, nid,
                 RS_TRANSLATE_NOOP("Event", "kswapd%1 woken by an allocation (%2 below its low watermark)"),
                 {std::to_string(nid), std::string(zone_name(zone.type))});
    // Runnable now; balance_pgdat() starts when it gets the CPU, with every request recorded
    // until then.
    ks.phase = KswapdState::Phase::Balancing;
    ks.needs_start = true;
    ks.ready_at = k.now + k.cost.kswapd_wakeup_ns;
}

void wake_all_kswapds(Kernel& k, int order, gfp_t gfp, int highest_zoneidx, int preferred_nid) {
    k.trace.hit(F_wake_all_kswapds);
    const int nr_nodes = static_cast<int>(k.machine.nodes.size());
    for (int i = 0; i < nr_nodes; ++i) {
        const int nid = zonelist_node(preferred_nid, i, nr_nodes);
        // The first managed zone of the node in zonelist order stands for the node.
        for (int z = highest_zoneidx; z >= 0; --z) {
            Zone& zone = k.pgdat(nid).zones[static_cast<std::size_t>(z)];
            if (!zone.managed()) continue;
            wakeup_kswapd(k, zone, gfp, order, highest_zoneidx);
            break;
        }
    }
}

void kswapd_run(Kernel& k, int nid) {
    KswapdState& ks = kswapd_of(k, nid);
    k.trace.hit(F_kswapd);
    switch (ks.phase) {
    case KswapdState::Phase::Sleeping:
        ks.ready_at = kNever;
        return;
    case KswapdState::Phase::Napping: {
        // The nap ran out without a wake-up: sleep for good if still balanced.
        const int highest = kswapd_highest_zoneidx(ks, ks.highest_zoneidx);
        if (prepare_kswapd_sleep(k, nid, ks.kswapd_order, highest)) {
            ks.phase = KswapdState::Phase::Sleeping;
            ks.ready_at = kNever;
            // kswapd_try_to_sleep(): trace_mm_vmscan_kswapd_sleep() before schedule().
            if (k.tracepoints) [[unlikely]] k.trace_event(TraceEventId::mm_vmscan_kswapd_sleep, 0, {nid});
            const bool hopeless = k.pgdat(nid).kswapd_failures >= MAX_RECLAIM_RETRIES;
            if (hopeless)
                k.events.add(k.now, EventType::KswapdSleep, nid,
                             RS_TRANSLATE_NOOP("Event", "kswapd%1 gives up: %2 runs reclaimed nothing (kswapd_failures); "
                                                        "only successful direct reclaim makes it wakeable again"),
                             {std::to_string(nid), std::to_string(MAX_RECLAIM_RETRIES)});
            else
                k.events.add(k.now, EventType::KswapdSleep, nid,
                             RS_TRANSLATE_NOOP("Event", "kswapd%1 sleeps: the node is balanced"), {std::to_string(nid)});
            return;
        }
        k.vmstat.add(KSWAPD_HIGH_WMARK_HIT_QUICKLY);
        start_balance_pgdat(k, nid);
        ks.ready_at = k.now;
        return;
    }
    case KswapdState::Phase::Balancing:
        if (ks.needs_start) {
            ks.needs_start = false;
            start_balance_pgdat(k, nid);
        }
        balance_pgdat_step(k, nid);
        return;
    }
}

} // namespace rs
