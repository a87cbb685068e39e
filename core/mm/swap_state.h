#pragma once
// The swap subsystem as reclaim and the fault path see it: swap areas (mm/swapfile.c), the swap
// cache (mm/swap_state.c) with its shadow entries, swap readahead, and each area's costs; zram's
// compressed pages are held in RAM.
#include "mm/page_frames.h"
#include "mm/swapfile.h"
#include "util/huge_vector.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace rs {

struct Kernel;
struct AllocContext;
struct AllocResult;

struct SwapCosts {
    std::int64_t write_ns = 0; // per page written (swap_writeout)
    std::int64_t read_ns = 0;  // per read request (swap_read_folio)
};
// HDD: sequential cluster writes at ~100 MB/s, a seek per read; SSD: ~500 MB/s writes, ~80 us
// reads; zram: compression and decompression on the CPU.
SwapCosts swap_costs(SwapKind kind);

// A swap entry as a 31-bit token: type in the top 5 bits, offset below.
inline std::uint32_t swp_token(SwapEntry e) { return (static_cast<std::uint32_t>(e.type) << 26) | e.offset; }
inline SwapEntry swp_entry(std::uint32_t token) {
    return SwapEntry{static_cast<int>((token >> 26) & 31u), token & ((1u << 26) - 1)};
}

// __swapin_nr_pages(): the readahead window after `hits` readahead hits, for a fault at
// `offset` after one at `prev_offset`, with max_pages = 1 << page_cluster.
std::uint32_t swapin_nr_pages(std::uint32_t prev_offset, std::uint32_t offset, std::uint32_t hits,
                              std::uint32_t max_pages, std::uint32_t prev_win);

class SwapSubsystem {
public:
    SwapSpace& space() { return m_space; }
    const SwapSpace& space() const { return m_space; }

    // get_nr_swap_pages(): free slots; total_swap_pages: every usable slot. No area: both 0,
    // and anonymous pages are not reclaimable (can_reclaim_anon_pages()).
    std::uint64_t nr_free_slots() const;
    std::uint64_t total_slots() const;
    // Reclaim of an anonymous page: a page already in the swap cache is clean (its copy is on
    // the device) and needs no write; otherwise folio_alloc_swap(), swap_writeout(). Either way
    // try_to_unmap() installs the entry (swap_duplicate) and __remove_mapping() leaves a shadow
    // entry and drops the cache (put_swap_folio).
    std::optional<std::uint32_t> swap_out(Kernel& k, frame_t f, std::int64_t& cost_ns);

    // do_swap_page(): the fault on a swapped-out anonymous page of (space, index). Returns the
    // mapped frame, or kNoFrame when the allocation must be retried (stall in r). Counts
    // pswpin / swap_ra / swap_ra_hit; major: read from the device; already_mapped: a process
    // sharing the entry (fork) had mapped the swap-cache page before.
    frame_t do_swap_page(Kernel& k, std::uint32_t entry, std::uint32_t space, std::uint32_t index, int nid,
                         AllocContext& ac, AllocResult& r, std::int64_t& wait_ns, bool& major, bool& already_mapped);
    // Exit or OOM kill: the PTE's entry goes away (free_swap_and_cache()).
    void free_swap_and_cache(Kernel& k, std::uint32_t entry);
    // A resident page that is in the swap cache leaves it (folio_free_swap()).
    bool folio_free_swap(Kernel& k, frame_t f);
    bool in_swap_cache(frame_t f) const { return m_frame_entry.find(f) != FrameEntries::kNone; }
    std::uint64_t swap_cache_pages() const { return m_frame_entry.count; }
    // Slots whose only user is the swap cache (the page is mapped again).
    std::uint64_t cache_only_slots() const;
    // Slots allocated on every area, the one being swapped off included.
    std::uint64_t slots_in_use() const { return m_space.inuse_pages(); }
    // vm_swap_full(): more than half of the swap space in use.
    bool vm_swap_full() const { return m_space.vm_swap_full(); }
    // si_swapinfo(): {free, total} as /proc/meminfo shows them, counting the pages of an area
    // being swapped off (nr_to_be_unused) in both.
    std::pair<std::uint64_t, std::uint64_t> si_swapinfo() const;

    // The PTE that holds a swapped-out entry (its rmap: address space and page index).
    std::pair<std::uint32_t, std::uint32_t> swap_pte(SwapEntry e) { return {slot(e).space, slot(e).index}; }
    // The address space of that PTE without creating slot state (the UI's slot owners); -1 when
    // the area has none. Meaningful only while the slot's swap_map count is non-zero.
    int pte_space(SwapEntry e) const {
        const auto type = static_cast<std::size_t>(e.type);
        if (type >= m_slots.size() || e.offset >= m_slots[type].size()) return -1;
        return static_cast<int>(m_slots[type][e.offset].space);
    }
    // A fault on `entry` is near: start loading its slot and swap_map byte (random reads).
    void prefetch(std::uint32_t entry) const {
        const SwapEntry e = swp_entry(entry);
        if (static_cast<std::size_t>(e.type) < m_slots.size() && e.offset < m_slots[static_cast<std::size_t>(e.type)].size())
            __builtin_prefetch(&m_slots[static_cast<std::size_t>(e.type)][e.offset]);
        m_space.prefetch_swap_map(e);
    }
    // The folio in the swap cache for `e`, or kNoFrame.
    frame_t swap_cache_folio(SwapEntry e) { return slot(e).cache; }
    // The area is gone (swapoff done): its per-slot state goes with it.
    void forget_area(int type);

    // Host bytes per slot in use beyond the swap_map byte (the per-slot rmap and cache state).
    static std::size_t bytes_per_slot_in_use();

    // Pages of RAM zram holds for its compressed data.
    std::uint64_t zram_ram_pages() const { return m_zram_frames.size(); }

private:
    struct Slot {
        frame_t cache = kNoFrame;      // the swap cache page
        std::uint32_t shadow = kNoFrame; // workingset shadow of the evicted page
        std::uint32_t space = 0, index = 0; // the PTE that holds the entry (rmap)
    };
    Slot& slot(SwapEntry e);
    void ensure_slots(int type);
    void add_to_swap_cache(Kernel& k, frame_t f, SwapEntry e);
    void delete_from_swap_cache(Kernel& k, frame_t f, SwapEntry e, std::uint32_t shadow);
    void zram_adjust(Kernel& k, SwapEntry e, int delta);

    SwapSpace m_space;
    std::vector<huge_vector<Slot>> m_slots; // per area, per offset
    // folio->swap: the swap entry of each frame in the swap cache, indexed by frame (a hash map
    // here cost a quarter of the fault path's time).
    struct FrameEntries {
        static constexpr std::uint32_t kNone = 0xffffffffu;
        huge_vector<std::uint32_t> token;
        std::size_t count = 0;
        std::uint32_t find(frame_t f) const { return f < token.size() ? token[f] : kNone; }
        void set(frame_t f, std::uint32_t t) {
            if (f >= token.size()) token.resize(std::max<std::size_t>(f + 1, token.size() * 2), kNone);
            if (token[f] == kNone) ++count;
            token[f] = t;
        }
        void erase(frame_t f) {
            if (f < token.size() && token[f] != kNone) {
                token[f] = kNone;
                --count;
            }
        }
    };
    FrameEntries m_frame_entry;
    // swap_cluster_readahead() state (globals in the kernel).
    std::uint32_t m_prev_offset = 0, m_prev_win = 1, m_hits = 0;
    std::vector<std::uint64_t> m_zram_stored; // per area: pages stored
    std::vector<frame_t> m_zram_frames;
};

} // namespace rs
