// Swap devices under the engine: anonymous pressure swaps out and in, a full swap ends in OOM.
#include "mm/swap_state.h"
#include "scenario/timeline_action.h"
#include "procfs/meminfo.h"
#include "procfs/swaps.h"
#include "reclaim_helpers.h"
#include "mm/page_frames.h"
#include "mm/swapfile.h"
#include "sim/run_budget.h"

#include <map>

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
        // pageout() counts nr_vmscan_write for each page it writes, and in v6.16 reclaim writes
        // only anonymous pages, each to swap (swap_writepage(): pswpout): the two agree.
        CHECK(k.vmstat[PSWPOUT] == static_cast<std::uint64_t>(k.machine.nodes[0][NR_VMSCAN_WRITE]));
        CHECK(k.vmstat[PSWPIN] > 0);
        // Every major fault reads its page; readahead reads more (pswpin counts both).
        CHECK(k.vmstat[PSWPIN] == k.vmstat[PGMAJFAULT] + k.vmstat[SWAP_RA]);
        CHECK(k.vmstat[OOM_KILL] == 0);
        // Slots in use: the pages swapped out, plus pages mapped again whose clean copy the swap
        // cache keeps (swap is less than half full, so do_swap_page() keeps them).
        const auto inuse = k.swap.total_slots() - k.swap.nr_free_slots();
        CHECK(inuse == k.procs[0].swapents + k.swap.cache_only_slots());
        CHECK(k.swap.cache_only_slots() > 0);
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
    CHECK(k.swap.nr_free_slots() == k.swap.total_slots());
}

TEST_CASE("zram keeps its compressed pages in RAM") {
    EngineConfig c = with_swap(1024, 1024, SwapKind::Zram);
    c.swap_devices[0].zram_ratio = 4.0;
    c.tasks.push_back(anon_task("app", 1200, false, 400));
    auto e = make_engine(c);
    e->run_until(10'000'000'000);
    const auto* z = &e->kernel().swap;
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
        const auto& vm = e->kernel().vmstat;
        // Each major fault reads its own page; swap_ra counts the read-ahead ones (pswpin both).
        CHECK(vm[PSWPIN] == vm[PGMAJFAULT] + vm[SWAP_RA]);
        // __swapin_nr_pages() caps the window at 1 << page-cluster pages, the faulting one
        // included: at most 2^page_cluster - 1 read-ahead pages per major fault.
        CHECK(vm[SWAP_RA] <= ((1u << page_cluster) - 1) * vm[PGMAJFAULT]);
        // A hit (swap_cache_get_folio() clearing PG_readahead) consumes a read-ahead page.
        CHECK(vm[SWAP_RA_HIT] <= vm[SWAP_RA]);
        return std::make_pair(vm[SWAP_RA], vm[SWAP_RA_HIT]);
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
    REQUIRE(k.swap.nr_free_slots() * 2 < k.swap.total_slots());
    // No slot is kept for a page that was mapped again.
    CHECK(k.swap.cache_only_slots() == 0);
    CHECK(k.vmstat[PSWPIN] > 0);
    CHECK(k.vmstat[PSWPIN] == k.vmstat[PGMAJFAULT] + k.vmstat[SWAP_RA]); // do_swap_page() + readahead
    REQUIRE_FALSE(e->check_invariants());
}

namespace {
std::string events_of(const Engine& e, EventType type) {
    std::string out;
    for (const auto& ev : e.kernel().events.items)
        if (ev.type == type) out += ev.text + "\n";
    return out;
}
std::string all_events(const Engine& e) {
    std::string out;
    for (const auto& ev : e.kernel().events.items)
        out += std::to_string(ev.t_ns / 1'000'000) + " ms " + event_type_name(ev.type) + ": " + ev.text + "\n";
    return out;
}
} // namespace

TEST_CASE("swapoff reads every swapped page back in and removes the area") {
    // At swappiness 200 a streaming read pushes the idle anonymous memory out to swap; then
    // swapoff must bring all of it back (there is page cache enough to reclaim instead).
    EngineConfig c = with_swap(1024, 1024);
    c.sysctl_writes.push_back(SysctlWrite{"vm.swappiness", {200}});
    // A database re-reading its 600 MiB file at random refaults, so reclaim does not stay in
    // cache-trim mode and the idle task's pages are swapped out.
    c.tasks.push_back(anon_task("idle", 400, false, 400));
    c.tasks.push_back(read_task("db", 600, 400, true, true, 2'000'000'000));
    TimelineAction off;
    off.at_ns = 15'000'000'000;
    off.kind = TimelineAction::Kind::Swapoff;
    off.device = "/dev/sdb1";
    c.timeline.push_back(off);
    auto e = make_engine(c);
    e->run_until(off.at_ns - 1);
    const auto& k = e->kernel();
    const std::uint64_t swapped = k.procs[0].swapents;
    REQUIRE(swapped > 1000); // the test needs pages on the device
    const auto pswpin_before = k.vmstat[PSWPIN];
    e->run_until(off.at_ns + 10'000'000'000);
    const std::string ev = events_of(*e, EventType::Swap);
    INFO(ev);
    CHECK(ev.find("swapoff /dev/sdb1: started") != std::string::npos);
    CHECK(ev.find("swapoff /dev/sdb1: done") != std::string::npos);
    // Every page of the idle task is in memory again, and the area is gone.
    CHECK(k.procs[0].swapents == 0);
    CHECK(k.spaces[static_cast<std::size_t>(k.procs[0].anon_space)].nr_resident == MiB_pages(400));
    CHECK(k.vmstat[PSWPIN] - pswpin_before >= swapped);
    CHECK(k.swap.total_slots() == 0);
    CHECK(k.swap.slots_in_use() == 0);
    CHECK(format_swaps(k).find("/dev/sdb1") == std::string::npos);
    CHECK(format_meminfo(k).find("SwapTotal:             0 kB") != std::string::npos);
    CHECK_FALSE(e->task_stats().back().oom_killed);
    REQUIRE_FALSE(e->check_invariants());
}

TEST_CASE("swapoff without the memory to hold the pages is OOM-killed and the area comes back") {
    // 900 MiB of anonymous memory on a 512 MiB machine: swapoff cannot bring it all in. It is the
    // OOM killer's first choice (set_current_oom_origin), so it dies, not the task, and
    // sys_swapoff() puts the area back with a new automatic priority.
    EngineConfig c = with_swap(512, 1024);
    c.tasks.push_back(anon_task("big", 900, false, 400));
    auto e = make_engine(c);
    e->run_until(10'000'000'000);
    const auto& k = e->kernel();
    REQUIRE(k.procs[0].swapents > MiB_pages(300));
    const auto* swapsys = &e->kernel().swap;
    REQUIRE(swapsys->space().swap_info(0)->prio == -2);
    const auto total = k.swap.total_slots();
    auto pid = e->swapoff("/dev/sdb1");
    REQUIRE(pid);
    e->run_until(20'000'000'000);
    const std::string ev = events_of(*e, EventType::Swap);
    INFO(all_events(*e).substr(0, 3000));
    CHECK(ev.find("swapoff /dev/sdb1: Interrupted system call (killed by the OOM killer)") != std::string::npos);
    CHECK(k.vmstat[OOM_KILL] == 1);
    CHECK(events_of(*e, EventType::OomKill).find("(swapoff)") != std::string::npos);
    CHECK(k.procs[0].alive);
    REQUIRE(k.find_task(*pid));
    CHECK_FALSE(k.find_task(*pid)->alive);
    // Back in use: every slot counted again; swapoff had moved least_priority up to -1, so the
    // area is -2 again.
    CHECK(k.swap.total_slots() == total);
    CHECK(swapsys->space().swap_info(0)->prio == -2);
    CHECK(swapsys->space().swap_avail_head().size() == 1);
    CHECK(format_swaps(k).find("/dev/sdb1") != std::string::npos);
    REQUIRE_FALSE(e->check_invariants());
}

TEST_CASE("swapon at run time gives reclaim a place to put anonymous pages") {
    EngineConfig c = machine_config(512);
    c.tasks.push_back(anon_task("app", 700, true, 50)); // fills the 512 MiB in about 8 s
    TimelineAction on;
    on.at_ns = 2'000'000'000;
    on.kind = TimelineAction::Kind::Swapon;
    on.swap = SwapDeviceSpec{.name = "/dev/sdc1", .size_bytes = 1ull << 30, .prio = 5};
    c.timeline.push_back(on);
    // Without the swapon, the same run ends in an OOM kill.
    EngineConfig no_swap = c;
    no_swap.timeline.clear();
    auto control = make_engine(no_swap);
    control->run_until(20'000'000'000);
    CHECK(control->kernel().vmstat[OOM_KILL] == 1);

    auto e = make_engine(c);
    e->run_until(20'000'000'000);
    const auto& k = e->kernel();
    CHECK(events_of(*e, EventType::Swap).find("Adding 1048572k swap on /dev/sdc1.  Priority:5 extents:1 across:1048572k SS") !=
          std::string::npos);
    CHECK(k.vmstat[PSWPOUT] > 0);
    CHECK(k.vmstat[PSWPOUT] == static_cast<std::uint64_t>(k.machine.nodes[0][NR_VMSCAN_WRITE])); // pageout() to swap only
    CHECK(k.vmstat[OOM_KILL] == 0);
    REQUIRE_FALSE(e->check_invariants());
}

TEST_CASE("a timeline that swaps off an area not in use is rejected") {
    EngineConfig c = with_swap(512, 64);
    TimelineAction off;
    off.at_ns = 1'000'000'000;
    off.kind = TimelineAction::Kind::Swapoff;
    off.device = "/dev/sdb1";
    c.timeline.push_back(off);
    c.timeline.push_back(off); // twice: the second finds nothing
    auto e = Engine::create(c);
    REQUIRE_FALSE(e);
    CHECK_THAT(e.error(), Catch::Contains("swapoff /dev/sdb1") && Catch::Contains("no swap area of that name"));
    // At run time the same mistake is an event and an error, not a crash.
    c.timeline.clear();
    auto ok = Engine::create(c);
    REQUIRE(ok);
    auto r = ok.value()->swapoff("/dev/nonexistent");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("Invalid argument"));
}

TEST_CASE("timeline actions parse from TIME:ACTION with clear errors") {
    auto a = parse_timeline_action("10s:vm.min_free_kbytes=3000000", 4, "/dev/sdb1");
    REQUIRE(a);
    CHECK(a->at_ns == 10'000'000'000);
    CHECK(a->kind == TimelineAction::Kind::Sysctl);
    CHECK(a->sysctl.values == std::vector<std::int64_t>{3000000});
    auto on = parse_timeline_action("250ms:swapon=2G,prio=7,kind=hdd", 4, "/dev/sdc1");
    REQUIRE(on);
    CHECK(on->swap.name == "/dev/sdc1");
    CHECK(on->swap.size_bytes == 2ull << 30);
    CHECK(on->swap.prio == 7);
    CHECK(on->swap.kind == SwapKind::HDD);
    auto off = parse_timeline_action("20s:swapoff=/dev/sdb1", 4, "");
    REQUIRE(off);
    CHECK(off->device == "/dev/sdb1");
    CHECK_THAT(parse_timeline_action("vm.swappiness=10", 4, "").error(), Catch::Contains("TIME:ACTION"));
    CHECK_THAT(parse_timeline_action("1s:vm.swappiness=500", 4, "").error(), Catch::Contains("vm.swappiness"));
    CHECK_THAT(parse_timeline_action("1s:swapon=1G,kind=tape", 4, "x").error(), Catch::Contains("hdd, ssd or zram"));
    CHECK_THAT(parse_timeline_action("1s:swapoff=", 4, "").error(), Catch::Contains("needs the device's name"));
    CHECK_FALSE(parse_timeline_action("soon:vm.swappiness=10", 4, ""));
}

TEST_CASE("a timeline sysctl write takes effect at its time") {
    EngineConfig c = machine_config(1024);
    TimelineAction w;
    w.at_ns = 2'000'000'000;
    w.sysctl = SysctlWrite{"vm.min_free_kbytes", {100000}};
    c.timeline.push_back(w);
    auto e = make_engine(c);
    e->run_until(w.at_ns - 1);
    const auto min_before = e->kernel().machine.nodes[0].zones[1].min_wmark_pages();
    e->run_until(w.at_ns);
    const auto min_after = e->kernel().machine.nodes[0].zones[1].min_wmark_pages();
    CHECK(min_after > min_before);
    // __setup_per_zone_wmarks(): pages_min = 100000 kB >> 2 = 25000 pages, DMA32's share of the
    // lowmem (non-Movable) managed pages.
    std::uint64_t lowmem = 0;
    e->kernel().machine.for_each_zone([&](const Zone& z) { if (z.type != ZoneType::Movable) lowmem += z.managed_pages; });
    CHECK(min_after == 25000 * e->kernel().machine.nodes[0].zones[1].managed_pages / lowmem);
    CHECK(e->kernel().sysctl.min_free_kbytes == 100000);
    REQUIRE(!e->kernel().events.items.empty());
    CHECK(e->kernel().events.items.back().t_ns == w.at_ns);
}

namespace {
// Slots of area 0 by their swap_map count (SWAP_HAS_CACHE masked off).
std::map<int, std::uint64_t> count_histogram(const Engine& e) {
    const auto* swapsys = &e.kernel().swap;
    std::map<int, std::uint64_t> h;
    const SwapInfo* si = swapsys->space().swap_info(0);
    for (std::uint32_t o = 1; o < si->max; ++o) ++h[swapsys->space().swap_count(SwapEntry{0, o})];
    return h;
}
} // namespace

TEST_CASE("a fork shares swap entries: a count per process and freed with the last one") {
    // "db" fills 300 MiB, then forks "worker", which keeps reading that memory at random; a hog
    // then pushes shared pages out: try_to_unmap() gives both PTEs the entry (count 2).
    EngineConfig c = with_swap(512, 1024);
    c.tasks.push_back(anon_task("db", 300, false, 400));
    TaskSpec worker = anon_task("worker", 300, true, 20);
    worker.fork_of = "db";
    worker.start_ns = 1'000'000'000;
    c.tasks.push_back(worker);
    TaskSpec hog = anon_task("hog", 400, false, 100);
    hog.start_ns = 2'000'000'000;
    c.tasks.push_back(hog);
    c.tasks[0].exit_ns = 12'000'000'000; // db exits; the worker keeps the pages it shares
    auto e = make_engine(c);
    e->run_until(1'000'000'001);
    const auto& k = e->kernel();
    const auto& db = k.spaces[static_cast<std::size_t>(k.procs[0].anon_space)];
    const auto& wk = k.spaces[static_cast<std::size_t>(k.procs[1].anon_space)];
    // The fork shared every page: both map the same frames.
    CHECK(wk.nr_resident == MiB_pages(300));
    CHECK(wk.pages == db.pages);
    CHECK(k.machine.nodes[0][NR_ANON_MAPPED] == static_cast<std::int64_t>(MiB_pages(300))); // pages, not mappings

    e->run_until(11'000'000'000);
    REQUIRE_FALSE(e->check_invariants()); // Σ swap_map counts == Σ MM_SWAPENTS, every frame mapped or cached
    auto h = count_histogram(*e);
    INFO("slots with count 1: " << h[1] << ", count 2: " << h[2]);
    CHECK(h[2] > 1000);        // shared pages swapped out: one reference per process
    CHECK(h[1] > 0);           // and some the worker swapped in again (db's reference left)
    CHECK(h[3] == 0);
    // Σ over processes of MM_SWAPENTS == Σ of the swap_map counts (each swap PTE is one
    // reference, swap_duplicate() in try_to_unmap()).
    std::uint64_t refs = 0, swapents = 0;
    for (const auto& [count, slots] : h) refs += static_cast<std::uint64_t>(count) * slots;
    for (const auto& p : k.procs) swapents += p.swapents;
    CHECK(refs == swapents);
    CHECK(k.procs[0].swapents > 1000);
    CHECK(k.procs[1].swapents > 1000);
    const std::uint64_t worker_swapents = k.procs[1].swapents;

    e->run_until(12'500'000'000);
    CHECK(k.procs[0].exited);
    CHECK_FALSE(e->task_stats()[0].oom_killed);
    REQUIRE_FALSE(e->check_invariants());
    h = count_histogram(*e);
    CHECK(h[2] == 0);                                   // db's references are gone
    CHECK(k.procs[1].swapents <= worker_swapents + 64); // the worker's stay (it may swap some in/out)
    CHECK(k.procs[1].alive);
}

TEST_CASE("a task that exits frees its memory and its swap slots") {
    EngineConfig c = with_swap(512, 1024);
    c.tasks.push_back(anon_task("a", 700, false, 400));
    c.tasks[0].exit_ns = 5'000'000'000;
    auto e = make_engine(c);
    e->run_until(4'900'000'000);
    const auto& k = e->kernel();
    REQUIRE(k.procs[0].swapents > 0);
    const auto free_before = k.machine.nodes[0].zones[1].nr_free_pages;
    e->run_until(5'100'000'000);
    CHECK(k.procs[0].exited);
    CHECK(k.swap.slots_in_use() == 0);
    CHECK(k.machine.nodes[0][NR_ANON_MAPPED] == 0);
    CHECK(k.machine.nodes[0].zones[1].nr_free_pages > free_before);
    REQUIRE_FALSE(e->check_invariants());
}

TEST_CASE("fork_of must name an earlier task with anonymous memory") {
    EngineConfig c = machine_config(512);
    TaskSpec child = anon_task("child", 10, false);
    child.fork_of = "nobody";
    c.tasks.push_back(child);
    auto e = Engine::create(c);
    REQUIRE_FALSE(e);
    CHECK_THAT(e.error(), Catch::Contains("'child' is a fork of 'nobody', which is not another task"));
    c.tasks.insert(c.tasks.begin(), read_task("nobody", 10, 10));
    e = Engine::create(c);
    REQUIRE_FALSE(e);
    CHECK_THAT(e.error(), Catch::Contains("only a task with anonymous memory can be forked"));
}

TEST_CASE("swapoff brings a shared entry back to every process that holds it") {
    EngineConfig c = with_swap(512, 1024);
    c.tasks.push_back(anon_task("db", 300, false, 400));
    TaskSpec worker = anon_task("worker", 300, true, 20);
    worker.fork_of = "db";
    worker.start_ns = 1'000'000'000;
    c.tasks.push_back(worker);
    TaskSpec hog = anon_task("hog", 400, false, 100);
    hog.start_ns = 2'000'000'000;
    hog.exit_ns = 10'000'000'000; // leaves room for swapoff
    c.tasks.push_back(hog);
    TimelineAction off;
    off.at_ns = 11'000'000'000;
    off.kind = TimelineAction::Kind::Swapoff;
    off.device = "/dev/sdb1";
    c.timeline.push_back(off);
    auto e = make_engine(c);
    e->run_until(off.at_ns - 1);
    REQUIRE(count_histogram(*e)[2] > 1000);
    e->run_until(off.at_ns + 10'000'000'000);
    const auto& k = e->kernel();
    INFO(all_events(*e).substr(0, 2000));
    CHECK(events_of(*e, EventType::Swap).find("swapoff /dev/sdb1: done") != std::string::npos);
    CHECK(k.procs[0].swapents == 0);
    CHECK(k.procs[1].swapents == 0);
    const auto& db = k.spaces[static_cast<std::size_t>(k.procs[0].anon_space)];
    const auto& wk = k.spaces[static_cast<std::size_t>(k.procs[1].anon_space)];
    CHECK(db.nr_resident == MiB_pages(300));
    CHECK(wk.nr_resident == MiB_pages(300));
    // Pages the worker had not swapped in are shared again (one frame, two PTEs).
    std::uint64_t same = 0;
    for (std::size_t i = 0; i < db.pages.size(); ++i) same += db.pages[i] == wk.pages[i];
    CHECK(same == MiB_pages(300));
    REQUIRE_FALSE(e->check_invariants());
}

TEST_CASE("during swapoff /proc/meminfo counts the pages still on the area as si_swapinfo does") {
    // si_swapinfo(): SwapTotal = total_swap_pages + nr_to_be_unused, SwapFree = nr_swap_pages +
    // nr_to_be_unused. sys_swapoff() has already taken the area's pages out of both counters, so
    // with a single area SwapTotal shows the pages still in use and SwapFree shows 0.
    EngineConfig c = with_swap(512, 1024);
    c.tasks.push_back(anon_task("big", 900, false, 400));
    auto e = make_engine(c);
    e->run_until(10'000'000'000);
    const auto* swapsys = &e->kernel().swap;
    const SwapInfo& si = *swapsys->space().swap_info(0);
    const std::uint64_t pages = si.pages;
    REQUIRE(si.inuse_pages > 0);
    auto kb = [&](const std::string& key) {
        const std::string meminfo = format_meminfo(e->kernel());
        const auto at = meminfo.find(key + ":");
        REQUIRE(at != std::string::npos);
        return std::stoull(meminfo.substr(at + key.size() + 1));
    };
    CHECK(kb("SwapTotal") == pages * 4);
    CHECK(kb("SwapFree") == (pages - si.inuse_pages) * 4);
    REQUIRE(e->swapoff("/dev/sdb1"));
    for (int step = 0; step < 3; ++step) {
        INFO("step " << step << ", " << si.inuse_pages << " pages still in use");
        CHECK(kb("SwapTotal") == static_cast<std::uint64_t>(si.inuse_pages) * 4);
        CHECK(kb("SwapFree") == 0);
        e->run_until(e->now() + 5'000'000);
    }
}

TEST_CASE("swapoff of an area with no page on it is done at once") {
    // Slots come from the highest priority first (folio_alloc_swap() on swap_avail_head): with
    // 1 GiB at priority 10 and 300 MiB of swapped memory, the priority-5 area holds nothing.
    // try_to_unuse() then has nothing to read and sys_swapoff() returns: no swapoff process.
    EngineConfig c = with_swap(512, 1024);
    c.swap_devices[0].prio = 10;
    c.swap_devices.push_back(SwapDeviceSpec{.name = "/dev/sdc1", .size_bytes = 256u << 20, .prio = 5});
    c.tasks.push_back(anon_task("big", 800, true, 400));
    auto e = make_engine(c);
    e->run_until(4'000'000'000);
    const auto& k = e->kernel();
    const auto* swapsys = &e->kernel().swap;
    REQUIRE(swapsys->space().swap_info(0)->inuse_pages > 0);
    REQUIRE(swapsys->space().swap_info(1)->inuse_pages == 0);
    const auto procs = k.procs.size();
    auto r = e->swapoff("/dev/sdc1");
    REQUIRE(r);
    CHECK(*r == -1);
    CHECK(k.procs.size() == procs);
    CHECK(events_of(*e, EventType::Swap).find("swapoff /dev/sdc1: done, no page was on the device") != std::string::npos);
    CHECK(swapsys->space().swap_info(1) == nullptr);
    CHECK(format_swaps(k).find("/dev/sdc1") == std::string::npos);
    e->run_until(6'000'000'000);
    REQUIRE_FALSE(e->check_invariants());
}

TEST_CASE("munmap of a page whose swap entry a fork still holds leaves it in the swap cache") {
    // db faults back pages whose entries the worker (a fork) still holds: swap_map count 1
    // (the worker's PTE) + SWAP_HAS_CACHE. db's munmap() drops only db's mapping
    // (zap_pte_range()); the page stays in the swap cache for the worker, unmapped.
    EngineConfig c = with_swap(512, 1024);
    TaskSpec db{.name = "db"};
    db.phases = {Phase{.kind = Phase::Kind::Alloc, .pages = MiB_pages(300), .pages_per_sec = MiB_pages(400)},
                 Phase{.kind = Phase::Kind::Touch, .pages_per_sec = MiB_pages(50), .pattern = Phase::Pattern::Random,
                       .loop = true, .duration_ns = 5'000'000'000},
                 Phase{.kind = Phase::Kind::Free, .pages = MiB_pages(300)}};
    c.tasks.push_back(db);
    TaskSpec worker = anon_task("worker", 1, false, 1); // sleeps on its shared memory
    worker.phases = {Phase{.kind = Phase::Kind::Sleep, .duration_ns = 100'000'000'000}};
    worker.fork_of = "db";
    worker.start_ns = 800'000'000;
    c.tasks.push_back(worker);
    TaskSpec hog = anon_task("hog", 400, false, 100);
    hog.start_ns = 1'000'000'000;
    c.tasks.push_back(hog);
    auto e = make_engine(c);
    const auto& k = e->kernel();
    const auto& dbs = k.spaces[static_cast<std::size_t>(k.procs[0].anon_space)];
    const auto& wks = k.spaces[static_cast<std::size_t>(k.procs[1].anon_space)];
    REQUIRE(wks.anon_vma_root == k.procs[0].anon_space);
    // Just before the free: the pages db maps while the worker holds their swap entries.
    e->run_until(5'700'000'000);
    REQUIRE_FALSE(e->check_invariants());
    std::vector<frame_t> cached;
    for (std::size_t i = 0; i < dbs.pages.size(); ++i)
        if (is_resident(dbs.pages[i]) && dbs.pages[i] != kNoFrame && is_token(wks.pages[i])) cached.push_back(dbs.pages[i]);
    REQUIRE(cached.size() > 100);
    const auto unmapped_before = k.machine.nodes[0][NR_SWAPCACHE_UNMAPPED];
    e->run_until(6'500'000'000);
    REQUIRE(dbs.nr_resident == 0);
    REQUIRE(dbs.nr_nonresident == 0);
    for (const frame_t f : cached) {
        INFO("frame " << f);
        CHECK(k.frames.test(f, PG_swapcache));
        CHECK_FALSE(k.frames.test(f, PG_mapped));
    }
    CHECK(k.machine.nodes[0][NR_SWAPCACHE_UNMAPPED] >= unmapped_before + static_cast<std::int64_t>(cached.size()));
    REQUIRE_FALSE(e->check_invariants());
}

TEST_CASE("a run's memory budget counts swapon's swap_map and refuses beyond the budget") {
    EngineConfig c = with_swap(1024, 64 * 1024);
    const RunCost cost = estimate_run_cost(c, 1'000'000'000);
    // swapon() allocates swap_map, a byte per slot, and a cluster per SWAPFILE_CLUSTER slots
    // (mm/swapfile.c), whatever the tasks later swap.
    const std::uint64_t slots = (64ull << 30) / kPageSize;
    CHECK(cost.swap >= slots + slots / SWAPFILE_CLUSTER * sizeof(SwapCluster));
    CHECK(cost.frames == c.machine.total_present() * kBytesPerFrame);
    // Exactly at the budget runs; a byte under is refused with the figures.
    CHECK_FALSE(check_run_budget(c, 1'000'000'000, cost.total()));
    const auto over = check_run_budget(c, 1'000'000'000, cost.total() - 1);
    REQUIRE(over);
    CHECK(over->find("this run needs about") != std::string::npos);
    CHECK(over->find("for the swap slots") != std::string::npos);
    // No budget known (no /proc/meminfo, no ulimit -v): nothing is refused.
    CHECK_FALSE(check_run_budget(c, 1'000'000'000, 0));
    // This machine has a budget, and a quarter of its memory at most.
    CHECK(host_memory_budget() > 0);
}
