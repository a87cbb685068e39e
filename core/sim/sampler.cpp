// The sampler: what the recorder keeps of the kernel at each sample time: per zone the free
// pages and watermarks, per node the LRU sizes and kswapd's state, and the machine-wide series
// of record/sample_fields' table.
#include "sim/engine.h"

#include "record/sample_fields.h"

namespace rs {

void Engine::take_sample() {
    Sample s;
    s.t_ns = m_k.now;
    for (const auto& node : m_k.machine.nodes) {
        for (const auto& z : node.zones)
            s.zones.push_back(ZoneSample{z.nr_free_pages, static_cast<std::int64_t>(z.min_wmark_pages()),
                                         static_cast<std::int64_t>(z.low_wmark_pages()),
                                         static_cast<std::int64_t>(z.high_wmark_pages()),
                                         static_cast<std::int64_t>(z.watermark_boost)});
        NodeSample ns;
        ns.kswapd_phase = node.kswapd.phase;
        for (int l = 0; l < NR_LRU_LISTS; ++l) ns.lru[static_cast<std::size_t>(l)] = node.nr_lru[static_cast<std::size_t>(l)];
        ns.direct_reclaims = node.direct_reclaims;
        ns.direct_reclaim_ns = node.direct_reclaim_ns;
        s.nodes.push_back(ns);
    }
    read_sample_fields(m_k, s);
    s.procs = sample_procs(m_k);
    for (const ProcSample& ps : s.procs)
        if (!m_recorder.comms.count(ps.pid)) m_recorder.comms[ps.pid] = m_k.find_task(ps.pid)->comm;
    m_recorder.add(std::move(s));
}

} // namespace rs
