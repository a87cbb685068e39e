#include "sim/run_budget.h"

#include "mm/page_frames.h"
#include "replay/trace_source.h"
#include "mm/swap_state.h"
#include "mm/swapfile.h"
#include "record/recorder.h"
#include "util/units.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/resource.h>

namespace rs {

namespace {

// Swap areas: the configured ones and every swapon of the timeline.
std::uint64_t swap_slots(const EngineConfig& c) {
    std::uint64_t slots = 0;
    for (const auto& d : c.swap_devices) slots += d.size_bytes / kPageSize;
    for (const auto& a : c.timeline)
        if (a.kind == TimelineAction::Kind::Swapon) slots += a.swap.size_bytes / kPageSize;
    return slots;
}

// Pages the tasks map: anonymous regions (alloc) and the files they read or write. A page
// table entry is 4 bytes (AddressSpace::pages).
// A replayed trace is a file as long as its highest page number (the engine's file_space()),
// once per trace however many tasks replay it.
std::uint64_t mapped_pages(const EngineConfig& c, std::uint64_t& anon, RunCost& cost) {
    std::uint64_t pages = 0;
    std::set<std::string> traces;
    for (const auto& t : c.tasks)
        for (const auto& ph : task_phases(t)) {
            pages += ph.pages;
            if (ph.kind == Phase::Kind::Alloc) anon += ph.pages;
            if (ph.kind != Phase::Kind::Replay || !ph.trace || !traces.insert(ph.file).second) continue;
            const std::uint64_t span = ph.trace->info().pages;
            pages += span;
            if (span > cost.largest_trace_pages) {
                cost.largest_trace_pages = span;
                cost.largest_trace = ph.file;
            }
        }
    return pages;
}

std::string show_bytes(std::uint64_t b) { return format_size(b); }

} // namespace

RunCost estimate_run_cost(const EngineConfig& c, std::int64_t duration_ns) {
    RunCost cost;
    cost.frames = c.machine.total_present() * kBytesPerFrame;
    std::uint64_t anon = 0;
    cost.address_spaces = mapped_pages(c, anon, cost) * sizeof(std::uint32_t);
    const std::uint64_t slots = swap_slots(c);
    // swapon: a swap_map byte per slot and a cluster per SWAPFILE_CLUSTER slots; in use: the
    // per-slot state, for at most as many slots as the tasks have anonymous pages.
    cost.swap = slots + (slots / SWAPFILE_CLUSTER + 1) * sizeof(SwapCluster) +
                std::min(slots, anon) * SwapSubsystem::bytes_per_slot_in_use();
    std::size_t zones = 0;
    for (const auto& n : c.machine.nodes) zones += n.zones.size();
    const std::uint64_t per_sample = sizeof(Sample) + zones * sizeof(ZoneSample) + c.machine.nodes.size() * sizeof(NodeSample) +
                                    std::min(c.tasks.size(), kSampledProcs) * sizeof(ProcSample);
    std::uint64_t n = c.max_samples;
    if (duration_ns >= 0 && c.sample_interval_ns > 0)
        n = std::min<std::uint64_t>(n, static_cast<std::uint64_t>(duration_ns / c.sample_interval_ns) + 1);
    cost.samples = n * per_sample;
    return cost;
}

std::uint64_t host_memory_budget() {
    std::uint64_t total = 0;
    std::ifstream in("/proc/meminfo");
    for (std::string line; std::getline(in, line);) {
        std::istringstream ls(line);
        std::string key;
        std::uint64_t kb = 0;
        if (ls >> key >> kb && key == "MemTotal:") total = kb * 1024;
    }
    struct rlimit rl{};
    if (::getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        total = total ? std::min<std::uint64_t>(total, rl.rlim_cur) : rl.rlim_cur;
    return static_cast<std::uint64_t>(static_cast<double>(total) * kHostMemoryShare);
}

std::optional<std::string> check_run_budget(const EngineConfig& c, std::int64_t duration_ns, std::uint64_t budget) {
    if (budget == 0) return std::nullopt;
    const RunCost cost = estimate_run_cost(c, duration_ns);
    if (cost.total() <= budget) return std::nullopt;
    std::string parts;
    auto part = [&](const char* what, std::uint64_t b) {
        if (b >= cost.total() / 10) parts += (parts.empty() ? "" : ", ") + show_bytes(b) + " " + what;
    };
    part("for the page frames of the simulated RAM", cost.frames);
    part("for the swap slots", cost.swap);
    part("for the page tables of the tasks' memory and files", cost.address_spaces);
    part("for the recorded samples", cost.samples);
    std::string trace;
    if (cost.largest_trace_pages * sizeof(std::uint32_t) >= cost.total() / 10)
        trace = "; trace '" + cost.largest_trace + "' names page " + std::to_string(cost.largest_trace_pages - 1) + ", a file of " +
                show_bytes(cost.largest_trace_pages * kPageSize);
    return "this run needs about " + show_bytes(cost.total()) + " of this machine's memory (" + parts + ")" + trace + "; at most " +
           show_bytes(budget) + " (a quarter of its memory or of ulimit -v) may be used";
}

} // namespace rs
