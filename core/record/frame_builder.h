#pragma once
// Frames: what the views get from the simulation, built without Qt. A frame carries the samples
// and events recorded since the previous frame and the kernel's state now; FrameBuilder keeps
// count of what it has handed out, across the recorder's thinnings.
#include "record/proc_sample.h"
#include "record/swap_snapshot.h"
#include "mm/sysctl.h"
#include "mm/trace.h"
#include "mm/event_log.h"
#include "record/recorder.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace rs {

struct Kernel;

struct FrameData {
    std::vector<ZoneLabel> zones;
    std::vector<Sample> samples; // new since the previous frame, in time order
    // The recorder thinned its history since the previous frame (thin_rounds times): views thin
    // their copies of the points older than thin_before_ns the same way (every other one).
    int thin_rounds = 0;
    std::int64_t thin_before_ns = -1;
    std::vector<Event> events; // new since the previous frame
    VmSysctl sysctl;
    std::vector<SwapDeviceSnapshot> swap; // slot map of every swap device, now
    std::uint64_t totalram_pages = 0;
    int nr_zone_types = 1; // zones per node (vm.lowmem_reserve_ratio has one value each)
    std::int64_t sim_time_ns = 0;
    std::array<std::uint64_t, NR_KFUNCS> kfunc_calls{}; // calls of each traced kernel function so far
    std::array<std::uint64_t, NR_KFUNCS> kfunc_last{};  // order of each one's latest call (KFuncCounters::last)
    // A real machine (host/host_watch.h), not a simulation: the functions are lit from the
    // counters that count them (kfunc_calls), and those without one are not observable there.
    bool host = false;
    std::array<bool, NR_KFUNCS> kfunc_observed{}; // with host: has a counter
    // A recording read back (record/csv_read.h): samples only, no kernel behind them.
    bool recording = false;
    // The simulated kernel's /proc files now, in the kernel's formats (empty unless asked for).
    std::string proc_zoneinfo, proc_vmstat, proc_meminfo, proc_swaps;
    // With them, /proc/PID/status of the processes (by pid; at most kFrameStatusProcs, those
    // with the most memory): the Counters view's process list.
    struct PidStatus {
        int pid = 0;
        std::string comm, text;
    };
    std::vector<PidStatus> proc_status;
    // The processes now (empty unless asked for): at most kFrameProcs rows, of nr_procs; with
    // them each small swap area's slot owners (SwapDeviceSnapshot::slot_owner).
    std::vector<ProcRow> procs;
    std::size_t nr_procs = 0;
};

// What a frame carries beyond the samples, events and small state: each costs the worker time
// nobody needs unless a view that shows it is visible.
struct FrameWants {
    bool proc_texts = false; // the /proc texts (the Counters view)
    bool procs = false;      // the process table and slot owners (the Processes view)
};
inline constexpr std::size_t kFrameProcs = 2000;
inline constexpr std::size_t kFrameStatusProcs = 64;

class FrameBuilder {
public:
    // A new simulation: the next frame starts from its first sample and its first event.
    void restart() { *this = FrameBuilder(); }
    // The frame of now: what take_new() gives, and the kernel's state (sysctls, swap maps,
    // traced calls, time; the /proc texts and the processes only when wanted).
    void build(const Kernel& k, const Recorder& rec, FrameWants wants, FrameData& out);
    // The samples and events since the previous call, and the thinnings in between. New samples
    // are chosen by index (two samples may share a time: a sysctl write samples at once); a
    // thinning moves indices, so then the index is found again from the last time sent.
    void take_new(const Recorder& rec, const std::vector<Event>& events, FrameData& out);

private:
    std::size_t m_sent_samples = 0;   // recorder samples already sent
    std::int64_t m_sent_up_to_ns = -1; // the time of the last one
    std::uint64_t m_sent_thin_count = 0;
    std::size_t m_sent_events = 0;
};

} // namespace rs
