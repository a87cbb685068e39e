#include "mm/swap.h"

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
    const int nid = k.zone_of_frame(f).node_id;
    return k.nodes[static_cast<std::size_t>(nid)].lruvec.lists[static_cast<std::size_t>(lru)];
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

void folio_add_lru(Kernel& k, frame_t f) { lruvec_add_folio(k, f); }

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
        fr.clear(f, PG_referenced);
    }
}

} // namespace rs
