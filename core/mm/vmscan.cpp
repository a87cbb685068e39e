#include "mm/vmscan.h"

#include "mm/kswapd.h"
#include "mm/page_alloc.h"
#include "mm/swap.h"
#include "mm/watermarks.h"
#include "mm/workingset.h"
#include "mm/writeback.h"

#include <algorithm>
#include <array>
#include <span>
#include <vector>

namespace rs {

bool pgdat_balanced(Kernel& k, int nid, int order, int highest_zoneidx) {
    bool any_managed = false;
    for (int i = 0; i <= highest_zoneidx; ++i) {
        const Zone& z = k.pgdat(nid).zones[static_cast<std::size_t>(i)];
        if (!z.managed()) continue;
        any_managed = true;
        // zone_watermark_ok_safe(): exact counters here, so no per-cpu drift to fold in.
        if (zone_watermark_ok(z, order, z.high_wmark_pages(), highest_zoneidx, 0, z.nr_free_pages))
            return true;
    }
    return !any_managed;
}

bool pgdat_watermark_boosted(Kernel& k, int nid, int highest_zoneidx) {
    for (int i = highest_zoneidx; i >= 0; --i) {
        const Zone& z = k.pgdat(nid).zones[static_cast<std::size_t>(i)];
        if (z.managed() && z.watermark_boost) return true;
    }
    return false;
}

std::uint64_t lruvec_lru_size(const Kernel& k, int nid, LruList lru, int zone_idx) {
    std::uint64_t size = 0;
    for (int i = 0; i <= zone_idx && i < k.nr_zone_types(); ++i)
        size += static_cast<std::uint64_t>(k.pgdat(nid).zones[static_cast<std::size_t>(i)].nr_zone_lru[static_cast<std::size_t>(lru)]);
    return size;
}

bool inactive_is_low(const Kernel& k, int nid, LruList inactive_lru) {
    const auto& nr = k.pgdat(nid).nr_lru;
    const auto inactive = static_cast<std::uint64_t>(nr[static_cast<std::size_t>(inactive_lru)]);
    const auto active = static_cast<std::uint64_t>(nr[static_cast<std::size_t>(inactive_lru + 1)]);
    const std::uint64_t gb = (inactive + active) >> (30 - kPageShift);
    const std::uint64_t inactive_ratio = gb ? int_sqrt(10 * gb) : 1;
    return inactive * inactive_ratio < active;
}

bool can_reclaim_anon_pages(const Kernel& k, int) { return k.swap.nr_free_slots() > 0; }
bool can_age_anon_pages(const Kernel& k, int) { return k.swap.total_slots() > 0; }

std::uint64_t zone_reclaimable_pages(const Kernel& k, const Zone& z) {
    auto lru = [&](LruList l) { return static_cast<std::uint64_t>(z.nr_zone_lru[static_cast<std::size_t>(l)]); };
    std::uint64_t nr = lru(LRU_INACTIVE_FILE) + lru(LRU_ACTIVE_FILE);
    if (can_reclaim_anon_pages(k, z.node_id)) nr += lru(LRU_INACTIVE_ANON) + lru(LRU_ACTIVE_ANON);
    if (!nr) nr = static_cast<std::uint64_t>(std::max<std::int64_t>(0, z.nr_free_pages));
    return nr;
}

void snapshot_refaults(Kernel& k, int nid) {
    Lruvec& lv = k.lruvec(nid);
    lv.refaults[0] = k.pgdat(nid)[WORKINGSET_ACTIVATE_ANON];
    lv.refaults[1] = k.pgdat(nid)[WORKINGSET_ACTIVATE_FILE];
}

void prepare_scan_control(Kernel& k, int nid, ScanControl& sc) {
    const Lruvec& lv = k.lruvec(nid);
    const Pgdat& pg = k.pgdat(nid);
    sc.anon_cost = lv.anon_cost;
    sc.file_cost = lv.file_cost;
    // Deactivate a type's active pages when its inactive list is small, or when its pages are
    // refaulting (the workingset is changing).
    if (sc.force_deactivate) {
        sc.may_deactivate = DEACTIVATE_ANON | DEACTIVATE_FILE;
    } else {
        sc.may_deactivate = 0;
        if (pg[WORKINGSET_ACTIVATE_ANON] != lv.refaults[0] || inactive_is_low(k, nid, LRU_INACTIVE_ANON))
            sc.may_deactivate |= DEACTIVATE_ANON;
        if (pg[WORKINGSET_ACTIVATE_FILE] != lv.refaults[1] || inactive_is_low(k, nid, LRU_INACTIVE_FILE))
            sc.may_deactivate |= DEACTIVATE_FILE;
    }
    // Plenty of inactive cache and no file thrashing: reclaim only the cache.
    const auto inactive_file = static_cast<std::uint64_t>(pg.nr_lru[LRU_INACTIVE_FILE]);
    sc.cache_trim_mode = (inactive_file >> sc.priority) && !(sc.may_deactivate & DEACTIVATE_FILE) &&
                         !sc.no_cache_trim_mode;
    // file_is_tiny: file + free pages cannot even cover the high watermarks, so anon must go,
    // lest reclaim thrash the last of the page cache.
    std::uint64_t free = 0, high = 0;
    for (const auto& z : pg.zones) {
        if (!z.managed()) continue;
        free += static_cast<std::uint64_t>(std::max<std::int64_t>(0, z.nr_free_pages));
        high += z.high_wmark_pages();
    }
    const std::uint64_t file = static_cast<std::uint64_t>(pg.nr_lru[LRU_ACTIVE_FILE] + pg.nr_lru[LRU_INACTIVE_FILE]);
    const auto inactive_anon = static_cast<std::uint64_t>(pg.nr_lru[LRU_INACTIVE_ANON]);
    sc.file_is_tiny = file + free <= high && !(sc.may_deactivate & DEACTIVATE_ANON) && (inactive_anon >> sc.priority);
}

ScanBalance get_scan_count(Kernel& k, int nid, const ScanControl& sc,
                           std::array<std::uint64_t, NR_LRU_LISTS>& nr) {
    k.trace.hit(F_get_scan_count);
    nr.fill(0);
    const int swappiness = k.sysctl.swappiness;
    ScanBalance balance;
    std::uint64_t fraction[2] = {0, 0}, denominator = 1;
    if (!sc.may_swap || !can_reclaim_anon_pages(k, nid)) {
        balance = ScanBalance::File; // no swap: anon pages cannot be reclaimed
    } else if (sc.priority == 0 && swappiness) {
        balance = ScanBalance::Equal; // near OOM: scan both by size
    } else if (sc.file_is_tiny) {
        balance = ScanBalance::Anon;
    } else if (sc.cache_trim_mode) {
        balance = ScanBalance::File;
    } else {
        // calculate_pressure_balance(): at least a third of the pressure on each type before
        // swappiness weighs them; the type that costs more to reclaim gets less.
        balance = ScanBalance::Fract;
        const std::uint64_t total_cost = sc.anon_cost + sc.file_cost;
        const std::uint64_t anon_cost = total_cost + sc.anon_cost;
        const std::uint64_t file_cost = total_cost + sc.file_cost;
        const std::uint64_t tc = anon_cost + file_cost;
        const std::uint64_t ap = static_cast<std::uint64_t>(swappiness) * (tc + 1) / (anon_cost + 1);
        const std::uint64_t fp = static_cast<std::uint64_t>(200 - swappiness) * (tc + 1) / (file_cost + 1);
        fraction[0] = ap;
        fraction[1] = fp;
        denominator = ap + fp;
    }
    for (LruList lru : {LRU_INACTIVE_ANON, LRU_ACTIVE_ANON, LRU_INACTIVE_FILE, LRU_ACTIVE_FILE}) {
        const bool file = is_file_lru(lru);
        std::uint64_t scan = lruvec_lru_size(k, nid, lru, sc.reclaim_idx) >> sc.priority;
        switch (balance) {
        case ScanBalance::Equal: break;
        case ScanBalance::Fract: scan = denominator ? scan * fraction[file] / denominator : 0; break;
        case ScanBalance::File: if (!file) scan = 0; break;
        case ScanBalance::Anon: if (file) scan = 0; break;
        }
        nr[static_cast<std::size_t>(lru)] = scan;
    }
    return balance;
}

namespace {

// The time into the running step of a reclaim pass, for its trace events.
std::int64_t trace_offset(const ScanControl& sc) { return sc.cost_ns - sc.trace_base; }

enum class FolioReferences { Reclaim, ReclaimClean, Activate, Keep };

// folio_check_references(): page-table references via the young bit, PG_referenced for
// accesses through read()/write().
FolioReferences folio_check_references(Kernel& k, frame_t f) {
    k.trace.hit(F_folio_check_references);
    auto& fr = k.frames;
    if (fr.test(f, PG_mlocked)) return FolioReferences::Activate; // VM_LOCKED
    const int referenced_ptes = (fr.test(f, PG_mapped) && fr.test_and_clear(f, PG_young)) ? 1 : 0;
    const bool referenced_folio = fr.test_and_clear(f, PG_referenced);
    if (referenced_ptes) {
        // A second reference (or a shared page referenced by several PTEs) activates; a first
        // one buys another trip around the inactive list.
        fr.set(f, PG_referenced);
        if (referenced_folio) return FolioReferences::Activate;
        // Activate file-backed executable folios after first usage.
        if (fr.test(f, PG_exec) && !fr.test(f, PG_swapbacked)) return FolioReferences::Activate;
        return FolioReferences::Keep;
    }
    if (referenced_folio && !fr.test(f, PG_swapbacked)) return FolioReferences::ReclaimClean;
    return FolioReferences::Reclaim;
}

// Drops a reclaimed page from its address space, leaving a shadow (file) or a swap entry
// (anon) in its slot: the second half of __remove_mapping().
void remove_mapping(Kernel& k, frame_t f, std::uint32_t token) {
    const std::uint32_t space = k.frames.owner[f], index = k.frames.index[f];
    Pgdat& pg = k.pgdat(k.node_of_frame(f));
    if (!k.spaces[space].anon) {
        AddressSpace& as = k.spaces[space];
        as.pages[index] = token;
        --as.nr_resident;
        if (token != kNoFrame) ++as.nr_nonresident;
        pg[NR_FILE_PAGES] -= 1;
        return;
    }
    // try_to_unmap(): every PTE that maps the page (the parent's and its forks') now holds the
    // swap entry; each is one MM_SWAPENTS of its process.
    for_each_anon_mapper(k.spaces, space, [&](AddressSpace& as, std::uint32_t) {
        if (index >= as.pages.size() || as.pages[index] != f) return;
        as.pages[index] = token;
        --as.nr_resident;
        if (token == kNoFrame) return;
        ++as.nr_nonresident;
        if (as.owner >= 0) ++k.procs[static_cast<std::size_t>(as.owner)].swapents;
    });
    pg[NR_ANON_MAPPED] -= 1;
}

// The caller's folio_list, on the stack as in the kernel. shrink_lruvec() scans at most
// SWAP_CLUSTER_MAX pages at a time, which fit in place: no allocation per call, and nothing
// shared between nested reclaims. A larger request (a direct call) gets a heap buffer.
class FolioList {
public:
    explicit FolioList(std::uint64_t capacity) {
        if (capacity > m_small.size()) {
            m_large.resize(capacity);
            m_data = m_large.data();
        }
    }
    FolioList(const FolioList&) = delete; // m_data may point into m_small
    FolioList& operator=(const FolioList&) = delete;
    void push_back(frame_t f) { m_data[m_n++] = f; }
    const frame_t* begin() const { return m_data; }
    const frame_t* end() const { return m_data + m_n; }
    bool empty() const { return m_n == 0; }
    std::size_t size() const { return m_n; }

private:
    std::array<frame_t, SWAP_CLUSTER_MAX> m_small;
    std::vector<frame_t> m_large;
    frame_t* m_data = m_small.data();
    std::size_t m_n = 0;
};

// isolate_lru_folios(): take up to nr_to_scan pages from the tail into dst (sized for them);
// pages of zones above reclaim_idx are skipped and go back to the head.
void isolate_lru_folios(Kernel& k, int nid, std::uint64_t nr_to_scan, ScanControl& sc, LruList lru,
                        std::uint64_t& nr_scanned, FolioList& dst) {
    k.trace.hit(F_isolate_lru_folios);
    // Skipped folios are put back before returning: one buffer kept in the kernel serves all.
    std::vector<frame_t>& skipped = k.isolate_skipped;
    skipped.clear();
    FrameList& list = k.lruvec(nid).lists[static_cast<std::size_t>(lru)];
    std::uint64_t scan = 0, total_scan = 0;
    while (scan < nr_to_scan && list.tail != kNoFrame) {
        const frame_t f = list.tail;
        k.frames.prefetch(k.frames.prev[f]); // the walk is a chase: the next one's lines come meanwhile
        lruvec_del_folio(k, f);
        ++total_scan;
        const Zone& z = k.zone_of_frame(f);
        if (z.zone_idx > sc.reclaim_idx) {
            skipped.push_back(f);
            k.vmstat.add(pgskip_event(z.type));
            continue;
        }
        ++scan;
        dst.push_back(f);
    }
    // Skipped folios were list_move()d to the head of a side list (so the last one skipped is
    // first), then list_splice()d to the head of the LRU: add them to the head in skip order.
    for (frame_t f : skipped) lruvec_add_folio(k, f);
    nr_scanned = total_scan;
    // trace_mm_vmscan_lru_isolate() at the end of isolate_lru_folios(), lru_lock held; before
    // 6.7 with isolate_mode (sc->may_unmap ? 0 : ISOLATE_UNMAPPED).
    if (k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mm_vmscan_lru_isolate, trace_offset(sc),
                      {sc.reclaim_idx, sc.order, static_cast<std::int64_t>(nr_to_scan), static_cast<std::int64_t>(total_scan),
                       static_cast<std::int64_t>(skipped.size()), static_cast<std::int64_t>(dst.size()), lru,
                       sc.may_unmap ? 0 : 2});
}

// What shrink_folio_list() counted for its caller (struct reclaim_stat).
struct ReclaimStat {
    std::uint64_t nr_activate = 0, nr_pageout = 0, nr_unqueued_dirty = 0;
    // Only reported (mm_vmscan_lru_shrink_inactive): they decide nothing here.
    std::uint64_t nr_dirty = 0, nr_writeback = 0, nr_congested = 0, nr_ref_keep = 0;
};

enum class FolioVerdict { Keep, Activate, Reclaim };

// shrink_folio_list()'s decision for one folio: keep it, activate it, or reclaim it leaving
// `token` (a shadow or swap entry) in its slot; anonymous pages are written out here (pageout()).
FolioVerdict folio_verdict(Kernel& k, int nid, frame_t f, bool swapbacked, ScanControl& sc, ReclaimStat& stat,
                           std::uint32_t& token) {
    auto& fr = k.frames;
    if (fr.test(f, PG_mlocked)) return FolioVerdict::Activate; // not evictable: putback culls it
    if (!sc.may_unmap && fr.test(f, PG_mapped)) return FolioVerdict::Keep;
    const bool dirty = fr.test(f, PG_dirty), writeback = fr.test(f, PG_writeback);
    if (dirty || writeback) ++stat.nr_dirty;
    if (dirty && !writeback) ++stat.nr_unqueued_dirty;
    if (writeback && fr.test(f, PG_reclaim)) ++stat.nr_congested;
    if (writeback) {
        ++stat.nr_writeback;
        // Under writeback (case 2): tag it so end of writeback rotates it for quick reclaim,
        // and keep it out of the way.
        fr.set(f, PG_reclaim);
        return FolioVerdict::Activate;
    }
    const FolioReferences refs = folio_check_references(k, f);
    if (refs == FolioReferences::Activate) return FolioVerdict::Activate;
    if (refs == FolioReferences::Keep) { // another trip around the inactive list
        ++stat.nr_ref_keep;
        return FolioVerdict::Keep;
    }
    if (swapbacked) {
        // Anonymous: add_to_swap() + try_to_unmap() + pageout(). Without __GFP_IO, or when
        // reclaim may not write, the page is kept; without a free swap slot it is activated.
        const bool cached = k.swap.in_swap_cache(f); // clean copy on the device
        if (!cached && (!(sc.gfp_mask & __GFP_IO) || !sc.may_writepage)) return FolioVerdict::Keep;
        if (!cached) k.trace.hit(F_pageout);
        const std::optional<std::uint32_t> entry = k.swap.swap_out(k, f, sc.cost_ns);
        if (!entry) return FolioVerdict::Activate;
        if (!cached) {
            ++stat.nr_pageout;
            k.pgdat(nid)[NR_VMSCAN_WRITE] += 1;
            // pageout(): trace_mm_vmscan_write_folio() beside NR_VMSCAN_WRITE. pfn: the frame.
            if (k.tracepoints) [[unlikely]]
                k.trace_event(TraceEventId::mm_vmscan_write_folio, trace_offset(sc),
                              {static_cast<std::int64_t>(f), trace_reclaim_flags(false)});
        }
        token = kTokenBit | *entry;
        return FolioVerdict::Reclaim;
    }
    if (dirty) {
        // Reclaim never writes file pages (v6.16: pageout() only writes shmem and swap): tag
        // for immediate reclaim once the flusher has written it, and activate.
        k.pgdat(nid)[NR_VMSCAN_IMMEDIATE] += 1;
        fr.set(f, PG_reclaim);
        return FolioVerdict::Activate;
    }
    // Clean page cache: __remove_mapping() leaves a shadow entry.
    token = workingset_eviction(k, f);
    return FolioVerdict::Reclaim;
}

// move_folios_to_lru(): survivors to the head of their list (the unevictable one for mlocked
// pages, as folio_putback_lru() does); an activated page ages the workingset clock.
void move_folios_to_lru(Kernel& k, int nid, std::span<const frame_t> folios) {
    auto& fr = k.frames;
    for (const frame_t f : folios) {
        if (fr.test(f, PG_mlocked) && !fr.test(f, PG_unevictable)) {
            fr.set(f, PG_unevictable);
            fr.clear(f, PG_active);
            k.vmstat.add(UNEVICTABLE_PGS_CULLED);
        }
        lruvec_add_folio(k, f);
        if (fr.test(f, PG_active)) workingset_age_nonresident(k, nid, 1);
    }
}

// shrink_folio_list(): reclaims what it can of the isolated folios and puts the rest back.
// Returns pages reclaimed. The kernel collects survivors (ret_folios) and puts them back after
// the whole list; here each goes back as soon as it is decided, so an activation ages the
// workingset clock before the next eviction's shadow is taken (the order the results have).
std::uint64_t shrink_folio_list(Kernel& k, int nid, const FolioList& folio_list, ScanControl& sc, ReclaimStat& stat) {
    k.trace.hit(F_shrink_folio_list);
    std::uint64_t nr_reclaimed = 0;
    auto& fr = k.frames;
    for (const frame_t f : folio_list) {
        sc.nr_scanned += 1;
        sc.cost_ns += k.cost.scan_page_ns;
        std::uint32_t token = kNoFrame;
        const bool swapbacked = fr.test(f, PG_swapbacked);
        const FolioVerdict v = folio_verdict(k, nid, f, swapbacked, sc, stat, token);
        if (v == FolioVerdict::Reclaim) {
            k.trace.hit(F___remove_mapping);
            if (swapbacked && !fr.test(f, PG_mapped)) {
                // A swap-cache page no PTE maps (swap readahead): the PTE holds the entry already.
                k.pgdat(nid)[NR_SWAPCACHE_UNMAPPED] -= 1;
            } else {
                remove_mapping(k, f, token);
            }
            free_page(k, f);
            ++nr_reclaimed;
            sc.cost_ns += k.cost.free_page_ns;
            continue;
        }
        if (v == FolioVerdict::Activate) {
            // activate_locked: no point keeping the swap copy of a page that stays.
            if (fr.test(f, PG_swapcache) && (k.swap.vm_swap_full() || fr.test(f, PG_mlocked)))
                k.swap.folio_free_swap(k, f);
            if (!fr.test(f, PG_mlocked)) {
                fr.set(f, PG_active);
                ++stat.nr_activate;
            }
        }
        move_folios_to_lru(k, nid, std::span<const frame_t>(&f, 1));
    }
    return nr_reclaimed;
}

} // namespace

std::uint64_t shrink_inactive_list(Kernel& k, int nid, std::uint64_t nr_to_scan, ScanControl& sc, LruList lru) {
    k.trace.hit(F_shrink_inactive_list);
    const bool file = is_file_lru(lru);
    std::uint64_t nr_scanned = 0;
    FolioList isolated(nr_to_scan);
    isolate_lru_folios(k, nid, nr_to_scan, sc, lru, nr_scanned, isolated);
    if (isolated.empty() && nr_scanned == 0) return 0;
    k.vmstat.add(sc.is_kswapd ? PGSCAN_KSWAPD : PGSCAN_DIRECT, nr_scanned);
    k.vmstat.add(file ? PGSCAN_FILE : PGSCAN_ANON, nr_scanned);
    const std::uint64_t nr_taken = isolated.size();
    if (nr_taken == 0) return 0;

    ReclaimStat stat;
    const std::uint64_t nr_reclaimed = shrink_folio_list(k, nid, isolated, sc, stat);
    k.vmstat.add(PGACTIVATE, stat.nr_activate);
    k.vmstat.add(sc.is_kswapd ? PGSTEAL_KSWAPD : PGSTEAL_DIRECT, nr_reclaimed);
    k.vmstat.add(file ? PGSTEAL_FILE : PGSTEAL_ANON, nr_reclaimed);
    sc.nr_reclaimed += nr_reclaimed;
    lru_note_cost(k, nid, file, stat.nr_pageout, nr_scanned - nr_reclaimed);
    // All isolated pages dirty and not under writeback: kick the flusher.
    if (stat.nr_unqueued_dirty == nr_taken) wakeup_flusher_threads(k);
    if (k.tracepoints) [[unlikely]] {
        const auto n = [](std::uint64_t v) { return static_cast<std::int64_t>(v); };
        k.trace_event(TraceEventId::mm_vmscan_lru_shrink_inactive, trace_offset(sc),
                      {nid, n(nr_scanned), n(nr_reclaimed), n(stat.nr_dirty), n(stat.nr_writeback), n(stat.nr_congested),
                       0 /* nr_immediate: PGDAT_WRITEBACK is not modelled */, file ? 0 : n(stat.nr_activate),
                       file ? n(stat.nr_activate) : 0, n(stat.nr_ref_keep), 0 /* nr_unmap_fail */, sc.priority,
                       trace_reclaim_flags(file)});
    }
    return nr_reclaimed;
}

void shrink_active_list(Kernel& k, int nid, std::uint64_t nr_to_scan, ScanControl& sc, LruList lru) {
    k.trace.hit(F_shrink_active_list);
    std::uint64_t nr_scanned = 0;
    FolioList isolated(nr_to_scan);
    isolate_lru_folios(k, nid, nr_to_scan, sc, lru, nr_scanned, isolated);
    k.vmstat.add(PGREFILL, nr_scanned);
    std::uint64_t nr_deactivate = 0, nr_rotated = 0;
    auto& fr = k.frames;
    for (frame_t f : isolated) {
        if (fr.test(f, PG_mlocked)) {
            fr.set(f, PG_unevictable);
            fr.clear(f, PG_active);
            lruvec_add_folio(k, f);
            continue;
        }
        // folio_referenced() clears the young bits. Referenced executable file pages get one
        // more trip around the active list: program text is hard to do without.
        const bool referenced = fr.test(f, PG_mapped) && fr.test_and_clear(f, PG_young);
        if (referenced && fr.test(f, PG_exec) && !fr.test(f, PG_swapbacked)) {
            ++nr_rotated;
            lruvec_add_folio(k, f);
            workingset_age_nonresident(k, nid, 1); // move_folios_to_lru() of an active folio
            continue;
        }
        fr.clear(f, PG_active);
        fr.set(f, PG_workingset);
        lruvec_add_folio(k, f);
        ++nr_deactivate;
    }
    k.vmstat.add(PGDEACTIVATE, nr_deactivate);
    if (nr_rotated) lru_note_cost(k, nid, is_file_lru(lru), 0, nr_rotated);
    sc.cost_ns += static_cast<std::int64_t>(nr_scanned) * k.cost.scan_page_ns;
    // nr_active: the folios move_folios_to_lru() put back on the active list (the rotated ones).
    if (k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mm_vmscan_lru_shrink_active, trace_offset(sc),
                      {nid, static_cast<std::int64_t>(isolated.size()), static_cast<std::int64_t>(nr_rotated),
                       static_cast<std::int64_t>(nr_deactivate), static_cast<std::int64_t>(nr_rotated), sc.priority,
                       trace_reclaim_flags(is_file_lru(lru))});
}

std::uint64_t shrink_list(Kernel& k, int nid, LruList lru, std::uint64_t nr_to_scan, ScanControl& sc) {
    k.trace.hit(F_shrink_list);
    if (is_active_lru(lru)) {
        const unsigned bit = is_file_lru(lru) ? DEACTIVATE_FILE : DEACTIVATE_ANON;
        if (sc.may_deactivate & bit) shrink_active_list(k, nid, nr_to_scan, sc, lru);
        else sc.skipped_deactivate = true;
        return 0;
    }
    return shrink_inactive_list(k, nid, nr_to_scan, sc, lru);
}

void shrink_node_begin(Kernel& k, int nid, ScanControl& sc, ShrinkNodeState& st) {
    k.trace.hit(F_shrink_node);
    k.trace.hit(F_shrink_lruvec);
    prepare_scan_control(k, nid, sc);
    get_scan_count(k, nid, sc, st.nr);
    st.targets = st.nr;
    st.nr_reclaimed = 0;
    st.reclaimed_at_start = sc.nr_reclaimed;
    st.active = true;
}

bool shrink_node_round(Kernel& k, int nid, ScanControl& sc, ShrinkNodeState& st) {
    // shrink_lruvec()'s loop body.
    auto& nr = st.nr;
    auto at = [&](LruList l) -> std::uint64_t& { return nr[static_cast<std::size_t>(l)]; };
    if (!(at(LRU_INACTIVE_ANON) || at(LRU_ACTIVE_FILE) || at(LRU_INACTIVE_FILE))) return false;
    for (LruList lru : {LRU_INACTIVE_ANON, LRU_ACTIVE_ANON, LRU_INACTIVE_FILE, LRU_ACTIVE_FILE}) {
        if (!at(lru)) continue;
        const std::uint64_t nr_to_scan = std::min(at(lru), SWAP_CLUSTER_MAX);
        at(lru) -= nr_to_scan;
        st.nr_reclaimed += shrink_list(k, nid, lru, nr_to_scan, sc);
    }
    // Direct reclaim at the first priority scans its whole share; otherwise stop once enough
    // is reclaimed, after scaling the other type down to what its share says.
    const bool proportional_reclaim = !sc.is_kswapd && sc.priority == DEF_PRIORITY;
    if (st.nr_reclaimed < sc.nr_to_reclaim || proportional_reclaim) return true;
    const std::uint64_t nr_file = at(LRU_INACTIVE_FILE) + at(LRU_ACTIVE_FILE);
    const std::uint64_t nr_anon = at(LRU_INACTIVE_ANON) + at(LRU_ACTIVE_ANON);
    if (!nr_file || !nr_anon) return false;
    auto tgt = [&](LruList l) { return st.targets[static_cast<std::size_t>(l)]; };
    LruList lru;
    std::uint64_t percentage;
    if (nr_file > nr_anon) {
        lru = LRU_INACTIVE_ANON;
        percentage = nr_anon * 100 / (tgt(LRU_INACTIVE_ANON) + tgt(LRU_ACTIVE_ANON) + 1);
    } else {
        lru = LRU_INACTIVE_FILE;
        percentage = nr_file * 100 / (tgt(LRU_INACTIVE_FILE) + tgt(LRU_ACTIVE_FILE) + 1);
    }
    at(lru) = 0;
    at(static_cast<LruList>(lru + 1)) = 0;
    lru = (lru == LRU_INACTIVE_FILE) ? LRU_INACTIVE_ANON : LRU_INACTIVE_FILE;
    for (LruList l : {lru, static_cast<LruList>(lru + 1)}) {
        const std::uint64_t scanned = tgt(l) - at(l);
        const std::uint64_t want = tgt(l) * (100 - percentage) / 100;
        at(l) = want > scanned ? want - scanned : 0;
    }
    return true;
}

void shrink_node_end(Kernel& k, int nid, ScanControl& sc, ShrinkNodeState& st) {
    // End of shrink_lruvec(): age anon even when only file pages were scanned.
    if (can_age_anon_pages(k, nid) && inactive_is_low(k, nid, LRU_INACTIVE_ANON))
        shrink_active_list(k, nid, SWAP_CLUSTER_MAX, sc, LRU_ACTIVE_ANON);
    // shrink_node_memcgs(): the slab shrinkers; freed pages count through reclaim_state.
    const std::uint64_t slab_freed = shrink_slab(k, nid, sc.priority, sc);
    sc.nr_reclaimed += slab_freed;
    const std::uint64_t reclaimed = sc.nr_reclaimed - st.reclaimed_at_start;
    if (reclaimed) k.pgdat(nid).kswapd_failures = 0;
    else if (sc.cache_trim_mode) sc.cache_trim_mode_failed = true;
    st.active = false;
}

void shrink_node(Kernel& k, int nid, ScanControl& sc) {
    ShrinkNodeState st;
    shrink_node_begin(k, nid, sc, st);
    while (shrink_node_round(k, nid, sc, st)) {
    }
    shrink_node_end(k, nid, sc, st);
}

bool allow_direct_reclaim(Kernel& k, int nid) {
    Pgdat& pg = k.pgdat(nid);
    if (pg.kswapd_failures >= MAX_RECLAIM_RETRIES) return true;
    std::uint64_t pfmemalloc_reserve = 0, free_pages = 0;
    const int top = k.machine.normal_zone_index();
    for (int i = 0; i <= top; ++i) {
        const Zone& z = pg.zones[static_cast<std::size_t>(i)];
        if (!z.managed() || !zone_reclaimable_pages(k, z)) continue;
        pfmemalloc_reserve += z.min_wmark_pages();
        free_pages += static_cast<std::uint64_t>(std::max<std::int64_t>(0, z.nr_free_pages));
    }
    if (!pfmemalloc_reserve) return true;
    const bool wmark_ok = free_pages > pfmemalloc_reserve / 2;
    if (!wmark_ok && k.pgdat(nid).kswapd.phase != KswapdState::Phase::Balancing) {
        // Kick kswapd, clamped to ZONE_NORMAL.
        KswapdState& ks = k.pgdat(nid).kswapd;
        if (ks.kswapd_highest_zoneidx > top) ks.kswapd_highest_zoneidx = top;
        Zone& z = pg.zones[static_cast<std::size_t>(top)];
        wakeup_kswapd(k, z, GFP_KERNEL, 0, top, false); // wake_up_interruptible(): no tracepoint
    }
    return wmark_ok;
}

std::uint64_t try_to_free_pages(Kernel& k, gfp_t gfp, int order, int preferred_nid, std::int64_t& cost_ns) {
    ScanControl sc;
    sc.nr_to_reclaim = SWAP_CLUSTER_MAX;
    sc.gfp_mask = gfp;
    sc.reclaim_idx = gfp_zone(gfp, k.machine);
    sc.order = order;
    sc.priority = DEF_PRIORITY;
    sc.may_writepage = true;
    sc.may_unmap = true;
    sc.may_swap = true;
    sc.is_kswapd = false;

    k.trace.hit(F_try_to_free_pages);
    if (k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mm_vmscan_direct_reclaim_begin, 0, {order, static_cast<std::int64_t>(gfp)});
    k.trace.hit(F_do_try_to_free_pages);
    const int nr_nodes = static_cast<int>(k.machine.nodes.size());
    for (;;) {
        // retry: counted each time round, as the kernel counts after its retry label.
        k.vmstat.add(allocstall_event(k.machine.zone_types[static_cast<std::size_t>(sc.reclaim_idx)]));
        do {
            sc.nr_scanned = 0;
            // shrink_zones(): each node of the zonelist once per pass.
            k.trace.hit(F_shrink_zones);
            for (int i = 0; i < nr_nodes; ++i) {
                const int nid = zonelist_node(preferred_nid, i, nr_nodes);
                bool has_zone = false;
                for (int z = 0; z <= sc.reclaim_idx; ++z) has_zone |= k.pgdat(nid).zones[static_cast<std::size_t>(z)].managed();
                if (has_zone) shrink_node(k, nid, sc);
            }
            if (sc.nr_reclaimed >= sc.nr_to_reclaim) break;
        } while (--sc.priority >= 0);
        for (int nid = 0; nid < nr_nodes; ++nid) snapshot_refaults(k, nid);
        if (sc.nr_reclaimed) break;
        // Retry with deactivation forced when active lists were skipped.
        if (!sc.force_deactivate && sc.skipped_deactivate) {
            sc.priority = DEF_PRIORITY;
            sc.force_deactivate = true;
            sc.skipped_deactivate = false;
            continue;
        }
        break;
    }
    if (k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mm_vmscan_direct_reclaim_end, sc.cost_ns, {static_cast<std::int64_t>(sc.nr_reclaimed)});
    cost_ns += sc.cost_ns;
    return sc.nr_reclaimed;
}

NodeReclaimResult node_reclaim(Kernel& k, int nid, gfp_t gfp, int order, int local_nid, std::int64_t& cost_ns) {
    k.trace.hit(F_node_reclaim);
    const int mode = k.sysctl.zone_reclaim_mode;
    Pgdat& pg = k.pgdat(nid);
    std::uint64_t managed = 0;
    for (const auto& z : pg.zones) managed += z.managed_pages;
    // Thresholds: vm.min_unmapped_ratio (1 %) and vm.min_slab_ratio (5 %) of the node.
    const std::uint64_t min_unmapped_pages = managed * 1 / 100;
    const std::uint64_t min_slab_pages = managed * 5 / 100;
    // node_pagecache_reclaimable(): file pages, less dirty ones unless RECLAIM_WRITE (2).
    std::int64_t reclaimable = pg[NR_FILE_PAGES];
    if (!(mode & 2)) reclaimable -= pg[NR_DIRTY];
    if (reclaimable <= static_cast<std::int64_t>(min_unmapped_pages) &&
        pg[NR_SLAB_RECLAIMABLE] <= static_cast<std::int64_t>(min_slab_pages))
        return NodeReclaimResult::Full;
    if (!(gfp & __GFP_DIRECT_RECLAIM)) return NodeReclaimResult::NoScan;
    if (nid != local_nid) return NodeReclaimResult::NoScan; // a node with CPUs of its own
    // __node_reclaim()
    ScanControl sc;
    sc.nr_to_reclaim = std::max<std::uint64_t>(1ull << order, SWAP_CLUSTER_MAX);
    sc.gfp_mask = gfp;
    sc.order = order;
    sc.priority = 4; // NODE_RECLAIM_PRIORITY
    sc.may_writepage = mode & 2;
    sc.may_unmap = mode & 4;
    sc.may_swap = true;
    sc.reclaim_idx = gfp_zone(gfp, k.machine);
    if (k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mm_vmscan_node_reclaim_begin, 0, {nid, order, static_cast<std::int64_t>(gfp)});
    do {
        shrink_node(k, nid, sc);
    } while (sc.nr_reclaimed < (1ull << order) && --sc.priority >= 0);
    if (k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mm_vmscan_node_reclaim_end, sc.cost_ns, {static_cast<std::int64_t>(sc.nr_reclaimed)});
    cost_ns += sc.cost_ns;
    const bool ok = sc.nr_reclaimed >= (1ull << order);
    k.vmstat.add(ok ? ZONE_RECLAIM_SUCCESS : ZONE_RECLAIM_FAILED);
    return ok ? NodeReclaimResult::Success : NodeReclaimResult::Some;
}

} // namespace rs
