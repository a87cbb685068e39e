#pragma once
// The engine: a booted kernel, the tasks that load it, and a deterministic discrete-event
// loop in simulated time. Same configuration and seed -> the same run, step for step.
#include "config/engine_config.h"
#include "mm/page_alloc.h"
#include "mm/swapfile.h"
#include "mm/sysctl.h"
#include "mm/watermarks.h"
#include "record/recorder.h"
#include "mm/kernel.h"
#include "replay/trace_source.h"
#include "util/result.h"
#include "util/rng.h"
#include "util/zipf.h"

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace rs {

class SwapSubsystem;


class Engine {
public:
    // Validates the configuration, boots the machine and applies the sysctl writes.
    static Result<std::unique_ptr<Engine>> create(const EngineConfig& config);

    // Advances simulated time to t_ns, running every task, kswapd and the sampler in time
    // order (ties in a fixed order).
    void run_until(std::int64_t t_ns);
    // The same, stopping early after the first step of any actor that makes `stop` true
    // (stepping: "until kswapd's next pass"). Returns whether it stopped early.
    bool run_until(std::int64_t t_ns, const std::function<bool()>& stop);
    std::int64_t now() const { return m_k.now; }

    // A sysctl write at the current time, through the kernel's handler.
    void write_sysctl(const SysctlWrite& w);
    // sys_swapon() at the current time. Returns the area's type.
    Result<int> swapon(const SwapDeviceSpec& spec);
    // sys_swapoff() at the current time: the area takes no new pages and a "swapoff" process
    // starts reading its pages back (try_to_unuse()). It is the OOM killer's first pick while
    // it runs (set_current_oom_origin()); killed, it puts the area back (reinsert_swap_info()).
    // Returns the swapoff process's pid (-1 when no slot was in use: done at once); fails at once
    // for an area not in use.
    Result<int> swapoff(const std::string& name);
    // The next scheduled timeline action not yet run (config().timeline.size(): none left).
    std::size_t next_timeline_action() const { return m_next_action; }

    const Kernel& kernel() const { return m_k; }
    void set_event_listener(std::function<void(const Event&)> fn) { m_k.events.listener = std::move(fn); }
    // Where the kernel's tracepoints go (nullptr: off). Tracing changes nothing in the run.
    void set_trace_sink(TraceSink* sink) { m_k.tracepoints = sink; }
    const Recorder& recorder() const { return m_recorder; }
    const EngineConfig& config() const { return m_config; }
    const std::vector<std::string>& boot_log() const { return m_boot_log; }
    // Per task; oom_killed is true for a task whose process the OOM killer picked.
    std::vector<TaskStats> task_stats() const;

    // Checks that every frame is in exactly one place and every counter matches its list.
    // Returns a description of the first violation, or nothing. O(frames).
    std::optional<std::string> check_invariants() const;
    // The counters alone: list sizes, free counts, node statistics. O(zones + lists).
    std::optional<std::string> check_counters() const;

private:
    explicit Engine(EngineConfig config);
    // Engine::create(): task ti's process, its anonymous region and the files its phases use.
    void add_task(std::size_t ti, std::map<std::string, int>& files);
    // Engine::create(): the boot's pids (init, kthreadd, the kernel threads), then the tasks'.
    void assign_pids();
    void take_sample();
    // run_until()'s next actor (see there) and the time it is ready (best).
    int next_actor(std::int64_t& best) const;
    // Runs it at the current time; cpu_free_at: the CPU it took, busy until then.
    void run_actor(int who, std::int64_t& cpu_free_at);
    // The tracer's `current` for actor `who` on CPU `cpu` (kswapdN, the flusher's kworker, a task).
    void set_trace_current(int who, int cpu);
    // Runs task i at the current time (sim/task_runner.cpp); returns the CPU time it used.
    std::int64_t run_task(std::size_t i);
    // The swapoff process of task i: one batch of try_to_unuse() (mm/swap_unuse.cpp).
    std::int64_t run_swapoff(std::size_t i);
    void run_timeline_action(const TimelineAction& a);
    // fork() of task i's parent: copy_page_range() (mm/memory.cpp) when the child first runs.
    void fork_anon(std::size_t i);
    // The process of task i exits: exit_mmap(), the task stops.
    void exit_task(std::size_t i);

    EngineConfig m_config;
    Kernel m_k;
    Recorder m_recorder;
    std::vector<std::string> m_boot_log;

    struct TaskState {
        int space = -1;      // the current phase's address space: a file, or the anonymous region
        int anon_space = -1; // the process's anonymous memory (-1: none)
        std::vector<int> phase_space; // per phase
        int proc = -1;       // its process: the index in Kernel::procs (not its pid)
        std::size_t phase = 0;        // the current phase
        bool phase_entered = false;
        std::int64_t phase_start_ns = 0;
        std::uint64_t cursor = 0;     // progress in the phase (pages allocated, accesses made)
        std::uint64_t pos = 0;        // the page being accessed (index in `space`)
        std::uint64_t extent = 0;     // pages of the anonymous region in use
        std::uint64_t alloc_mapped = 0; // Alloc: pages the phase's mmap() mapped (total_vm)
        std::optional<ZipfSampler> zipf;
        // Random and Zipf picks made ahead of use, so their page-table entries and page flags
        // can be prefetched (the accesses are cache misses on large machines).
        std::array<std::uint64_t, 8> ahead{};
        unsigned ahead_n = 0, ahead_head = 0;
        std::shared_ptr<replay::TraceCursor> replay; // Replay: this task's own position in its trace (never shared)
        std::int64_t ready_at = 0;
        bool done = false;
        std::int64_t queued_at = 0; // when it became runnable (FIFO among tasks waiting for a CPU)
        AllocContext ac;
        int swap_type = -1;    // Swapoff: the area being emptied
        bool forked = false;   // fork_of: the parent's memory is shared (at the first run)
        int parent = -1;       // fork_of: the parent's task index
    };
    // Enters the current phase of task i, or runs it if it takes no time (mlock, free, exit).
    // Returns false when the task has no phase left or exited.
    bool enter_phase(std::size_t i);
    void next_phase(std::size_t i);
    // The page a Touch/Read/Write/Replay phase accesses next; false when the phase is over.
    bool pick_page(std::size_t i, const Phase& ph);
    // One step of a task's phase: up to kBatchPages pages; the rate decides when the next starts.
    static constexpr std::uint64_t kBatchPages = 32;
    struct Batch {
        std::int64_t cpu_ns = 0;  // on the CPU: faults, copying, direct reclaim
        std::int64_t wait_ns = 0; // asleep: disk reads, swap-in, throttling
        std::uint64_t done = 0;   // pages (or slab objects) done
        bool stalled = false, phase_over = false;
    };
    void slab_batch(std::size_t i, const Phase& ph, Batch& b);
    void alloc_batch(std::size_t i, const Phase& ph, Batch& b);
    void access_batch(std::size_t i, const Phase& ph, Batch& b);
    Process& k_proc(std::size_t i) { return m_k.procs[static_cast<std::size_t>(m_tasks[i].proc)]; }
    const Phase& phase_of(std::size_t i) const { return m_config.tasks[i].phases[m_tasks[i].phase]; }
    // A fault of task i on `slot` (mm/memory.cpp's fault_alloc() and finish_fault()), charged to it.
    bool fault_in(std::size_t i, std::uint32_t& slot, std::int64_t& cpu_ns, std::int64_t& wait_ns, bool& stalled);
    // Charges task i for one allocation attempt (stall, direct reclaim, failure); true if it got a page.
    bool account_alloc(std::size_t i, const AllocResult& r, bool got_page, std::int64_t& cpu_ns, std::int64_t& wait_ns);
    std::vector<std::int64_t> m_cpu_free_at; // when each simulated CPU is next free
    std::vector<std::int64_t> m_kswapd_queued_at;
    std::vector<TaskState> m_tasks;
    // The tasks' run queue, ordered as next_actor() chooses: (ready_at, queued_at, index), the
    // not-done tasks only. A scan of every task per step made 10000 tasks take 10 minutes.
    using RunqKey = std::tuple<std::int64_t, std::int64_t, std::size_t>;
    std::set<RunqKey> m_runq;
    // Tasks that became ready while every CPU was busy, by (queued_at, index): they all wait for
    // the first CPU to become free. Moving each once, instead of pushing every waiting task's
    // ready_at to the CPU's free time at every step, keeps a step O(log n) with 100000 tasks.
    std::set<std::pair<std::int64_t, std::size_t>> m_cpuq;
    enum class Queued : std::uint8_t { None, Runq, Cpuq };
    std::vector<Queued> m_queued;    // per task: which queue holds it
    std::vector<RunqKey> m_queued_as; // per task: its key there (ready_at may have changed since)
    // Task i's place after its ready_at, queued_at or done changed.
    void requeue(std::size_t i);
    // Task i became ready while every CPU was busy.
    void wait_for_cpu(std::size_t i);
    // Every task's place, after changes outside run_until()'s loop (creation, swapoff()).
    void rebuild_runq();
    std::vector<TaskStats> m_stats;
    std::int64_t m_next_sample = 0;
    const std::function<bool()>* m_stop = nullptr; // run_until(t, stop)
    bool m_stopped = false;
    std::size_t m_next_action = 0;
    Rng m_rng;
};

} // namespace rs
