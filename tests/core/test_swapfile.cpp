// The swap slot allocator against the rules of mm/swapfile.c (≈ v6.14–6.16), each expected
// number derived by hand next to its check. Sizes are in 4 KiB pages; a cluster is 512 slots.
#include "mm/swapfile.h"
#include "procfs/swaps.h"
#include "record/swap_snapshot.h"

#include <catch2/catch.hpp>

#include <utility>

using namespace rs;

namespace {

SwapDeviceSpec dev(std::string name, std::uint64_t pages, int prio, SwapKind kind = SwapKind::SSD,
                   std::vector<std::uint32_t> bad = {}) {
    SwapDeviceSpec s;
    s.name = std::move(name);
    s.size_bytes = pages * SWAP_PAGE_SIZE;
    s.prio = prio;
    s.kind = kind;
    s.bad_slots = std::move(bad);
    return s;
}

int on(SwapSpace& sp, const SwapDeviceSpec& s) {
    const Result<int> r = sp.swapon(s);
    REQUIRE(r.ok());
    return r.value();
}

SwapEntry alloc(SwapSpace& sp, int cpu = 0) {
    const auto e = sp.folio_alloc_swap(cpu);
    REQUIRE(e.has_value());
    return *e;
}

std::uint8_t cluster_flags(const SwapSpace& sp, int type, std::uint32_t ci) {
    return sp.swap_info(type)->cluster_info[ci].flags;
}

// Runs of consecutive allocations from the same type: {type, length}.
std::vector<std::pair<int, int>> runs(SwapSpace& sp, int n) {
    std::vector<std::pair<int, int>> r;
    for (int i = 0; i < n; ++i) {
        const int t = alloc(sp).type;
        if (r.empty() || r.back().first != t) r.emplace_back(t, 0);
        ++r.back().second;
    }
    return r;
}

} // namespace

TEST_CASE("slot 0 is the header page and is never allocated") {
    SwapSpace sp;
    on(sp, dev("/dev/sdb", 1024, -1));
    // 1024 slots - the header = 1023 usable.
    CHECK(sp.swap_info(0)->pages == 1023);
    CHECK(sp.get_total_swap_pages() == 1023);
    CHECK(sp.swap_map({0, 0}) == SWAP_MAP_BAD);
    // Cluster 0 holds the header, so it starts on nonfull and is taken first: offsets 1..511,
    // then cluster 1 from the free list: 512..1023. In all: offset i+1 for allocation i.
    for (std::uint32_t i = 0; i < 1023; ++i) {
        const SwapEntry e = alloc(sp);
        REQUIRE(e.type == 0);
        REQUIRE(e.offset == i + 1);
    }
    CHECK(sp.get_nr_swap_pages() == 0);
    CHECK(sp.swap_avail_head().empty()); // a full area leaves the avail list
    CHECK_FALSE(sp.folio_alloc_swap(0).has_value());
    CHECK_FALSE(sp.folio_alloc_swap(3).has_value());
}

TEST_CASE("the smallest area has two pages and one slot") {
    SwapSpace sp;
    CHECK_FALSE(sp.swapon(dev("/dev/tiny", 1, -1)).ok());
    SwapDeviceSpec odd = dev("/dev/odd", 1, -1);
    odd.size_bytes = 2 * SWAP_PAGE_SIZE - 1; // 8191 bytes: still one whole page
    CHECK_FALSE(sp.swapon(odd).ok());
    on(sp, dev("/dev/two", 2, -1));
    CHECK(sp.swap_info(0)->pages == 1);
    CHECK(alloc(sp).offset == 1);
    CHECK_FALSE(sp.folio_alloc_swap(0).has_value());
}

TEST_CASE("swap_map bytes follow alloc then duplicate then put_swap_folio then swap_free") {
    SwapSpace sp;
    on(sp, dev("/dev/sdb", 1024, -1));
    const SwapInfo& si = *sp.swap_info(0);

    const SwapEntry e = alloc(sp);
    CHECK(e.offset == 1);
    CHECK(sp.swap_map(e) == 0x40);      // SWAP_HAS_CACHE: the folio is in the swap cache
    CHECK(si.cluster_info[0].count == 2); // the header + this slot
    CHECK(si.inuse_pages == 1);
    CHECK(sp.get_nr_swap_pages() == 1022);

    CHECK(sp.swap_duplicate(e)); // try_to_unmap() installs the swap PTE
    CHECK(sp.swap_map(e) == 0x41);
    CHECK(sp.put_swap_folio(e)); // reclaim frees the folio: only the PTE holds the slot
    CHECK(sp.swap_map(e) == 0x01);
    CHECK(sp.swap_count(e) == 1);
    CHECK(si.inuse_pages == 1);
    CHECK(sp.get_nr_swap_pages() == 1022);

    CHECK(sp.swap_free(e)); // the PTE goes: count 0, no cache, so the slot is free
    CHECK(sp.swap_map(e) == 0x00);
    CHECK(si.cluster_info[0].count == 1);
    CHECK(si.inuse_pages == 0);
    CHECK(sp.get_nr_swap_pages() == 1023);

    // Freeing or duplicating a free slot changes nothing and is reported.
    CHECK_FALSE(sp.swap_free(e));
    CHECK_FALSE(sp.put_swap_folio(e));
    CHECK_FALSE(sp.swap_duplicate(e));
    CHECK(sp.nr_bad_entry_ops == 3);

    // The per-CPU cursor has moved on to 2, so slot 1, free again, is not reused yet.
    const SwapEntry e2 = alloc(sp);
    CHECK(e2.offset == 2);
    // A cache-only slot has no reference to drop.
    CHECK_FALSE(sp.swap_free(e2));
    CHECK(sp.swap_map(e2) == 0x40);

    // swapcache_prepare(): HAS_CACHE again for swap-in; refused while it is set.
    CHECK(sp.swap_duplicate(e2));
    CHECK(sp.put_swap_folio(e2));
    CHECK(sp.swap_map(e2) == 0x01);
    CHECK(sp.swapcache_prepare(e2));
    CHECK(sp.swap_map(e2) == 0x41);
    CHECK_FALSE(sp.swapcache_prepare(e2));
    CHECK(sp.swapcache_clear(e2));
    CHECK(sp.swap_map(e2) == 0x01);
}

TEST_CASE("swap counts saturate at SWAP_MAP_MAX") {
    SwapSpace sp;
    on(sp, dev("/dev/sdb", 1024, -1));
    const SwapEntry e = alloc(sp);
    for (int i = 0; i < 0x3e; ++i) REQUIRE(sp.swap_duplicate(e));
    CHECK(sp.swap_map(e) == (SWAP_MAP_MAX | SWAP_HAS_CACHE)); // 0x7e
    CHECK_FALSE(sp.swap_duplicate(e)); // would need a continuation page
    CHECK(sp.swap_map(e) == 0x7e);
    CHECK(sp.nr_count_overflows == 1);
}

TEST_CASE("clusters move between lists as the kernel moves them") {
    SwapSpace sp;
    on(sp, dev("/dev/sdb", 1024, -1));
    // setup_clusters(): cluster 0 holds the header (count 1) -> nonfull; cluster 1 -> free.
    CHECK(cluster_flags(sp, 0, 0) == CLUSTER_FLAG_NONFULL);
    CHECK(cluster_flags(sp, 0, 1) == CLUSTER_FLAG_FREE);

    // relocate_cluster(): a partly used cluster a CPU allocates from goes to frag.
    alloc(sp);
    CHECK(cluster_flags(sp, 0, 0) == CLUSTER_FLAG_FRAG);
    for (int i = 0; i < 510; ++i) alloc(sp); // offsets 2..511: 512 with the header
    CHECK(sp.swap_info(0)->cluster_info[0].count == 512);
    CHECK(cluster_flags(sp, 0, 0) == CLUSTER_FLAG_FULL);

    // Free -> frag -> full for cluster 1.
    CHECK(alloc(sp).offset == 512);
    CHECK(cluster_flags(sp, 0, 1) == CLUSTER_FLAG_FRAG);
    for (int i = 0; i < 511; ++i) alloc(sp);
    CHECK(cluster_flags(sp, 0, 1) == CLUSTER_FLAG_FULL);
    CHECK(sp.swap_avail_head().empty());

    // partial_free_cluster(): one free slot makes a full cluster nonfull, and the area
    // returns to the avail list.
    CHECK(sp.put_swap_folio({0, 600}));
    CHECK(cluster_flags(sp, 0, 1) == CLUSTER_FLAG_NONFULL);
    CHECK(sp.swap_avail_head() == std::vector<int>{0});
    // The last slot out: the cluster is free.
    for (std::uint32_t off = 512; off < 1024; ++off)
        if (off != 600) REQUIRE(sp.put_swap_folio({0, off}));
    CHECK(cluster_flags(sp, 0, 1) == CLUSTER_FLAG_FREE);
    CHECK(sp.swap_info(0)->cluster_info[1].count == 0);

    // The header cluster never gets below count 1, so it stays nonfull.
    for (std::uint32_t off = 1; off < 512; ++off) REQUIRE(sp.put_swap_folio({0, off}));
    CHECK(cluster_flags(sp, 0, 0) == CLUSTER_FLAG_NONFULL);
    CHECK(sp.swap_info(0)->cluster_info[0].count == 1);

    // The slow path scans nonfull before free: the next slot is 1 (cluster 0), not 512.
    CHECK(sp.percpu_swap_cluster(0).offset == 0); // cluster 1 filled up: no cursor
    CHECK(alloc(sp).offset == 1);
}

TEST_CASE("a higher priority area is used first until it is full") {
    SwapSpace sp;
    const int hi = on(sp, dev("/dev/fast", 1024, 10));
    const int lo = on(sp, dev("/dev/slow", 1024, 5));
    CHECK(sp.swap_avail_head() == std::vector<int>{hi, lo});
    for (int i = 0; i < 1023; ++i) REQUIRE(alloc(sp).type == hi);
    CHECK(alloc(sp) == SwapEntry{lo, 1});

    // Slot 7 of the high area is freed: it is back on the avail list, first...
    CHECK(sp.put_swap_folio({hi, 7}));
    CHECK(sp.swap_avail_head() == std::vector<int>{hi, lo});
    // ...but CPU 0 continues in its cached cluster of the low area (swap_alloc_fast() does not
    // look at priorities), while CPU 1, with no cluster yet, takes the slow path: slot 7.
    CHECK(alloc(sp, 0) == SwapEntry{lo, 2});
    CHECK(alloc(sp, 1) == SwapEntry{hi, 7});
}

TEST_CASE("equal priorities take turns per cluster on SSD") {
    SwapSpace sp;
    const int a = on(sp, dev("/dev/ssd0", 2048, 5));
    const int b = on(sp, dev("/dev/ssd1", 2048, 5));
    // Each slow-path allocation requeues the area behind its peer; the per-CPU cluster keeps
    // CPU 0 on one area until that cluster is full: 511 (cluster 0 has the header) from a,
    // 511 from b, then a whole cluster (512) from each.
    const std::vector<std::pair<int, int>> want{{a, 511}, {b, 511}, {a, 512}, {b, 512}};
    CHECK(runs(sp, 511 + 511 + 512 + 512) == want);
    CHECK(sp.swap_info(a)->inuse_pages == 1023);
    CHECK(sp.swap_info(b)->inuse_pages == 1023);
}

TEST_CASE("equal priorities take turns per page on HDD") {
    SwapSpace sp;
    const int a = on(sp, dev("/dev/sda2", 1024, 5, SwapKind::HDD));
    const int b = on(sp, dev("/dev/sdb2", 1024, 5, SwapKind::HDD));
    // No per-CPU cluster on rotating disks: every allocation goes through swap_alloc_slow()
    // and its requeue, while each disk's global_cluster keeps its own writes sequential.
    CHECK(alloc(sp) == SwapEntry{a, 1});
    CHECK(alloc(sp) == SwapEntry{b, 1});
    CHECK(alloc(sp) == SwapEntry{a, 2});
    CHECK(alloc(sp) == SwapEntry{b, 2});
    CHECK(alloc(sp, 5) == SwapEntry{a, 3});
    CHECK(sp.nr_rotate_swap() == 2);
}

TEST_CASE("CPUs share the HDD cluster but get their own on SSD") {
    SwapSpace hdd;
    on(hdd, dev("/dev/sda2", 2048, -1, SwapKind::HDD));
    CHECK(alloc(hdd, 0).offset == 1);
    CHECK(alloc(hdd, 1).offset == 2);
    CHECK(alloc(hdd, 0).offset == 3);

    SwapSpace ssd;
    on(ssd, dev("/dev/nvme0n1p3", 2048, -1));
    CHECK(alloc(ssd, 0).offset == 1);   // cluster 0, from nonfull; it moves to frag
    CHECK(alloc(ssd, 1).offset == 512); // nonfull is empty: the first free cluster, 1
    CHECK(alloc(ssd, 0).offset == 2);
    CHECK(alloc(ssd, 1).offset == 513);
    CHECK(ssd.percpu_swap_cluster(1).type == 0);
    CHECK(ssd.percpu_swap_cluster(1).offset == 514);
}

TEST_CASE("automatic priorities count down from -2 like swapon") {
    SwapSpace sp;
    const int a = on(sp, dev("/dev/a", 64, -1));
    const int b = on(sp, dev("/dev/b", 64, -1));
    const int c = on(sp, dev("/dev/c", 64, 7));
    const int d = on(sp, dev("/dev/d", 64, -1));
    CHECK(sp.swap_info(a)->prio == -2);
    CHECK(sp.swap_info(b)->prio == -3);
    CHECK(sp.swap_info(c)->prio == 7);
    CHECK(sp.swap_info(d)->prio == -4);
    CHECK(sp.least_priority() == -4);
    CHECK(sp.swap_avail_head() == std::vector<int>{c, a, b, d});

    // swapoff of an automatic area moves every lower one up: b -2, d -3; the next is -4 again
    // and reuses the free type 0.
    CHECK(sp.swapoff(a).value());
    CHECK(sp.swap_info(b)->prio == -2);
    CHECK(sp.swap_info(d)->prio == -3);
    CHECK(sp.least_priority() == -3);
    const int e = on(sp, dev("/dev/e", 64, -1));
    CHECK(e == 0);
    CHECK(sp.swap_info(e)->prio == -4);
    CHECK(sp.swap_avail_head() == std::vector<int>{c, b, d, e});

    CHECK_FALSE(sp.swapon(dev("/dev/f", 64, -5)).ok());
    CHECK_FALSE(sp.swapon(dev("/dev/f", 64, 32768)).ok());
    CHECK_FALSE(sp.swapon(dev("/dev/b", 64, 1)).ok()); // already swapped on
}

TEST_CASE("bad slots are never allocated") {
    SwapSpace sp;
    on(sp, dev("/dev/sdc", 1024, -1, SwapKind::SSD, {1, 2, 700}));
    const SwapInfo& si = *sp.swap_info(0);
    CHECK(si.pages == 1020); // 1024 - header - 3 bad
    CHECK(sp.swap_map({0, 700}) == SWAP_MAP_BAD);
    // Bad slots count as used: cluster 0 = header + 1 + 2, cluster 1 = 700; both nonfull.
    CHECK(si.cluster_info[0].count == 3);
    CHECK(si.cluster_info[1].count == 1);
    CHECK(si.cluster_info[1].flags == CLUSTER_FLAG_NONFULL);
    CHECK(alloc(sp).offset == 3);
    for (int i = 1; i < 1020; ++i) {
        const std::uint32_t off = alloc(sp).offset;
        REQUIRE(off != 0);
        REQUIRE(off != 1);
        REQUIRE(off != 2);
        REQUIRE(off != 700);
    }
    CHECK_FALSE(sp.folio_alloc_swap(0).has_value());
    CHECK(sp.swap_map({0, 700}) == SWAP_MAP_BAD);
}

TEST_CASE("swapon refuses bad specifications with the device name") {
    SwapSpace sp;
    const auto err = [&](const SwapDeviceSpec& s) {
        const Result<int> r = sp.swapon(s);
        REQUIRE_FALSE(r.ok());
        return r.error();
    };
    CHECK_THAT(err(dev("/dev/small", 1, -1)), Catch::Contains("/dev/small") && Catch::Contains("2 pages"));
    CHECK_THAT(err(dev("/dev/h", 1024, -1, SwapKind::SSD, {0})), Catch::Contains("header"));
    CHECK_THAT(err(dev("/dev/p", 1024, -1, SwapKind::SSD, {1024})), Catch::Contains("last slot 1023"));
    CHECK_THAT(err(dev("/dev/t", 1024, -1, SwapKind::SSD, {9, 9})), Catch::Contains("twice"));
    CHECK_THAT(err(dev("/dev/all", 3, -1, SwapKind::SSD, {1, 2})), Catch::Contains("every slot is bad"));
    SwapDeviceSpec z = dev("/dev/zram0", 1024, 100, SwapKind::Zram);
    z.zram_ratio = 0.5;
    CHECK_THAT(err(z), Catch::Contains("/dev/zram0") && Catch::Contains("zram_ratio"));
    CHECK_THAT(err(dev("", 1024, -1)), Catch::Contains("name"));
    CHECK(sp.nr_swapfiles() == 0);
    for (int i = 0; i < MAX_SWAPFILES; ++i) on(sp, dev("/dev/x" + std::to_string(i), 2, -1));
    CHECK_THAT(err(dev("/dev/one-too-many", 2, -1)), Catch::Contains("MAX_SWAPFILES"));
}

TEST_CASE("vm_swap_full turns true just past half") {
    SwapSpace sp;
    on(sp, dev("/dev/sdb", 2049, -1)); // 2049 slots - header = 2048 pages
    CHECK(sp.get_total_swap_pages() == 2048);
    for (int i = 0; i < 1024; ++i) alloc(sp);
    // Exactly half used: 1024 free, 1024 * 2 < 2048 is false.
    CHECK(sp.get_nr_swap_pages() == 1024);
    CHECK_FALSE(sp.vm_swap_full());
    const SwapEntry e = alloc(sp);
    // 1023 free: 2046 < 2048.
    CHECK(sp.vm_swap_full());
    CHECK(sp.put_swap_folio(e));
    CHECK_FALSE(sp.vm_swap_full());
}

TEST_CASE("the last partial cluster is used right after the header cluster") {
    SwapSpace sp;
    on(sp, dev("/dev/sdb", 2049, -1));
    // 5 clusters; cluster 4 has one slot (2048) and 511 past EOF counted as used, so it
    // starts on nonfull behind cluster 0: nonfull = [0, 4], free = [1, 2, 3].
    const SwapInfo& si = *sp.swap_info(0);
    CHECK(si.cluster_info.size() == 5);
    CHECK(si.cluster_info[4].count == 511);
    CHECK(si.cluster_info[4].flags == CLUSTER_FLAG_NONFULL);
    for (std::uint32_t i = 1; i <= 511; ++i) REQUIRE(alloc(sp).offset == i);
    CHECK(alloc(sp).offset == 2048);
    CHECK(si.cluster_info[4].flags == CLUSTER_FLAG_FULL);
    CHECK(alloc(sp).offset == 512);
}

TEST_CASE("the free cluster list is interleaved every 32 clusters") {
    SwapSpace sp;
    on(sp, dev("/dev/nvme0n1p3", 64 * 512, -1)); // 128 MiB, 64 clusters
    // setup_clusters() adds free clusters column by column: 32, 1, 33, 2, 34, ... (0 is nonfull).
    for (int i = 0; i < 511; ++i) alloc(sp);
    CHECK(alloc(sp).offset == 32 * 512);
    for (int i = 0; i < 511; ++i) alloc(sp);
    CHECK(alloc(sp).offset == 1 * 512);
    for (int i = 0; i < 511; ++i) alloc(sp);
    CHECK(alloc(sp).offset == 33 * 512);
}

TEST_CASE("a full swap space returns nothing until a slot is freed") {
    SwapSpace sp;
    const int a = on(sp, dev("/dev/a", 2, 5));
    const int b = on(sp, dev("/dev/b", 2, 5));
    const SwapEntry e1 = alloc(sp);
    const SwapEntry e2 = alloc(sp);
    CHECK(e1 == SwapEntry{a, 1});
    CHECK(e2 == SwapEntry{b, 1});
    CHECK_FALSE(sp.folio_alloc_swap(0).has_value());
    CHECK(sp.get_nr_swap_pages() == 0);
    CHECK(sp.swap_duplicate(e2));
    CHECK(sp.put_swap_folio(e2)); // still referenced by its PTE: not free
    CHECK_FALSE(sp.folio_alloc_swap(0).has_value());
    CHECK(sp.swap_free(e2));
    CHECK(sp.folio_alloc_swap(0) == std::optional<SwapEntry>(SwapEntry{b, 1}));
}

TEST_CASE("swapoff stops allocations and ends once the slots are free") {
    SwapSpace sp;
    const int a = on(sp, dev("/dev/fast", 1024, 10));
    const int b = on(sp, dev("/dev/slow", 1024, 5));
    const SwapEntry e1 = alloc(sp);
    const SwapEntry e2 = alloc(sp);
    CHECK(e2 == SwapEntry{a, 2});
    CHECK(sp.get_nr_swap_pages() == 2044); // 1023 + 1023 - 2

    const Result<bool> r = sp.swapoff(a);
    REQUIRE(r.ok());
    CHECK_FALSE(r.value()); // two slots still hold pages
    CHECK(sp.get_total_swap_pages() == 1023);
    CHECK(sp.get_nr_swap_pages() == 1021); // 2044 - 1023: the 2 used slots come back as freed
    CHECK(sp.swap_avail_head() == std::vector<int>{b});
    CHECK(sp.percpu_swap_cluster(0).type == -1); // flushed
    CHECK(alloc(sp) == SwapEntry{b, 1});
    CHECK(format_swaps(sp).find("/dev/fast") != std::string::npos); // listed until gone

    // try_to_unuse(): the engine reads the pages back and drops them.
    CHECK(sp.put_swap_folio(e1));
    CHECK(sp.put_swap_folio(e2));
    CHECK(sp.get_nr_swap_pages() == 1022); // b: 1023 - 1
    CHECK(sp.swap_avail_head() == std::vector<int>{b}); // not writable: not re-added
    CHECK(sp.swapoff(a).value());
    CHECK(sp.swap_info(a) == nullptr);
    CHECK(format_swaps(sp).find("/dev/fast") == std::string::npos);

    const Result<bool> bad = sp.swapoff(7);
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error(), Catch::Contains("type 7"));
    CHECK_FALSE(sp.swapoff(a).ok());
}

TEST_CASE("device flags follow the device kind") {
    SwapSpace sp;
    const int h = on(sp, dev("/dev/sda2", 64, -1, SwapKind::HDD));
    const int s = on(sp, dev("/dev/nvme0n1p3", 64, -1, SwapKind::SSD));
    const int z = on(sp, dev("/dev/zram0", 64, 100, SwapKind::Zram));
    const std::uint32_t base = SWP_USED | SWP_WRITEOK | SWP_BLKDEV;
    CHECK(sp.swap_info(h)->flags == base);
    CHECK(sp.swap_info(s)->flags == (base | SWP_SOLIDSTATE));
    CHECK(sp.swap_info(z)->flags == (base | SWP_SOLIDSTATE | SWP_SYNCHRONOUS_IO));
    CHECK(sp.nr_rotate_swap() == 1);
}

TEST_CASE("the occupancy snapshot shows slots or cluster totals") {
    const auto exercise = [](SwapSpace& sp) {
        const SwapEntry e1 = alloc(sp), e2 = alloc(sp), e3 = alloc(sp), e4 = alloc(sp);
        CHECK(e4.offset == 4);
        CHECK(sp.swap_duplicate(e1));   // 0x41: in use + cached
        CHECK(sp.swap_duplicate(e2));
        CHECK(sp.put_swap_folio(e2));   // 0x01: in use
        (void)e3;                       // 0x40: cache only
        CHECK(sp.put_swap_folio(e4));   // free again; cluster 0 becomes nonfull
    };

    SwapSpace small;
    on(small, dev("/dev/sdb", 1024, -1, SwapKind::SSD, {5}));
    exercise(small);
    const auto s = swap_snapshot(small);
    REQUIRE(s.size() == 1);
    CHECK(s[0].clusters.empty());
    REQUIRE(s[0].slot_states.size() == 1024);
    CHECK(s[0].slot_states[0] == SlotState::Bad);
    CHECK(s[0].slot_states[1] == SlotState::InUseCached);
    CHECK(s[0].slot_states[2] == SlotState::InUse);
    CHECK(s[0].slot_states[3] == SlotState::CacheOnly);
    CHECK(s[0].slot_states[4] == SlotState::Free);
    CHECK(s[0].slot_states[5] == SlotState::Bad);
    CHECK(s[0].slot_states[6] == SlotState::Free);
    CHECK(s[0].cluster_list == std::vector<std::uint8_t>{CLUSTER_FLAG_NONFULL, CLUSTER_FLAG_FREE});

    SwapSpace big;
    on(big, dev("/dev/sdc", 256 * 512 + 1, -1, SwapKind::SSD, {100})); // 257 clusters, the last one slot
    exercise(big);
    const auto b = swap_snapshot(big);
    REQUIRE(b.size() == 1);
    CHECK(b[0].slot_states.empty());
    REQUIRE(b[0].clusters.size() == 257);
    // Cluster 0: bad = header + 100; used = e1, e2; cached = e3; free = 512 - 2 - 2 - 1 = 507.
    const ClusterUsage& c0 = b[0].clusters[0];
    CHECK(c0.free == 507);
    CHECK(c0.used == 2);
    CHECK(c0.cached == 1);
    CHECK(c0.bad == 2);
    const ClusterUsage& last = b[0].clusters[256]; // one slot, the rest is past EOF
    CHECK(last.free == 1);
    CHECK(last.used + last.cached + last.bad == 0);
    CHECK(b[0].cluster_list[0] == CLUSTER_FLAG_NONFULL);
    CHECK(b[0].cluster_list[1] == CLUSTER_FLAG_FREE);
    CHECK(b[0].cluster_list[256] == CLUSTER_FLAG_NONFULL);
}

TEST_CASE("proc swaps text matches swap_show") {
    SwapSpace sp;
    on(sp, dev("/dev/sda2", 2048, -1, SwapKind::HDD)); // 2047 pages = 8188 kB, prio -2
    for (int i = 0; i < 3; ++i) alloc(sp);           // 12 kB used
    on(sp, dev("/dev/zram0", 3145728, 100, SwapKind::Zram)); // 12 GiB: 3145727 pages = 12582908 kB
    on(sp, dev("/swap file", 64, 3));                   // 63 pages = 252 kB; the space is escaped
    // The path is padded to 40 columns; sizes of 8+ digits lose their second tab.
    const std::string want = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
                             "/dev/sda2" + std::string(31, ' ') + "partition\t8188\t\t12\t\t-2\n"
                             "/dev/zram0" + std::string(30, ' ') + "partition\t12582908\t0\t\t100\n"
                             "/swap\\040file" + std::string(27, ' ') + "partition\t252\t\t0\t\t3\n";
    CHECK(format_swaps(sp) == want);
    CHECK(format_swaps(SwapSpace{}) == "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
}
