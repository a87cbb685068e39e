// Processes as the kernel sees them (issue 15): pids, mm_struct counters (total_vm, RSS, swap
// entries), delay accounting, and the OOM report against the kernel's format strings.
#include "mm/oom_kill.h"
#include "procfs/meminfo.h"
#include "procfs/pid_status.h"
#include "record/csv.h"
#include "record/frame_builder.h"
#include "reclaim_helpers.h"

#include <cstdio>
#include <regex>
#include <sstream>

using namespace rs;

namespace {

Phase alloc_phase(std::uint64_t mib, double mib_per_s = 400) {
    Phase ph;
    ph.kind = Phase::Kind::Alloc;
    ph.pages = MiB_pages(mib);
    ph.pages_per_sec = mib_per_s * 256;
    return ph;
}

Phase simple_phase(Phase::Kind kind, std::uint64_t mib = 0) {
    Phase ph;
    ph.kind = kind;
    ph.pages = MiB_pages(mib);
    return ph;
}

Phase sleep_phase(std::int64_t ns) {
    Phase ph;
    ph.kind = Phase::Kind::Sleep;
    ph.duration_ns = ns;
    return ph;
}

TaskSpec phased_task(const std::string& name, std::vector<Phase> phases, std::int64_t start_ns = 0) {
    TaskSpec t;
    t.name = name;
    t.kind = TaskSpec::Kind::AllocAnon;
    t.start_ns = start_ns;
    t.phases = std::move(phases);
    return t;
}

// The kernel log's lines, without their timestamps.
std::vector<std::string> log_lines(const Kernel& k) {
    std::vector<std::string> out;
    for (const auto& l : k.printk_log) out.push_back(l.text);
    return out;
}

std::string find_line(const std::vector<std::string>& lines, const std::string& start) {
    for (const auto& l : lines)
        if (l.rfind(start, 0) == 0) return l;
    return {};
}

// A printf format string as a regex: %d, %u, %lu, %hd, %ld, %5d, %8lu... match numbers, %s a
// word, %#x a hex number; everything else literally.
std::regex format_regex(const std::string& fmt) {
    std::string re;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        const char c = fmt[i];
        if (c == '%') {
            std::size_t j = i + 1;
            bool hex = false;
            if (fmt[j] == '#') hex = true, ++j;
            while (std::isdigit(static_cast<unsigned char>(fmt[j]))) ++j;
            while (fmt[j] == 'l' || fmt[j] == 'h') ++j;
            const char conv = fmt[j];
            if (conv == 's') re += ".+?";
            else if (conv == 'x' || hex) re += "0x[0-9a-f]+";
            else re += " *-?[0-9]+";
            i = j;
            continue;
        }
        if (std::string("\\^$.|?*+()[]{}").find(c) != std::string::npos) re += '\\';
        re += c;
    }
    return std::regex(re);
}

bool matches(const std::string& line, const std::string& fmt) { return std::regex_match(line, format_regex(fmt)); }

} // namespace

TEST_CASE("pids follow a boot: init kthreadd kswapd and the flusher first then tasks in start order") {
    EngineConfig c = machine_config(512);
    c.tasks.push_back(anon_task("late", 8, false));
    c.tasks.back().start_ns = 2'000'000'000;
    c.tasks.push_back(anon_task("early", 8, false));
    c.tasks.push_back(anon_task("a-name-longer-than-fifteen", 8, false));
    TaskSpec child = anon_task("child", 0, false);
    child.fork_of = "early";
    child.start_ns = 3'000'000'000;
    child.phases = {sleep_phase(1'000'000'000)};
    c.tasks.push_back(child);
    auto e = make_engine(c);
    const Kernel& k = e->kernel();
    REQUIRE(k.boot_tasks.size() == 4);
    CHECK(k.boot_tasks[0].pid == 1);
    CHECK(k.boot_tasks[1].pid == 2);
    CHECK(k.boot_tasks[1].comm == "kthreadd");
    CHECK(k.boot_tasks[2].comm == "kswapd0");
    CHECK(k.boot_tasks[2].ppid == 2);
    CHECK(k.boot_tasks[3].comm.rfind("kworker/", 0) == 0);
    // Start order: early (0 s) and the long name (0 s) in the scenario's order, late (2 s), child (3 s).
    CHECK(k.procs[1].pid == 5);
    CHECK(k.procs[2].pid == 6);
    CHECK(k.procs[0].pid == 7);
    CHECK(k.procs[3].pid == 8);
    CHECK(k.procs[3].ppid == k.procs[1].pid); // fork(): the parent's pid
    CHECK(k.procs[0].ppid == 1);
    CHECK(k.procs[2].comm == "a-name-longer-t"); // TASK_COMM_LEN - 1 characters
    CHECK(k.find_task(6) == &k.procs[2]);
    CHECK(find_proc_by_pid_or_comm(k, "early") == &k.procs[1]);
    CHECK(find_proc_by_pid_or_comm(k, "7") == &k.procs[0]);
    CHECK(find_proc_by_pid_or_comm(k, "nobody") == nullptr);
}

TEST_CASE("VmSize follows alloc and free and drops to zero at exit") {
    EngineConfig c = machine_config(1024);
    c.tasks.push_back(phased_task("vm", {alloc_phase(32), sleep_phase(500'000'000), alloc_phase(16),
                                         sleep_phase(500'000'000), simple_phase(Phase::Kind::Free, 8),
                                         sleep_phase(500'000'000), simple_phase(Phase::Kind::Exit)}));
    auto e = make_engine(c);
    const Process& p = e->kernel().procs[0];
    // An alloc phase maps its whole size at once (mmap), then faults the pages in.
    e->run_until(10'000'000);
    CHECK(p.total_vm == MiB_pages(32));
    e->run_until(300'000'000);
    CHECK(p.total_vm == MiB_pages(32));
    CHECK(mm_rss(e->kernel(), p) == MiB_pages(32));
    e->run_until(900'000'000);
    CHECK(p.total_vm == MiB_pages(48));
    e->run_until(1'400'000'000);
    CHECK(p.total_vm == MiB_pages(40));
    CHECK(p.hiwater_vm == MiB_pages(48));
    CHECK(mm_rss(e->kernel(), p) == MiB_pages(40));
    const std::string status = format_pid_status(e->kernel(), p);
    CHECK(status.find("VmPeak:\t   49152 kB\n") != std::string::npos);
    CHECK(status.find("VmSize:\t   40960 kB\n") != std::string::npos);
    CHECK(status.find("VmRSS:\t   40960 kB\n") != std::string::npos);
    CHECK(status.find("RssAnon:\t   40960 kB\n") != std::string::npos);
    CHECK(status.find("VmSwap:\t       0 kB\n") != std::string::npos);
    e->run_until(2'500'000'000);
    CHECK(p.exited);
    CHECK(p.total_vm == 0);
    CHECK(format_pid_status(e->kernel(), p).find("VmSize") == std::string::npos);
    // Every page was a minor fault of this task (no swap).
    CHECK(p.min_flt == MiB_pages(48));
    CHECK(p.maj_flt == 0);
}

TEST_CASE("Per-process RssAnon sums to nr_anon_pages and VmSwap to swap in use minus swap cache") {
    EngineConfig c = machine_config(512);
    c.tasks.push_back(anon_task("a", 300, true, 200));
    c.tasks.push_back(anon_task("b", 250, true, 200));
    c.tasks.push_back(phased_task("c", {alloc_phase(100), simple_phase(Phase::Kind::Free, 40)}));
    auto e = make_engine(c, MiB_pages(512));
    const Kernel& k = e->kernel();
    bool swapped = false;
    for (std::int64_t t = 1; t <= 12; ++t) {
        e->run_until(t * 500'000'000);
        std::uint64_t rss = 0, swapents = 0;
        for (const Process& p : k.procs) {
            if (!p.alive) continue;
            rss += mm_rss(k, p);
            swapents += p.swapents;
        }
        const auto [free, total] = k.swap.si_swapinfo();
        INFO("t=" << t * 500 << " ms");
        CHECK(static_cast<std::int64_t>(rss) == k.pgdat(0)[NR_ANON_MAPPED]);
        CHECK(swapents == total - free - k.swap.cache_only_slots());
        swapped |= swapents > 0;
    }
    CHECK(swapped);
}

TEST_CASE("A task's direct-reclaim delay is the sum of its direct-reclaim latencies") {
    // One task on one node: every direct reclaim of the node is its own.
    EngineConfig c = machine_config(512);
    c.tasks.push_back(anon_task("hog", 700, false, 400));
    auto e = make_engine(c, MiB_pages(512));
    e->run_until(6'000'000'000);
    const Kernel& k = e->kernel();
    const TaskDelayInfo& d = k.procs[0].delays;
    REQUIRE(k.pgdat(0).direct_reclaims > 0);
    CHECK(d.freepages_count == k.pgdat(0).direct_reclaims);
    CHECK(d.freepages_delay_ns == k.pgdat(0).direct_reclaim_ns);
    CHECK(d.freepages_delay_ns > 0);
    // Its faults: every page is a minor fault until swap-ins make some of them major.
    CHECK(k.procs[0].min_flt + k.procs[0].maj_flt == k.vmstat[PGFAULT]);
    CHECK(k.procs[0].maj_flt == k.vmstat[PGMAJFAULT]);
}

TEST_CASE("Swap-in delays are counted for the faulting task") {
    EngineConfig c = machine_config(512);
    c.tasks.push_back(anon_task("toucher", 600, true, 400));
    auto e = make_engine(c, MiB_pages(512));
    e->run_until(8'000'000'000);
    const Process& p = e->kernel().procs[0];
    REQUIRE(p.maj_flt > 0);
    CHECK(p.delays.swapin_count == p.maj_flt);
    CHECK(p.delays.swapin_delay_ns > 0);
    CHECK(p.delays.thrashing_count <= p.delays.swapin_count);
}

TEST_CASE("The OOM report follows the format strings of mm/oom_kill.c and mm/show_mem.c") {
    // The case: 512 MiB of RAM, 256 MiB of swap, sixty alloc phases of 32 MiB.
    EngineConfig c = machine_config(512);
    std::vector<Phase> phases;
    for (int i = 0; i < 60; ++i) phases.push_back(alloc_phase(32));
    c.tasks.push_back(phased_task("memhog", phases));
    auto e = make_engine(c, MiB_pages(256));
    e->run_until(20'000'000'000);
    const Kernel& k = e->kernel();
    REQUIRE(k.vmstat[OOM_KILL] == 1);
    const auto lines = log_lines(k);
    INFO(format_dmesg(k));

    // mm/oom_kill.c __oom_kill_process():
    //   "%s: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB,
    //    UID:%u pgtables:%lukB oom_score_adj:%hd\n"
    const std::string kill = find_line(lines, "Out of memory: Killed process");
    REQUIRE(!kill.empty());
    CHECK(matches(kill, "%s: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, "
                        "shmem-rss:%lukB, UID:%u pgtables:%lukB oom_score_adj:%hd"));
    unsigned long long total_vm_kb = 0, anon_kb = 0;
    int pid = 0;
    REQUIRE(std::sscanf(kill.c_str(), "Out of memory: Killed process %d (memhog) total-vm:%llukB, anon-rss:%llukB", &pid,
                        &total_vm_kb, &anon_kb) == 3);
    CHECK(pid == k.procs[0].pid);
    CHECK(pid == 5);
    // total-vm: what it had mapped when killed, whole 32 MiB phases, not the 1920 MiB of its plan.
    CHECK(total_vm_kb != 1966080);
    CHECK(total_vm_kb % 32768 == 0);
    // Everything it touched is resident or in the (full) swap area; the rest of its last
    // phase is mapped and not touched yet.
    CHECK(total_vm_kb >= anon_kb + 262144);
    CHECK(total_vm_kb < anon_kb + 262144 + 32768);

    // mm/oom_kill.c dump_header():
    //   "%s invoked oom-killer: gfp_mask=%#x(%pGg), order=%d, oom_score_adj=%hd\n"
    const std::string invoked = find_line(lines, "memhog invoked oom-killer:");
    CHECK(invoked == "memhog invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0");
    // mm/show_mem.c __show_mem(): "Mem-Info:\n", show_free_areas()'s first printk
    //   "active_anon:%lu inactive_anon:%lu isolated_anon:%lu\n"
    //   " active_file:%lu inactive_file:%lu isolated_file:%lu\n" ...
    //   " free:%lu free_pcp:%lu free_cma:%lu\n"
    CHECK(find_line(lines, "Mem-Info:") == "Mem-Info:");
    CHECK(matches(find_line(lines, "active_anon:"), "active_anon:%lu inactive_anon:%lu isolated_anon:%lu"));
    CHECK(matches(find_line(lines, " active_file:"), " active_file:%lu inactive_file:%lu isolated_file:%lu"));
    CHECK(matches(find_line(lines, " unevictable:"), " unevictable:%lu dirty:%lu writeback:%lu"));
    CHECK(matches(find_line(lines, " slab_reclaimable:"), " slab_reclaimable:%lu slab_unreclaimable:%lu"));
    CHECK(matches(find_line(lines, " mapped:"), " mapped:%lu shmem:%lu pagetables:%lu"));
    CHECK(matches(find_line(lines, " sec_pagetables:"), " sec_pagetables:%lu bounce:%lu"));
    CHECK(matches(find_line(lines, " kernel_misc_reclaimable:"), " kernel_misc_reclaimable:%lu"));
    CHECK(matches(find_line(lines, " free:"), " free:%lu free_pcp:%lu free_cma:%lu"));
    //   "Node %d active_anon:%lukB inactive_anon:%lukB ... all_unreclaimable? %s\n" (with
    //   CONFIG_TRANSPARENT_HUGEPAGE's three fields)
    CHECK(matches(find_line(lines, "Node 0 active_anon:"),
                  "Node %d active_anon:%lukB inactive_anon:%lukB active_file:%lukB inactive_file:%lukB "
                  "unevictable:%lukB isolated(anon):%lukB isolated(file):%lukB mapped:%lukB dirty:%lukB "
                  "writeback:%lukB shmem:%lukB shmem_thp:%lukB shmem_pmdmapped:%lukB anon_thp:%lukB "
                  "writeback_tmp:%lukB kernel_stack:%lukB pagetables:%lukB sec_pagetables:%lukB "
                  "all_unreclaimable? %s"));
    // show_node() then "%s free:%lukB boost:%lukB min:%lukB ... free_cma:%lukB\n"
    const std::string zone_fmt = "Node %d %s free:%lukB boost:%lukB min:%lukB low:%lukB high:%lukB "
                                 "reserved_highatomic:%luKB active_anon:%lukB inactive_anon:%lukB active_file:%lukB "
                                 "inactive_file:%lukB unevictable:%lukB writepending:%lukB present:%lukB "
                                 "managed:%lukB mlocked:%lukB bounce:%lukB free_pcp:%lukB local_pcp:%ukB "
                                 "free_cma:%lukB";
    CHECK(matches(find_line(lines, "Node 0 DMA free:"), zone_fmt));
    CHECK(matches(find_line(lines, "Node 0 DMA32 free:"), zone_fmt));
    CHECK(matches(find_line(lines, "lowmem_reserve[]:"), "lowmem_reserve[]: %ld %ld %ld %ld %ld"));
    const auto pagecache = std::find_if(lines.begin(), lines.end(),
                                        [](const std::string& l) { return l.find("total pagecache pages") != std::string::npos; });
    REQUIRE(pagecache != lines.end());
    CHECK(matches(*pagecache, "%ld total pagecache pages"));
    // mm/swap_state.c show_swap_cache_info():
    //   "%lu pages in swap cache\n", "Free swap  = %ldkB\n", "Total swap = %lukB\n"
    CHECK(find_line(lines, "Free swap  = ") == "Free swap  = 0kB");
    CHECK(find_line(lines, "Total swap = ") == "Total swap = 262144kB");
    CHECK(matches(find_line(lines, "Total swap"), "Total swap = %lukB"));
    // __show_mem(): "%lu pages RAM\n", "%lu pages HighMem/MovableOnly\n", "%lu pages reserved\n"
    CHECK(matches(find_line(lines, "0 pages HighMem"), "%lu pages HighMem/MovableOnly"));
    // dump_tasks(): "Tasks state (memory values in pages):\n", the header, then dump_task()'s
    //   "[%7d] %5d %5d %8lu %8lu %8lu %8lu %9lu %8ld %8lu         %5hd %s\n"
    CHECK(find_line(lines, "Tasks state") == "Tasks state (memory values in pages):");
    CHECK(find_line(lines, "[  pid  ]") == "[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem "
                                             "pgtables_bytes swapents oom_score_adj name");
    const std::string row = find_line(lines, "[      5]");
    CHECK(matches(row, "[%7d] %5d %5d %8lu %8lu %8lu %8lu %9lu %8ld %8lu         %5hd %s"));
    CHECK(row.find(" " + std::to_string(total_vm_kb / 4) + " ") != std::string::npos); // total_vm in pages
    // dump_oom_summary(): "oom-kill:constraint=%s,nodemask=%*pbl" ... ",task=%s,pid=%d,uid=%d\n"
    CHECK(find_line(lines, "oom-kill:") ==
          "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,"
          "task=memhog,pid=5,uid=0");
    // The order of dump_header(): invoked, Mem-Info, tasks, summary; then the kill line.
    auto at = [&](const std::string& start) {
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (lines[i].rfind(start, 0) == 0) return i;
        return lines.size();
    };
    CHECK(at("memhog invoked") < at("Mem-Info:"));
    CHECK(at("Mem-Info:") < at("Tasks state"));
    CHECK(at("Tasks state") < at("oom-kill:"));
    CHECK(at("oom-kill:") + 1 == at("Out of memory: Killed"));
    // The event log keeps the one-line summary.
    CHECK(k.events.items.end() != std::find_if(k.events.items.begin(), k.events.items.end(),
                                               [&](const Event& ev) { return ev.text == kill; }));
}

TEST_CASE("Before 6.8 the task table has no rss breakdown") {
    EngineConfig c = machine_config(512);
    c.machine.kernel_version = 515;
    c.tasks.push_back(anon_task("hog", 900, false, 400));
    auto e = make_engine(c);
    e->run_until(10'000'000'000);
    const auto lines = log_lines(e->kernel());
    REQUIRE(e->kernel().vmstat[OOM_KILL] == 1);
    CHECK(find_line(lines, "[  pid  ]") ==
          "[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name");
    // "[%7d] %5d %5d %8lu %8lu %8ld %8lu         %5hd %s\n"
    CHECK(matches(find_line(lines, "[      5]"), "[%7d] %5d %5d %8lu %8lu %8ld %8lu         %5hd %s"));
}

TEST_CASE("dmesg prints the swapon line with a timestamp as printk does") {
    EngineConfig c = machine_config(512);
    auto e = make_engine(c, MiB_pages(256));
    const std::string text = format_dmesg(e->kernel());
    // mm/swapfile.c: "Adding %uk swap on %s.  Priority:%d extents:%d across:%lluk %s%s%s%s\n"
    CHECK(text.rfind("[    0.000000] Adding ", 0) == 0);
    const std::string line = text.substr(15, text.find('\n') - 15);
    CHECK(matches(line, "Adding %uk swap on %s.  Priority:%d extents:%d across:%lluk SS"));
}

// The per-process series (record/proc_sample.h) that the Processes view and the CSV use.

namespace {
// A "Key:\t   123 kB" line of /proc/PID/status, in pages.
std::int64_t status_pages(const std::string& status, const std::string& key) {
    const auto at = status.find(key + ":");
    if (at == std::string::npos) return -1;
    return std::stoll(status.substr(at + key.size() + 1)) / 4;
}
} // namespace

TEST_CASE("Samples hold each live process RSS and swap and VmSize as /proc/PID/status prints them") {
    EngineConfig c = machine_config(512);
    c.tasks.push_back(anon_task("a", 300, true, 200));
    c.tasks.push_back(anon_task("b", 250, true, 200));
    auto e = make_engine(c, MiB_pages(512));
    const Kernel& k = e->kernel();
    bool swapped = false;
    for (std::int64_t t = 1; t <= 6; ++t) {
        e->run_until(t * 500'000'000);
        REQUIRE(e->recorder().samples.back().procs.size() == 2);
        const std::vector<ProcSample> now = sample_procs(k); // what take_sample() records
        for (const ProcSample& ps : now) {
            const std::string status = format_pid_status(k, *k.find_task(ps.pid));
            INFO(status);
            CHECK(static_cast<std::int64_t>(ps.rss) == status_pages(status, "VmRSS"));
            CHECK(static_cast<std::int64_t>(ps.swap) == status_pages(status, "VmSwap"));
            CHECK(static_cast<std::int64_t>(ps.vm) == status_pages(status, "VmSize"));
            swapped |= ps.swap > 0;
        }
        CHECK(std::is_sorted(now.begin(), now.end(), [](auto& x, auto& y) { return x.pid < y.pid; }));
    }
    CHECK(swapped);
}

TEST_CASE("A sample keeps the kSampledProcs processes with the most memory") {
    EngineConfig c = machine_config(512);
    for (int i = 0; i < 12; ++i) c.tasks.push_back(anon_task("t" + std::to_string(i), 4 + 4 * i, false, 200));
    auto e = make_engine(c);
    e->run_until(2'000'000'000);
    const Kernel& k = e->kernel();
    const Sample& s = e->recorder().samples.back();
    REQUIRE(s.procs.size() == kSampledProcs);
    // The 8 largest of 12 tasks of 4, 8, ... 48 MiB: the last eight started.
    std::uint64_t smallest_kept = ~0ull;
    for (const ProcSample& ps : s.procs) smallest_kept = std::min<std::uint64_t>(smallest_kept, ps.rss);
    for (const Process& p : k.procs) {
        const bool kept = std::any_of(s.procs.begin(), s.procs.end(), [&](const ProcSample& ps) { return ps.pid == p.pid; });
        if (!kept) CHECK(mm_rss(k, p) <= smallest_kept);
    }
}

TEST_CASE("/proc/PID/oom_score follows proc_oom_score() from the status and meminfo texts") {
    EngineConfig c = machine_config(512);
    c.tasks.push_back(anon_task("big", 350, true, 200));
    c.tasks.push_back(anon_task("adj", 100, true, 200));
    c.tasks.back().oom_score_adj = 500;
    c.tasks.push_back(anon_task("immune", 50, true, 200));
    c.tasks.back().oom_score_adj = -1000;
    auto e = make_engine(c, MiB_pages(256));
    e->run_until(3'000'000'000);
    const Kernel& k = e->kernel();
    const std::string meminfo = format_meminfo(k);
    // totalpages = totalram_pages() + total_swap_pages: MemTotal and SwapTotal in pages.
    const std::int64_t totalpages = status_pages(meminfo, "MemTotal") + status_pages(meminfo, "SwapTotal");
    for (const Process& p : k.procs) {
        const std::string st = format_pid_status(k, p);
        INFO(st);
        if (p.oom_score_adj == -1000) {
            CHECK(proc_oom_score(k, p) == 0); // LONG_MIN: unkillable
            continue;
        }
        // oom_badness(): rss + swapents + pgtables pages, then adj * (totalpages / 1000).
        const std::int64_t points = status_pages(st, "VmRSS") + status_pages(st, "VmSwap") + status_pages(st, "VmPTE") +
                                    p.oom_score_adj * (totalpages / 1000);
        CHECK(proc_oom_score(k, p) == (1000 + points * 1000 / totalpages) * 2 / 3);
    }
}

TEST_CASE("The slot map's owners: a process's slots are its swap entries") {
    EngineConfig c = machine_config(512);
    c.tasks.push_back(anon_task("a", 350, true, 200));
    c.tasks.push_back(anon_task("b", 300, true, 200));
    auto e = make_engine(c, MiB_pages(200));
    e->run_until(4'000'000'000);
    const Kernel& k = e->kernel();
    FrameBuilder fb;
    FrameData f;
    fb.build(k, e->recorder(), FrameWants{.procs = true}, f);
    REQUIRE(f.swap.size() == 1);
    REQUIRE(f.swap[0].slot_owner.size() == f.swap[0].slot_states.size());
    std::uint64_t total = 0;
    for (const Process& p : k.procs) {
        const auto owned = std::count(f.swap[0].slot_owner.begin(), f.swap[0].slot_owner.end(), p.pid);
        INFO(p.comm);
        CHECK(static_cast<std::uint64_t>(owned) == p.swapents); // no forks: one PTE per entry
        total += p.swapents;
    }
    CHECK(total > 0);
    // The table: kernel threads first by pid, then the tasks, each with its oom_score.
    REQUIRE(f.nr_procs == k.boot_tasks.size() + k.procs.size());
    CHECK(f.procs.front().pid == 1);
    CHECK(f.procs.back().comm == k.procs.back().comm);
    CHECK(f.procs.back().oom_score == proc_oom_score(k, k.procs.back()));
}

TEST_CASE("The CSV has per-process columns that are empty once the process is gone") {
    EngineConfig c = machine_config(256);
    c.tasks.push_back(anon_task("hog", 1024, false, 400)); // more than RAM and swap: OOM-killed
    c.tasks.push_back(phased_task("small", {alloc_phase(16), sleep_phase(60'000'000'000)}));
    auto e = make_engine(c, MiB_pages(64));
    e->run_until(6'000'000'000);
    const Kernel& k = e->kernel();
    REQUIRE(k.vmstat[OOM_KILL] == 1);
    std::ostringstream out;
    write_csv(out, e->recorder());
    std::istringstream lines(out.str());
    std::string header;
    std::getline(lines, header);
    const int hog = k.procs[0].pid, small = k.procs[1].pid;
    const std::string hog_col = "hog_" + std::to_string(hog) + "_rss_kb";
    const std::string small_col = "small_" + std::to_string(small) + "_rss_kb";
    const std::string small_swap = "small_" + std::to_string(small) + "_swap_kb";
    std::vector<std::string> names;
    {
        std::istringstream h(header);
        for (std::string cell; std::getline(h, cell, ',');) names.push_back(cell);
    }
    const auto col = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
    REQUIRE(static_cast<std::size_t>(col(hog_col)) < names.size());
    REQUIRE(static_cast<std::size_t>(col(small_col)) < names.size());
    bool was_there = false, gone = false;
    for (std::string row; std::getline(lines, row);) {
        std::vector<std::string> cells;
        std::istringstream r(row + ",");
        for (std::string cell; std::getline(r, cell, ',');) cells.push_back(cell);
        REQUIRE(cells.size() == names.size());
        const std::string& h = cells[static_cast<std::size_t>(col(hog_col))];
        if (!h.empty()) {
            CHECK_FALSE(gone); // once killed, never back
            was_there |= std::stoll(h) > 0;
        } else if (was_there) {
            gone = true;
        }
        // 16 MiB after its alloc, resident or swapped out by the hog's pressure.
        const std::string& rss = cells[static_cast<std::size_t>(col(small_col))];
        const std::string& swp = cells[static_cast<std::size_t>(col(small_swap))];
        if (std::stod(cells[0]) >= 1.0) CHECK(std::stoll(rss) + std::stoll(swp) == 16384);
    }
    CHECK(was_there);
    CHECK(gone);
}
