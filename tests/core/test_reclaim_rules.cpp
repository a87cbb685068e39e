// Reclaim rules in isolation, against numbers worked out from mm/vmscan.c's formulas.
#include "machine_helpers.h"
#include "mm/page_alloc.h"
#include "mm/swap.h"
#include "mm/vmscan.h"
#include "mm/writeback.h"
#include "sim/engine.h"
#include "swap_helpers.h"

#include <catch2/catch.hpp>

using namespace rs;

namespace {

// A kernel with pages placed on the LRU lists by hand.
Kernel kernel_with_lists(std::uint64_t inactive_anon, std::uint64_t active_anon, std::uint64_t inactive_file,
                         std::uint64_t active_file, MachineSpec spec = x86_64_machine(4ull << 30)) {
    Kernel k = make_kernel(boot_machine(spec, ThpMode::Never), CostModel{});
    k.spaces.push_back(AddressSpace{"anon", true, -1, {}});
    k.spaces.push_back(AddressSpace{"file", false, -1, {}});
    auto add = [&](std::uint64_t n, bool anon, bool active) {
        AddressSpace& as = k.spaces[anon ? 0 : 1];
        for (std::uint64_t i = 0; i < n; ++i) {
            AllocContext ac;
            const auto r = __alloc_pages(k, GFP_HIGHUSER_MOVABLE, 0, 0, ac);
            REQUIRE(r.status == AllocResult::Status::Page);
            k.frames.flags[r.frame] = (anon ? PG_swapbacked | PG_mapped : 0u) | (active ? PG_active : 0u);
            k.frames.owner[r.frame] = anon ? 0 : 1;
            k.frames.index[r.frame] = static_cast<std::uint32_t>(as.pages.size());
            as.pages.push_back(r.frame);
            ++as.nr_resident;
            k.pgdat(0)[anon ? NR_ANON_MAPPED : NR_FILE_PAGES] += 1;
            folio_add_lru(k, r.frame);
        }
    };
    add(inactive_anon, true, false);
    add(active_anon, true, true);
    add(inactive_file, false, false);
    add(active_file, false, true);
    return k;
}

std::uint64_t at(const std::array<std::uint64_t, NR_LRU_LISTS>& nr, LruList l) { return nr[static_cast<std::size_t>(l)]; }

} // namespace

TEST_CASE("get_scan_count splits pressure by swappiness and reclaim cost") {
    Kernel k = kernel_with_lists(40960, 0, 40960, 0);
    swapon_test_area(k, 1 << 20);
    const int normal = *k.machine.zone_index(ZoneType::Normal);
    ScanControl sc;
    sc.reclaim_idx = normal;
    sc.priority = 2;
    std::array<std::uint64_t, NR_LRU_LISTS> nr{};

    // Costs 0: anon weight 60 * 1 / 1 = 60, file 140 * 1 / 1 = 140 -> 40960 >> 2 = 10240 split 60:140.
    CHECK(get_scan_count(k, 0, sc, nr) == ScanBalance::Fract);
    CHECK(at(nr, LRU_INACTIVE_ANON) == 10240 * 60 / 200);
    CHECK(at(nr, LRU_INACTIVE_FILE) == 10240 * 140 / 200);

    // anon_cost 100, file_cost 300: total 400, anon 500, file 700, sum 1200;
    // ap = 60 * 1201 / 501 = 143, fp = 140 * 1201 / 701 = 239.
    sc.anon_cost = 100;
    sc.file_cost = 300;
    get_scan_count(k, 0, sc, nr);
    CHECK(at(nr, LRU_INACTIVE_ANON) == 10240 * 143 / 382);
    CHECK(at(nr, LRU_INACTIVE_FILE) == 10240 * 239 / 382);

    // swappiness 0: no anon pressure; 200: no file pressure.
    sc.anon_cost = sc.file_cost = 0;
    k.sysctl.swappiness = 0;
    get_scan_count(k, 0, sc, nr);
    CHECK(at(nr, LRU_INACTIVE_ANON) == 0);
    CHECK(at(nr, LRU_INACTIVE_FILE) == 10240);
    k.sysctl.swappiness = 200;
    get_scan_count(k, 0, sc, nr);
    CHECK(at(nr, LRU_INACTIVE_FILE) == 0);
    CHECK(at(nr, LRU_INACTIVE_ANON) == 10240);

    // Priority 0 with swappiness: SCAN_EQUAL, everything by size. Not with swappiness 0.
    k.sysctl.swappiness = 60;
    sc.priority = 0;
    CHECK(get_scan_count(k, 0, sc, nr) == ScanBalance::Equal);
    CHECK(at(nr, LRU_INACTIVE_ANON) == 40960);
    k.sysctl.swappiness = 0;
    CHECK(get_scan_count(k, 0, sc, nr) == ScanBalance::Fract);
    CHECK(at(nr, LRU_INACTIVE_ANON) == 0);

    // file_is_tiny -> SCAN_ANON; cache_trim_mode -> SCAN_FILE; no free swap -> SCAN_FILE.
    k.sysctl.swappiness = 60;
    sc.priority = 2;
    sc.file_is_tiny = true;
    CHECK(get_scan_count(k, 0, sc, nr) == ScanBalance::Anon);
    CHECK(at(nr, LRU_INACTIVE_FILE) == 0);
    sc.file_is_tiny = false;
    sc.cache_trim_mode = true;
    CHECK(get_scan_count(k, 0, sc, nr) == ScanBalance::File);
    sc.cache_trim_mode = false;
    k.swap = SwapSubsystem{}; // no swap area
    CHECK(get_scan_count(k, 0, sc, nr) == ScanBalance::File);
    CHECK(at(nr, LRU_INACTIVE_ANON) == 0);

    // Only zones up to reclaim_idx count: all pages went to Normal, so a DMA32 reclaim sees none.
    swapon_test_area(k, 1 << 20);
    sc.reclaim_idx = *k.machine.zone_index(ZoneType::DMA32);
    get_scan_count(k, 0, sc, nr);
    CHECK(at(nr, LRU_INACTIVE_ANON) + at(nr, LRU_INACTIVE_FILE) == 0);
}

TEST_CASE("inactive_is_low keeps active to inactive at sqrt of 10 times the size in GiB") {
    // 1 GiB of file pages: ratio int_sqrt(10) = 3.
    {
        Kernel k = kernel_with_lists(0, 0, 65536, 196608);
        CHECK_FALSE(inactive_is_low(k, 0, LRU_INACTIVE_FILE)); // 65536 * 3 == 196608, not below
    }
    {
        Kernel k = kernel_with_lists(0, 0, 65535, 196609);
        CHECK(inactive_is_low(k, 0, LRU_INACTIVE_FILE));
    }
    // Below 1 GiB the ratio is 1.
    {
        Kernel k = kernel_with_lists(0, 0, 1000, 1001);
        CHECK(inactive_is_low(k, 0, LRU_INACTIVE_FILE));
        CHECK_FALSE(inactive_is_low(k, 0, LRU_INACTIVE_ANON));
    }
}

TEST_CASE("prepare_scan_control: cache_trim_mode and file_is_tiny") {
    // Lots of inactive page cache, nothing refaulting: trim the cache only.
    Kernel k = kernel_with_lists(100000, 0, 200000, 10000);
    swapon_test_area(k, 1 << 20);
    ScanControl sc;
    sc.priority = DEF_PRIORITY;
    prepare_scan_control(k, 0, sc);
    CHECK(sc.cache_trim_mode);
    CHECK_FALSE(sc.file_is_tiny);
    // Refaults since the last snapshot: the file workingset is changing, no trim mode.
    k.pgdat(0)[WORKINGSET_ACTIVATE_FILE] += 1;
    prepare_scan_control(k, 0, sc);
    CHECK((sc.may_deactivate & DEACTIVATE_FILE));
    CHECK_FALSE(sc.cache_trim_mode);
    snapshot_refaults(k, 0);
    prepare_scan_control(k, 0, sc);
    CHECK(sc.cache_trim_mode);
}

TEST_CASE("file_is_tiny when page cache and free memory cannot cover the high watermarks") {
    // One zone of 262144 pages. Anonymous pages fill it to the low watermark (the fast path's
    // limit), then 100 page-cache pages take it below: file + free = low <= high.
    MachineSpec spec = machine_with({{ZoneType::Normal, 262144}});
    Kernel probe = make_kernel(boot_machine(spec, ThpMode::Never), CostModel{});
    const Zone& z = probe.pgdat(0).zones[0];
    const std::uint64_t anon = z.managed_pages - z.low_wmark_pages();
    REQUIRE(z.low_wmark_pages() - z.min_wmark_pages() > 100);
    Kernel k = kernel_with_lists(anon, 0, 100, 0, spec);
    swapon_test_area(k, 1 << 20);
    ScanControl sc;
    sc.priority = 4;
    prepare_scan_control(k, 0, sc);
    CHECK(sc.file_is_tiny);
    std::array<std::uint64_t, NR_LRU_LISTS> nr{};
    sc.reclaim_idx = 0;
    CHECK(get_scan_count(k, 0, sc, nr) == ScanBalance::Anon);
    // With plenty of page cache it is not.
    Kernel k3 = kernel_with_lists(1000, 0, 50000, 0, spec);
    prepare_scan_control(k3, 0, sc);
    CHECK_FALSE(sc.file_is_tiny);
}

TEST_CASE("do_shrink_slab follows the priority and vfs_cache_pressure") {
    Kernel k = make_kernel(boot_machine(x86_64_machine(1ull << 30), ThpMode::Never), CostModel{});
    k.slab.resize(1);
    k.slab[0].objects = 21000;
    ScanControl sc;
    // priority 12: delta = (21000 >> 12) * 4 / 2 = 10 < one batch: nothing scanned, 10 deferred.
    CHECK(shrink_slab(k, 0, 12, sc) == 0);
    CHECK(k.vmstat[SLABS_SCANNED] == 0);
    CHECK(k.slab[0].nr_deferred == 10);
    // priority 0: delta = 42000, capped at 2 * freeable; everything is scanned.
    shrink_slab(k, 0, 0, sc);
    CHECK(k.vmstat[SLABS_SCANNED] == 21000);
    CHECK(k.slab[0].objects == 0);
    // vfs_cache_pressure 0: the dcache reports nothing freeable.
    k.slab[0].objects = 21000;
    k.sysctl.vfs_cache_pressure = 0;
    shrink_slab(k, 0, 0, sc);
    CHECK(k.slab[0].objects == 21000);
    // vfs_cache_pressure 1000: vfs_pressure_ratio() reports 21000 * 1000 / 100 = 210000
    // freeable. Priority 10, nothing deferred: delta = (210000 >> 10) * 4 / DEFAULT_SEEKS = 410;
    // total_scan = min(410, 2 * 210000) = 410, scanned in SHRINK_BATCH (128) steps while
    // total_scan >= 128: 3 batches = 384; next_deferred = 410 - 384 = 26.
    k.sysctl.vfs_cache_pressure = 1000;
    k.slab[0].nr_deferred = 0;
    const auto scanned_before = k.vmstat[SLABS_SCANNED];
    shrink_slab(k, 0, 10, sc);
    CHECK(k.vmstat[SLABS_SCANNED] - scanned_before == 384);
    CHECK(k.slab[0].nr_deferred == 26);
    // At vfs_cache_pressure 100: freeable 21000, delta = (21000 >> 10) * 2 = 40; total_scan =
    // (26 >> 10) + 40 = 40, below one batch and below freeable: nothing scanned, and
    // next_deferred = nr + delta - scanned = 26 + 40 = 66.
    k.sysctl.vfs_cache_pressure = 100;
    k.slab[0].objects = 21000;
    shrink_slab(k, 0, 10, sc);
    CHECK(k.vmstat[SLABS_SCANNED] - scanned_before == 384);
    CHECK(k.slab[0].nr_deferred == 66);
}

TEST_CASE("dirty limits are ratios of dirtyable memory") {
    Kernel k = make_kernel(boot_machine(x86_64_machine(2ull << 30), ThpMode::Never), CostModel{});
    std::int64_t free = 0;
    k.machine.for_each_zone([&](const Zone& z) { free += z.nr_free_pages; });
    const std::uint64_t dirtyable = static_cast<std::uint64_t>(free) - k.machine.totalreserve_pages;
    CHECK(global_dirtyable_memory(k) == dirtyable);
    const DirtyLimits l = global_dirty_limits(k);
    CHECK(l.dirty == dirtyable * 20 / 100);
    CHECK(l.background == dirtyable * 10 / 100);
    // A background ratio at or above the foreground one is halved.
    k.sysctl.dirty_background_ratio = 30;
    CHECK(global_dirty_limits(k).background == dirtyable * 20 / 100 / 2);
}

TEST_CASE("shrink_active_list keeps referenced executable file pages and deactivates the rest") {
    Kernel k = kernel_with_lists(0, 0, 0, 64);
    // Half of the active file pages are mapped program text that was referenced.
    int i = 0;
    for (frame_t f = k.lruvec(0).lists[LRU_ACTIVE_FILE].head; f != kNoFrame; f = k.frames.next[f], ++i)
        if (i % 2 == 0) k.frames.set(f, PG_mapped | PG_exec | PG_young);
    ScanControl sc;
    sc.reclaim_idx = k.nr_zone_types() - 1;
    shrink_active_list(k, 0, 64, sc, LRU_ACTIVE_FILE);
    CHECK(k.pgdat(0).nr_lru[LRU_ACTIVE_FILE] == 32);
    CHECK(k.pgdat(0).nr_lru[LRU_INACTIVE_FILE] == 32);
    CHECK(k.vmstat[PGDEACTIVATE] == 32);
    CHECK(k.vmstat[PGREFILL] == 64);
    // The young bits were consumed: a second pass deactivates them all.
    shrink_active_list(k, 0, 64, sc, LRU_ACTIVE_FILE);
    CHECK(k.pgdat(0).nr_lru[LRU_ACTIVE_FILE] == 0);
    // lru_note_cost(file, nr_io 0, nr_rotated 32): cost = 0 * SWAP_CLUSTER_MAX + 32 = 32; the
    // four LRU lists hold 64 pages and 32 > 64 / 4, so both costs are halved: file_cost 16. The
    // second pass rotated nothing, so it did not call lru_note_cost() again.
    CHECK(k.lruvec(0).file_cost == 16);
    CHECK(k.lruvec(0).anon_cost == 0);
}

TEST_CASE("gfp_zone follows the kernel's GFP_ZONE_TABLE on x86-64") {
    // include/linux/gfp.h: GFP_ZONE_TABLE with CONFIG_ZONE_DMA and CONFIG_ZONE_DMA32, no
    // CONFIG_HIGHMEM (OPT_ZONE_HIGHMEM is ZONE_NORMAL). x86-64's zone list: DMA 0, DMA32 1,
    // Normal 2, Movable 3, Device 4.
    const Machine m = boot_machine(x86_64_machine(4ull << 30), ThpMode::Never).machine;
    REQUIRE(m.nr_zone_types() == 5);
    CHECK(gfp_zone(0, m) == 2);                              // 0x0 => NORMAL
    CHECK(gfp_zone(__GFP_DMA, m) == 0);                      // 0x1 => DMA
    CHECK(gfp_zone(__GFP_HIGHMEM, m) == 2);                  // 0x2 => HIGHMEM or NORMAL
    CHECK(gfp_zone(__GFP_DMA32, m) == 1);                    // 0x4 => DMA32
    CHECK(gfp_zone(__GFP_MOVABLE, m) == 2);                  // 0x8 => NORMAL (MOVABLE+0)
    CHECK(gfp_zone(__GFP_MOVABLE | __GFP_DMA, m) == 0);      // 0x9 => DMA
    CHECK(gfp_zone(__GFP_MOVABLE | __GFP_HIGHMEM, m) == 3);  // 0xa => MOVABLE
    CHECK(gfp_zone(__GFP_MOVABLE | __GFP_DMA32, m) == 1);    // 0xc => DMA32
    CHECK(gfp_zone(GFP_KERNEL, m) == 2);
    CHECK(gfp_zone(GFP_HIGHUSER_MOVABLE, m) == 3);
}
