// The slab shrinker: shrink_slab() and do_shrink_slab(), in mm/shrinker.c since v6.7.
#include "mm/page_alloc.h"
#include "mm/vmscan.h"

#include <algorithm>

namespace rs {

std::uint64_t shrink_slab(Kernel& k, int nid, int priority, ScanControl& sc) {
    k.trace.hit(F_shrink_slab);
    if (k.slab.empty()) return 0;
    SlabCache& c = k.slab[static_cast<std::size_t>(nid)];
    // super_cache_count(): vfs_pressure_ratio() scales what the dcache reports as freeable.
    const std::uint64_t freeable = c.objects * static_cast<std::uint64_t>(k.sysctl.vfs_cache_pressure) / 100;
    if (!freeable) return 0;
    // do_shrink_slab() with DEFAULT_SEEKS (2).
    const std::uint64_t nr = c.nr_deferred;
    c.nr_deferred = 0;
    const std::uint64_t delta = (freeable >> priority) * 4 / 2;
    std::uint64_t total_scan = std::min((nr >> priority) + delta, 2 * freeable);
    // The dcache's shrinker is the superblock's: %pS names super_cache_scan (offset and size are
    // illustrative), %p a hashed struct shrinker pointer, one per node here.
    static constexpr std::string_view kShrinkSym = "super_cache_scan+0x0/0x1b0";
    const auto n = [](std::uint64_t v) { return static_cast<std::int64_t>(v); };
    if (k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mm_shrink_slab_start, sc.cost_ns - sc.trace_base,
                      {0x5000 + nid, 0, nid, n(nr), static_cast<std::int64_t>(sc.gfp_mask), n(freeable), n(delta),
                       n(total_scan), priority},
                      kShrinkSym);
    const std::uint64_t batch = 128; // SHRINK_BATCH
    std::uint64_t scanned = 0;
    while (total_scan >= batch || total_scan >= freeable) {
        const std::uint64_t n = std::min({batch, total_scan, c.objects});
        if (!n) break;
        c.objects -= n; // scan_objects(): unused dentries are freed
        scanned += n;
        total_scan -= n;
        if (c.objects == 0) break;
    }
    k.vmstat.add(SLABS_SCANNED, scanned);
    const std::uint64_t next = nr + delta > scanned ? nr + delta - scanned : 0;
    c.nr_deferred = std::min(next, 2 * freeable);
    sc.cost_ns += static_cast<std::int64_t>(scanned) * k.cost.scan_page_ns / 4;
    // retval: the objects freed (every scanned unused dentry is freed).
    if (k.tracepoints) [[unlikely]]
        k.trace_event(TraceEventId::mm_shrink_slab_end, sc.cost_ns - sc.trace_base,
                      {0x5000 + nid, nid, 0, n(nr), n(c.nr_deferred), n(scanned), n(total_scan)}, kShrinkSym);
    // Pages whose objects are all gone go back to the allocator.
    std::uint64_t freed = 0;
    const std::uint64_t needed = (c.objects + kSlabObjectsPerPage - 1) / kSlabObjectsPerPage;
    while (c.pages.size() > needed) {
        const frame_t f = c.pages.back();
        c.pages.pop_back();
        k.pgdat(nid)[NR_SLAB_RECLAIMABLE] -= 1;
        free_page(k, f);
        ++freed;
    }
    return freed;
}

} // namespace rs
