#include "mm/swap_state.h"

#include "mm/page_alloc.h"
#include "mm/swap.h"
#include "mm/workingset.h"

#include <bit>
#include <cmath>
#include <stdexcept>

namespace rs {

SwapCosts swap_costs(SwapKind kind) {
    switch (kind) {
    case SwapKind::HDD: return {40'000, 8'000'000};
    case SwapKind::SSD: return {8'000, 80'000};
    case SwapKind::Zram: return {3'000, 1'000};
    }
    return {};
}

std::uint32_t swapin_nr_pages(std::uint32_t prev_offset, std::uint32_t offset, std::uint32_t hits,
                              std::uint32_t max_pages, std::uint32_t prev_win) {
    // __swapin_nr_pages(): grow with readahead hits, start small on random faults, never
    // shrink by more than half at a time.
    std::uint32_t pages = hits + 2;
    if (pages == 2) {
        // No hits: one page, unless this fault is next to the previous one.
        if (offset != prev_offset + 1 && offset != prev_offset - 1) pages = 1;
    } else {
        std::uint32_t roundup = 4;
        while (roundup < pages) roundup <<= 1;
        pages = roundup;
    }
    if (pages > max_pages) pages = max_pages;
    if (pages < prev_win / 2) pages = prev_win / 2; // don't shrink readahead too fast
    return std::max<std::uint32_t>(pages, 1);
}

std::size_t SwapSubsystem::bytes_per_slot_in_use() { return sizeof(Slot); }

std::uint64_t SwapSubsystem::nr_free_slots() const {
    return static_cast<std::uint64_t>(std::max<std::int64_t>(0, m_space.get_nr_swap_pages()));
}

std::uint64_t SwapSubsystem::total_slots() const {
    return static_cast<std::uint64_t>(std::max<std::int64_t>(0, m_space.get_total_swap_pages()));
}

void SwapSubsystem::ensure_slots(int type) {
    if (static_cast<std::size_t>(type) >= m_slots.size()) m_slots.resize(static_cast<std::size_t>(type) + 1);
    auto& v = m_slots[static_cast<std::size_t>(type)];
    const SwapInfo* si = m_space.swap_info(type);
    if (si && v.size() < si->max) v.resize(si->max);
}

SwapSubsystem::Slot& SwapSubsystem::slot(SwapEntry e) {
    ensure_slots(e.type);
    return m_slots[static_cast<std::size_t>(e.type)][e.offset];
}

std::pair<std::uint64_t, std::uint64_t> SwapSubsystem::si_swapinfo() const {
    const auto unused = static_cast<std::int64_t>(m_space.nr_to_be_unused());
    return {static_cast<std::uint64_t>(std::max<std::int64_t>(0, m_space.get_nr_swap_pages() + unused)),
            static_cast<std::uint64_t>(std::max<std::int64_t>(0, m_space.get_total_swap_pages() + unused))};
}

void SwapSubsystem::forget_area(int type) {
    if (static_cast<std::size_t>(type) < m_slots.size()) m_slots[static_cast<std::size_t>(type)] = {};
    if (static_cast<std::size_t>(type) < m_zram_stored.size()) m_zram_stored[static_cast<std::size_t>(type)] = 0;
}

std::uint64_t SwapSubsystem::cache_only_slots() const {
    std::uint64_t n = 0;
    for (const std::uint32_t token : m_frame_entry.token)
        if (token != FrameEntries::kNone && m_space.swap_count(swp_entry(token)) == 0) ++n;
    return n;
}

void SwapSubsystem::zram_adjust(Kernel& k, SwapEntry e, int delta) {
    const SwapInfo* si = m_space.swap_info(e.type);
    if (!si || si->kind != SwapKind::Zram) return;
    if (m_zram_stored.size() <= static_cast<std::size_t>(e.type)) m_zram_stored.resize(static_cast<std::size_t>(e.type) + 1);
    auto& stored = m_zram_stored[static_cast<std::size_t>(e.type)];
    if (delta > 0) ++stored;
    else if (stored) --stored;
    // zsmalloc pages: each area's compressed data, rounded up to whole pages, allocated from
    // reclaim context (PF_MEMALLOC: no watermarks) and held as kernel memory.
    std::uint64_t want = 0;
    for (std::size_t t = 0; t < m_zram_stored.size(); ++t) {
        const SwapInfo* area = m_space.swap_info(static_cast<int>(t));
        if (area && area->kind == SwapKind::Zram && m_zram_stored[t])
            want += static_cast<std::uint64_t>(std::ceil(static_cast<double>(m_zram_stored[t]) / area->zram_ratio - 1e-9));
    }
    while (m_zram_frames.size() < want) {
        std::int64_t ignored = 0;
        const frame_t f = get_page_from_freelist(k, GFP_NOIO, 0, ALLOC_NO_WATERMARKS, k.nr_zone_types() - 1, 0, ignored);
        if (f == kNoFrame) break;
        k.frames.flags[f] = PG_reserved;
        k.pgdat(k.node_of_frame(f))[NR_KERNEL_PAGES] += 1;
        m_zram_frames.push_back(f);
    }
    while (m_zram_frames.size() > want) {
        const frame_t f = m_zram_frames.back();
        m_zram_frames.pop_back();
        k.pgdat(k.node_of_frame(f))[NR_KERNEL_PAGES] -= 1;
        free_page(k, f);
    }
}

void SwapSubsystem::add_to_swap_cache(Kernel& k, frame_t f, SwapEntry e) {
    slot(e).cache = f;
    m_frame_entry.set(f, swp_token(e));
    k.frames.set(f, PG_swapcache);
    k.pgdat(k.node_of_frame(f))[NR_SWAPCACHE] += 1;
}

void SwapSubsystem::delete_from_swap_cache(Kernel& k, frame_t f, SwapEntry e, std::uint32_t shadow) {
    Slot& s = slot(e);
    s.cache = kNoFrame;
    s.shadow = shadow;
    m_frame_entry.erase(f);
    k.frames.clear(f, PG_swapcache);
    k.pgdat(k.node_of_frame(f))[NR_SWAPCACHE] -= 1;
    m_space.put_swap_folio(e);
    if (m_space.swap_map(e) == 0) zram_adjust(k, e, -1);
}

std::optional<std::uint32_t> SwapSubsystem::swap_out(Kernel& k, frame_t f, std::int64_t& cost_ns) {
    SwapEntry e;
    if (const std::uint32_t token = m_frame_entry.find(f); token != FrameEntries::kNone) {
        // Already in the swap cache: the device has this page's data, no write.
        e = swp_entry(token);
    } else {
        const auto got = m_space.folio_alloc_swap(0);
        if (!got) return std::nullopt;
        e = *got;
        add_to_swap_cache(k, f, e);
        cost_ns += swap_costs(m_space.swap_info(e.type)->kind).write_ns;
        k.vmstat.add(PSWPOUT);
        zram_adjust(k, e, +1);
    }
    // try_to_unmap(): each PTE that maps the page takes a reference on the entry (a page shared
    // with a fork() takes two).
    if (k.frames.test(f, PG_mapped)) {
        const std::uint32_t index = k.frames.index[f];
        for_each_anon_mapper(k.spaces, k.frames.owner[f], [&](const AddressSpace& as, std::uint32_t) {
            if (index < as.pages.size() && as.pages[index] == f && !m_space.swap_duplicate(e))
                throw std::logic_error("swap_duplicate() refused an entry of a page being unmapped");
        });
    }
    Slot& s = slot(e);
    s.space = k.frames.owner[f];
    s.index = k.frames.index[f];
    // __remove_mapping(): shadow entry in the swap cache, the folio leaves it.
    delete_from_swap_cache(k, f, e, workingset_eviction(k, f));
    return swp_token(e);
}

void SwapSubsystem::free_swap_and_cache(Kernel& k, std::uint32_t token) {
    const SwapEntry e = swp_entry(token);
    m_space.swap_free(e);
    Slot& s = slot(e);
    if (m_space.swap_count(e) == 0 && s.cache != kNoFrame && k.frames.test(s.cache, PG_mapped)) {
        // __try_to_reclaim_swap(TTRS_UNMAPPED | TTRS_FULL): a page another process maps again
        // leaves the swap cache only when swap is more than half full.
        if (m_space.vm_swap_full()) folio_free_swap(k, s.cache);
        return;
    }
    if (m_space.swap_count(e) == 0 && s.cache != kNoFrame) {
        // Nothing maps the entry any more: the cached copy (swap readahead) goes too.
        const frame_t f = s.cache;
        if (k.frames.test(f, PG_lru)) lruvec_del_folio(k, f);
        k.pgdat(k.node_of_frame(f))[NR_SWAPCACHE_UNMAPPED] -= 1;
        delete_from_swap_cache(k, f, e, kNoFrame);
        free_page(k, f);
        return;
    }
    s.shadow = kNoFrame;
    if (m_space.swap_map(e) == 0) zram_adjust(k, e, -1);
}

bool SwapSubsystem::folio_free_swap(Kernel& k, frame_t f) {
    const std::uint32_t token = m_frame_entry.find(f);
    if (token == FrameEntries::kNone) return false;
    const SwapEntry e = swp_entry(token);
    if (m_space.swap_count(e) != 0) return false; // still referenced by a swap PTE
    delete_from_swap_cache(k, f, e, kNoFrame);
    return true;
}

frame_t SwapSubsystem::do_swap_page(Kernel& k, std::uint32_t token, std::uint32_t space, std::uint32_t index,
                                    int nid, AllocContext& ac, AllocResult& r, std::int64_t& wait_ns, bool& major,
                                    bool& already_mapped) {
    const SwapEntry e = swp_entry(token);
    const SwapInfo* si = m_space.swap_info(e.type);
    frame_t f = slot(e).cache;
    auto& fr = k.frames;
    major = false;
    already_mapped = false;
    if (f != kNoFrame) {
        // swap_cache_get_folio(): a hit, a minor fault.
        if (fr.test_and_clear(f, PG_readahead)) {
            k.vmstat.add(SWAP_RA_HIT);
            ++m_hits;
        }
        // Mapped already: a fork() sharing the entry swapped it in first.
        already_mapped = fr.test(f, PG_mapped);
        if (!already_mapped) k.pgdat(k.node_of_frame(f))[NR_SWAPCACHE_UNMAPPED] -= 1;
    } else {
        // swap_cluster_readahead(): the aligned window around the fault, into the swap cache.
        const auto max_pages = std::uint32_t{1} << std::min(k.sysctl.page_cluster, 20);
        const std::uint32_t win = k.sysctl.page_cluster ? swapin_nr_pages(m_prev_offset, e.offset, m_hits, max_pages, m_prev_win) : 1;
        m_hits = 0;
        m_prev_win = win;
        m_prev_offset = e.offset;
        std::uint32_t nr_read = 0;
        if (win > 1 && si) {
            const std::uint32_t start = e.offset & ~(win - 1), end = e.offset | (win - 1);
            for (std::uint32_t o = std::max<std::uint32_t>(start, 1); o <= end && o < si->max; ++o) {
                const SwapEntry ra{e.type, o};
                if (o == e.offset || m_space.swap_count(ra) == 0 || slot(ra).cache != kNoFrame) continue;
                std::int64_t ignored = 0;
                const frame_t g = get_page_from_freelist(k, GFP_HIGHUSER_MOVABLE, 0, ALLOC_WMARK_LOW, gfp_zone(GFP_HIGHUSER_MOVABLE, k.machine), nid, ignored);
                if (g == kNoFrame) break;
                Slot& rs = slot(ra);
                fr.flags[g] = PG_swapbacked | PG_readahead;
                fr.owner[g] = rs.space;
                fr.index[g] = rs.index;
                m_space.swapcache_prepare(ra); // SWAP_HAS_CACHE: a folio is in the cache for it
                add_to_swap_cache(k, g, ra);
                if (rs.shadow != kNoFrame) workingset_refault(k, g, rs.shadow);
                rs.shadow = kNoFrame;
                folio_add_lru(k, g);
                k.pgdat(k.node_of_frame(g))[NR_SWAPCACHE_UNMAPPED] += 1;
                k.vmstat.add(PSWPIN);
                k.vmstat.add(SWAP_RA);
                ++nr_read;
            }
        }
        r = __alloc_pages(k, GFP_HIGHUSER_MOVABLE, 0, nid, ac);
        if (r.status != AllocResult::Status::Page) return kNoFrame;
        f = r.frame;
        fr.flags[f] = PG_swapbacked;
        fr.owner[f] = space;
        fr.index[f] = index;
        m_space.swapcache_prepare(e);
        add_to_swap_cache(k, f, e);
        Slot& s = slot(e);
        if (s.shadow != kNoFrame) workingset_refault(k, f, s.shadow);
        s.shadow = kNoFrame;
        folio_add_lru(k, f);
        k.vmstat.add(PSWPIN);
        const std::int64_t read_ns = si ? swap_costs(si->kind).read_ns : 0;
        wait_ns += read_ns; // one request: readahead rides along
        if (ac.proc >= 0) {
            // swap_read_folio(): delayacct_swapin_start()/end() around the read, and
            // delayacct_thrashing_start()/end() as well for a folio of the workingset.
            TaskDelayInfo& d = k.procs[static_cast<std::size_t>(ac.proc)].delays;
            ++d.swapin_count;
            d.swapin_delay_ns += read_ns;
            if (fr.test(f, PG_workingset)) {
                ++d.thrashing_count;
                d.thrashing_delay_ns += read_ns;
            }
        }
        (void)nr_read;
        major = true;
    }
    // Map it: the PTE drops its reference on the entry.
    fr.set(f, PG_mapped | PG_young);
    m_space.swap_free(e);
    // should_try_to_free_swap(): free the slot when swap is more than half full (or the page is
    // mlocked); otherwise keep the clean copy so that reclaiming the page again costs no write.
    if (m_space.vm_swap_full() || fr.test(f, PG_mlocked)) folio_free_swap(k, f);
    return f;
}

} // namespace rs
