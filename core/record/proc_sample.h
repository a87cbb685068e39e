#pragma once
// Processes over time and now: what /proc/PID/status, /proc/PID/stat, /proc/PID/oom_score and
// delay accounting (getdelays) report per process, for the Processes view and the CSV. The
// kernel keeps these in task_struct and mm_struct (mm/mm_types.h's Process); this is the
// recorder's copy.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

struct Kernel;
struct Process;

// One process at a sample time. Memory in pages.
struct ProcSample {
    std::int32_t pid = 0;
    std::uint32_t rss = 0;  // get_mm_rss(): VmRSS (RssAnon + RssFile + RssShmem)
    std::uint32_t swap = 0; // MM_SWAPENTS: VmSwap
    std::uint32_t vm = 0;   // mm->total_vm: VmSize
    std::uint64_t min_flt = 0, maj_flt = 0;   // /proc/PID/stat fields 10 and 12
    std::uint64_t reclaim_count = 0;          // direct reclaims (delayacct freepages_count)
    std::int64_t reclaim_ns = 0, swapin_ns = 0, thrashing_ns = 0; // RECLAIM, SWAP, THRASHING delays
};

// A sample keeps at most this many processes: all live ones when there are no more, else the
// ones with the most memory (RSS + swap; ties: the longest reclaim stall, then the lower pid),
// so that 100 000 tasks cost a sample what 8 do.
inline constexpr std::size_t kSampledProcs = 8;

// The live processes take_sample() keeps, ordered by pid.
std::vector<ProcSample> sample_procs(const Kernel& k);
ProcSample proc_sample(const Kernel& k, const Process& p);

// proc_oom_score() (fs/proc/base.c): (1000 + oom_badness() * 1000 / totalpages) * 2 / 3 with
// totalpages = totalram_pages() + total_swap_pages, 0 for an unkillable task (LONG_MIN).
std::int64_t proc_oom_score(const Kernel& k, const Process& p);

// A process now, as `ps` and /proc show it: one row of the Processes view.
struct ProcRow {
    enum class State : std::uint8_t { Running, Exited, OomKilled, KernelThread };
    int pid = 0, ppid = 0;
    int nid = 0; // the node of its CPU, where it allocates and reclaims first
    std::string comm;
    State state = State::Running;
    bool has_mm = false; // a kernel thread or a dead process has no mm: no figures (init: not simulated)
    ProcSample now;      // pid and the counters; memory 0 without an mm
    std::int64_t oom_score = 0; // /proc/PID/oom_score
    int oom_score_adj = 0;
};

// The boot's tasks (init and the kernel threads), then the processes, by pid: at most `limit`
// rows (the processes with the most memory when there are more), `total` says how many there are.
std::vector<ProcRow> proc_table(const Kernel& k, std::size_t limit, std::size_t& total);
// At most `limit` processes, dead ones included (no memory), those with the most memory, by pid.
std::vector<const Process*> largest_processes(const Kernel& k, std::size_t limit);

// The per-process columns of the CSV: for each of the kCsvProcs processes with the largest
// peak of RSS + swap over the recorded samples, these series (an empty cell where the process
// was not sampled: not yet started, dead, or not among the sample's kSampledProcs).
inline constexpr std::size_t kCsvProcs = 4;
struct ProcCsvField {
    std::string_view suffix; // "rss_kb" -> memhog_1234_rss_kb
    bool rate;               // per second between samples
    double scale;            // to the column's unit (pages to kB, ns to ms)
    double (*value)(const ProcSample&);
};
std::span<const ProcCsvField> proc_csv_fields();

} // namespace rs
