#include "mm/swap_unuse.h"

#include "mm/memory.h"
#include "mm/swap_state.h"

#include <stdexcept>
#include <string>

namespace rs {

namespace {

enum class UnusePte { Freed, Again, Stalled };

// unuse_pte_range() for slot e: the first PTE that holds it (one per process sharing it after
// fork()) gets the page. Again: another PTE still holds the entry, the same slot is next.
UnusePte unuse_pte(Kernel& k, SwapSubsystem& swapsys, SwapEntry e, AllocContext& ac, const ChargeAlloc& charge,
                   UnuseBatch& b) {
    SwapSpace& space = swapsys.space();
    const auto pte = swapsys.swap_pte(e);
    const std::uint32_t sp = pte.first, index = pte.second; // (clang 14: no lambda capture of bindings)
    const std::uint32_t token = swp_token(e) | kTokenBit;
    std::uint32_t holder = kNoFrame;
    for_each_anon_mapper(k.spaces, sp, [&](const AddressSpace& m, std::uint32_t s) {
        if (holder == kNoFrame && index < m.pages.size() && m.pages[index] == token) holder = s;
    });
    if (holder == kNoFrame)
        throw std::logic_error("swapoff: slot " + std::to_string(e.offset) + " of " + space.swap_info(e.type)->name +
                               " is in use but no PTE holds it");
    const Process& owner = k.procs[static_cast<std::size_t>(k.spaces[holder].owner)];
    AllocResult r;
    bool major = false, shared = false;
    const frame_t f = swapsys.do_swap_page(k, token & ~kTokenBit, holder, index, owner.nid, ac, r, b.wait_ns, major, shared);
    if (!charge(r, f != kNoFrame, b.cpu_ns, b.wait_ns)) return UnusePte::Stalled;
    map_swapped_page(k, holder, index, f, shared);
    if (space.swap_count(e) > 0) return UnusePte::Again;
    swapsys.folio_free_swap(k, f);
    ++b.pages_read;
    if (major) ++b.major_faults;
    b.cpu_ns += k.cost.page_alloc_ns;
    return UnusePte::Freed;
}

} // namespace

UnuseStatus try_to_unuse(Kernel& k, SwapSubsystem& swapsys, int type, std::uint32_t& pos, AllocContext& ac,
                         const ChargeAlloc& charge, UnuseBatch& b) {
    SwapSpace& space = swapsys.space();
    const SwapInfo& si = *space.swap_info(type);
    for (int n = 0; n < 32; ++n) {
        if (si.inuse_pages == 0) {
            (void)space.swapoff(type); // the second call completes sys_swapoff()
            swapsys.forget_area(type);
            return UnuseStatus::Done;
        }
        const std::uint32_t o = space.find_next_to_unuse(type, pos);
        if (o == 0) {
            // Pages were swapped out to it again behind the scan (a swap-cache page reclaimed
            // once more): the kernel's "goto retry".
            pos = 0;
            return UnuseStatus::Retry;
        }
        const SwapEntry e{type, o};
        if (space.swap_count(e) > 0) {
            const UnusePte u = unuse_pte(k, swapsys, e, ac, charge, b);
            if (u == UnusePte::Stalled) return UnuseStatus::Stalled;
            if (u == UnusePte::Again) continue;
        } else if (const frame_t f = swapsys.swap_cache_folio(e); f != kNoFrame) {
            // Only the swap cache holds it (the page is mapped again): folio_free_swap().
            swapsys.folio_free_swap(k, f);
            b.cpu_ns += k.cost.page_touch_ns;
        }
        pos = o;
    }
    return UnuseStatus::Busy;
}

} // namespace rs
