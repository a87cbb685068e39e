#pragma once
// The page allocator (mm/page_alloc.c): order-0 allocation through the zonelist with
// watermarks and lowmem_reserve, and the slow path: kswapd wake-up, the min watermark,
// direct reclaim, should_reclaim_retry() and the OOM killer.
#include "mm/gfp.h"
#include "mm/kernel.h"

namespace rs {

// get_page_from_freelist(): the first zone in the node's zonelist (local zones high to low,
// then other nodes) that passes the watermark in alloc_flags gives the page; with
// vm.zone_reclaim_mode the local node is reclaimed first (node_reclaim). cost_ns collects the
// time node reclaim took.
frame_t get_page_from_freelist(Kernel& k, gfp_t gfp, int order, unsigned alloc_flags, int highest_zoneidx,
                               int preferred_nid, std::int64_t& cost_ns);

// The slow path of one allocation, kept across retries so that time passes (and kswapd runs)
// between them, as when a task sleeps in the kernel.
struct AllocContext {
    bool in_slowpath = false;
    int no_progress_loops = 0;
    std::int64_t started_ns = 0;
    int proc = -1; // the allocating process: its index in Kernel::procs (current)
    bool throttled = false; // asleep on pfmemalloc_wait (counted once per episode)
};

struct AllocResult {
    enum class Status {
        Page,  // got a page
        Retry, // the slow path made progress or may: call again after stall_ns
        Fail,  // no page and nothing more to try (a non-blocking request, or nothing killable)
    };
    Status status = Status::Fail;
    frame_t frame = kNoFrame;
    std::int64_t stall_ns = 0;      // CPU time spent in the slow path (direct reclaim)
    std::int64_t wait_ns = 0;       // time asleep in it (throttled, waiting for memory)
    std::int64_t latency_ns = 0;    // for a page: since the slow path started
    bool direct_reclaim = false;
    bool oom_kill = false;
};

// __alloc_pages(): the fast path at the low watermark, then __alloc_pages_slowpath().
AllocResult __alloc_pages(Kernel& k, gfp_t gfp, int order, int preferred_nid, AllocContext& ac);

// Returns a frame to its zone's free list (free_unref_page / __free_one_page).
void free_page(Kernel& k, frame_t f);

} // namespace rs
