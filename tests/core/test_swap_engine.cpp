// Swap devices under the engine: anonymous pressure swaps out and in, a full swap ends in OOM.
#include "mm/swap_state.h"
#include "procfs/meminfo.h"
#include "reclaim_helpers.h"

using namespace rs;

namespace {
EngineConfig with_swap(std::uint64_t ram_mib, std::uint64_t swap_mib, SwapKind kind = SwapKind::SSD) {
    EngineConfig c = machine_config(ram_mib);
    c.swap_devices.push_back(SwapDeviceSpec{.name = "/dev/sdb1", .size_bytes = swap_mib << 20, .kind = kind});
    return c;
}
} // namespace

TEST_CASE("anonymous pressure swaps out and faults back in") {
    for (int swappiness : {60, 200}) {
        INFO("swappiness " << swappiness);
        EngineConfig c = with_swap(1024, 1024);
        c.sysctl_writes.push_back(SysctlWrite{"vm.swappiness", {swappiness}});
        c.tasks.push_back(anon_task("app", 1200, true, 400));
        auto e = make_engine(c);
        e->run_until(20'000'000'000);
        const auto& k = e->kernel();
        CHECK(k.vmstat[PSWPOUT] > 0);
        CHECK(k.vmstat[PSWPIN] > 0);
        // Every major fault reads its page; readahead reads more (pswpin counts both).
        CHECK(k.vmstat[PSWPIN] == k.vmstat[PGMAJFAULT] + k.vmstat[SWAP_RA]);
        CHECK(k.vmstat[OOM_KILL] == 0);
        // Slots in use: the pages swapped out, plus pages mapped again whose clean copy the swap
        // cache keeps (swap is less than half full, so do_swap_page() keeps them).
        const auto inuse = k.swap->total_slots() - k.swap->nr_free_slots();
        CHECK(inuse == k.procs[0].swapents + k.swap->cache_only_slots());
        CHECK(k.swap->cache_only_slots() > 0);
        const std::string swaps = format_swaps(k);
        CHECK(swaps.find("\t" + std::to_string(inuse * 4) + "\t") != std::string::npos);
        REQUIRE_FALSE(e->check_invariants());
    }
}

TEST_CASE("a full swap device leads to the OOM killer instead of more swapping") {
    EngineConfig c = with_swap(512, 128);
    c.tasks.push_back(anon_task("hog", 1024, false, 400));
    auto e = make_engine(c);
    e->run_until(20'000'000'000);
    const auto& k = e->kernel();
    CHECK(k.vmstat[OOM_KILL] == 1);
    // Everything the device could take was written before the kill freed it again.
    CHECK(k.vmstat[PSWPOUT] >= MiB_pages(128) - 512);
    CHECK(k.swap->nr_free_slots() == k.swap->total_slots());
}

TEST_CASE("zram keeps its compressed pages in RAM") {
    EngineConfig c = with_swap(1024, 1024, SwapKind::Zram);
    c.swap_devices[0].zram_ratio = 4.0;
    c.tasks.push_back(anon_task("app", 1200, false, 400));
    auto e = make_engine(c);
    e->run_until(10'000'000'000);
    const auto* z = dynamic_cast<const SwapSubsystem*>(e->swap_backend());
    REQUIRE(z);
    const std::uint64_t stored = z->total_slots() - z->nr_free_slots();
    CHECK(stored > 0);
    // One page of RAM per four stored pages, rounded up.
    CHECK(z->zram_ram_pages() == (stored + 3) / 4);
    REQUIRE_FALSE(e->check_invariants());
}

TEST_CASE("swap readahead window sizes follow __swapin_nr_pages") {
    // page-cluster 3: at most 8 pages.
    CHECK(swapin_nr_pages(100, 500, 0, 8, 1) == 1); // random fault, no hits: one page
    CHECK(swapin_nr_pages(100, 101, 0, 8, 1) == 2); // next to the previous fault
    CHECK(swapin_nr_pages(100, 101, 1, 8, 2) == 4); // 1 hit: 3 rounded up to a power of two, at least 4
    CHECK(swapin_nr_pages(100, 101, 5, 8, 4) == 8); // 7 -> 8
    CHECK(swapin_nr_pages(100, 101, 20, 8, 8) == 8); // capped at 1 << page_cluster
    CHECK(swapin_nr_pages(100, 500, 0, 8, 8) == 4); // never below half the previous window
    CHECK(swapin_nr_pages(100, 500, 0, 1, 1) == 1); // page-cluster 0
}

TEST_CASE("sequential swap-in is read ahead and page-cluster 0 turns readahead off") {
    auto run = [](int page_cluster) {
        EngineConfig c = with_swap(512, 1024);
        c.sysctl_writes.push_back(SysctlWrite{"vm.page-cluster", {page_cluster}});
        // 700 MiB touched in order, again and again: swapped out in order, faulted back in order.
        c.tasks.push_back(anon_task("scan", 700, false, 400));
        c.tasks[0].loop = true;
        auto e = make_engine(c);
        e->run_until(15'000'000'000);
        return std::make_pair(e->kernel().vmstat[SWAP_RA], e->kernel().vmstat[SWAP_RA_HIT]);
    };
    const auto [ra3, hit3] = run(3);
    const auto [ra0, hit0] = run(0);
    CHECK(ra3 > 1000);
    CHECK(hit3 > ra3 / 2); // in-order faults find most read-ahead pages
    CHECK(ra0 == 0);
    CHECK(hit0 == 0);
}

TEST_CASE("past half full a fault frees the swap slot (vm_swap_full)") {
    // 1 GiB of RAM, 512 MiB of swap, 1300 MiB touched at random: swap fills beyond half.
    EngineConfig c = with_swap(1024, 512);
    c.tasks.push_back(anon_task("app", 1300, true, 400));
    auto e = make_engine(c);
    e->run_until(20'000'000'000);
    const auto& k = e->kernel();
    REQUIRE(k.swap->nr_free_slots() * 2 < k.swap->total_slots());
    // No slot is kept for a page that was mapped again.
    CHECK(k.swap->cache_only_slots() == 0);
    CHECK(k.vmstat[PSWPIN] > 0);
    REQUIRE_FALSE(e->check_invariants());
}
