#include "mm/mlock.h"

#include "mm/swap.h"

#include <algorithm>

namespace rs {

void mlock_folio(Kernel& k, frame_t f) {
    k.frames.set(f, PG_mlocked);
    k.pgdat(k.node_of_frame(f))[NR_MLOCK] += 1;
    k.vmstat.add(UNEVICTABLE_PGS_MLOCKED);
}

void do_mlock(Kernel& k, Process& p, std::uint64_t pages) {
    p.locked_pages = std::max(p.locked_pages, pages);
    if (p.anon_space < 0) return;
    const auto& as = k.spaces[static_cast<std::size_t>(p.anon_space)];
    for (std::uint64_t idx = 0; idx < std::min<std::uint64_t>(p.locked_pages, as.pages.size()); ++idx) {
        const std::uint32_t e = as.pages[idx];
        if (e == kNoFrame || !is_resident(e) || k.frames.test(e, PG_mlocked)) continue;
        lruvec_del_folio(k, e);
        mlock_folio(k, e);
        folio_add_lru(k, e);
    }
}

} // namespace rs
