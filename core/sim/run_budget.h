#pragma once
// What a run will cost the host before it starts, and the share of the host it may take: a
// scenario or a command line that would need more is refused with the figures, instead of
// growing until the host runs out of memory.
#include "config/engine_config.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rs {

// A run may use at most this share of the host's memory (MemTotal, or RLIMIT_AS when lower).
inline constexpr double kHostMemoryShare = 0.25;

struct RunCost {
    std::uint64_t frames = 0;         // page frames of the simulated RAM (present pages)
    std::uint64_t swap = 0;           // swap_map and clusters, and the slots the tasks can fill
    std::uint64_t address_spaces = 0; // page tables of the tasks' regions and files
    std::uint64_t samples = 0;        // the recorder's history (bounded by max_samples)
    std::string largest_trace;             // the replayed trace naming the highest page
    std::uint64_t largest_trace_pages = 0; // its highest page number + 1
    std::uint64_t total() const { return frames + swap + address_spaces + samples; }
};

// duration_ns < 0: as long as the window may run (the recorder's bound).
RunCost estimate_run_cost(const EngineConfig& c, std::int64_t duration_ns);

// The bytes a run may use on this host: kHostMemoryShare of MemTotal (/proc/meminfo) or of
// RLIMIT_AS (ulimit -v), the lower. 0: unknown (no limit is applied).
std::uint64_t host_memory_budget();

// nullopt when the cost is within budget (or the budget is 0), else the message.
std::optional<std::string> check_run_budget(const EngineConfig& c, std::int64_t duration_ns, std::uint64_t budget);

} // namespace rs
