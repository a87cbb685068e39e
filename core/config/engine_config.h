#pragma once
// Everything a run is made of, before it starts: the machine, boot parameters, sysctl writes,
// swap areas, tasks, the timeline, the cost model, the seed and the sampling.
#include "config/cost_model.h"
#include "config/swap_spec.h"
#include "config/sysctl_write.h"
#include "config/task.h"
#include "config/timeline.h"
#include "model/machine_spec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rs {

// The longest run or time point a scenario file or the command line may name: 1 000 000 s
// (11.6 days) of simulated time.
inline constexpr std::int64_t kMaxDurationNs = 1'000'000'000'000'000;

struct EngineConfig {
    std::string title;
    MachineSpec machine;
    ThpMode thp = ThpMode::Madvise;
    std::vector<SysctlWrite> sysctl_writes; // applied after boot, in order
    std::vector<SwapDeviceSpec> swap_devices; // swapon'ed after boot, in order
    std::vector<TaskSpec> tasks;
    std::vector<TimelineAction> timeline; // run when their time comes (same time: in order)
    CostModel cost;
    std::uint64_t seed = 1;
    std::int64_t sample_interval_ns = 10'000'000;
    // History bound: beyond this many samples the recorder thins its older half (Recorder::add),
    // so memory and plot sizes stay bounded however long a run lasts.
    std::size_t max_samples = 2'000'000;
};

} // namespace rs
