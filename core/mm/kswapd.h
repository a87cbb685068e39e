#pragma once
// kswapd (mm/vmscan.c): wakeup_kswapd, the kswapd() loop with kswapd_try_to_sleep, and
// balance_pgdat, run as a resumable state machine so it interleaves with the tasks.
#include "mm/gfp.h"
#include "mm/kernel.h"

namespace rs {

// wakeup_kswapd(): record the request; wake kswapd unless the node is hopeless, or balanced
// and not boosted.
// `traced`: false for allow_direct_reclaim()'s wake-up, a bare wake_up_interruptible() in the
// kernel without trace_mm_vmscan_wakeup_kswapd().
void wakeup_kswapd(Kernel& k, Zone& zone, gfp_t gfp, int order, int highest_zoneidx, bool traced = true);

// wake_all_kswapds(): once per node of the zonelist.
void wake_all_kswapds(Kernel& k, int order, gfp_t gfp, int highest_zoneidx, int preferred_nid);

// prepare_kswapd_sleep(): kswapd may sleep when the node is hopeless or balanced.
bool prepare_kswapd_sleep(Kernel& k, int nid, int order, int highest_zoneidx);

// Runs kswapd of node nid at k.now: one step of its loop. Sets its ready_at.
void kswapd_run(Kernel& k, int nid);

} // namespace rs
