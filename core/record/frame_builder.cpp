#include "record/frame_builder.h"

#include "mm/swap_state.h"
#include "procfs/meminfo.h"
#include "procfs/pid_status.h"
#include "procfs/swaps.h"
#include "procfs/vmstat.h"
#include "procfs/zoneinfo.h"
#include "mm/kernel.h"

#include <algorithm>

namespace rs {

void FrameBuilder::build(const Kernel& k, const Recorder& rec, FrameWants wants, FrameData& out) {
    out.zones = rec.zones;
    out.kfunc_calls = k.trace.calls;
    out.kfunc_last = k.trace.last;
    if (wants.proc_texts) {
        out.proc_zoneinfo = format_zoneinfo(k.machine);
        out.proc_vmstat = format_vmstat(k);
        out.proc_meminfo = format_meminfo(k);
        out.proc_swaps = format_swaps(k);
        for (const Process* p : largest_processes(k, kFrameStatusProcs))
            out.proc_status.push_back({p->pid, p->comm, format_pid_status(k, *p)});
    }
    take_new(rec, k.events.items, out);
    out.sysctl = k.sysctl;
    out.swap = swap_snapshot(k.swap.space());
    if (wants.procs) {
        out.procs = proc_table(k, kFrameProcs, out.nr_procs);
        add_slot_owners(k, out.swap);
    }
    out.totalram_pages = k.machine.totalram_pages();
    out.nr_zone_types = k.nr_zone_types();
    out.sim_time_ns = k.now;
}

void FrameBuilder::take_new(const Recorder& rec, const std::vector<Event>& events, FrameData& out) {
    if (rec.thin_count != m_sent_thin_count) {
        m_sent_samples = static_cast<std::size_t>(
            std::upper_bound(rec.samples.begin(), rec.samples.end(), m_sent_up_to_ns,
                             [](std::int64_t t, const Sample& s) { return t < s.t_ns; }) -
            rec.samples.begin());
        out.thin_rounds = static_cast<int>(rec.thin_count - m_sent_thin_count);
        out.thin_before_ns = rec.thinned_before_ns;
        m_sent_thin_count = rec.thin_count;
    }
    const std::size_t first = std::min(m_sent_samples, rec.samples.size());
    out.samples.assign(rec.samples.begin() + static_cast<std::ptrdiff_t>(first), rec.samples.end());
    m_sent_samples = rec.samples.size();
    if (!rec.samples.empty()) m_sent_up_to_ns = rec.samples.back().t_ns;
    const std::size_t first_event = std::min(m_sent_events, events.size());
    out.events.assign(events.begin() + static_cast<std::ptrdiff_t>(first_event), events.end());
    m_sent_events = events.size();
}

} // namespace rs
