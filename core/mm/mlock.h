#pragma once
// mlock() of anonymous memory (mm/mlock.c): locked pages are PG_mlocked, counted in NR_MLOCK,
// and live on the unevictable list.
#include "mm/kernel.h"

namespace rs {

// VM_LOCKED: is page `index` of the process's anonymous region in its mlock()ed range (the
// region's first locked_pages pages).
inline bool vma_locked(const Process& p, std::uint64_t index) { return index < p.locked_pages; }

// mlock_folio(): PG_mlocked, NR_MLOCK, unevictable_pgs_mlocked. The caller puts the page on
// the unevictable list (folio_add_lru()), taking it off its old list first if it was on one.
void mlock_folio(Kernel& k, frame_t f);

// do_mlock() of the first `pages` pages of the process's anonymous region (a range only grows
// here): mlock_vma_pages_range() moves the pages already present to the unevictable list;
// later faults in the range are locked as they come (vma_locked()).
void do_mlock(Kernel& k, Process& p, std::uint64_t pages);

} // namespace rs
