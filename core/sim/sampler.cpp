// The sampler: what the recorder keeps of the kernel at each sample time (zone free pages and
// watermarks, LRU sizes, kswapd's state, swap, the vmstat events the plots and the CSV show).
#include "sim/engine.h"

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
        const auto& st = node;
        ns.kswapd_phase = st.kswapd.phase == KswapdState::Phase::Sleeping  ? 0
                          : st.kswapd.phase == KswapdState::Phase::Napping ? 1
                                                                           : 2;
        for (int l = 0; l < NR_LRU_LISTS; ++l) ns.lru[static_cast<std::size_t>(l)] = node.nr_lru[static_cast<std::size_t>(l)];
        ns.direct_reclaims = st.direct_reclaims;
        ns.direct_reclaim_ns = st.direct_reclaim_ns;
        s.nodes.push_back(ns);
    }
    s.oom_kills = m_k.vmstat[OOM_KILL];
    if (m_k.swap) {
        const auto [free, total] = m_k.swap->si_swapinfo();
        s.swap_total = static_cast<std::int64_t>(total);
        s.swap_used = static_cast<std::int64_t>(total - free);
        for (const auto& n : m_k.machine.nodes) s.swap_cache += n[NR_SWAPCACHE];
    }
    s.pswpin = m_k.vmstat[PSWPIN];
    s.pswpout = m_k.vmstat[PSWPOUT];
    const auto& v = m_k.vmstat;
    s.pgscan_kswapd = v[PGSCAN_KSWAPD];
    s.pgscan_direct = v[PGSCAN_DIRECT];
    s.pgsteal_kswapd = v[PGSTEAL_KSWAPD];
    s.pgsteal_direct = v[PGSTEAL_DIRECT];
    s.pgscan_anon = v[PGSCAN_ANON];
    s.pgscan_file = v[PGSCAN_FILE];
    for (int z = ALLOCSTALL_DMA; z <= ALLOCSTALL_DEVICE; ++z) s.allocstall += v[static_cast<VmEvent>(z)];
    s.pgactivate = v[PGACTIVATE];
    s.pgdeactivate = v[PGDEACTIVATE];
    s.pgmajfault = v[PGMAJFAULT];
    for (int z = PGALLOC_DMA; z <= PGALLOC_DEVICE; ++z) s.pgalloc += v[static_cast<VmEvent>(z)];
    s.pgsteal_anon = v[PGSTEAL_ANON];
    s.pgsteal_file = v[PGSTEAL_FILE];
    s.pgrotated = v[PGROTATED];
    for (const auto& n : m_k.machine.nodes) {
        s.workingset_refault += static_cast<std::uint64_t>(n[WORKINGSET_REFAULT_ANON] + n[WORKINGSET_REFAULT_FILE]);
        s.refault_anon += static_cast<std::uint64_t>(n[WORKINGSET_REFAULT_ANON]);
        s.refault_file += static_cast<std::uint64_t>(n[WORKINGSET_REFAULT_FILE]);
        s.nr_dirty += n[NR_DIRTY];
        s.nr_writeback += n[NR_WRITEBACK];
        s.nr_slab_reclaimable += n[NR_SLAB_RECLAIMABLE];
    }
    m_recorder.add(std::move(s));
}

} // namespace rs
