// The phase interpreter: each task's process runs its phases (allocate, touch, read, write,
// slab, mlock, free, sleep, replay, exit) in batches of up to 32 pages, faulting through
// mm/memory.cpp and charged for what its allocations cost.
#include "sim/engine.h"

#include "mm/memory.h"
#include "mm/mlock.h"
#include "mm/swap.h"
#include "mm/swap_state.h"
#include "mm/writeback.h"

#include <algorithm>
#include <cmath>

namespace rs {

bool Engine::account_alloc(std::size_t i, const AllocResult& r, bool got_page, std::int64_t& cpu_ns,
                           std::int64_t& wait_ns) {
    // What one allocation attempt cost the task, the same for faults, swap-ins and slab pages.
    const TaskSpec& spec = m_config.tasks[i];
    TaskStats& st = m_stats[i];
    Kernel& k = m_k;
    if (r.direct_reclaim) {
        ++st.direct_reclaims;
        Pgdat& ns = k.pgdat(spec.node);
        if (ns.last_direct_event_ns < 0 || k.now - ns.last_direct_event_ns >= 100'000'000) {
            ns.last_direct_event_ns = k.now;
            k.events.add(k.now, EventType::DirectReclaim, spec.node,
                         RS_TRANSLATE_NOOP("Event", "%1: direct reclaim (try_to_free_pages), %2 us"),
                         {spec.name, std::to_string(r.stall_ns / 1000)});
        }
    }
    st.stall_ns += r.stall_ns + r.wait_ns;
    cpu_ns += r.stall_ns;
    wait_ns += r.wait_ns;
    if (got_page) {
        st.max_alloc_latency_ns = std::max(st.max_alloc_latency_ns, r.latency_ns);
        return true;
    }
    if (r.status == AllocResult::Status::Fail) {
        ++st.alloc_stalls;
        wait_ns += k.cost.alloc_retry_ns;
        if (st.alloc_stalls == 1 || st.alloc_stalls % 1000 == 0)
            k.events.add(k.now, EventType::AllocStall, spec.node,
                         RS_TRANSLATE_NOOP("Event", "%1: allocation failed, waiting"), {spec.name});
    }
    return false;
}


void Engine::fork_anon(std::size_t i) {
    Kernel& k = m_k;
    TaskState& ts = m_tasks[i];
    ts.forked = true;
    const TaskState& parent = m_tasks[static_cast<std::size_t>(ts.parent)];
    const Process& pp = k.procs[static_cast<std::size_t>(parent.proc)];
    if (!pp.alive) return; // nothing left to share
    ts.extent = parent.extent;
    const auto [shared, swapped] = copy_page_range(k, k.procs[static_cast<std::size_t>(ts.proc)], pp);
    k.events.add(k.now, EventType::Note, -1,
                 RS_TRANSLATE_NOOP("Event", "%1: fork() of %2, %3 pages shared, %4 swap entries duplicated"),
                 {m_config.tasks[i].name, m_config.tasks[i].fork_of, std::to_string(shared), std::to_string(swapped)});
}

void Engine::exit_task(std::size_t i) {
    Kernel& k = m_k;
    TaskState& ts = m_tasks[i];
    Process& p = k.procs[static_cast<std::size_t>(ts.proc)];
    exit_mmap(k, p);
    p.alive = false;
    p.exited = true;
    ts.done = true;
    ts.ready_at = kNever;
    k.events.add(k.now, EventType::Note, -1, RS_TRANSLATE_NOOP("Event", "%1 exited"), {m_config.tasks[i].name});
}


bool Engine::fault_in(std::size_t i, std::uint32_t& slot, std::int64_t& cpu_ns, std::int64_t& wait_ns, bool& stalled) {
    // A missing page: allocate it (the slow path may reclaim or stall), charge the task for
    // the allocation, then map and fill it.
    TaskState& ts = m_tasks[i];
    TaskStats& st = m_stats[i];
    Kernel& k = m_k;
    const auto space = static_cast<std::uint32_t>(ts.space), index = static_cast<std::uint32_t>(ts.pos);
    Fault fault = fault_alloc(k, space, index, slot, m_config.tasks[i].node, ts.ac, wait_ns);
    if (!account_alloc(i, fault.alloc, fault.got_page, cpu_ns, wait_ns)) {
        stalled = true;
        return false;
    }
    const bool file = !k.spaces[space].anon;
    finish_fault(k, k.procs[static_cast<std::size_t>(ts.proc)], fault, space, index, slot,
                 phase_of(i).kind == Phase::Kind::Write, wait_ns);
    if (fault.major) ++st.major_faults;
    if (file) ++st.page_cache_misses;
    if (!fault.swapin) ++st.pages_allocated;
    cpu_ns += k.cost.page_alloc_ns;
    return true;
}

void Engine::next_phase(std::size_t i) {
    TaskState& ts = m_tasks[i];
    const auto& phases = m_config.tasks[i].phases;
    if (ts.phase_entered && ts.phase < phases.size() && phases[ts.phase].kind == Phase::Kind::Alloc) {
        // An alloc phase cut short (its duration, the end of the region) gives back what it
        // mapped and never touched, so that the next one maps on from the end of the region.
        vm_stat_account_munmap(k_proc(i), ts.alloc_mapped - std::min(ts.alloc_mapped, ts.cursor));
        ts.alloc_mapped = 0;
    }
    ++ts.phase;
    ts.phase_entered = false;
}

bool Engine::enter_phase(std::size_t i) {
    TaskState& ts = m_tasks[i];
    Kernel& k = m_k;
    const auto& phases = m_config.tasks[i].phases;
    for (;;) {
        if (ts.phase >= phases.size()) return false;
        const Phase& ph = phases[ts.phase];
        if (!ts.phase_entered) {
            ts.phase_entered = true;
            ts.phase_start_ns = k.now;
            ts.cursor = 0;
            ts.space = ts.phase_space[ts.phase];
            ts.zipf.reset();
            ts.ahead_n = ts.ahead_head = 0;
            ts.replay = ph.kind == Phase::Kind::Replay ? ph.trace->open() : nullptr;
            if (ph.kind == Phase::Kind::Alloc && ts.anon_space >= 0) {
                // malloc() of the phase's size: an anonymous mmap(), counted in total_vm at
                // once (vm_stat_account()); its pages are faulted in by the batches.
                const auto size = k.spaces[static_cast<std::size_t>(ts.anon_space)].pages.size();
                ts.alloc_mapped = std::min<std::uint64_t>(ph.pages, size - std::min<std::uint64_t>(size, ts.extent));
                vm_stat_account_mmap(k_proc(i), ts.alloc_mapped);
            }
            if (ph.pattern == Phase::Pattern::Zipf) {
                const std::uint64_t n = ph.kind == Phase::Kind::Touch ? ts.extent : ph.pages;
                const std::uint64_t hot = ph.hot_pages ? std::min(ph.hot_pages, n) : n;
                if (hot) ts.zipf.emplace(hot, ph.zipf_s);
            }
        }
        switch (ph.kind) {
        case Phase::Kind::Mlock:
            // mlock(): the range becomes unevictable, pages already present move to that list.
            do_mlock(k, k.procs[static_cast<std::size_t>(ts.proc)], ph.pages);
            next_phase(i);
            continue;
        case Phase::Kind::Free: {
            const std::uint64_t n = std::min(ph.pages, ts.extent);
            zap_pte_range(k, k.procs[static_cast<std::size_t>(ts.proc)], ts.extent - n, ts.extent); // munmap()
            vm_stat_account_munmap(k_proc(i), n);
            ts.extent -= n;
            next_phase(i);
            continue;
        }
        case Phase::Kind::Exit: exit_task(i); return false;
        case Phase::Kind::Sleep:
            if (k.now >= ts.phase_start_ns + ph.duration_ns) {
                next_phase(i);
                continue;
            }
            return true;
        default:
            if (ph.duration_ns >= 0 && k.now >= ts.phase_start_ns + ph.duration_ns) {
                next_phase(i);
                continue;
            }
            return true;
        }
    }
}

bool Engine::pick_page(std::size_t i, const Phase& ph) {
    TaskState& ts = m_tasks[i];
    switch (ph.kind) {
    case Phase::Kind::Replay: {
        std::uint32_t page = 0;
        if (!ts.replay->at(ts.cursor, ph.loop, page)) return false;
        ts.pos = page;
        // The trace's order is random to the caches: the slot of a reference is prefetched
        // 16 references before its access, its page's flags 4 before (as for Random and Zipf).
        const auto& pages = m_k.spaces[static_cast<std::size_t>(ts.space)].pages;
        if (const std::uint32_t* far = ts.replay->peek(16)) __builtin_prefetch(&pages[*far]);
        if (const std::uint32_t* near = ts.replay->peek(4)) {
            const std::uint32_t slot = pages[*near];
            if (slot != kNoFrame && is_resident(slot)) m_k.frames.prefetch(slot);
        }
        return true;
    }
    case Phase::Kind::Touch:
    case Phase::Kind::Read:
    case Phase::Kind::Write: {
        const std::uint64_t n = ph.kind == Phase::Kind::Touch ? ts.extent : ph.pages;
        if (n == 0) return false;
        switch (ph.pattern) {
        case Phase::Pattern::Sequential:
            if (ts.cursor >= n && !ph.loop) return false;
            ts.pos = ts.cursor % n;
            return true;
        case Phase::Pattern::Random:
        case Phase::Pattern::Zipf: {
            // Without a duration or loop, one page per page of the range.
            if (ts.cursor >= n && !ph.loop && ph.duration_ns < 0) return false;
            // A ring of picks made ahead: the slot of a pick is prefetched when it is drawn,
            // its page's flags one pick before it is used.
            constexpr unsigned K = std::tuple_size_v<decltype(ts.ahead)>;
            const auto& pages = m_k.spaces[static_cast<std::size_t>(ts.space)].pages;
            while (ts.ahead_n < K) {
                const std::uint64_t idx = ph.pattern == Phase::Pattern::Random ? m_rng.below(n)
                                          : ts.zipf                           ? (*ts.zipf)(m_rng) - 1
                                                                              : 0;
                ts.ahead[(ts.ahead_head + ts.ahead_n++) % K] = idx;
                __builtin_prefetch(&pages[idx]);
            }
            ts.pos = ts.ahead[ts.ahead_head];
            ts.ahead_head = (ts.ahead_head + 1) % K;
            --ts.ahead_n;
            const std::uint32_t next = pages[ts.ahead[ts.ahead_head]];
            if (next != kNoFrame && is_resident(next)) __builtin_prefetch(&m_k.frames.flags[next]);
            else if (is_token(next) && ph.kind == Phase::Kind::Touch)
                m_k.swap.prefetch(next & ~kTokenBit); // a swap-in is next
            return true;
        }
        }
        return false;
    }
    default: return false;
    }
}

std::int64_t Engine::run_task(std::size_t i) {
    const TaskSpec& spec = m_config.tasks[i];
    TaskState& ts = m_tasks[i];
    TaskStats& st = m_stats[i];
    Kernel& k = m_k;
    if (spec.kind == TaskSpec::Kind::Swapoff) return run_swapoff(i); // it handles its own death
    if (ts.proc >= 0 && !k.procs[static_cast<std::size_t>(ts.proc)].alive) {
        ts.done = true; // OOM-killed
        st.oom_killed = true;
        ts.ready_at = kNever;
        return 0;
    }
    if (spec.exit_ns >= 0 && k.now >= spec.exit_ns) {
        exit_task(i);
        return 0;
    }
    if (ts.parent >= 0 && !ts.forked) fork_anon(i);
    auto finish = [&](std::int64_t ready_at) {
        ts.ready_at = ready_at;
        if (spec.exit_ns >= 0 && ts.ready_at > spec.exit_ns) {
            // Whatever it is doing, the process exits on time.
            ts.done = false;
            ts.ready_at = std::max(spec.exit_ns, k.now + 1);
        }
    };
    if (!enter_phase(i)) {
        // No phase left: the process holds its memory (or has exited).
        if (!k.procs[static_cast<std::size_t>(ts.proc)].alive) return 0;
        ts.done = true;
        finish(kNever);
        return 0;
    }
    const Phase& ph = phase_of(i);
    if (ph.kind == Phase::Kind::Sleep) {
        finish(ts.phase_start_ns + ph.duration_ns);
        return 0;
    }
    Batch b;
    if (ph.kind == Phase::Kind::Slab) slab_batch(i, ph, b);
    else if (ph.kind == Phase::Kind::Alloc) alloc_batch(i, ph, b);
    else access_batch(i, ph, b);
    st.io_wait_ns += b.wait_ns;
    if (b.stalled) {
        ts.ready_at = k.now + std::max<std::int64_t>(b.cpu_ns + b.wait_ns, 1000);
        return b.cpu_ns;
    }
    if (ph.kind == Phase::Kind::Write) {
        // balance_dirty_pages(): too much dirty data pauses the writer.
        const std::int64_t pause = balance_dirty_pages(k);
        st.dirty_throttle_ns += pause;
        b.wait_ns += pause;
    }
    // The rate decides when the next batch may start.
    const auto rate_ns = static_cast<std::int64_t>(std::llround(static_cast<double>(b.done) * 1e9 / ph.pages_per_sec));
    std::int64_t next = k.now + std::max<std::int64_t>({rate_ns, b.cpu_ns + b.wait_ns, 1});
    if (ph.duration_ns >= 0) next = std::min(next, std::max(ts.phase_start_ns + ph.duration_ns, k.now + 1));
    if (b.phase_over) next_phase(i);
    finish(next);
    return b.cpu_ns;
}

void Engine::slab_batch(std::size_t i, const Phase& ph, Batch& b) {
    // d_alloc(): objects fill slab pages; a new page comes from the allocator (GFP_KERNEL |
    // __GFP_RECLAIMABLE), which can reclaim like any other.
    const TaskSpec& spec = m_config.tasks[i];
    Kernel& k = m_k;
    SlabCache& c = k.slab[static_cast<std::size_t>(spec.node)];
    while (b.done < kBatchPages) {
        if (c.objects >= ph.pages * kSlabObjectsPerPage) {
            b.phase_over = true; // the dentries stay
            break;
        }
        if (c.objects >= c.pages.size() * kSlabObjectsPerPage) {
            const AllocResult r = __alloc_pages(k, GFP_KERNEL | __GFP_RECLAIMABLE, 0, spec.node, m_tasks[i].ac);
            if (!account_alloc(i, r, r.status == AllocResult::Status::Page, b.cpu_ns, b.wait_ns)) {
                b.stalled = true;
                break;
            }
            k.frames.flags[r.frame] = PG_reserved;
            k.frames.owner[r.frame] = kSlabSpace;
            c.pages.push_back(r.frame);
            k.pgdat(k.node_of_frame(r.frame))[NR_SLAB_RECLAIMABLE] += 1;
        }
        ++c.objects;
        ++b.done;
        b.cpu_ns += k.cost.page_touch_ns;
    }
}

void Engine::alloc_batch(std::size_t i, const Phase& ph, Batch& b) {
    // A fault (do_anonymous_page()) for each new page at the end of the region.
    TaskState& ts = m_tasks[i];
    Kernel& k = m_k;
    AddressSpace& as = k.spaces[static_cast<std::size_t>(ts.anon_space)];
    while (b.done < kBatchPages) {
        if (ts.cursor >= ph.pages || ts.extent >= as.pages.size()) {
            b.phase_over = true;
            break;
        }
        ts.pos = ts.extent;
        std::uint32_t& slot = as.pages[ts.pos];
        if (slot != kNoFrame && is_resident(slot)) {
            k.frames.set(slot, PG_young);
        } else if (!fault_in(i, slot, b.cpu_ns, b.wait_ns, b.stalled)) {
            break;
        }
        ++ts.extent;
        ++ts.cursor;
        ++m_stats[i].accesses;
        ++b.done;
    }
}

void Engine::access_batch(std::size_t i, const Phase& ph, Batch& b) {
    // Touch, Read, Write, Replay: hits mark the page accessed, misses fault it in.
    TaskState& ts = m_tasks[i];
    TaskStats& st = m_stats[i];
    Kernel& k = m_k;
    AddressSpace& as = k.spaces[static_cast<std::size_t>(ts.space)];
    const bool write = ph.kind == Phase::Kind::Write;
    while (b.done < kBatchPages) {
        if (!pick_page(i, ph)) {
            b.phase_over = true;
            break;
        }
        std::uint32_t& slot = as.pages[ts.pos];
        if (slot != kNoFrame && is_resident(slot)) {
            const frame_t f = slot;
            if (as.anon || ph.exec) {
                k.frames.set(f, PG_young); // the PTE's accessed bit
                if (ph.exec) ++st.page_cache_hits;
            } else {
                ++st.page_cache_hits;
                folio_mark_accessed(k, f);
            }
            b.cpu_ns += k.cost.page_touch_ns;
        } else if (!fault_in(i, slot, b.cpu_ns, b.wait_ns, b.stalled)) {
            break;
        } else if (ph.exec) {
            // filemap_fault(): mapped into the text segment, accessed through the PTE.
            k.frames.set(slot, PG_mapped | PG_exec | PG_young);
        } else if (!as.anon) {
            folio_mark_accessed(k, slot);
        }
        if (write) folio_mark_dirty(k, slot);
        ++ts.cursor;
        ++st.accesses;
        ++b.done;
    }
}

} // namespace rs
