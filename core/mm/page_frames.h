#pragma once
// Simulated page frames, one compact record per frame in struct-of-arrays form (the fields of
// struct page / struct folio that reclaim reads), and intrusive doubly linked lists of frames
// (free lists, LRU lists) linked through 32-bit frame indices.
#include "util/huge_vector.h"

#include <cassert>
#include <cstdint>
#include <vector>

namespace rs {

using frame_t = std::uint32_t;
inline constexpr frame_t kNoFrame = 0xffffffffu;

// Page flags (include/linux/page-flags.h), plus the simulator's own "where is it" bits.
enum PageFlag : std::uint32_t {
    PG_referenced = 1u << 0,
    PG_active = 1u << 1,
    PG_lru = 1u << 2,
    PG_swapbacked = 1u << 3, // anonymous (or shmem): goes to swap, sits on the anon LRU
    PG_dirty = 1u << 4,
    PG_writeback = 1u << 5,
    PG_unevictable = 1u << 6,
    PG_mlocked = 1u << 7,
    PG_workingset = 1u << 8,
    PG_reclaim = 1u << 9,
    PG_swapcache = 1u << 10,
    PG_buddy = 1u << 11,    // free, on a zone's free list
    PG_reserved = 1u << 12, // in use by the kernel outside any LRU (not reclaimable)
    PG_mapped = 1u << 13,   // mapped by a page table (anon pages always are)
    PG_young = 1u << 14,    // the PTE accessed bit (folio_referenced() tests and clears it)
    PG_exec = 1u << 15,     // mapped by a VM_EXEC mapping (program text)
    PG_readahead = 1u << 16, // brought in by swap readahead and not faulted on yet
};

struct FrameList {
    frame_t head = kNoFrame; // most recently added
    frame_t tail = kNoFrame; // oldest: reclaim takes from here
    std::uint64_t count = 0;
};

class PageFrames {
public:
    void resize(std::size_t n) {
        flags.assign(n, 0);
        next.assign(n, kNoFrame);
        prev.assign(n, kNoFrame);
        owner.assign(n, 0);
        index.assign(n, 0);
        zone.assign(n, 0);
    }
    std::size_t size() const { return flags.size(); }

    // Starts fetching what taking f off or onto a list reads (flags, zone, link); kNoFrame: nothing.
    void prefetch(frame_t f) const {
        if (f == kNoFrame) return;
        __builtin_prefetch(&flags[f]);
        __builtin_prefetch(&zone[f]);
        __builtin_prefetch(&prev[f]);
    }
    bool test(frame_t f, std::uint32_t flag) const { return (flags[f] & flag) != 0; }
    void set(frame_t f, std::uint32_t flag) { flags[f] |= flag; }
    void clear(frame_t f, std::uint32_t flag) { flags[f] &= ~flag; }
    // TestClearPageReferenced and friends.
    bool test_and_clear(frame_t f, std::uint32_t flag) {
        const bool was = (flags[f] & flag) != 0;
        flags[f] &= ~flag;
        return was;
    }

    void list_add_head(FrameList& l, frame_t f) {
        assert(next[f] == kNoFrame && prev[f] == kNoFrame);
        next[f] = l.head;
        prev[f] = kNoFrame;
        if (l.head != kNoFrame) prev[l.head] = f;
        else l.tail = f;
        l.head = f;
        ++l.count;
    }
    void list_add_tail(FrameList& l, frame_t f) {
        assert(next[f] == kNoFrame && prev[f] == kNoFrame);
        prev[f] = l.tail;
        next[f] = kNoFrame;
        if (l.tail != kNoFrame) next[l.tail] = f;
        else l.head = f;
        l.tail = f;
        ++l.count;
    }
    void list_del(FrameList& l, frame_t f) {
        if (prev[f] != kNoFrame) next[prev[f]] = next[f];
        else l.head = next[f];
        if (next[f] != kNoFrame) prev[next[f]] = prev[f];
        else l.tail = prev[f];
        next[f] = prev[f] = kNoFrame;
        --l.count;
    }
    frame_t pop_tail(FrameList& l) {
        const frame_t f = l.tail;
        if (f != kNoFrame) list_del(l, f);
        return f;
    }
    frame_t pop_head(FrameList& l) {
        const frame_t f = l.head;
        if (f != kNoFrame) list_del(l, f);
        return f;
    }

    huge_vector<std::uint32_t> flags;
    huge_vector<frame_t> next;
    huge_vector<frame_t> prev;
    huge_vector<std::uint32_t> owner; // address space id (file or mm)
    huge_vector<std::uint32_t> index; // page offset in the file, or virtual page number
    huge_vector<std::uint16_t> zone;  // global zone number: node * nr_zone_types + zone_idx
};

// Bytes of simulator state per page frame (for the memory budget in the docs and benches).
inline constexpr std::size_t kBytesPerFrame =
    sizeof(std::uint32_t) * 3 + sizeof(frame_t) * 2 + sizeof(std::uint16_t);

} // namespace rs
