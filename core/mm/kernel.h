#pragma once
// The simulated kernel as one value: the nodes and zones (mmzone.h), page frames, address
// spaces, processes, swap, writeback, slab, counters and the event log. The mm/ functions
// operate on it under kernel names.
#include "config/cost_model.h"
#include "mm/backing_dev.h"
#include "mm/event_log.h"
#include "mm/internal.h"
#include "mm/mm_types.h"
#include "mm/mmzone.h"
#include "mm/page_frames.h"
#include "mm/slab.h"
#include "mm/swap_state.h"
#include "mm/sysctl.h"
#include "mm/trace.h"
#include "mm/tracepoint.h"
#include "mm/vmstat.h"
#include "mm/watermarks.h"

#include <array>
#include <deque>
#include <initializer_list>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rs {

struct Kernel;

// Where global zone number g sits, set at boot: a frame's zone and node are found without a
// division, as page_zone() and folio_pgdat() read them from page->flags.
struct ZoneId {
    std::uint16_t nid = 0, zone_idx = 0;
};

struct Kernel {
    Machine machine; // the nodes (struct pglist_data) and their zones
    VmSysctl sysctl;
    // mm/workingset.c bucket_order, set once at boot by workingset_init() (-1: not yet).
    int workingset_bucket_order = -1;
    ThpMode thp = ThpMode::Never;
    CostModel cost;

    PageFrames frames;
    std::vector<ZoneId> zone_ids; // by global zone number: node * nr_zone_types + zone_idx
    std::vector<AddressSpace> spaces;
    std::vector<Process> procs; // by creation order; find a pid with find_task()
    // The pid allocator (alloc_pid(), kernel/pid.c): pids are handed out in order from 1 (init);
    // the boot's kernel threads take theirs before any simulated task.
    int last_pid = 0;
    // Tasks the simulation does not run but that hold pids from boot: init, kthreadd and the
    // kernel threads of mm (kswapdN, the flusher's kworker).
    struct BootTask {
        int pid = 0, ppid = 0;
        std::string comm;
    };
    std::vector<BootTask> boot_tasks;
    // The kernel log (printk's ring buffer): what dmesg shows, with the time of each line.
    struct LogLine {
        std::int64_t t_ns = 0;
        std::string text;
    };
    std::vector<LogLine> printk_log;
    SwapSubsystem swap; // no area swapped on: no swap (total_swap_pages == 0)
    WritebackState wb;
    std::vector<SlabCache> slab; // per node
    // isolate_lru_folios()'s skipped folios (any number; put back before it returns), kept to
    // be reused rather than allocated per call.
    std::vector<frame_t> isolate_skipped;

    VmEvents vmstat;
    KFuncCounters trace; // calls per traced kernel function
    EventLog events;
    std::int64_t now = 0;
    // The tracepoints' sink (nullptr: tracing off, the only cost a test of this pointer) and the
    // task the engine is running, as `current` and smp_processor_id() give them to the kernel.
    TraceSink* tracepoints = nullptr;
    TraceCurrent current;

    int nr_zone_types() const { return machine.nr_zone_types(); }
    int nr_zones() const { return static_cast<int>(zone_ids.size()); }
    Zone& zone(int global) {
        const ZoneId id = zone_ids[static_cast<std::size_t>(global)];
        return machine.nodes[id.nid].zones[id.zone_idx];
    }
    const Zone& zone(int global) const {
        const ZoneId id = zone_ids[static_cast<std::size_t>(global)];
        return machine.nodes[id.nid].zones[id.zone_idx];
    }
    int global_zone(const Zone& z) const { return z.node_id * nr_zone_types() + z.zone_idx; }
    Zone& zone_of_frame(frame_t f) { return zone(frames.zone[f]); }
    const Zone& zone_of_frame(frame_t f) const { return zone(frames.zone[f]); }
    int node_of_frame(frame_t f) const { return zone_ids[frames.zone[f]].nid; }
    int nr_nodes() const { return static_cast<int>(machine.nodes.size()); }
    Pgdat& pgdat(int nid) { return machine.nodes[static_cast<std::size_t>(nid)]; }
    const Pgdat& pgdat(int nid) const { return machine.nodes[static_cast<std::size_t>(nid)]; }
    Lruvec& lruvec(int nid) { return pgdat(nid).lruvec; }
    // alloc_pid(): the next free pid.
    int alloc_pid() { return ++last_pid; }
    // find_task_by_vpid(): the process with that pid, or nothing.
    Process* find_task(int pid) {
        for (auto& p : procs)
            if (p.pid == pid) return &p;
        return nullptr;
    }
    const Process* find_task(int pid) const { return const_cast<Kernel*>(this)->find_task(pid); }
    // trace_<event>(): a record at now + offset_ns (the time into the running step) from the
    // current task, its fields in the table's order (mm/tracepoint.cpp). Callers test
    // `tracepoints` first, as the kernel's static key does.
    void trace_event(TraceEventId id, std::int64_t offset_ns, std::initializer_list<std::int64_t> fields,
                     std::string_view text = {}) {
        TraceRecord r;
        r.id = id;
        r.t_ns = now + offset_ns;
        r.now_ns = now;
        r.pid = current.pid;
        r.cpu = current.cpu;
        r.comm = current.comm;
        r.text = text;
        std::size_t i = 0;
        for (const std::int64_t v : fields) r.f[i++] = v;
        tracepoints->record(r);
    }
    // printk(): a line in the kernel log at the current time.
    void printk(std::string text) { printk_log.push_back(LogLine{now, std::move(text)}); }
};

// Builds the kernel of a booted machine: frames for every managed page, each zone's free list,
// and the pages in use at start held as kernel memory outside the LRU (mm/mm_init.cpp).
Kernel make_kernel(BootedMachine booted, const CostModel& cost);

} // namespace rs
