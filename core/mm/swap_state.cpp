#include "mm/swap_state.h"

#include "mm/page_alloc.h"

#include <cmath>

namespace rs {

SwapCosts swap_costs(SwapKind kind) {
    switch (kind) {
    case SwapKind::HDD: return {40'000, 8'000'000};
    case SwapKind::SSD: return {8'000, 80'000};
    case SwapKind::Zram: return {3'000, 1'000};
    }
    return {};
}

std::uint64_t SwapSubsystem::nr_free_slots() const {
    return static_cast<std::uint64_t>(std::max<std::int64_t>(0, m_space.get_nr_swap_pages()));
}

std::uint64_t SwapSubsystem::total_slots() const {
    return static_cast<std::uint64_t>(std::max<std::int64_t>(0, m_space.get_total_swap_pages()));
}

std::optional<std::uint32_t> SwapSubsystem::swap_out(Kernel& k, frame_t f, std::int64_t& cost_ns) {
    const auto e = m_space.folio_alloc_swap(0);
    if (!e) return std::nullopt;
    m_space.swap_duplicate(*e); // the PTE now holds the entry
    const SwapInfo* si = m_space.swap_info(e->type);
    cost_ns += swap_costs(si->kind).write_ns;
    k.vmstat.add(PSWPOUT);
    m_space.put_swap_folio(*e); // written and clean: __remove_mapping() drops it from the cache
    if (si->kind == SwapKind::Zram) {
        m_zram_stored_scaled += static_cast<std::uint64_t>(std::llround(1000.0 / si->zram_ratio));
        zram_account(k);
    }
    (void)f;
    return swp_token(*e);
}

void SwapSubsystem::swap_in(Kernel& k, std::uint32_t token, std::int64_t& cost_ns) {
    const SwapEntry e = swp_entry(token);
    const SwapInfo* si = m_space.swap_info(e.type);
    if (si) {
        cost_ns += swap_costs(si->kind).read_ns;
        if (si->kind == SwapKind::Zram) {
            const auto share = static_cast<std::uint64_t>(std::llround(1000.0 / si->zram_ratio));
            m_zram_stored_scaled -= std::min(m_zram_stored_scaled, share);
        }
    }
    k.vmstat.add(PSWPIN);
    m_space.swap_free(e);
    zram_account(k);
}

void SwapSubsystem::swap_free(Kernel& k, std::uint32_t token) {
    const SwapEntry e = swp_entry(token);
    if (const SwapInfo* si = m_space.swap_info(e.type); si && si->kind == SwapKind::Zram) {
        const auto share = static_cast<std::uint64_t>(std::llround(1000.0 / si->zram_ratio));
        m_zram_stored_scaled -= std::min(m_zram_stored_scaled, share);
    }
    m_space.swap_free(e);
    zram_account(k);
}

void SwapSubsystem::zram_account(Kernel& k) {
    // zsmalloc pages: the compressed data, rounded up to whole pages. They are allocated from
    // reclaim context (PF_MEMALLOC: no watermarks) and held as kernel memory.
    const std::uint64_t want = (m_zram_stored_scaled + 999) / 1000;
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

} // namespace rs
