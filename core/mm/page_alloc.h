#pragma once
// The page allocator (mm/page_alloc.c): order-0 allocation through the zonelist with
// watermarks and lowmem_reserve, the slow path's kswapd wake-up, and freeing.
#include "mm/gfp.h"
#include "sim/kernel.h"

namespace rs {

// get_page_from_freelist(): the first zone in the node's zonelist (local zones high to low,
// then other nodes) that passes the watermark in alloc_flags gives the page.
frame_t get_page_from_freelist(Kernel& k, gfp_t gfp, int order, unsigned alloc_flags,
                               int highest_zoneidx, int preferred_nid);

struct AllocResult {
    frame_t frame = kNoFrame;
    bool woke_kswapd = false;
};

// __alloc_pages(): the fast path at the low watermark; on failure the slow path wakes kswapd
// (wake_all_kswapds) and retries at the min watermark (gfp_to_alloc_flags). Direct reclaim and
// OOM are not part of this engine yet: a failed allocation returns kNoFrame and the caller waits.
AllocResult __alloc_pages(Kernel& k, gfp_t gfp, int order, int preferred_nid);

// Returns a frame to its zone's free list (free_unref_page / __free_one_page).
void free_page(Kernel& k, frame_t f);

} // namespace rs
