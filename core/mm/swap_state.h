#pragma once
// The swap subsystem as reclaim sees it: swap areas (mm/swapfile.c) behind the SwapBackend
// interface, with each area's write and read cost by kind, and zram's compressed pages held in
// RAM.
#include "mm/swapfile.h"
#include "sim/kernel.h"

namespace rs {

struct SwapCosts {
    std::int64_t write_ns = 0; // per page written (swap_writeout)
    std::int64_t read_ns = 0;  // per page read on a fault (swap_read_folio)
};
// HDD: sequential cluster writes at ~100 MB/s, a seek per faulted page; SSD: ~500 MB/s writes,
// ~80 us reads; zram: compression and decompression on the CPU.
SwapCosts swap_costs(SwapKind kind);

// A swap entry as a 31-bit token: type in the top 5 bits, offset below.
inline std::uint32_t swp_token(SwapEntry e) { return (static_cast<std::uint32_t>(e.type) << 26) | e.offset; }
inline SwapEntry swp_entry(std::uint32_t token) {
    return SwapEntry{static_cast<int>((token >> 26) & 31u), token & ((1u << 26) - 1)};
}

class SwapSubsystem : public SwapBackend {
public:
    SwapSpace& space() { return m_space; }
    const SwapSpace& space() const { return m_space; }

    std::uint64_t nr_free_slots() const override;
    std::uint64_t total_slots() const override;
    // folio_alloc_swap() (SWAP_HAS_CACHE), try_to_unmap() (swap_duplicate: the PTE's
    // reference), swap_writeout(), then __remove_mapping() drops the cache (put_swap_folio):
    // the write completes at once in this model, so the swap cache holds the page only during
    // the call.
    std::optional<std::uint32_t> swap_out(Kernel& k, frame_t f, std::int64_t& cost_ns) override;
    // do_swap_page(): read the page back and drop the PTE's reference (swap_free).
    void swap_in(Kernel& k, std::uint32_t entry, std::int64_t& cost_ns) override;
    void swap_free(Kernel& k, std::uint32_t entry) override;

    // Pages of RAM zram holds for its compressed data.
    std::uint64_t zram_ram_pages() const { return m_zram_frames.size(); }

private:
    void zram_account(Kernel& k);

    SwapSpace m_space;
    std::uint64_t m_zram_stored_scaled = 0; // Σ stored pages / ratio, x1000
    std::vector<frame_t> m_zram_frames;
};

} // namespace rs
