#include "mm/vmscan.h"

#include "mm/page_alloc.h"
#include "mm/swap.h"
#include "mm/watermarks.h"

#include <algorithm>

namespace rs {

bool pgdat_balanced(Kernel& k, int nid, int order, int highest_zoneidx) {
    bool any_managed = false;
    for (int i = 0; i <= highest_zoneidx; ++i) {
        const Zone& z = k.pgdat(nid).zones[static_cast<std::size_t>(i)];
        if (!z.managed()) continue;
        any_managed = true;
        // zone_watermark_ok_safe(): we keep exact counters, so no per-cpu drift to fold in.
        if (zone_watermark_ok(z, order, z.high_wmark_pages(), highest_zoneidx, 0, z.nr_free_pages))
            return true;
    }
    // A node without managed zones up to highest_zoneidx has nothing to balance.
    return !any_managed;
}

bool pgdat_watermark_boosted(Kernel& k, int nid, int highest_zoneidx) {
    for (int i = highest_zoneidx; i >= 0; --i) {
        const Zone& z = k.pgdat(nid).zones[static_cast<std::size_t>(i)];
        if (z.managed() && z.watermark_boost) return true;
    }
    return false;
}

std::uint64_t lruvec_lru_size(Kernel& k, int nid, LruList lru, int zone_idx) {
    std::uint64_t size = 0;
    for (int i = 0; i <= zone_idx; ++i) {
        const Zone& z = k.pgdat(nid).zones[static_cast<std::size_t>(i)];
        size += static_cast<std::uint64_t>(z.nr_zone_lru[static_cast<std::size_t>(lru)]);
    }
    return size;
}

bool inactive_is_low(Kernel& k, int nid, LruList inactive_lru) {
    const auto& nr = k.pgdat(nid).nr_lru;
    const auto inactive = static_cast<std::uint64_t>(nr[static_cast<std::size_t>(inactive_lru)]);
    const auto active = static_cast<std::uint64_t>(nr[static_cast<std::size_t>(inactive_lru + 1)]);
    const std::uint64_t gb = (inactive + active) >> (30 - kPageShift);
    const std::uint64_t inactive_ratio = gb ? int_sqrt(10 * gb) : 1;
    return inactive * inactive_ratio < active;
}

bool can_reclaim_anon_pages(const Kernel&, int) { return false; }

void prepare_scan_control(Kernel& k, int nid, ScanControl& sc) {
    sc.may_deactivate = 0;
    if (inactive_is_low(k, nid, LRU_INACTIVE_ANON)) sc.may_deactivate |= DEACTIVATE_ANON;
    if (inactive_is_low(k, nid, LRU_INACTIVE_FILE)) sc.may_deactivate |= DEACTIVATE_FILE;
}

void get_scan_count(Kernel& k, int nid, const ScanControl& sc,
                    std::array<std::uint64_t, NR_LRU_LISTS>& nr) {
    nr.fill(0);
    const bool scan_anon = can_reclaim_anon_pages(k, nid); // SCAN_FILE otherwise
    for (LruList lru : {LRU_INACTIVE_ANON, LRU_ACTIVE_ANON, LRU_INACTIVE_FILE, LRU_ACTIVE_FILE}) {
        if (!is_file_lru(lru) && !scan_anon) continue;
        const std::uint64_t size = lruvec_lru_size(k, nid, lru, sc.reclaim_idx);
        nr[static_cast<std::size_t>(lru)] = size >> sc.priority;
    }
}

namespace {

enum class FolioReferences { Reclaim, ReclaimClean, Activate, Keep };

// folio_check_references(): page-table references via the young bit, PG_referenced for
// accesses through read()/write().
FolioReferences folio_check_references(Kernel& k, frame_t f) {
    auto& fr = k.frames;
    const bool referenced_ptes = fr.test(f, PG_mapped) && fr.test_and_clear(f, PG_young);
    const bool referenced_folio = fr.test_and_clear(f, PG_referenced);
    if (referenced_ptes) {
        fr.set(f, PG_referenced);
        if (referenced_folio) return FolioReferences::Activate;
        return FolioReferences::Keep;
    }
    if (referenced_folio && !fr.test(f, PG_swapbacked)) return FolioReferences::ReclaimClean;
    return FolioReferences::Reclaim;
}

// __remove_mapping() for a clean page-cache page: drop it from its file.
void remove_mapping(Kernel& k, frame_t f) {
    AddressSpace& as = k.spaces[k.frames.owner[f]];
    as.pages[k.frames.index[f]] = kNoFrame;
    --as.nr_resident;
    Pgdat& pg = k.pgdat(k.zone_of_frame(f).node_id);
    if (as.anon) --pg.nr_anon_pages;
    else --pg.nr_file_pages;
}

// isolate_lru_folios(): take pages from the tail; pages of zones above reclaim_idx are skipped
// and go back to the head.
std::vector<frame_t> isolate_lru_folios(Kernel& k, int nid, std::uint64_t nr_to_scan,
                                        ScanControl& sc, LruList lru, std::uint64_t& nr_scanned) {
    std::vector<frame_t> dst;
    std::vector<frame_t> skipped;
    FrameList& list = k.nodes[static_cast<std::size_t>(nid)].lruvec.lists[static_cast<std::size_t>(lru)];
    std::uint64_t scan = 0, total_scan = 0;
    while (scan < nr_to_scan && list.tail != kNoFrame) {
        const frame_t f = list.tail;
        lruvec_del_folio(k, f);
        ++total_scan;
        if (k.zone_of_frame(f).zone_idx > sc.reclaim_idx) {
            skipped.push_back(f);
            continue;
        }
        ++scan;
        dst.push_back(f);
    }
    // Skipped folios were list_move()d to the head of a side list (so the last one skipped is
    // first), then list_splice()d to the head of the LRU: add them to the head in skip order.
    for (frame_t f : skipped) lruvec_add_folio(k, f);
    nr_scanned = total_scan;
    return dst;
}

} // namespace

std::uint64_t shrink_inactive_list(Kernel& k, int nid, std::uint64_t nr_to_scan, ScanControl& sc,
                                   LruList lru) {
    std::uint64_t nr_scanned = 0;
    auto isolated = isolate_lru_folios(k, nid, nr_to_scan, sc, lru, nr_scanned);
    k.vmstat.add(sc.is_kswapd ? PGSCAN_KSWAPD : PGSCAN_DIRECT, nr_scanned);
    k.vmstat.add(is_file_lru(lru) ? PGSCAN_FILE : PGSCAN_ANON, nr_scanned);
    sc.nr_scanned += isolated.size(); // shrink_folio_list() counts the isolated folios

    // shrink_folio_list()
    std::uint64_t nr_reclaimed = 0, nr_activate = 0;
    for (frame_t f : isolated) {
        auto& fr = k.frames;
        const FolioReferences refs = folio_check_references(k, f);
        bool reclaim = false;
        if (refs == FolioReferences::Activate) {
            fr.set(f, PG_active);
            ++nr_activate;
        } else if (refs == FolioReferences::Keep) {
            // back to the head of the inactive list
        } else if (fr.test(f, PG_swapbacked)) {
            // Anonymous pages need a swap slot (add_to_swap) and there is no swap: activate.
            fr.set(f, PG_active);
            ++nr_activate;
        } else if (fr.test(f, PG_dirty)) {
            // Dirty page cache is left for the flusher (not part of this engine yet).
        } else {
            reclaim = true;
        }
        if (reclaim) {
            remove_mapping(k, f);
            free_page(k, f);
            ++nr_reclaimed;
        } else {
            lruvec_add_folio(k, f); // move_folios_to_lru()
        }
    }
    k.vmstat.add(PGACTIVATE, nr_activate);
    k.vmstat.add(sc.is_kswapd ? PGSTEAL_KSWAPD : PGSTEAL_DIRECT, nr_reclaimed);
    k.vmstat.add(is_file_lru(lru) ? PGSTEAL_FILE : PGSTEAL_ANON, nr_reclaimed);
    sc.nr_reclaimed += nr_reclaimed;
    sc.cost_ns += static_cast<std::int64_t>(nr_scanned) * k.cost.scan_page_ns +
                  static_cast<std::int64_t>(nr_reclaimed) * k.cost.free_page_ns;
    return nr_reclaimed;
}

void shrink_active_list(Kernel& k, int nid, std::uint64_t nr_to_scan, ScanControl& sc,
                        LruList lru) {
    std::uint64_t nr_scanned = 0;
    auto isolated = isolate_lru_folios(k, nid, nr_to_scan, sc, lru, nr_scanned);
    k.vmstat.add(PGREFILL, nr_scanned);
    std::uint64_t nr_deactivate = 0;
    for (frame_t f : isolated) {
        auto& fr = k.frames;
        // folio_referenced() clears the young bits; only executable file pages stay active,
        // which this engine does not model, so every page goes to the inactive list.
        if (fr.test(f, PG_mapped)) fr.clear(f, PG_young);
        fr.clear(f, PG_active);
        fr.set(f, PG_workingset);
        lruvec_add_folio(k, f);
        ++nr_deactivate;
    }
    k.vmstat.add(PGDEACTIVATE, nr_deactivate);
    sc.cost_ns += static_cast<std::int64_t>(nr_scanned) * k.cost.scan_page_ns;
}

std::uint64_t shrink_list(Kernel& k, int nid, LruList lru, std::uint64_t nr_to_scan,
                          ScanControl& sc) {
    if (is_active_lru(lru)) {
        const unsigned bit = is_file_lru(lru) ? DEACTIVATE_FILE : DEACTIVATE_ANON;
        if (sc.may_deactivate & bit) shrink_active_list(k, nid, nr_to_scan, sc, lru);
        return 0;
    }
    return shrink_inactive_list(k, nid, nr_to_scan, sc, lru);
}

bool shrink_lruvec_round(Kernel& k, int nid, ScanControl& sc,
                         std::array<std::uint64_t, NR_LRU_LISTS>& nr,
                         const std::array<std::uint64_t, NR_LRU_LISTS>& targets,
                         std::uint64_t& nr_reclaimed) {
    auto at = [&](LruList l) -> std::uint64_t& { return nr[static_cast<std::size_t>(l)]; };
    if (!(at(LRU_INACTIVE_ANON) || at(LRU_ACTIVE_FILE) || at(LRU_INACTIVE_FILE))) return false;
    for (LruList lru : {LRU_INACTIVE_ANON, LRU_ACTIVE_ANON, LRU_INACTIVE_FILE, LRU_ACTIVE_FILE}) {
        if (!at(lru)) continue;
        const std::uint64_t nr_to_scan = std::min(at(lru), SWAP_CLUSTER_MAX);
        at(lru) -= nr_to_scan;
        nr_reclaimed += shrink_list(k, nid, lru, nr_to_scan, sc);
    }
    // Direct reclaim at the first priority does not stop early. After a rescale the next round
    // finds the smaller type at zero and stops (since v6.1 nothing else keeps the loop going).
    const bool proportional_reclaim = !sc.is_kswapd && sc.priority == DEF_PRIORITY;
    if (nr_reclaimed < sc.nr_to_reclaim || proportional_reclaim) return true;

    // Enough reclaimed: stop scanning the smaller type and scale the other one down so both
    // end up scanned in proportion to their targets.
    std::uint64_t nr_file = at(LRU_INACTIVE_FILE) + at(LRU_ACTIVE_FILE);
    std::uint64_t nr_anon = at(LRU_INACTIVE_ANON) + at(LRU_ACTIVE_ANON);
    if (!nr_file || !nr_anon) return false;
    auto tgt = [&](LruList l) { return targets[static_cast<std::size_t>(l)]; };
    LruList lru;
    std::uint64_t percentage;
    if (nr_file > nr_anon) {
        const std::uint64_t scan_target = tgt(LRU_INACTIVE_ANON) + tgt(LRU_ACTIVE_ANON) + 1;
        lru = LRU_INACTIVE_ANON;
        percentage = nr_anon * 100 / scan_target;
    } else {
        const std::uint64_t scan_target = tgt(LRU_INACTIVE_FILE) + tgt(LRU_ACTIVE_FILE) + 1;
        lru = LRU_INACTIVE_FILE;
        percentage = nr_file * 100 / scan_target;
    }
    at(lru) = 0;
    at(static_cast<LruList>(lru + 1)) = 0;
    // The other type: scan what its share says, minus what was already scanned.
    lru = (lru == LRU_INACTIVE_FILE) ? LRU_INACTIVE_ANON : LRU_INACTIVE_FILE;
    for (LruList l : {lru, static_cast<LruList>(lru + 1)}) {
        const std::uint64_t scanned = tgt(l) - at(l);
        const std::uint64_t want = tgt(l) * (100 - percentage) / 100;
        at(l) = want > scanned ? want - scanned : 0;
    }
    return true;
}

} // namespace rs
