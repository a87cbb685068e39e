#pragma once
// Dirty page cache and its writeback (mm/page-writeback.c, fs/fs-writeback.c): dirty limits,
// throttling of writers, the flusher and the end of writeback.
#include "mm/kernel.h"

namespace rs {

struct DirtyLimits {
    std::uint64_t background = 0; // nr_dirty_background_threshold
    std::uint64_t dirty = 0;      // nr_dirty_threshold
};

// global_dirtyable_memory(): free pages plus file LRU pages, less totalreserve_pages.
std::uint64_t global_dirtyable_memory(const Kernel& k);
// global_dirty_limits() / domain_dirty_limits() with vm.dirty_ratio and dirty_background_ratio.
DirtyLimits global_dirty_limits(const Kernel& k);

// folio_mark_dirty(): PG_dirty, NR_DIRTY, NR_DIRTIED, and the flusher's queue.
void folio_mark_dirty(Kernel& k, frame_t f);

// balance_dirty_pages(): a writer above the dirty threshold pauses (returns the pause); above
// the background threshold the flusher is woken.
std::int64_t balance_dirty_pages(Kernel& k);

void wakeup_flusher_threads(Kernel& k);

// One step of the flusher: finish writeback whose I/O completed, start more while work is due.
void flusher_run(Kernel& k);

} // namespace rs
