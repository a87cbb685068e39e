// The engine: boot from a configuration, the timeline (sysctl writes, swapon, swapoff) and the
// discrete-event loop. Tasks run in sim/task_runner.cpp, the sampler in sim/sampler.cpp; the
// kernel they drive is core/mm.
#include "sim/engine.h"

#include "config/validate_config.h"
#include "mm/debug_vm.h"
#include "mm/kswapd.h"
#include "mm/swap_state.h"
#include "mm/swap_unuse.h"
#include "mm/writeback.h"
#include "util/units.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace rs {

namespace {
// The kernel's swapon message (sys_swapon's pr_info), extents:1 as for a partition.
std::string swapon_message(const SwapInfo& si) {
    const unsigned long long kb = static_cast<unsigned long long>(si.pages) * 4;
    return "Adding " + std::to_string(kb) + "k swap on " + si.name + ".  Priority:" + std::to_string(si.prio) +
           " extents:1 across:" + std::to_string(kb) + "k " + (si.solidstate() ? "SS" : "");
}

// Pages in use when the machine was described (a cloned snapshot's used memory): kernel
// memory outside the LRU, taken from the top of each zone's free list.
void reserve_used_at_start(Kernel& k, const MachineSpec& machine) {
    for (std::size_t n = 0; n < machine.nodes.size(); ++n)
        for (std::size_t z = 0; z < machine.nodes[n].zones.size(); ++z) {
            const auto used = machine.nodes[n].zones[z].used_at_start;
            Zone& zone = k.machine.nodes[n].zones[z];
            for (std::uint64_t i = 0; i < used; ++i) {
                const frame_t f = k.frames.pop_head(zone.free_list);
                k.frames.flags[f] = PG_reserved;
                --zone.nr_free_pages;
                k.machine.nodes[n][NR_KERNEL_PAGES] += 1;
            }
        }
}

// The configured sysctl writes, then swapon for each configured device, logged as at boot.
std::optional<std::string> boot_sysctls_and_swap(Kernel& k, const EngineConfig& config, std::vector<std::string>& log) {
    for (const auto& w : config.sysctl_writes) {
        if (w.name == "vm.lowmem_reserve_ratio" && static_cast<int>(w.values.size()) > k.nr_zone_types())
            return w.name + " takes at most " + std::to_string(k.nr_zone_types()) + " values on this machine";
        apply_sysctl_write(k.machine, k.sysctl, w);
        log.push_back("sysctl " + w.name + " = " + format_sysctl_value(w));
    }
    for (const auto& d : config.swap_devices) {
        auto r = k.swap.space().swapon(d);
        if (!r) return "swap device " + d.name + ": " + r.error();
        log.push_back(swapon_message(*k.swap.space().swap_info(*r)));
        k.printk(log.back());
    }
    return std::nullopt;
}

// A replay phase whose trace has no references (config/ cannot look into a trace: replay/ is
// above it), named as validate_config() names a phase.
std::optional<std::string> empty_trace(const EngineConfig& config) {
    for (const TaskSpec& t : config.tasks) {
        const std::vector<Phase> phases = task_phases(t);
        for (std::size_t j = 0; j < phases.size(); ++j)
            if (phases[j].kind == Phase::Kind::Replay && phases[j].trace->info().refs == 0)
                return "task '" + t.name + "', phase " + std::to_string(j + 1) + ": the trace is empty";
    }
    return std::nullopt;
}

// Files are shared by name; a file is as large as the largest phase that uses it.
int file_space(Kernel& k, std::map<std::string, int>& files, const std::string& fname, std::uint64_t pages) {
    auto it = files.find(fname);
    if (it == files.end()) {
        AddressSpace as;
        as.name = fname;
        it = files.emplace(fname, static_cast<int>(k.spaces.size())).first;
        k.spaces.push_back(std::move(as));
    }
    auto& v = k.spaces[static_cast<std::size_t>(it->second)].pages;
    if (v.size() < pages) v.resize(pages, kNoFrame);
    return it->second;
}
} // namespace

Engine::Engine(EngineConfig config) : m_config(std::move(config)), m_rng(m_config.seed) {}

Result<std::unique_ptr<Engine>> Engine::create(const EngineConfig& config) {
    using R = Result<std::unique_ptr<Engine>>;
    if (auto err = validate_config(config)) return R::failure(*err);
    if (auto err = empty_trace(config)) return R::failure(*err);
    // Every task as phases (the shorthand expanded).
    EngineConfig normalized = config;
    for (auto& t : normalized.tasks) t.phases = task_phases(t);
    std::unique_ptr<Engine> e(new Engine(std::move(normalized)));
    std::stable_sort(e->m_config.timeline.begin(), e->m_config.timeline.end(),
                     [](const auto& a, const auto& b) { return a.at_ns < b.at_ns; });
    BootedMachine booted = boot_machine(config.machine, config.thp);
    e->m_boot_log = booted.log;
    e->m_k = make_kernel(std::move(booted), config.cost);
    Kernel& k = e->m_k;
    reserve_used_at_start(k, config.machine);
    if (auto err = boot_sysctls_and_swap(k, config, e->m_boot_log)) return R::failure(*err);
    // Labels for the recorder.
    e->m_recorder.max_samples = std::max<std::size_t>(config.max_samples, 16);
    for (const auto& node : k.machine.nodes)
        for (const auto& z : node.zones)
            e->m_recorder.zones.push_back(ZoneLabel{node.node_id, k.global_zone(z),
                                                    std::string(zone_name(z.type)), z.populated(),
                                                    static_cast<std::int64_t>(z.managed_pages)});
    e->m_cpu_free_at.assign(static_cast<std::size_t>(config.machine.cpus), 0);
    e->m_kswapd_queued_at.assign(config.machine.nodes.size(), kNever);
    k.slab.resize(k.machine.nodes.size());
    std::map<std::string, int> files;
    for (std::size_t ti = 0; ti < e->m_config.tasks.size(); ++ti) e->add_task(ti, files);
    e->assign_pids();
    return e;
}

void Engine::assign_pids() {
    // A boot's pids: init is 1 and kthreadd 2 (rest_init()); kthreadd starts the kernel threads,
    // among them kswapd for each node (kswapd_run(), "kswapd%d") and the flusher's kworker of
    // the writeback workqueue. kcompactd is not started: compaction is not modelled. Then the
    // simulated tasks, in the order they start (ties: the order the scenario lists them); a
    // fork()'s parent is the task it forks from.
    Kernel& k = m_k;
    k.boot_tasks.push_back({k.alloc_pid(), 0, "systemd"});
    k.boot_tasks.push_back({k.alloc_pid(), 0, "kthreadd"});
    for (int n = 0; n < k.nr_nodes(); ++n) k.boot_tasks.push_back({k.alloc_pid(), 2, "kswapd" + std::to_string(n)});
    // "kworker/u%d:%d" names the unbound pool by its id (create_worker()); workqueue_init_early()
    // gives the per-CPU pools (NR_STD_WORKER_POOLS = 2 a CPU) their ids first, so the first
    // unbound pool is 2 * CPUs (6.9's BH pools shift it; not modelled).
    k.boot_tasks.push_back({k.alloc_pid(), 2, "kworker/u" + std::to_string(2 * m_config.machine.cpus) + ":0"});
    std::vector<std::size_t> order(m_tasks.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return m_config.tasks[a].start_ns < m_config.tasks[b].start_ns;
    });
    for (const std::size_t i : order) k.procs[static_cast<std::size_t>(m_tasks[i].proc)].pid = k.alloc_pid();
    for (const std::size_t i : order)
        if (m_tasks[i].parent >= 0)
            k.procs[static_cast<std::size_t>(m_tasks[i].proc)].ppid =
                k.procs[static_cast<std::size_t>(m_tasks[static_cast<std::size_t>(m_tasks[i].parent)].proc)].pid;
}

void Engine::add_task(std::size_t ti, std::map<std::string, int>& files) {
    // The task's process and address spaces. A process's anonymous region is as large as its
    // phases make it (allocations minus frees, at the peak); a fork's starts with its parent's.
    Kernel& k = m_k;
    const TaskSpec& t = m_config.tasks[ti];
    TaskState ts;
    Process p;
    // The pid is given in start order (assign_pids(), after every task is added).
    const int index = static_cast<int>(k.procs.size());
    p.comm = task_comm(t.name);
    p.ppid = 1; // started by init (a shell's children are re-parented the same way)
    p.oom_score_adj = t.oom_score_adj;
    p.nid = t.node;
    ts.proc = index;
    ts.ac.proc = index;
    std::uint64_t extent = 0, peak = 0;
    bool anon = !t.fork_of.empty();
    for (const Phase& ph : t.phases) {
        if (ph.kind == Phase::Kind::Alloc) peak = std::max(peak, extent += ph.pages);
        if (ph.kind == Phase::Kind::Free) extent -= std::min(extent, ph.pages);
        anon |= ph.kind == Phase::Kind::Alloc || ph.kind == Phase::Kind::Touch || ph.kind == Phase::Kind::Mlock;
    }
    if (anon) {
        AddressSpace as;
        as.name = t.name;
        as.anon = true;
        as.owner = index;
        ts.anon_space = p.anon_space = static_cast<int>(k.spaces.size());
        if (!t.fork_of.empty()) {
            for (std::size_t j = 0; j < ti; ++j)
                if (m_config.tasks[j].name == t.fork_of) ts.parent = static_cast<int>(j);
            const int root = m_tasks[static_cast<std::size_t>(ts.parent)].anon_space;
            peak += k.spaces[static_cast<std::size_t>(root)].pages.size();
            as.anon_vma_root = root;
            k.spaces[static_cast<std::size_t>(root)].forks.push_back(static_cast<std::uint32_t>(ts.anon_space));
        }
        as.pages.assign(std::max<std::uint64_t>(peak, 1), kNoFrame);
        k.spaces.push_back(std::move(as));
    }
    for (const Phase& ph : t.phases) {
        int sp = ts.anon_space;
        if (ph.kind == Phase::Kind::Read || ph.kind == Phase::Kind::Write) sp = file_space(k, files, ph.file, ph.pages);
        if (ph.kind == Phase::Kind::Replay) sp = file_space(k, files, "trace:" + ph.file, ph.trace->info().pages);
        ts.phase_space.push_back(sp);
    }
    k.procs.push_back(std::move(p));
    ts.ready_at = ts.queued_at = t.start_ns;
    m_tasks.push_back(std::move(ts));
    m_stats.emplace_back();
}

std::vector<TaskStats> Engine::task_stats() const {
    std::vector<TaskStats> out = m_stats;
    for (std::size_t i = 0; i < out.size(); ++i)
        if (m_tasks[i].proc >= 0) {
            const Process& p = m_k.procs[static_cast<std::size_t>(m_tasks[i].proc)];
            out[i].oom_killed = !p.alive && !p.exited;
        }
    for (std::size_t i = 0; i < out.size(); ++i)
        if (const auto& c = m_tasks[i].replay) {
            out[i].replay_refs = m_tasks[i].cursor; // the phase's accesses (it counts on across loops)
            out[i].replay_total = c->total();
        }
    return out;
}

void Engine::write_sysctl(const SysctlWrite& w) {
    apply_sysctl_write(m_k.machine, m_k.sysctl, w);
    m_k.events.add(m_k.now, EventType::SysctlChange, -1, w.name + " = " + format_sysctl_value(w));
    // The new lines show at once; kswapd re-evaluates at its next wake-up, as in the kernel
    // (writing the sysctl wakes nobody).
    take_sample();
}

Result<int> Engine::swapon(const SwapDeviceSpec& spec) {
    auto r = m_k.swap.space().swapon(spec);
    if (!r) {
        m_k.events.add(m_k.now, EventType::Swap, -1, r.error());
        return r;
    }
    m_k.events.add(m_k.now, EventType::Swap, -1, swapon_message(*m_k.swap.space().swap_info(*r)));
    m_k.printk(swapon_message(*m_k.swap.space().swap_info(*r))); // sys_swapon()'s pr_info()
    take_sample();
    return r;
}

Result<int> Engine::swapoff(const std::string& name) {
    using R = Result<int>;
    SwapSubsystem& swapsys = m_k.swap;
    const int type = swapsys.space().find_type(name);
    const SwapInfo* si = type >= 0 ? swapsys.space().swap_info(type) : nullptr;
    // sys_swapoff() looks on swap_active_head for a SWP_WRITEOK area: one already being
    // swapped off is not found.
    if (!si || !(si->flags & SWP_WRITEOK)) {
        const std::string why = "swapoff " + name + ": Invalid argument (no swap area of that name is in use" +
                                (si ? ", or it is being swapped off already)" : ")");
        m_k.events.add(m_k.now, EventType::Swap, -1, why);
        return R::failure(why);
    }
    // security_vm_enough_memory_mm() in the default overcommit mode (OVERCOMMIT_GUESS) compares
    // the area with totalram_pages() + total_swap_pages, which still include it: it passes.
    const std::uint32_t inuse = si->inuse_pages;
    auto done = swapsys.space().swapoff(type);
    if (!done) return R::failure(done.error());
    if (*done) {
        // No slot in use: try_to_unuse() has nothing to read back and sys_swapoff() returns at
        // once, so no swapoff process is left running (and the area's type is free again).
        swapsys.forget_area(type);
        m_k.events.add(m_k.now, EventType::Swap, -1, "swapoff " + name + ": done, no page was on the device");
        take_sample();
        return -1;
    }

    // The swapoff(8) process: no memory of its own, the OOM killer's first choice.
    TaskSpec spec;
    spec.name = "swapoff";
    spec.kind = TaskSpec::Kind::Swapoff;
    spec.start_ns = m_k.now;
    spec.pages = 1;
    spec.pages_per_sec = 1e12;
    Process p;
    p.pid = m_k.alloc_pid(); // the next free pid when it starts
    p.ppid = 1;
    p.comm = "swapoff";
    p.oom_origin = true;
    TaskState ts;
    ts.proc = ts.ac.proc = static_cast<int>(m_k.procs.size());
    ts.swap_type = type;
    ts.ready_at = ts.queued_at = m_k.now;
    m_k.procs.push_back(std::move(p));
    m_config.tasks.push_back(std::move(spec));
    m_tasks.push_back(ts);
    m_stats.emplace_back();
    m_k.events.add(m_k.now, EventType::Swap, -1,
                   "swapoff " + name + ": started, " + std::to_string(inuse) + " slots in use (try_to_unuse)");
    take_sample();
    return m_k.procs.back().pid;
}

void Engine::run_timeline_action(const TimelineAction& a) {
    switch (a.kind) {
    case TimelineAction::Kind::Sysctl: write_sysctl(a.sysctl); break;
    case TimelineAction::Kind::Swapon: (void)swapon(a.swap); break;   // a failure is logged as an event
    case TimelineAction::Kind::Swapoff: (void)swapoff(a.device); break;
    }
}

std::int64_t Engine::run_swapoff(std::size_t i) {
    // The swapoff process's step: a batch of try_to_unuse() (mm/swap_unuse.cpp), charged to it.
    Kernel& k = m_k;
    TaskState& ts = m_tasks[i];
    TaskStats& st = m_stats[i];
    SwapSubsystem& swapsys = k.swap;
    SwapSpace& space = swapsys.space();
    Process& proc = k.procs[static_cast<std::size_t>(ts.proc)];
    const std::string name = space.swap_info(ts.swap_type)->name;
    auto finish = [&](std::string text) {
        proc.oom_origin = false; // clear_current_oom_origin()
        ts.done = true;
        ts.ready_at = kNever;
        k.events.add(k.now, EventType::Swap, -1, std::move(text));
        take_sample();
    };
    if (!proc.alive) {
        // try_to_unuse() returns -EINTR on the fatal signal; sys_swapoff() reinserts the area.
        st.oom_killed = true;
        const std::uint32_t left = space.swap_info(ts.swap_type)->inuse_pages;
        (void)space.reinsert_swap_info(ts.swap_type);
        finish("swapoff " + name + ": Interrupted system call (killed by the OOM killer), " + std::to_string(left) +
               " pages still on the device; the area is back in use (reinsert_swap_info)");
        return 0;
    }
    UnuseBatch b;
    auto pos = static_cast<std::uint32_t>(ts.pos);
    const UnuseStatus status = try_to_unuse(
        k, swapsys, ts.swap_type, pos, ts.ac,
        [&](const AllocResult& r, bool got_page, std::int64_t& cpu_ns, std::int64_t& wait_ns) {
            return account_alloc(i, r, got_page, cpu_ns, wait_ns);
        },
        b);
    ts.pos = pos;
    st.pages_allocated += b.pages_read;
    st.major_faults += b.major_faults;
    if (status == UnuseStatus::Done) {
        finish("swapoff " + name + ": done, " + std::to_string(st.pages_allocated) + " pages read back in " +
               format_duration(k.now - m_config.tasks[i].start_ns));
        return b.cpu_ns;
    }
    const bool stalled = status == UnuseStatus::Stalled;
    ts.ready_at = k.now + std::max<std::int64_t>(b.cpu_ns + b.wait_ns, stalled ? 1000 : 1);
    return b.cpu_ns;
}

bool Engine::run_until(std::int64_t t_end, const std::function<bool()>& stop) {
    m_stop = &stop;
    m_stopped = false;
    try {
        run_until(t_end);
    } catch (...) {
        m_stop = nullptr;
        throw;
    }
    m_stop = nullptr;
    return m_stopped;
}

int Engine::next_actor(std::int64_t& best) const {
    // The sampler, each kswapd, the flusher, each task. Among actors ready at the same time the
    // one runnable longest goes first (a FIFO run queue), then the fixed order sampler, kswapd,
    // flusher, tasks.
    const Kernel& k = m_k;
    const std::size_t nr_nodes = k.machine.nodes.size();
    best = m_next_sample;
    std::int64_t best_queued = m_next_sample;
    int who = -1; // -1 sampler, [0, nodes) kswapd, nodes: flusher, then tasks
    auto consider = [&](std::int64_t ready, std::int64_t queued, int id) {
        if (ready < best || (ready == best && queued < best_queued)) {
            best = ready;
            best_queued = queued;
            who = id;
        }
    };
    for (std::size_t n = 0; n < nr_nodes; ++n)
        consider(k.machine.nodes[n].kswapd.ready_at,
                 m_kswapd_queued_at[n] != kNever ? m_kswapd_queued_at[n] : k.machine.nodes[n].kswapd.ready_at,
                 static_cast<int>(n));
    consider(k.wb.ready_at, k.wb.ready_at, static_cast<int>(nr_nodes));
    // The first task: the longest-waiting one of those waiting for a CPU (they run when the
    // first CPU is free), or the first of the run queue, whichever comes first.
    std::optional<RunqKey> task;
    if (!m_runq.empty()) task = *m_runq.begin();
    if (!m_cpuq.empty()) {
        const std::int64_t cpu = *std::min_element(m_cpu_free_at.begin(), m_cpu_free_at.end());
        const RunqKey waiting{cpu, m_cpuq.begin()->first, m_cpuq.begin()->second};
        if (!task || waiting < *task) task = waiting;
    }
    if (task) consider(std::get<0>(*task), std::get<1>(*task), static_cast<int>(nr_nodes + 1 + std::get<2>(*task)));
    return who;
}

void Engine::requeue(std::size_t i) {
    if (m_queued.size() < m_tasks.size()) {
        m_queued.resize(m_tasks.size(), Queued::None);
        m_queued_as.resize(m_tasks.size());
    }
    const auto& [ready, queued, index] = m_queued_as[i];
    if (m_queued[i] == Queued::Runq) m_runq.erase(m_queued_as[i]);
    if (m_queued[i] == Queued::Cpuq) m_cpuq.erase({queued, index});
    m_queued[i] = Queued::None;
    const TaskState& ts = m_tasks[i];
    if (ts.done) return;
    m_queued_as[i] = RunqKey{ts.ready_at, ts.queued_at, i};
    m_runq.insert(m_queued_as[i]);
    m_queued[i] = Queued::Runq;
}

void Engine::wait_for_cpu(std::size_t i) {
    m_runq.erase(m_queued_as[i]);
    m_cpuq.insert({std::get<1>(m_queued_as[i]), i});
    m_queued[i] = Queued::Cpuq;
}

void Engine::rebuild_runq() {
    m_runq.clear();
    m_cpuq.clear();
    m_queued.assign(m_tasks.size(), Queued::None);
    m_queued_as.assign(m_tasks.size(), RunqKey{});
    for (std::size_t i = 0; i < m_tasks.size(); ++i) requeue(i);
}

void Engine::set_trace_current(int who, int cpu) {
    Kernel& k = m_k;
    const int nr_nodes = k.nr_nodes();
    TraceCurrent& c = k.current;
    c.cpu = cpu;
    if (who >= 0 && who <= nr_nodes) {
        // assign_pids(): systemd, kthreadd, kswapd0..N-1, then the flusher's kworker.
        const auto& t = k.boot_tasks[static_cast<std::size_t>(2 + who)];
        c.pid = t.pid;
        c.comm = t.comm;
        return;
    }
    const Process& p = k_proc(static_cast<std::size_t>(who - nr_nodes - 1));
    c.pid = p.pid;
    c.comm = p.comm;
}

void Engine::run_actor(int who, std::int64_t& cpu_free_at) {
    Kernel& k = m_k;
    const std::size_t nr_nodes = k.machine.nodes.size();
    if (who < 0) {
        take_sample();
        m_next_sample += m_config.sample_interval_ns;
    } else if (who < static_cast<int>(nr_nodes)) {
        const auto& ks = k.pgdat(who).kswapd;
        kswapd_run(k, who);
        // Reclaim steps keep the CPU until kswapd's next step; naps and sleep do not.
        if (ks.phase == KswapdState::Phase::Balancing && ks.ready_at != kNever) cpu_free_at = ks.ready_at;
        m_kswapd_queued_at[static_cast<std::size_t>(who)] = kNever; // not waiting for a CPU
    } else if (who == static_cast<int>(nr_nodes)) {
        flusher_run(k);
    } else {
        const std::size_t ti = static_cast<std::size_t>(who) - nr_nodes - 1;
        if (m_queued[ti] == Queued::Cpuq) {
            // It waited from ready_at until this CPU became free.
            m_stats[ti].runqueue_wait_ns += k.now - m_tasks[ti].ready_at;
            m_tasks[ti].ready_at = k.now;
        }
        cpu_free_at = k.now + run_task(ti);
        m_tasks[ti].queued_at = m_tasks[ti].ready_at;
        requeue(ti);
    }
}

void Engine::run_until(std::int64_t t_end) {
    Kernel& k = m_k;
    const std::size_t nr_nodes = k.machine.nodes.size();
    rebuild_runq();
    for (;;) {
        if (m_stop && (*m_stop)()) {
            m_stopped = true;
            break;
        }
        std::int64_t best = 0;
        const int who = next_actor(best);
        // A timeline action due no later than the next actor runs first.
        if (m_next_action < m_config.timeline.size()) {
            const TimelineAction& a = m_config.timeline[m_next_action];
            if (a.at_ns <= best && a.at_ns <= t_end) {
                k.now = std::max(k.now, a.at_ns);
                ++m_next_action;
                run_timeline_action(a);
                rebuild_runq(); // swapoff starts a task
                continue;
            }
        }
        if (best > t_end) break;
        // Tasks and kswapd need a CPU: with all of them busy, the actor waits for the first to
        // become free (deterministic: the lowest-numbered CPU among the earliest).
        const bool needs_cpu = who >= 0 && who != static_cast<int>(nr_nodes);
        auto cpu = std::min_element(m_cpu_free_at.begin(), m_cpu_free_at.end());
        if (needs_cpu && *cpu > best) {
            // Wait for the CPU, keeping its place in the queue (queued_at stays).
            if (who < static_cast<int>(nr_nodes)) {
                auto& queued = m_kswapd_queued_at[static_cast<std::size_t>(who)];
                if (queued == kNever) queued = best;
                k.pgdat(who).kswapd.ready_at = *cpu;
            } else {
                wait_for_cpu(static_cast<std::size_t>(who) - nr_nodes - 1);
            }
            continue;
        }
        k.now = std::max(k.now, best);
#ifdef RECLAIMSCOPE_CHECK_INVARIANTS
        // Test builds: the counters after every step, everything every 100 ms of simulated time.
        if (auto bad = check_counters())
            throw std::logic_error("invariant violated at t=" + std::to_string(k.now) + " ns: " + *bad);
        if (who < 0 && (m_next_sample / m_config.sample_interval_ns) % 10 == 0)
            if (auto bad = check_invariants())
                throw std::logic_error("invariant violated at t=" + std::to_string(k.now) + " ns: " + *bad);
#endif
        // The CPU it runs on: the lowest-numbered free one (the flusher, which needs none, is
        // traced there too).
        if (k.tracepoints && who >= 0) set_trace_current(who, static_cast<int>(cpu - m_cpu_free_at.begin()));
        run_actor(who, *cpu);
    }
    if (!m_stopped) k.now = std::max(k.now, t_end);
}

std::optional<std::string> Engine::check_counters() const { return rs::check_counters(m_k); }

std::optional<std::string> Engine::check_invariants() const { return rs::check_invariants(m_k); }

} // namespace rs
