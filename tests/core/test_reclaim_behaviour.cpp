// Reclaim behaviour of whole runs: what a kernel developer expects to see, checked on the
// simulated kernel's counters.
#include "mm/watermarks.h"
#include "mm/page_alloc.h"
#include "mm/writeback.h"
#include "procfs/vmstat.h"
#include "reclaim_helpers.h"

using namespace rs;

namespace {

double anon_scan_share(int swappiness) {
    // 1 GiB: 500 MiB of anonymous memory touched at random, and a 600 MiB file read at random.
    // Both are re-used, so file pages get activated and reclaim has to choose.
    EngineConfig c = machine_config(1024);
    c.sysctl_writes.push_back(SysctlWrite{"vm.swappiness", {swappiness}});
    c.tasks.push_back(anon_task("app", 500, true));
    c.tasks.push_back(read_task("db", 600, 200, true, true));
    auto e = make_engine(c, MiB_pages(2048));
    e->run_until(30'000'000'000);
    const auto& vm = e->kernel().vmstat;
    const double anon = static_cast<double>(vm[PGSCAN_ANON]);
    const double file = static_cast<double>(vm[PGSCAN_FILE]);
    return anon + file > 0 ? anon / (anon + file) : 0.0;
}

std::int64_t stat_sum(const Engine& e, NodeStat s) {
    std::int64_t v = 0;
    for (const auto& n : e.kernel().machine.nodes) v += n[s];
    return v;
}

} // namespace

TEST_CASE("swappiness 0 never scans anon while the page cache is not tiny") {
    EngineConfig c = machine_config(1024);
    c.sysctl_writes.push_back(SysctlWrite{"vm.swappiness", {0}});
    c.tasks.push_back(anon_task("app", 500, true));
    c.tasks.push_back(read_task("db", 600, 200, true, true));
    auto e = make_engine(c, MiB_pages(2048));
    e->run_until(30'000'000'000);
    const auto& vm = e->kernel().vmstat;
    CHECK(vm[PGSCAN_FILE] > 10000);
    CHECK(vm[PGSCAN_ANON] == 0);
    CHECK(vm[PSWPOUT] == 0);
}

TEST_CASE("the anon share of scanning rises with swappiness") {
    const double s10 = anon_scan_share(10);
    const double s60 = anon_scan_share(60);
    const double s100 = anon_scan_share(100);
    const double s200 = anon_scan_share(200);
    INFO("anon share of pgscan: 10 -> " << s10 << ", 60 -> " << s60 << ", 100 -> " << s100 << ", 200 -> " << s200);
    CHECK(s10 < s60);
    CHECK(s60 < s100);
    CHECK(s100 < s200);
    CHECK(s200 > 0.9); // swappiness 200: file pages get no pressure in SCAN_FRACT
}

TEST_CASE("without swap anonymous memory is never scanned for reclaim") {
    EngineConfig c = machine_config(1024);
    c.tasks.push_back(anon_task("app", 500, true));
    c.tasks.push_back(read_task("db", 600, 200, true, true));
    auto e = make_engine(c);
    e->run_until(10'000'000'000);
    CHECK(e->kernel().vmstat[PGSCAN_ANON] == 0);
    CHECK(e->kernel().vmstat[PGSCAN_FILE] > 0);
}

TEST_CASE("a streaming read does not evict a hot working set that was touched twice") {
    // A 200 MiB file read over and over, and an 8 GiB file streamed once, on 1 GiB.
    EngineConfig c = machine_config(1024);
    c.tasks.push_back(read_task("hot", 200, 400, true, false));
    c.tasks.push_back(read_task("backup", 8192, 300, false, false, 2'000'000'000));
    auto e = make_engine(c);
    e->run_until(20'000'000'000);
    const auto& k = e->kernel();
    const AddressSpace* hot = nullptr;
    for (const auto& as : k.spaces)
        if (as.name == "hot") hot = &as;
    REQUIRE(hot);
    const double resident = static_cast<double>(hot->nr_resident) / static_cast<double>(hot->pages.size());
    INFO("hot file resident: " << resident);
    CHECK(resident > 0.98);
    // The stream went through: a lot was reclaimed, and it was the stream.
    CHECK(k.vmstat[PGSTEAL_KSWAPD] + k.vmstat[PGSTEAL_DIRECT] > MiB_pages(2000));
    CHECK(k.pgdat(0).nr_lru[LRU_ACTIVE_FILE] >= static_cast<std::int64_t>(MiB_pages(195)));
}

TEST_CASE("refaults of a re-read file are activated when their distance is short") {
    auto run = [](std::uint64_t reread_mib) {
        // 400 MiB pinned anonymous memory (no swap), a 200 MiB hot file that stays active, and a
        // file re-read in a loop: it refaults once it no longer fits.
        EngineConfig c = machine_config(1024);
        c.tasks.push_back(anon_task("app", 400, false));
        c.tasks.push_back(read_task("hot", 200, 400, true, false));
        c.tasks.push_back(read_task("reread", reread_mib, 400, true, false, 1'000'000'000));
        auto e = make_engine(c);
        e->run_until(30'000'000'000);
        return std::make_pair(stat_sum(*e, WORKINGSET_REFAULT_FILE), stat_sum(*e, WORKINGSET_ACTIVATE_FILE));
    };
    // A little too big: a page comes back after fewer evictions than the active list holds.
    const auto [near_refaults, near_activations] = run(420);
    // Far too big: the distance exceeds the workingset, so refaults stay inactive.
    const auto [far_refaults, far_activations] = run(2000);
    INFO("near: " << near_refaults << " refaults, " << near_activations << " activated; far: " << far_refaults
                  << " refaults, " << far_activations << " activated");
    CHECK(near_refaults > 1000);
    CHECK(near_activations > near_refaults / 10);
    CHECK(far_refaults > 1000);
    CHECK(far_activations < far_refaults / 100);
}

TEST_CASE("OOM kills the task with the most memory when anonymous memory exceeds RAM") {
    EngineConfig c = machine_config(512);
    c.tasks.push_back(anon_task("small", 100, false, 200));
    c.tasks.push_back(anon_task("big", 600, false, 200));
    auto e = make_engine(c);
    std::string first_kill;
    e->set_event_listener([&](const Event& ev) {
        if (ev.type == EventType::OomKill && first_kill.empty()) first_kill = ev.text;
    });
    e->run_until(10'000'000'000);
    CHECK(e->kernel().vmstat[OOM_KILL] == 1);
    // pids as a boot gives them: init 1, kthreadd 2, kswapd0 3, the flusher's kworker 4, then
    // the tasks in start order. One alloc phase of 600 MiB mapped it all at once (total_vm).
    CHECK(e->kernel().procs[1].pid == 6);
    CHECK(first_kill.rfind("Out of memory: Killed process 6 (big) total-vm:614400kB", 0) == 0);
    CHECK(e->task_stats()[1].oom_killed);
    CHECK_FALSE(e->task_stats()[0].oom_killed);
    CHECK(e->kernel().procs[0].alive);
    // The victim's memory went back: the survivor holds its 100 MiB and nothing leaked.
    CHECK(e->kernel().pgdat(0)[NR_ANON_MAPPED] == static_cast<std::int64_t>(MiB_pages(100)));
    REQUIRE_FALSE(e->check_invariants());
    // Before the kill the allocator tried direct reclaim, and counted it.
    CHECK(e->kernel().vmstat[ALLOCSTALL_MOVABLE] > 0);
}

TEST_CASE("oom_score_adj -1000 protects a task from the OOM killer") {
    EngineConfig c = machine_config(512);
    c.tasks.push_back(anon_task("small", 200, false, 200));
    c.tasks.push_back(anon_task("big", 300, false, 200));
    c.tasks[1].oom_score_adj = -1000;
    c.tasks[1].start_ns = 100'000'000;
    auto e = make_engine(c);
    e->run_until(10'000'000'000);
    // select_bad_process() skips OOM_SCORE_ADJ_MIN (oom_badness() returns LONG_MIN), so "small"
    // is the only candidate: exactly one kill, and then nothing is left to kill.
    CHECK(e->kernel().vmstat[OOM_KILL] == 1);
    CHECK(e->task_stats()[0].oom_killed);
    CHECK_FALSE(e->task_stats()[1].oom_killed);
}

TEST_CASE("direct reclaim happens only when allocation outruns kswapd") {
    struct Run {
        VmEvents vm;
        std::int64_t read = 0, file_pages = 0;
    };
    auto run = [](double mib_per_s, std::int64_t scan_ns) {
        EngineConfig c = machine_config(1024);
        c.cost.scan_page_ns = scan_ns;
        c.tasks.push_back(read_task("reader", 4096, mib_per_s, true));
        auto e = make_engine(c);
        e->run_until(20'000'000'000);
        return Run{e->kernel().vmstat, static_cast<std::int64_t>(e->task_stats()[0].page_cache_misses),
                   stat_sum(*e, NR_FILE_PAGES)};
    };
    auto allocstall = [](const VmEvents& vm) { return vm[ALLOCSTALL_MOVABLE] + vm[ALLOCSTALL_NORMAL] + vm[ALLOCSTALL_DMA32]; };
    // 64 MiB/s: kswapd keeps up.
    const Run slow = run(64, 80);
    CHECK(allocstall(slow.vm) == 0);
    CHECK(slow.vm[PGSTEAL_DIRECT] == 0);
    // 2 GiB/s against a kswapd that needs 5 us per scanned page: tasks reclaim for themselves.
    const Run fast = run(2048, 5000);
    CHECK(allocstall(fast.vm) > 0);
    CHECK(fast.vm[PGSTEAL_DIRECT] > 0);
    for (const Run* r : {&slow, &fast}) {
        // A 4 GiB loop on 1 GiB: every page is read once per pass and evicted before its next
        // read (refault distance > workingset size: workingset_refault() does not activate),
        // so folio_check_references() answers RECLAIM_CLEAN for each scanned page and nothing is
        // activated or skipped (every zone is below the reclaim index): pgsteal == pgscan.
        CHECK(r->vm[PGACTIVATE] == 0);
        CHECK(r->vm[PGSTEAL_DIRECT] == r->vm[PGSCAN_DIRECT]);
        CHECK(r->vm[PGSTEAL_KSWAPD] == r->vm[PGSCAN_KSWAPD]);
        // Page cache conserved: every page read in is still cached or was reclaimed.
        CHECK(static_cast<std::int64_t>(r->vm[PGSTEAL_KSWAPD] + r->vm[PGSTEAL_DIRECT]) == r->read - r->file_pages);
        // pgpgin is in kB: one 4 KiB page per read.
        CHECK(r->vm[PGPGIN] == 4 * static_cast<std::uint64_t>(r->read));
    }
}

TEST_CASE("the same configuration and seed give an identical /proc/vmstat") {
    auto dump = [](std::uint64_t seed) {
        EngineConfig c = machine_config(1024);
        c.seed = seed;
        c.tasks.push_back(anon_task("app", 500, true));
        c.tasks.push_back(read_task("db", 600, 200, true, true));
        auto e = make_engine(c, MiB_pages(2048));
        e->run_until(10'000'000'000);
        return format_vmstat(e->kernel());
    };
    const std::string a = dump(7);
    CHECK(a == dump(7));
    CHECK(a != dump(8));
}

TEST_CASE("writers are throttled at the dirty limit and the flusher cleans behind them") {
    EngineConfig c = machine_config(2048);
    c.tasks.push_back(TaskSpec{.name = "writer", .kind = TaskSpec::Kind::WriteFile, .pages = MiB_pages(3072),
                               .pages_per_sec = 1024 * 256, .loop = false});
    auto e = make_engine(c);
    std::int64_t max_dirty = 0;
    std::uint64_t max_limit = 0;
    for (std::int64_t t = 0; t < 20'000'000'000; t += 50'000'000) {
        e->run_until(t);
        max_dirty = std::max(max_dirty, stat_sum(*e, NR_DIRTY) + stat_sum(*e, NR_WRITEBACK));
        max_limit = std::max(max_limit, global_dirty_limits(e->kernel()).dirty);
    }
    const auto st = e->task_stats()[0];
    CHECK(st.dirty_throttle_ns > 0);
    CHECK(stat_sum(*e, NR_WRITTEN) > static_cast<std::int64_t>(MiB_pages(1000)));
    // Every page dirtied (folio_account_dirtied(): nr_dirtied) is still dirty, under writeback,
    // or its writeback ended (folio_end_writeback(): nr_written): the writer dirties each page
    // once and reclaim never frees a dirty page.
    CHECK(stat_sum(*e, NR_DIRTIED) == stat_sum(*e, NR_DIRTY) + stat_sum(*e, NR_WRITEBACK) + stat_sum(*e, NR_WRITTEN));
    // The writer wrote whole pages (no read), so it dirtied one page per page it faulted in.
    CHECK(stat_sum(*e, NR_DIRTIED) == static_cast<std::int64_t>(st.page_cache_misses));
    // The writer stops at the limit; one batch of pages may land past it.
    CHECK(static_cast<std::uint64_t>(max_dirty) <= max_limit + 32);
    REQUIRE_FALSE(e->check_invariants());
}

TEST_CASE("mlocked memory goes to the unevictable list and is never reclaimed") {
    EngineConfig c = machine_config(1024);
    TaskSpec locked = anon_task("locked", 200, false);
    locked.mlock = true;
    c.tasks.push_back(locked);
    c.tasks.push_back(read_task("stream", 4096, 400, true, false, 1'000'000'000));
    auto e = make_engine(c, MiB_pages(1024));
    e->run_until(15'000'000'000);
    const auto& pg = e->kernel().pgdat(0);
    CHECK(pg.nr_lru[LRU_UNEVICTABLE] == static_cast<std::int64_t>(MiB_pages(200)));
    CHECK(pg[NR_MLOCK] == static_cast<std::int64_t>(MiB_pages(200)));
    CHECK(e->kernel().vmstat[UNEVICTABLE_PGS_MLOCKED] == MiB_pages(200));
    CHECK(e->kernel().vmstat[PSWPOUT] == 0);
}

TEST_CASE("vfs_cache_pressure decides how much of the dentry cache reclaim takes") {
    auto run = [](int pressure) {
        EngineConfig c = machine_config(1024);
        c.sysctl_writes.push_back(SysctlWrite{"vm.vfs_cache_pressure", {pressure}});
        c.tasks.push_back(TaskSpec{.name = "find", .kind = TaskSpec::Kind::SlabGrow, .pages = MiB_pages(200),
                                   .pages_per_sec = 1e6});
        c.tasks.push_back(read_task("stream", 4096, 400, true, false, 2'000'000'000));
        auto e = make_engine(c);
        e->run_until(20'000'000'000);
        return std::make_pair(e->kernel().vmstat[SLABS_SCANNED], stat_sum(*e, NR_SLAB_RECLAIMABLE));
    };
    const auto none = run(0);
    const auto normal = run(100);
    const auto high = run(1000);
    CHECK(none.first == 0);
    CHECK(none.second == static_cast<std::int64_t>(MiB_pages(200)));
    CHECK(normal.first > 0);
    CHECK(high.first > normal.first);
    CHECK(high.second <= normal.second);
}

TEST_CASE("zone_reclaim_mode keeps allocations on the local node") {
    auto remote_allocs = [](int mode) {
        EngineConfig c;
        c.machine = x86_64_machine(4ull << 30, 2);
        c.thp = ThpMode::Never;
        c.sysctl_writes.push_back(SysctlWrite{"vm.zone_reclaim_mode", {mode}});
        c.tasks.push_back(read_task("reader", 6144, 400, true));
        auto e = make_engine(c);
        e->run_until(20'000'000'000);
        // Pages in use on node 1 (the reader runs on node 0).
        std::int64_t used = 0;
        for (const auto& z : e->kernel().pgdat(1).zones)
            used += static_cast<std::int64_t>(z.managed_pages) - z.nr_free_pages;
        return std::make_pair(used, e->kernel().vmstat[ZONE_RECLAIM_SUCCESS]);
    };
    const auto off = remote_allocs(0);
    const auto on = remote_allocs(1);
    CHECK(off.first > static_cast<std::int64_t>(MiB_pages(1000)));
    CHECK(on.second > 0);
    CHECK(on.first < static_cast<std::int64_t>(MiB_pages(10)));
}

TEST_CASE("tasks share the simulated CPUs") {
    auto waits = [](int cpus) {
        EngineConfig c = machine_config(1024);
        c.machine.cpus = cpus;
        c.cost.page_touch_ns = 20'000; // CPU-heavy touching
        c.tasks.push_back(anon_task("a", 100, true, 4000));
        c.tasks.push_back(anon_task("b", 100, true, 4000));
        c.tasks.push_back(anon_task("c", 100, true, 4000));
        auto e = make_engine(c);
        e->run_until(2'000'000'000);
        std::int64_t wait = 0;
        for (const auto& s : e->task_stats()) wait += s.runqueue_wait_ns;
        return wait;
    };
    CHECK(waits(1) > 1'000'000'000); // three runnable tasks, one CPU
    CHECK(waits(4) == 0);
}

TEST_CASE("GFP_ATOMIC dips into the reserve below min and GFP_NOWAIT does not and neither reclaims") {
    EngineConfig c = machine_config(512);
    auto e = make_engine(c);
    // Drain a copy of the kernel down to the min watermark with ordinary allocations.
    Kernel& k = const_cast<Kernel&>(e->kernel());
    const int highest = gfp_zone(GFP_KERNEL, k.machine);
    REQUIRE(highest == gfp_zone(GFP_ATOMIC, k.machine)); // both ZONE_NORMAL (gfp_zone of no zone bit)
    // __zone_watermark_ok() for order 0 fails once free <= mark + lowmem_reserve[highest]; one
    // page at a time, every zone of the zonelist ends exactly at that mark. GFP_NOWAIT's mark is
    // min itself (no ALLOC_MIN_RESERVE); GFP_ATOMIC's is min - min / 2, less a quarter of that
    // (ALLOC_NON_BLOCK, nested in the ALLOC_MIN_RESERVE branch).
    std::vector<std::int64_t> free0, nowait_mark, atomic_mark;
    std::int64_t want_nowait = 0, want_atomic = 0;
    for (const auto& z : k.pgdat(0).zones) {
        const auto reserve = static_cast<std::int64_t>(z.lowmem_reserve[static_cast<std::size_t>(highest)]);
        std::int64_t min = static_cast<std::int64_t>(z.min_wmark_pages());
        const std::int64_t nowait = min + reserve;
        min -= min / 2;
        min -= min / 4;
        const std::int64_t atomic = min + reserve;
        free0.push_back(z.nr_free_pages);
        nowait_mark.push_back(z.managed() ? std::min(z.nr_free_pages, nowait) : z.nr_free_pages);
        atomic_mark.push_back(z.managed() ? std::min(nowait_mark.back(), atomic) : z.nr_free_pages);
        want_nowait += free0.back() - nowait_mark.back();
        want_atomic += nowait_mark.back() - atomic_mark.back();
    }
    REQUIRE(want_nowait > 0);
    REQUIRE(want_atomic > 0);
    std::uint64_t got = 0;
    for (;;) {
        AllocContext nowait;
        const auto r = __alloc_pages(k, GFP_NOWAIT, 0, 0, nowait);
        if (r.status != AllocResult::Status::Page) break;
        k.frames.flags[r.frame] = PG_reserved; // kernel memory outside the LRU
        k.pgdat(0)[NR_KERNEL_PAGES] += 1;
        ++got;
    }
    for (std::size_t i = 0; i < free0.size(); ++i) {
        INFO("zone " << i);
        // GFP_NOWAIT stopped at min (+ lowmem_reserve): no reduction without __GFP_HIGH.
        CHECK(k.pgdat(0).zones[i].nr_free_pages == nowait_mark[i]);
    }
    // Pages conserved: what GFP_NOWAIT got is what the zones gave down to their marks.
    CHECK(got == static_cast<std::uint64_t>(want_nowait));
    CHECK(k.vmstat[PGSTEAL_DIRECT] == 0);
    const auto before = k.vmstat[PGALLOC_DMA32];
    std::uint64_t atomic = 0;
    for (;;) {
        AllocContext a2;
        const auto r = __alloc_pages(k, GFP_ATOMIC, 0, 0, a2);
        if (r.status != AllocResult::Status::Page) break;
        k.frames.flags[r.frame] = PG_reserved;
        k.pgdat(0)[NR_KERNEL_PAGES] += 1;
        ++atomic;
    }
    // GFP_ATOMIC goes on to 37.5 % of min (MIN_RESERVE halves it, NON_BLOCK takes a quarter
    // of the rest).
    for (std::size_t i = 0; i < free0.size(); ++i) {
        INFO("zone " << i);
        CHECK(k.pgdat(0).zones[i].nr_free_pages == atomic_mark[i]);
    }
    CHECK(atomic == static_cast<std::uint64_t>(want_atomic));
    // pgalloc_dma32 counts the pages DMA32 gave between the two marks.
    CHECK(k.vmstat[PGALLOC_DMA32] - before == static_cast<std::uint64_t>(nowait_mark[1] - atomic_mark[1]));
    CHECK(k.vmstat[PGSTEAL_DIRECT] == 0);
    CHECK(k.vmstat[ALLOCSTALL_NORMAL] + k.vmstat[ALLOCSTALL_DMA32] + k.vmstat[ALLOCSTALL_MOVABLE] == 0);
    REQUIRE_FALSE(e->check_invariants());
}

TEST_CASE("referenced program text stays on the active list") {
    // A 100 MiB executable whose pages are touched through page tables, then a stream. With
    // active lists deactivated under pressure, only the VM_EXEC rule keeps the text resident.
    auto resident_text = [](bool exec) {
        EngineConfig c = machine_config(1024);
        TaskSpec text = read_task("app", 100, 2000, true, true);
        text.exec = exec;
        c.tasks.push_back(text);
        c.tasks.push_back(read_task("stream", 8192, 400, false, false, 1'000'000'000));
        auto e = make_engine(c);
        e->run_until(15'000'000'000);
        for (const auto& as : e->kernel().spaces)
            if (as.name == "app") return static_cast<double>(as.nr_resident) / static_cast<double>(as.pages.size());
        return 0.0;
    };
    CHECK(resident_text(true) > 0.99);
}

TEST_CASE("an mlocked range of a region is unevictable and the rest is not") {
    EngineConfig c = machine_config(1024);
    TaskSpec app = anon_task("app", 300, true);
    app.mlock_pages = MiB_pages(100);
    c.tasks.push_back(app);
    c.tasks.push_back(read_task("stream", 4096, 400, true, false, 1'000'000'000));
    auto e = make_engine(c, MiB_pages(1024));
    e->run_until(10'000'000'000);
    const auto& pg = e->kernel().pgdat(0);
    CHECK(pg.nr_lru[LRU_UNEVICTABLE] == static_cast<std::int64_t>(MiB_pages(100)));
    CHECK(pg.nr_lru[LRU_INACTIVE_ANON] + pg.nr_lru[LRU_ACTIVE_ANON] +
              static_cast<std::int64_t>(e->kernel().procs[0].swapents) ==
          static_cast<std::int64_t>(MiB_pages(200)));
}
