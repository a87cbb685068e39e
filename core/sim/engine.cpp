#include "sim/engine.h"

#include "config/validate_config.h"
#include "mm/debug_vm.h"
#include "mm/kswapd.h"
#include "mm/memory.h"
#include "mm/mlock.h"
#include "mm/oom_kill.h"
#include "mm/page_alloc.h"
#include "mm/swap.h"
#include "mm/swap_state.h"
#include "mm/swap_unuse.h"
#include "mm/workingset.h"
#include "mm/writeback.h"
#include "util/units.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <sstream>

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
    if (config.swap_devices.empty()) return std::nullopt;
    auto swap = std::make_unique<SwapSubsystem>();
    for (const auto& d : config.swap_devices) {
        auto r = swap->space().swapon(d);
        if (!r) return "swap device " + d.name + ": " + r.error();
        log.push_back(swapon_message(*swap->space().swap_info(*r)));
    }
    k.swap = std::move(swap);
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
    return e;
}

void Engine::add_task(std::size_t ti, std::map<std::string, int>& files) {
    // The task's process and address spaces. A process's anonymous region is as large as its
    // phases make it (allocations minus frees, at the peak); a fork's starts with its parent's.
    Kernel& k = m_k;
    const TaskSpec& t = m_config.tasks[ti];
    TaskState ts;
    Process p;
    p.pid = static_cast<int>(k.procs.size());
    p.comm = t.name;
    p.oom_score_adj = t.oom_score_adj;
    p.nid = t.node;
    ts.pid = p.pid;
    ts.ac.pid = p.pid;
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
        as.owner_pid = p.pid;
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
        if (ph.kind == Phase::Kind::Replay) {
            const auto top = *std::max_element(ph.trace->begin(), ph.trace->end());
            sp = file_space(k, files, "trace:" + ph.file, static_cast<std::uint64_t>(top) + 1);
        }
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
        if (m_tasks[i].pid >= 0) {
            const Process& p = m_k.procs[static_cast<std::size_t>(m_tasks[i].pid)];
            out[i].oom_killed = !p.alive && !p.exited;
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
    if (!m_k.swap) m_k.swap = std::make_unique<SwapSubsystem>();
    auto* swapsys = dynamic_cast<SwapSubsystem*>(m_k.swap.get());
    if (!swapsys) return Result<int>::failure("swapon " + spec.name + ": this engine's swap backend has no swap areas");
    auto r = swapsys->space().swapon(spec);
    if (!r) {
        m_k.events.add(m_k.now, EventType::Swap, -1, r.error());
        return r;
    }
    m_k.events.add(m_k.now, EventType::Swap, -1, swapon_message(*swapsys->space().swap_info(*r)));
    take_sample();
    return r;
}

Result<int> Engine::swapoff(const std::string& name) {
    using R = Result<int>;
    auto* swapsys = dynamic_cast<SwapSubsystem*>(m_k.swap.get());
    const int type = swapsys ? swapsys->space().find_type(name) : -1;
    const SwapInfo* si = type >= 0 ? swapsys->space().swap_info(type) : nullptr;
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
    auto done = swapsys->space().swapoff(type);
    if (!done) return R::failure(done.error());
    if (*done) {
        // No slot in use: try_to_unuse() has nothing to read back and sys_swapoff() returns at
        // once, so no swapoff process is left running (and the area's type is free again).
        swapsys->forget_area(type);
        m_k.events.add(m_k.now, EventType::Swap, -1, "swapoff " + name + ": done, no page was on the device");
        take_sample();
        return -1;
    }

    // The swapoff(8) process: no memory of its own, the OOM killer's first choice.
    TaskSpec spec;
    spec.name = "swapoff";
    spec.kind = TaskSpec::Kind::Swapoff;
    spec.file = name;
    spec.start_ns = m_k.now;
    spec.pages = 1;
    spec.pages_per_sec = 1e12;
    Process p;
    p.pid = static_cast<int>(m_k.procs.size());
    p.comm = "swapoff";
    p.oom_origin = true;
    TaskState ts;
    ts.pid = ts.ac.pid = p.pid;
    ts.swap_type = type;
    ts.ready_at = ts.queued_at = m_k.now;
    m_k.procs.push_back(std::move(p));
    m_config.tasks.push_back(std::move(spec));
    m_tasks.push_back(ts);
    m_stats.emplace_back();
    m_k.events.add(m_k.now, EventType::Swap, -1,
                   "swapoff " + name + ": started, " + std::to_string(inuse) + " slots in use (try_to_unuse)");
    take_sample();
    return ts.pid;
}

void Engine::run_timeline_action(const TimelineAction& a) {
    switch (a.kind) {
    case TimelineAction::Kind::Sysctl: write_sysctl(a.sysctl); break;
    case TimelineAction::Kind::Swapon: (void)swapon(a.swap); break;   // a failure is logged as an event
    case TimelineAction::Kind::Swapoff: (void)swapoff(a.device); break;
    }
}

void Engine::fork_anon(std::size_t i) {
    Kernel& k = m_k;
    TaskState& ts = m_tasks[i];
    ts.forked = true;
    const TaskState& parent = m_tasks[static_cast<std::size_t>(ts.parent)];
    const Process& pp = k.procs[static_cast<std::size_t>(parent.pid)];
    if (!pp.alive) return; // nothing left to share
    ts.extent = parent.extent;
    const auto [shared, swapped] = copy_page_range(k, k.procs[static_cast<std::size_t>(ts.pid)], pp);
    k.events.add(k.now, EventType::Note, -1,
                 m_config.tasks[i].name + ": fork() of " + m_config.tasks[i].fork_of + ", " + std::to_string(shared) +
                     " pages shared, " + std::to_string(swapped) + " swap entries duplicated");
}

void Engine::exit_task(std::size_t i) {
    Kernel& k = m_k;
    TaskState& ts = m_tasks[i];
    Process& p = k.procs[static_cast<std::size_t>(ts.pid)];
    exit_mmap(k, p);
    p.alive = false;
    p.exited = true;
    ts.done = true;
    ts.ready_at = kNever;
    k.events.add(k.now, EventType::Note, -1, m_config.tasks[i].name + " exited");
}

std::int64_t Engine::run_swapoff(std::size_t i) {
    // The swapoff process's step: a batch of try_to_unuse() (mm/swap_unuse.cpp), charged to it.
    Kernel& k = m_k;
    TaskState& ts = m_tasks[i];
    TaskStats& st = m_stats[i];
    auto& swapsys = dynamic_cast<SwapSubsystem&>(*k.swap);
    SwapSpace& space = swapsys.space();
    Process& proc = k.procs[static_cast<std::size_t>(ts.pid)];
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

bool Engine::account_alloc(std::size_t i, const AllocResult& r, bool got_page, std::int64_t& cpu_ns,
                           std::int64_t& wait_ns) {
    // What one allocation attempt cost the task, the same for faults, swap-ins and slab pages.
    const TaskSpec& spec = m_config.tasks[i];
    TaskStats& st = m_stats[i];
    Kernel& k = m_k;
    if (r.direct_reclaim) {
        ++st.direct_reclaims;
        Pgdat& ns = k.pgdat(spec.node);
        if (ns.last_direct_event_ns < 0 || k.now - ns.last_direct_event_ns >= 100'000'000) {
            ns.last_direct_event_ns = k.now;
            k.events.add(k.now, EventType::DirectReclaim, spec.node,
                         spec.name + ": direct reclaim (try_to_free_pages), " + std::to_string(r.stall_ns / 1000) + " us");
        }
    }
    st.stall_ns += r.stall_ns + r.wait_ns;
    cpu_ns += r.stall_ns;
    wait_ns += r.wait_ns;
    if (got_page) {
        st.max_alloc_latency_ns = std::max(st.max_alloc_latency_ns, r.latency_ns);
        return true;
    }
    if (r.status == AllocResult::Status::Fail) {
        ++st.alloc_stalls;
        wait_ns += k.cost.alloc_retry_ns;
        if (st.alloc_stalls == 1 || st.alloc_stalls % 1000 == 0)
            k.events.add(k.now, EventType::AllocStall, spec.node, spec.name + ": allocation failed, waiting");
    }
    return false;
}

SwapSubsystem* Engine::swap_subsystem() {
    if (m_k.swap.get() != m_swap_seen) {
        m_swap_seen = m_k.swap.get();
        m_swapsys = dynamic_cast<SwapSubsystem*>(m_k.swap.get());
    }
    return m_swapsys;
}

bool Engine::fault_in(std::size_t i, std::uint32_t& slot, std::int64_t& cpu_ns, std::int64_t& wait_ns, bool& stalled) {
    // A missing page: allocate it (the slow path may reclaim or stall), charge the task for
    // the allocation, then map and fill it.
    TaskState& ts = m_tasks[i];
    TaskStats& st = m_stats[i];
    Kernel& k = m_k;
    const auto space = static_cast<std::uint32_t>(ts.space), index = static_cast<std::uint32_t>(ts.pos);
    Fault fault = fault_alloc(k, swap_subsystem(), space, index, slot, m_config.tasks[i].node, ts.ac, wait_ns);
    if (!account_alloc(i, fault.alloc, fault.got_page, cpu_ns, wait_ns)) {
        stalled = true;
        return false;
    }
    const bool file = !k.spaces[space].anon;
    finish_fault(k, k.procs[static_cast<std::size_t>(ts.pid)], fault, space, index, slot,
                 phase_of(i).kind == Phase::Kind::Write, wait_ns);
    if (fault.major) ++st.major_faults;
    if (file) ++st.page_cache_misses;
    if (!fault.swapin) ++st.pages_allocated;
    cpu_ns += k.cost.page_alloc_ns;
    return true;
}

void Engine::next_phase(std::size_t i) {
    TaskState& ts = m_tasks[i];
    ++ts.phase;
    ts.phase_entered = false;
}

bool Engine::enter_phase(std::size_t i) {
    TaskState& ts = m_tasks[i];
    Kernel& k = m_k;
    const auto& phases = m_config.tasks[i].phases;
    for (;;) {
        if (ts.phase >= phases.size()) return false;
        const Phase& ph = phases[ts.phase];
        if (!ts.phase_entered) {
            ts.phase_entered = true;
            ts.phase_start_ns = k.now;
            ts.cursor = 0;
            ts.space = ts.phase_space[ts.phase];
            ts.zipf.reset();
            ts.ahead_n = ts.ahead_head = 0;
            if (ph.pattern == Phase::Pattern::Zipf) {
                const std::uint64_t n = ph.kind == Phase::Kind::Touch ? ts.extent : ph.pages;
                const std::uint64_t hot = ph.hot_pages ? std::min(ph.hot_pages, n) : n;
                if (hot) ts.zipf.emplace(hot, ph.zipf_s);
            }
        }
        switch (ph.kind) {
        case Phase::Kind::Mlock:
            // mlock(): the range becomes unevictable, pages already present move to that list.
            do_mlock(k, k.procs[static_cast<std::size_t>(ts.pid)], ph.pages);
            next_phase(i);
            continue;
        case Phase::Kind::Free: {
            const std::uint64_t n = std::min(ph.pages, ts.extent);
            zap_pte_range(k, k.procs[static_cast<std::size_t>(ts.pid)], ts.extent - n, ts.extent); // munmap()
            ts.extent -= n;
            next_phase(i);
            continue;
        }
        case Phase::Kind::Exit: exit_task(i); return false;
        case Phase::Kind::Sleep:
            if (k.now >= ts.phase_start_ns + ph.duration_ns) {
                next_phase(i);
                continue;
            }
            return true;
        default:
            if (ph.duration_ns >= 0 && k.now >= ts.phase_start_ns + ph.duration_ns) {
                next_phase(i);
                continue;
            }
            return true;
        }
    }
}

bool Engine::pick_page(std::size_t i, const Phase& ph) {
    TaskState& ts = m_tasks[i];
    switch (ph.kind) {
    case Phase::Kind::Replay: {
        const auto& tr = *ph.trace;
        if (ts.cursor >= tr.size() && !ph.loop) return false;
        ts.pos = tr[ts.cursor % tr.size()];
        return true;
    }
    case Phase::Kind::Touch:
    case Phase::Kind::Read:
    case Phase::Kind::Write: {
        const std::uint64_t n = ph.kind == Phase::Kind::Touch ? ts.extent : ph.pages;
        if (n == 0) return false;
        switch (ph.pattern) {
        case Phase::Pattern::Sequential:
            if (ts.cursor >= n && !ph.loop) return false;
            ts.pos = ts.cursor % n;
            return true;
        case Phase::Pattern::Random:
        case Phase::Pattern::Zipf: {
            // Without a duration or loop, one page per page of the range.
            if (ts.cursor >= n && !ph.loop && ph.duration_ns < 0) return false;
            // A ring of picks made ahead: the slot of a pick is prefetched when it is drawn,
            // its page's flags one pick before it is used.
            constexpr unsigned K = std::tuple_size_v<decltype(ts.ahead)>;
            const auto& pages = m_k.spaces[static_cast<std::size_t>(ts.space)].pages;
            while (ts.ahead_n < K) {
                const std::uint64_t idx = ph.pattern == Phase::Pattern::Random ? m_rng.below(n)
                                          : ts.zipf                           ? (*ts.zipf)(m_rng) - 1
                                                                              : 0;
                ts.ahead[(ts.ahead_head + ts.ahead_n++) % K] = idx;
                __builtin_prefetch(&pages[idx]);
            }
            ts.pos = ts.ahead[ts.ahead_head];
            ts.ahead_head = (ts.ahead_head + 1) % K;
            --ts.ahead_n;
            const std::uint32_t next = pages[ts.ahead[ts.ahead_head]];
            if (next != kNoFrame && is_resident(next)) __builtin_prefetch(&m_k.frames.flags[next]);
            else if (is_token(next) && ph.kind == Phase::Kind::Touch)
                if (const SwapSubsystem* s = swap_subsystem()) s->prefetch(next & ~kTokenBit); // a swap-in is next
            return true;
        }
        }
        return false;
    }
    default: return false;
    }
}

std::int64_t Engine::run_task(std::size_t i) {
    const TaskSpec& spec = m_config.tasks[i];
    TaskState& ts = m_tasks[i];
    TaskStats& st = m_stats[i];
    Kernel& k = m_k;
    if (spec.kind == TaskSpec::Kind::Swapoff) return run_swapoff(i); // it handles its own death
    if (ts.pid >= 0 && !k.procs[static_cast<std::size_t>(ts.pid)].alive) {
        ts.done = true; // OOM-killed
        st.oom_killed = true;
        ts.ready_at = kNever;
        return 0;
    }
    if (spec.exit_ns >= 0 && k.now >= spec.exit_ns) {
        exit_task(i);
        return 0;
    }
    if (ts.parent >= 0 && !ts.forked) fork_anon(i);
    auto finish = [&](std::int64_t ready_at) {
        ts.ready_at = ready_at;
        if (spec.exit_ns >= 0 && ts.ready_at > spec.exit_ns) {
            // Whatever it is doing, the process exits on time.
            ts.done = false;
            ts.ready_at = std::max(spec.exit_ns, k.now + 1);
        }
    };
    if (!enter_phase(i)) {
        // No phase left: the process holds its memory (or has exited).
        if (!k.procs[static_cast<std::size_t>(ts.pid)].alive) return 0;
        ts.done = true;
        finish(kNever);
        return 0;
    }
    const Phase& ph = phase_of(i);
    if (ph.kind == Phase::Kind::Sleep) {
        finish(ts.phase_start_ns + ph.duration_ns);
        return 0;
    }
    // Work in batches of up to 32 pages; the rate decides when the next batch may start.
    const std::uint64_t batch = 32;
    std::int64_t cpu_ns = 0;  // on the CPU: faults, copying, direct reclaim
    std::int64_t wait_ns = 0; // asleep: disk reads, swap-in, throttling
    std::uint64_t done = 0;
    bool stalled = false, phase_over = false;
    if (ph.kind == Phase::Kind::Slab) {
        // d_alloc(): objects fill slab pages; a new page comes from the allocator (GFP_KERNEL
        // | __GFP_RECLAIMABLE), which can reclaim like any other.
        SlabCache& c = k.slab[static_cast<std::size_t>(spec.node)];
        while (done < batch) {
            if (c.objects >= ph.pages * kSlabObjectsPerPage) {
                phase_over = true; // the dentries stay
                break;
            }
            if (c.objects >= c.pages.size() * kSlabObjectsPerPage) {
                const AllocResult r = __alloc_pages(k, GFP_KERNEL | __GFP_RECLAIMABLE, 0, spec.node, ts.ac);
                if (!account_alloc(i, r, r.status == AllocResult::Status::Page, cpu_ns, wait_ns)) {
                    stalled = true;
                    break;
                }
                k.frames.flags[r.frame] = PG_reserved;
                k.frames.owner[r.frame] = kSlabSpace;
                c.pages.push_back(r.frame);
                k.pgdat(k.node_of_frame(r.frame))[NR_SLAB_RECLAIMABLE] += 1;
            }
            ++c.objects;
            ++done;
            cpu_ns += k.cost.page_touch_ns;
        }
    } else if (ph.kind == Phase::Kind::Alloc) {
        // do_anonymous_page() for each new page at the end of the region.
        AddressSpace& as = k.spaces[static_cast<std::size_t>(ts.anon_space)];
        while (done < batch) {
            if (ts.cursor >= ph.pages || ts.extent >= as.pages.size()) {
                phase_over = true;
                break;
            }
            ts.pos = ts.extent;
            std::uint32_t& slot = as.pages[ts.pos];
            if (slot != kNoFrame && is_resident(slot)) {
                k.frames.set(slot, PG_young);
            } else if (!fault_in(i, slot, cpu_ns, wait_ns, stalled)) {
                break;
            }
            ++ts.extent;
            ++ts.cursor;
            ++st.accesses;
            ++done;
        }
    } else {
        AddressSpace& as = k.spaces[static_cast<std::size_t>(ts.space)];
        const bool write = ph.kind == Phase::Kind::Write;
        while (done < batch) {
            if (!pick_page(i, ph)) {
                phase_over = true;
                break;
            }
            std::uint32_t& slot = as.pages[ts.pos];
            if (slot != kNoFrame && is_resident(slot)) {
                const frame_t f = slot;
                if (as.anon || ph.exec) {
                    k.frames.set(f, PG_young); // the PTE's accessed bit
                    if (ph.exec) ++st.page_cache_hits;
                } else {
                    ++st.page_cache_hits;
                    folio_mark_accessed(k, f);
                }
                cpu_ns += k.cost.page_touch_ns;
            } else if (!fault_in(i, slot, cpu_ns, wait_ns, stalled)) {
                break;
            } else if (ph.exec) {
                // filemap_fault(): mapped into the text segment, accessed through the PTE.
                k.frames.set(slot, PG_mapped | PG_exec | PG_young);
            } else if (!as.anon) {
                folio_mark_accessed(k, slot);
            }
            if (write) folio_mark_dirty(k, slot);
            ++ts.cursor;
            ++st.accesses;
            ++done;
        }
    }
    st.io_wait_ns += wait_ns;
    if (stalled) {
        ts.ready_at = k.now + std::max<std::int64_t>(cpu_ns + wait_ns, 1000);
        return cpu_ns;
    }
    if (ph.kind == Phase::Kind::Write) {
        // balance_dirty_pages(): too much dirty data pauses the writer.
        const std::int64_t pause = balance_dirty_pages(k);
        st.dirty_throttle_ns += pause;
        wait_ns += pause;
    }
    const auto rate_ns = static_cast<std::int64_t>(std::llround(static_cast<double>(done) * 1e9 / ph.pages_per_sec));
    std::int64_t next = k.now + std::max<std::int64_t>({rate_ns, cpu_ns + wait_ns, 1});
    if (ph.duration_ns >= 0) next = std::min(next, std::max(ts.phase_start_ns + ph.duration_ns, k.now + 1));
    if (phase_over) next_phase(i);
    finish(next);
    return cpu_ns;
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

void Engine::run_until(std::int64_t t_end) {
    Kernel& k = m_k;
    const std::size_t nr_nodes = k.machine.nodes.size();
    for (;;) {
        if (m_stop && (*m_stop)()) {
            m_stopped = true;
            break;
        }
        // The next actor: the sampler, each kswapd, the flusher, each task. Among actors ready
        // at the same time the one runnable longest goes first (a FIFO run queue), then the
        // fixed order sampler, kswapd, flusher, tasks.
        std::int64_t best = m_next_sample, best_queued = m_next_sample;
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
        for (std::size_t i = 0; i < m_tasks.size(); ++i)
            if (!m_tasks[i].done) consider(m_tasks[i].ready_at, m_tasks[i].queued_at, static_cast<int>(nr_nodes + 1 + i));
        // A timeline action due no later than the next actor runs first.
        if (m_next_action < m_config.timeline.size()) {
            const TimelineAction& a = m_config.timeline[m_next_action];
            if (a.at_ns <= best && a.at_ns <= t_end) {
                k.now = std::max(k.now, a.at_ns);
                ++m_next_action;
                run_timeline_action(a);
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
            }
            else {
                const std::size_t ti = static_cast<std::size_t>(who) - nr_nodes - 1;
                m_stats[ti].runqueue_wait_ns += *cpu - best;
                m_tasks[ti].ready_at = *cpu;
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
        if (who < 0) {
            take_sample();
            m_next_sample += m_config.sample_interval_ns;
        } else if (who < static_cast<int>(nr_nodes)) {
            const auto& ks = k.pgdat(who).kswapd;
            kswapd_run(k, who);
            // Reclaim steps keep the CPU until kswapd's next step; naps and sleep do not.
            if (ks.phase == KswapdState::Phase::Balancing && ks.ready_at != kNever) *cpu = ks.ready_at;
            m_kswapd_queued_at[static_cast<std::size_t>(who)] = kNever; // not waiting for a CPU
        } else if (who == static_cast<int>(nr_nodes)) {
            flusher_run(k);
        } else {
            const std::size_t ti = static_cast<std::size_t>(who) - nr_nodes - 1;
            *cpu = k.now + run_task(ti);
            m_tasks[ti].queued_at = m_tasks[ti].ready_at;
        }
    }
    if (!m_stopped) k.now = std::max(k.now, t_end);
}

std::optional<std::string> Engine::check_counters() const { return rs::check_counters(m_k); }

std::optional<std::string> Engine::check_invariants() const { return rs::check_invariants(m_k); }

} // namespace rs
