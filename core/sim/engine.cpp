#include "sim/engine.h"

#include "mm/kswapd.h"
#include "mm/page_alloc.h"
#include "mm/swap.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace rs {

Kernel make_kernel(BootedMachine booted, const CostModel& cost) {
    Kernel k;
    k.machine = std::move(booted.machine);
    k.sysctl = booted.sysctl;
    k.thp = booted.thp;
    k.cost = cost;
    const int nz = k.nr_zone_types();
    std::uint64_t total = 0;
    k.machine.for_each_zone([&](const Zone& z) { total += z.managed_pages; });
    k.frames.resize(total);
    k.zones.resize(k.machine.nodes.size() * static_cast<std::size_t>(nz));
    k.nodes.resize(k.machine.nodes.size());
    frame_t next = 0;
    for (auto& node : k.machine.nodes)
        for (auto& z : node.zones) {
            const int g = node.node_id * nz + z.zone_idx;
            ZoneState& zs = k.zones[static_cast<std::size_t>(g)];
            zs.first_frame = next;
            zs.nr_frames = static_cast<frame_t>(z.managed_pages);
            z.nr_free_pages = 0;
            for (frame_t f = next; f < next + zs.nr_frames; ++f) {
                k.frames.zone[f] = static_cast<std::uint16_t>(g);
                k.frames.flags[f] = PG_buddy;
                k.frames.list_add_tail(zs.free_list, f);
                ++z.nr_free_pages;
            }
            next += zs.nr_frames;
        }
    return k;
}

Engine::Engine(EngineConfig config) : m_config(std::move(config)) {}

Result<std::unique_ptr<Engine>> Engine::create(const EngineConfig& config) {
    using R = Result<std::unique_ptr<Engine>>;
    if (auto err = validate_machine(config.machine)) return R::failure(*err);
    if (config.sample_interval_ns <= 0) return R::failure("the sample interval must be positive");
    for (const auto& t : config.tasks) {
        if (t.node < 0 || t.node >= static_cast<int>(config.machine.nodes.size()))
            return R::failure("task '" + t.name + "' runs on node " + std::to_string(t.node) +
                              ", which the machine does not have");
        if (!(t.pages_per_sec > 0) || !std::isfinite(t.pages_per_sec))
            return R::failure("task '" + t.name + "' needs a positive rate");
        if (t.pages_per_sec < 0.001 || t.pages_per_sec > 1e12)
            return R::failure("task '" + t.name + "': a rate of " + std::to_string(t.pages_per_sec) +
                              " pages/s is outside 0.001 .. 1e12");
        if (t.pages == 0) return R::failure("task '" + t.name + "' has a size of zero pages");
        if (t.pages > 0x7fffffffull) return R::failure("task '" + t.name + "' is too large");
    }
    std::unique_ptr<Engine> e(new Engine(config));
    BootedMachine booted = boot_machine(config.machine, config.thp);
    e->m_boot_log = booted.log;
    e->m_k = make_kernel(std::move(booted), config.cost);
    Kernel& k = e->m_k;

    // Pages in use when the machine was described (a cloned snapshot's used memory): kernel
    // memory outside the LRU, taken from the top of each zone's free list.
    for (std::size_t n = 0; n < config.machine.nodes.size(); ++n)
        for (std::size_t z = 0; z < config.machine.nodes[n].zones.size(); ++z) {
            const auto used = config.machine.nodes[n].zones[z].used_at_start;
            Zone& zone = k.machine.nodes[n].zones[z];
            ZoneState& zs = k.zones[n * static_cast<std::size_t>(k.nr_zone_types()) + z];
            for (std::uint64_t i = 0; i < used; ++i) {
                const frame_t f = k.frames.pop_head(zs.free_list);
                k.frames.flags[f] = PG_reserved;
                --zone.nr_free_pages;
            }
        }

    for (const auto& w : config.sysctl_writes) {
        if (w.name == "vm.lowmem_reserve_ratio" && static_cast<int>(w.values.size()) > k.nr_zone_types())
            return R::failure(w.name + " takes at most " + std::to_string(k.nr_zone_types()) + " values on this machine");
        apply_sysctl_write(k.machine, k.sysctl, w);
        e->m_boot_log.push_back("sysctl " + w.name + " = " + format_sysctl_value(w));
    }

    // Labels for the recorder.
    for (const auto& node : k.machine.nodes)
        for (const auto& z : node.zones)
            e->m_recorder.zones.push_back(ZoneLabel{node.node_id, k.global_zone(z),
                                                    std::string(zone_name(z.type)), z.populated(),
                                                    static_cast<std::int64_t>(z.managed_pages)});
    // Tasks and their address spaces.
    for (const auto& t : config.tasks) {
        TaskState ts;
        ts.space = static_cast<int>(k.spaces.size());
        AddressSpace as;
        as.name = t.name;
        as.anon = t.kind == TaskSpec::Kind::AllocAnon;
        as.pages.assign(t.pages, kNoFrame);
        k.spaces.push_back(std::move(as));
        ts.ready_at = t.start_ns;
        e->m_tasks.push_back(ts);
        e->m_stats.emplace_back();
    }
    return e;
}

void Engine::write_sysctl(const SysctlWrite& w) {
    apply_sysctl_write(m_k.machine, m_k.sysctl, w);
    m_k.events.add(m_k.now, EventType::SysctlChange, -1, w.name + " = " + format_sysctl_value(w));
    // A sysctl write can change the balance: kswapd re-evaluates at its next wake-up, as in
    // the kernel (writing the sysctl wakes nobody). The new lines show at once.
    take_sample();
}

void Engine::take_sample() {
    Sample s;
    s.t_ns = m_k.now;
    for (const auto& node : m_k.machine.nodes) {
        for (const auto& z : node.zones)
            s.zones.push_back(ZoneSample{z.nr_free_pages,
                                         static_cast<std::int64_t>(z.min_wmark_pages()),
                                         static_cast<std::int64_t>(z.low_wmark_pages()),
                                         static_cast<std::int64_t>(z.high_wmark_pages()),
                                         static_cast<std::int64_t>(z.watermark_boost)});
        NodeSample ns;
        const auto& ks = m_k.nodes[static_cast<std::size_t>(node.node_id)].kswapd;
        ns.kswapd_phase = ks.phase == KswapdState::Phase::Sleeping  ? 0
                          : ks.phase == KswapdState::Phase::Napping ? 1
                                                                    : 2;
        for (int l = 0; l < NR_LRU_LISTS; ++l) ns.lru[static_cast<std::size_t>(l)] = node.nr_lru[static_cast<std::size_t>(l)];
        s.nodes.push_back(ns);
    }
    m_recorder.add(std::move(s));
}

void Engine::run_task(std::size_t i) {
    const TaskSpec& spec = m_config.tasks[i];
    TaskState& ts = m_tasks[i];
    TaskStats& st = m_stats[i];
    Kernel& k = m_k;
    AddressSpace& as = k.spaces[static_cast<std::size_t>(ts.space)];
    // Work in batches of up to 32 pages; the rate decides when the next batch may start.
    const std::uint64_t batch = 32;
    std::int64_t cpu_ns = 0;
    std::uint64_t done = 0;
    bool stalled = false;
    while (done < batch && !ts.done) {
        if (ts.pos >= spec.pages) {
            if (spec.kind == TaskSpec::Kind::ReadFile && spec.loop) ts.pos = 0;
            else {
                ts.done = true;
                break;
            }
        }
        frame_t& slot = as.pages[ts.pos];
        if (slot != kNoFrame) {
            // A page cache hit: read() marks the page accessed.
            ++st.page_cache_hits;
            if (!as.anon) folio_mark_accessed(k, slot);
            cpu_ns += k.cost.page_touch_ns;
        } else {
            const AllocResult r = __alloc_pages(k, GFP_HIGHUSER_MOVABLE, 0, spec.node);
            if (r.frame == kNoFrame) {
                stalled = true;
                break;
            }
            const frame_t f = r.frame;
            k.frames.owner[f] = static_cast<std::uint32_t>(ts.space);
            k.frames.index[f] = static_cast<std::uint32_t>(ts.pos);
            Pgdat& pg = k.pgdat(k.zone_of_frame(f).node_id);
            if (as.anon) {
                // do_anonymous_page(): mapped, accessed, on the inactive anon list.
                k.frames.flags[f] = PG_swapbacked | PG_mapped | PG_young;
                ++pg.nr_anon_pages;
                k.vmstat.add(PGFAULT);
            } else {
                // filemap_read(): a new page-cache page, then folio_mark_accessed().
                k.frames.flags[f] = 0;
                ++pg.nr_file_pages;
                ++st.page_cache_misses;
            }
            slot = f;
            ++as.nr_resident;
            folio_add_lru(k, f);
            if (!as.anon) folio_mark_accessed(k, f);
            ++st.pages_allocated;
            cpu_ns += k.cost.page_alloc_ns;
        }
        ++ts.pos;
        ++done;
    }
    if (stalled) {
        // No page at the min watermark: wait and try again (direct reclaim is not part of this
        // engine yet).
        ++st.alloc_stalls;
        st.stall_ns += k.cost.alloc_retry_ns;
        if (st.alloc_stalls == 1 || st.alloc_stalls % 1000 == 0)
            k.events.add(k.now, EventType::AllocStall, spec.node,
                         spec.name + ": no free page at the min watermark, waiting");
        ts.ready_at = k.now + k.cost.alloc_retry_ns;
        return;
    }
    const auto rate_ns = static_cast<std::int64_t>(std::llround(static_cast<double>(done) * 1e9 / spec.pages_per_sec));
    ts.ready_at = ts.done ? kNever : k.now + std::max<std::int64_t>({rate_ns, cpu_ns, 1});
}

void Engine::run_until(std::int64_t t_end) {
    Kernel& k = m_k;
    const std::size_t nr_nodes = k.nodes.size();
    for (;;) {
        // The next actor: the sampler, each kswapd, each task (ties in this order).
        std::int64_t best = m_next_sample;
        int who = -1; // -1 sampler, [0, nodes) kswapd, then tasks
        for (std::size_t n = 0; n < nr_nodes; ++n)
            if (k.nodes[n].kswapd.ready_at < best) {
                best = k.nodes[n].kswapd.ready_at;
                who = static_cast<int>(n);
            }
        for (std::size_t i = 0; i < m_tasks.size(); ++i)
            if (!m_tasks[i].done && m_tasks[i].ready_at < best) {
                best = m_tasks[i].ready_at;
                who = static_cast<int>(nr_nodes + i);
            }
        if (best > t_end) break;
        k.now = std::max(k.now, best);
        if (who < 0) {
            take_sample();
            m_next_sample += m_config.sample_interval_ns;
        } else if (who < static_cast<int>(nr_nodes)) {
            kswapd_run(k, who);
        } else {
            run_task(static_cast<std::size_t>(who) - nr_nodes);
        }
    }
    k.now = std::max(k.now, t_end);
}

std::optional<std::string> Engine::check_invariants() const {
    const Kernel& k = m_k;
    const auto& fr = k.frames;
    std::vector<std::uint8_t> seen(fr.size(), 0);
    // Free lists.
    for (std::size_t g = 0; g < k.zones.size(); ++g) {
        const Zone& z = const_cast<Kernel&>(k).zone(static_cast<int>(g));
        std::uint64_t n = 0;
        for (frame_t f = k.zones[g].free_list.head; f != kNoFrame; f = fr.next[f]) {
            if (seen[f]++) return "frame " + std::to_string(f) + " is on two lists";
            if (!(fr.flags[f] & PG_buddy)) return "frame " + std::to_string(f) + " is on a free list without PG_buddy";
            if (fr.zone[f] != g) return "frame " + std::to_string(f) + " is on the free list of another zone";
            ++n;
        }
        if (n != k.zones[g].free_list.count || static_cast<std::int64_t>(n) != z.nr_free_pages)
            return std::string("zone ") + std::string(zone_name(z.type)) + ": free list holds " + std::to_string(n) +
                   " pages, its count says " + std::to_string(k.zones[g].free_list.count) +
                   " and NR_FREE_PAGES says " + std::to_string(z.nr_free_pages);
    }
    // LRU lists.
    std::vector<std::array<std::int64_t, NR_LRU_LISTS>> zone_lru(k.zones.size());
    for (std::size_t n = 0; n < k.nodes.size(); ++n)
        for (int l = 0; l < NR_LRU_LISTS; ++l) {
            std::uint64_t cnt = 0;
            const FrameList& list = k.nodes[n].lruvec.lists[static_cast<std::size_t>(l)];
            for (frame_t f = list.head; f != kNoFrame; f = fr.next[f]) {
                if (seen[f]++) return "frame " + std::to_string(f) + " is on two lists";
                if (!(fr.flags[f] & PG_lru)) return "frame " + std::to_string(f) + " is on an LRU list without PG_lru";
                if (folio_lru_list(k, f) != l) return "frame " + std::to_string(f) + " is on the wrong LRU list";
                ++zone_lru[fr.zone[f]][static_cast<std::size_t>(l)];
                ++cnt;
            }
            if (cnt != list.count || static_cast<std::int64_t>(cnt) != k.machine.nodes[n].nr_lru[static_cast<std::size_t>(l)])
                return "node " + std::to_string(n) + ": " + std::string(lru_node_stat_name(static_cast<LruList>(l))) +
                       " is " + std::to_string(k.machine.nodes[n].nr_lru[static_cast<std::size_t>(l)]) +
                       " but the list holds " + std::to_string(cnt);
        }
    for (std::size_t g = 0; g < k.zones.size(); ++g) {
        const Zone& z = const_cast<Kernel&>(k).zone(static_cast<int>(g));
        for (int l = 0; l < NR_LRU_LISTS; ++l)
            if (z.nr_zone_lru[static_cast<std::size_t>(l)] != zone_lru[g][static_cast<std::size_t>(l)])
                return std::string("zone ") + std::string(zone_name(z.type)) + ": " +
                       std::string(lru_zone_stat_name(static_cast<LruList>(l))) + " does not match its pages";
    }
    // Everything else is kernel memory, and owned pages point back at their slot.
    for (std::size_t f = 0; f < fr.size(); ++f) {
        if (!seen[f] && !(fr.flags[f] & PG_reserved))
            return "frame " + std::to_string(f) + " is on no list and not reserved (leaked)";
        if (fr.flags[f] & PG_lru) {
            const auto& as = k.spaces[fr.owner[f]];
            if (fr.index[f] >= as.pages.size() || as.pages[fr.index[f]] != f)
                return "frame " + std::to_string(f) + " is not where its address space says";
        }
    }
    return std::nullopt;
}

} // namespace rs
