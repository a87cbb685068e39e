#pragma once
// try_to_unuse() of mm/swapfile.c: swapoff reads every page of the area back into memory and
// points the PTEs that held its entries at the pages. Here it runs in batches, as the swapoff
// process's steps.
#include "mm/kernel.h"
#include "mm/page_alloc.h"

#include <cstdint>
#include <functional>

namespace rs {

class SwapSubsystem;

// What one batch did, for the swapoff process's accounting.
struct UnuseBatch {
    std::int64_t cpu_ns = 0;  // on the CPU: faults, swap-cache drops, direct reclaim
    std::int64_t wait_ns = 0; // asleep: reads, allocation retries
    std::uint64_t pages_read = 0;   // slots emptied by reading their page back
    std::uint64_t major_faults = 0; // of those, read from the device
};

enum class UnuseStatus {
    Busy,    // slots remain; the next batch goes on from `pos`
    Retry,   // the scan reached the end with slots in use again behind it ("goto retry")
    Stalled, // an allocation must wait
    Done,    // no slot in use: the area is gone (swapoff completed, forget_area())
};

// Charges an allocation to the caller (stall, direct reclaim, failure): false when it got no
// page and must wait. Adds the charge's time to cpu_ns and wait_ns.
using ChargeAlloc = std::function<bool(const AllocResult&, bool got_page, std::int64_t& cpu_ns, std::int64_t& wait_ns)>;

// Up to 32 slots of area `type` from offset pos: each slot's page is read in once for every PTE
// that holds it (unuse_pte_range(), do_swap_page() on the owner's node) and the slot freed; a
// slot only the swap cache holds is dropped from it (folio_free_swap()).
UnuseStatus try_to_unuse(Kernel& k, SwapSubsystem& swapsys, int type, std::uint32_t& pos, AllocContext& ac,
                         const ChargeAlloc& charge, UnuseBatch& b);

} // namespace rs
