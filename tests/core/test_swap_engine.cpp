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
        CHECK(k.vmstat[PGMAJFAULT] == k.vmstat[PSWPIN]);
        CHECK(k.vmstat[OOM_KILL] == 0);
        // Slots in use are exactly the pages swapped out, and /proc/swaps says so in kB.
        const auto inuse = k.swap->total_slots() - k.swap->nr_free_slots();
        CHECK(inuse == k.procs[0].swapents);
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
