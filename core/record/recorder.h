#pragma once
// Samples of the simulated kernel's state over time, for the views, exports and tests.
#include "mm/event_log.h"
#include "mm/mmzone.h" // KswapdPhase
#include "record/proc_sample.h"

#include <array>
#include <map>
#include <cstdint>
#include <string>
#include <vector>

namespace rs {

struct ZoneSample {
    std::int64_t free = 0;
    std::int64_t min = 0;   // watermarks including the boost, as the kernel reports them
    std::int64_t low = 0;
    std::int64_t high = 0;
    std::int64_t boost = 0;
};

struct NodeSample {
    KswapdPhase kswapd_phase = KswapdPhase::Sleeping;
    std::array<std::int64_t, 5> lru{};
    std::uint64_t direct_reclaims = 0;  // cumulative do_try_to_free_pages() entries
    std::int64_t direct_reclaim_ns = 0; // cumulative time tasks spent reclaiming
};

// The machine-wide fields are listed, with their readers and names, in record/sample_fields.cpp.
struct Sample {
    std::int64_t t_ns = 0;
    std::vector<ZoneSample> zones; // by global zone number
    std::vector<NodeSample> nodes;
    std::uint64_t oom_kills = 0; // cumulative
    std::int64_t swap_used = 0;   // slots in use (pages)
    std::int64_t swap_total = 0;
    std::int64_t swap_cache = 0;  // pages in the swap cache
    std::uint64_t pswpin = 0;     // cumulative
    std::uint64_t pswpout = 0;    // cumulative
    // Cumulative /proc/vmstat event counters, for rates.
    std::uint64_t pgscan_kswapd = 0, pgscan_direct = 0, pgsteal_kswapd = 0, pgsteal_direct = 0;
    std::uint64_t pgscan_anon = 0, pgscan_file = 0;
    std::uint64_t allocstall = 0;          // all zones
    std::uint64_t workingset_refault = 0;  // anon + file
    std::uint64_t pgactivate = 0, pgdeactivate = 0, pgmajfault = 0;
    std::uint64_t pgalloc = 0, pgsteal_anon = 0, pgsteal_file = 0, pgrotated = 0;
    std::uint64_t refault_anon = 0, refault_file = 0;
    std::uint64_t pageoutrun = 0; // balance_pgdat() runs
    // Node-wide sums.
    std::int64_t nr_dirty = 0, nr_writeback = 0, nr_slab_reclaimable = 0;
    // Memory pressure as /proc/pressure/memory shows it (kernel/sched/psi.c): the stall time of
    // "some" and "full" in microseconds (cumulative), and their avg10 in hundredths of a percent.
    std::uint64_t psi_some_us = 0, psi_full_us = 0;
    std::int64_t psi_some_avg10 = 0, psi_full_avg10 = 0;
    // The rows of sample_fields() this sample lacks (bit i: row i): a series the simulator does
    // not compute, or a file or counter the host does not have. Absent is never shown as 0.
    std::uint64_t absent = 0;
    // Per process (record/proc_sample.h): the live ones, at most kSampledProcs, by pid.
    std::vector<ProcSample> procs;
};

struct ZoneLabel {
    int node = 0;
    int global = 0;
    std::string name; // "DMA32"
    bool populated = false;
    std::int64_t managed = 0;
};

class Recorder {
public:
    std::vector<ZoneLabel> zones;
    std::vector<Sample> samples;
    std::map<int, std::string> comms; // the comm of every pid a sample holds
    // What was recorded, as "key: value" lines the CSV starts with ("# host: NAME"); empty for
    // a simulated run (its CSV is the golden files' format).
    std::vector<std::string> source;
    std::size_t max_samples = 2'000'000; // the oldest half is thinned out beyond this
    // Each thinning halves the resolution of the samples older than thinned_before_ns (the
    // newer half stays at full resolution); views thin their copies the same way.
    std::uint64_t thin_count = 0;
    std::int64_t thinned_before_ns = -1;

    void add(Sample s);
};

} // namespace rs
