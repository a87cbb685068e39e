#include "mm/writeback.h"

#include "mm/swap.h"

#include <algorithm>

namespace rs {

namespace {
constexpr std::uint64_t kWritebackChunk = 256;             // pages per I/O batch (1 MiB)
constexpr std::int64_t kPeriodNs = 5'000'000'000;          // dirty_writeback_centisecs 500
constexpr std::int64_t kExpireNs = 30'000'000'000;         // dirty_expire_centisecs 3000
constexpr std::int64_t kMinPauseNs = 10'000'000;           // a throttled writer sleeps this long
} // namespace

std::uint64_t global_dirtyable_memory(const Kernel& k) {
    std::int64_t x = 0;
    for (const auto& node : k.machine.nodes) {
        for (const auto& z : node.zones) x += z.nr_free_pages;
        x += node.nr_lru[LRU_ACTIVE_FILE] + node.nr_lru[LRU_INACTIVE_FILE];
    }
    x -= std::min<std::int64_t>(x, static_cast<std::int64_t>(k.machine.totalreserve_pages));
    return static_cast<std::uint64_t>(std::max<std::int64_t>(x, 1));
}

DirtyLimits global_dirty_limits(const Kernel& k) {
    const std::uint64_t available = global_dirtyable_memory(k);
    DirtyLimits l;
    l.dirty = available * static_cast<std::uint64_t>(k.sysctl.dirty_ratio) / 100;
    l.background = available * static_cast<std::uint64_t>(k.sysctl.dirty_background_ratio) / 100;
    if (l.background >= l.dirty) l.background = l.dirty / 2;
    return l;
}

void folio_mark_dirty(Kernel& k, frame_t f) {
    if (k.frames.test(f, PG_dirty)) return;
    k.frames.set(f, PG_dirty);
    Pgdat& pg = k.pgdat(k.node_of_frame(f));
    pg[NR_DIRTY] += 1;
    pg[NR_DIRTIED] += 1;
    k.wb.dirty.push_back(DirtyRef{f, k.frames.owner[f], k.frames.index[f], k.now});
    if (k.wb.ready_at == kNever) k.wb.ready_at = k.now + kPeriodNs;
}

void wakeup_flusher_threads(Kernel& k) {
    k.wb.background = true;
    k.wb.ready_at = std::min(k.wb.ready_at, k.now);
}

std::int64_t balance_dirty_pages(Kernel& k) {
    k.trace.hit(F_balance_dirty_pages);
    std::int64_t nr_dirty = 0;
    for (const auto& n : k.machine.nodes) nr_dirty += n[NR_DIRTY] + n[NR_WRITEBACK];
    const DirtyLimits l = global_dirty_limits(k);
    if (static_cast<std::uint64_t>(nr_dirty) > l.background) wakeup_flusher_threads(k);
    if (static_cast<std::uint64_t>(nr_dirty) > l.dirty) return kMinPauseNs;
    return 0;
}

namespace {

bool still_dirty(const Kernel& k, const DirtyRef& r) {
    return r.frame < k.frames.size() && k.frames.owner[r.frame] == r.space && k.frames.index[r.frame] == r.index &&
           k.frames.test(r.frame, PG_dirty) && !k.frames.test(r.frame, PG_buddy);
}

// folio_end_writeback(): clean, and if reclaim tagged it, rotated to the inactive tail.
void folio_end_writeback(Kernel& k, frame_t f) {
    auto& fr = k.frames;
    fr.clear(f, PG_writeback);
    Pgdat& pg = k.pgdat(k.node_of_frame(f));
    pg[NR_WRITEBACK] -= 1;
    pg[NR_WRITTEN] += 1;
    if (fr.test_and_clear(f, PG_reclaim)) {
        // folio_rotate_reclaimable(): a clean, evictable page on the LRU moves to the inactive
        // tail (lru_move_tail() clears PG_active), where reclaim finds it next.
        if (fr.test(f, PG_lru) && !fr.test(f, PG_dirty) && !fr.test(f, PG_unevictable)) {
            lruvec_del_folio(k, f);
            fr.clear(f, PG_active);
            lruvec_add_folio_tail(k, f);
            k.vmstat.add(PGROTATED);
        }
    }
}

} // namespace

void flusher_run(Kernel& k) {
    k.trace.hit(F_wb_workfn);
    WritebackState& wb = k.wb;
    while (!wb.inflight.empty() && wb.inflight.front().first <= k.now) {
        const DirtyRef r = wb.inflight.front().second;
        wb.inflight.pop_front();
        if (r.frame < k.frames.size() && k.frames.test(r.frame, PG_writeback)) folio_end_writeback(k, r.frame);
    }
    if (!wb.inflight.empty()) {
        wb.ready_at = wb.inflight.front().first;
        return;
    }
    // Drop queue entries for pages no longer dirty.
    while (!wb.dirty.empty() && !still_dirty(k, wb.dirty.front())) wb.dirty.pop_front();
    std::int64_t nr_dirty = 0;
    for (const auto& n : k.machine.nodes) nr_dirty += n[NR_DIRTY];
    const DirtyLimits l = global_dirty_limits(k);
    // Background writeback runs until dirty pages are below the background threshold;
    // periodic writeback writes what has been dirty for longer than dirty_expire.
    if (wb.background && static_cast<std::uint64_t>(nr_dirty) <= l.background) wb.background = false;
    const bool work = !wb.dirty.empty() && (wb.background || wb.dirty.front().dirtied_at + kExpireNs <= k.now);
    if (!work) {
        wb.ready_at = wb.dirty.empty() ? kNever : k.now + kPeriodNs;
        return;
    }
    // Start writeback of a chunk, oldest first; it completes after the device has written it.
    std::int64_t done_at = k.now;
    std::uint64_t n = 0;
    while (n < kWritebackChunk && !wb.dirty.empty()) {
        const DirtyRef r = wb.dirty.front();
        wb.dirty.pop_front();
        if (!still_dirty(k, r)) continue;
        k.frames.clear(r.frame, PG_dirty);
        k.frames.set(r.frame, PG_writeback);
        Pgdat& pg = k.pgdat(k.node_of_frame(r.frame));
        pg[NR_DIRTY] -= 1;
        pg[NR_WRITEBACK] += 1;
        done_at += k.cost.disk_write_ns_per_page;
        wb.inflight.emplace_back(done_at, r);
        ++n;
    }
    k.vmstat.add(PGPGOUT, n * 4);
    wb.ready_at = wb.inflight.empty() ? k.now + kPeriodNs : wb.inflight.front().first;
}

} // namespace rs
