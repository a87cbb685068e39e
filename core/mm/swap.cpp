#include "mm/swap.h"

#include "mm/workingset.h"

namespace rs {

LruList folio_lru_list(const Kernel& k, frame_t f) {
    const auto flags = k.frames.flags[f];
    if (flags & PG_unevictable) return LRU_UNEVICTABLE;
    const bool file = !(flags & PG_swapbacked);
    const bool active = flags & PG_active;
    if (file) return active ? LRU_ACTIVE_FILE : LRU_INACTIVE_FILE;
    return active ? LRU_ACTIVE_ANON : LRU_INACTIVE_ANON;
}

namespace {
void account(Kernel& k, frame_t f, LruList lru, std::int64_t delta) {
    Zone& z = k.zone_of_frame(f);
    z.nr_zone_lru[static_cast<std::size_t>(lru)] += delta;
    k.pgdat(z.node_id).nr_lru[static_cast<std::size_t>(lru)] += delta;
}
FrameList& list_of(Kernel& k, frame_t f, LruList lru) {
    return k.lruvec(k.node_of_frame(f)).lists[static_cast<std::size_t>(lru)];
}
} // namespace

void lruvec_add_folio(Kernel& k, frame_t f) {
    const LruList lru = folio_lru_list(k, f);
    k.frames.list_add_head(list_of(k, f, lru), f);
    k.frames.set(f, PG_lru);
    account(k, f, lru, +1);
}

void lruvec_add_folio_tail(Kernel& k, frame_t f) {
    const LruList lru = folio_lru_list(k, f);
    k.frames.list_add_tail(list_of(k, f, lru), f);
    k.frames.set(f, PG_lru);
    account(k, f, lru, +1);
}

void lruvec_del_folio(Kernel& k, frame_t f) {
    const LruList lru = folio_lru_list(k, f);
    k.frames.list_del(list_of(k, f, lru), f);
    k.frames.clear(f, PG_lru);
    account(k, f, lru, -1);
}

void folio_add_lru(Kernel& k, frame_t f) {
    if (k.frames.test(f, PG_mlocked)) {
        // lru_cache_add_inactive_or_unevictable(): mlocked pages go straight to unevictable.
        k.frames.set(f, PG_unevictable);
        k.frames.clear(f, PG_active);
    }
    lruvec_add_folio(k, f);
}

void folio_mark_accessed(Kernel& k, frame_t f) {
    auto& fr = k.frames;
    if (!fr.test(f, PG_referenced)) {
        fr.set(f, PG_referenced);
    } else if (!fr.test(f, PG_active) && !fr.test(f, PG_unevictable) && fr.test(f, PG_lru)) {
        // folio_activate(): to the head of the active list.
        lruvec_del_folio(k, f);
        fr.set(f, PG_active);
        lruvec_add_folio(k, f);
        k.vmstat.add(PGACTIVATE);
        workingset_activation(k, f);
        fr.clear(f, PG_referenced);
    }
}

void lru_note_cost(Kernel& k, int nid, bool file, std::uint64_t nr_io, std::uint64_t nr_rotated) {
    Lruvec& lv = k.lruvec(nid);
    const std::uint64_t cost = nr_io * SWAP_CLUSTER_MAX + nr_rotated;
    if (file) lv.file_cost += cost;
    else lv.anon_cost += cost;
    // Decay: keep the costs in proportion to recent activity.
    const auto& nr = k.pgdat(nid).nr_lru;
    const std::uint64_t lrusize = static_cast<std::uint64_t>(nr[LRU_INACTIVE_ANON] + nr[LRU_ACTIVE_ANON] +
                                                             nr[LRU_INACTIVE_FILE] + nr[LRU_ACTIVE_FILE]);
    if (lv.file_cost + lv.anon_cost > lrusize / 4) {
        lv.file_cost /= 2;
        lv.anon_cost /= 2;
    }
}

void lru_note_cost_refault(Kernel& k, frame_t f) {
    lru_note_cost(k, k.node_of_frame(f), !k.frames.test(f, PG_swapbacked), 1, 0);
}

} // namespace rs
