#include "mm/debug_vm.h"

#include "mm/swap.h"
#include "mm/swap_state.h"

#include <array>
#include <vector>

namespace rs {

namespace {

using Error = std::optional<std::string>;
using Seen = std::vector<std::uint8_t>; // per frame: found on a list

std::string zone_str(const Zone& z) { return std::string("zone ") + std::string(zone_name(z.type)); }
std::string node_str(std::size_t n) { return "node " + std::to_string(n); }
std::string frame_str(std::size_t f) { return "frame " + std::to_string(f); }

Error check_zone_counters(const Kernel& k) {
    for (std::size_t g = 0; g < k.zone_ids.size(); ++g) {
        const Zone& z = k.zone(static_cast<int>(g));
        if (z.nr_free_pages < 0 || static_cast<std::uint64_t>(z.nr_free_pages) != z.free_list.count)
            return zone_str(z) + ": NR_FREE_PAGES " + std::to_string(z.nr_free_pages) + " but the free list holds " +
                   std::to_string(z.free_list.count);
        for (int l = 0; l < NR_LRU_LISTS; ++l)
            if (z.nr_zone_lru[static_cast<std::size_t>(l)] < 0)
                return zone_str(z) + ": negative " + std::string(lru_zone_stat_name(static_cast<LruList>(l)));
    }
    return std::nullopt;
}

// Node n: the LRU counters match the lists, and free + LRU + slab + kernel pages = managed.
Error check_node_counters(const Kernel& k, std::size_t n) {
    const Pgdat& pg = k.machine.nodes[n];
    std::int64_t on_lru = 0;
    for (int l = 0; l < NR_LRU_LISTS; ++l) {
        const auto cnt = static_cast<std::int64_t>(pg.lruvec.lists[static_cast<std::size_t>(l)].count);
        if (cnt != pg.nr_lru[static_cast<std::size_t>(l)])
            return node_str(n) + ": " + std::string(lru_node_stat_name(static_cast<LruList>(l))) + " is " +
                   std::to_string(pg.nr_lru[static_cast<std::size_t>(l)]) + " but the list holds " + std::to_string(cnt);
        on_lru += cnt;
    }
    for (int s = 0; s < NR_NODE_STATS; ++s)
        if (pg.stat[static_cast<std::size_t>(s)] < 0)
            return node_str(n) + ": negative " + std::string(node_stat_name(static_cast<NodeStat>(s)));
    if (pg[NR_ANON_MAPPED] + pg[NR_FILE_PAGES] + pg[NR_SWAPCACHE_UNMAPPED] != on_lru)
        return node_str(n) + ": nr_anon_pages + nr_file_pages + unmapped swap cache = " +
               std::to_string(pg[NR_ANON_MAPPED] + pg[NR_FILE_PAGES] + pg[NR_SWAPCACHE_UNMAPPED]) +
               " but the LRU lists hold " + std::to_string(on_lru);
    std::int64_t managed = 0, free = 0;
    for (const auto& z : pg.zones) {
        managed += static_cast<std::int64_t>(z.managed_pages);
        free += z.nr_free_pages;
    }
    const std::int64_t slab = k.slab.empty() ? 0 : static_cast<std::int64_t>(k.slab[n].pages.size());
    if (pg[NR_SLAB_RECLAIMABLE] != slab)
        return node_str(n) + ": nr_slab_reclaimable " + std::to_string(pg[NR_SLAB_RECLAIMABLE]) +
               " but the dentry cache holds " + std::to_string(slab) + " pages";
    if (free + on_lru + slab + pg[NR_KERNEL_PAGES] != managed)
        return node_str(n) + ": free " + std::to_string(free) + " + LRU " + std::to_string(on_lru) + " + slab " +
               std::to_string(slab) + " + kernel " + std::to_string(pg[NR_KERNEL_PAGES]) + " != managed " +
               std::to_string(managed);
    return std::nullopt;
}

Error check_free_lists(const Kernel& k, Seen& seen) {
    const auto& fr = k.frames;
    for (std::size_t g = 0; g < k.zone_ids.size(); ++g) {
        const Zone& z = k.zone(static_cast<int>(g));
        std::uint64_t n = 0;
        for (frame_t f = z.free_list.head; f != kNoFrame; f = fr.next[f]) {
            if (seen[f]++) return frame_str(f) + " is on two lists";
            if (!(fr.flags[f] & PG_buddy)) return frame_str(f) + " is on a free list without PG_buddy";
            if (fr.zone[f] != g) return frame_str(f) + " is on the free list of another zone";
            ++n;
        }
        if (n != z.free_list.count || static_cast<std::int64_t>(n) != z.nr_free_pages)
            return zone_str(z) + ": free list holds " + std::to_string(n) + " pages, its count says " +
                   std::to_string(z.free_list.count) + " and NR_FREE_PAGES says " + std::to_string(z.nr_free_pages);
    }
    return std::nullopt;
}

Error check_lru_lists(const Kernel& k, Seen& seen) {
    const auto& fr = k.frames;
    std::vector<std::array<std::int64_t, NR_LRU_LISTS>> zone_lru(k.zone_ids.size());
    for (std::size_t n = 0; n < k.machine.nodes.size(); ++n)
        for (int l = 0; l < NR_LRU_LISTS; ++l) {
            std::uint64_t cnt = 0;
            const FrameList& list = k.machine.nodes[n].lruvec.lists[static_cast<std::size_t>(l)];
            for (frame_t f = list.head; f != kNoFrame; f = fr.next[f]) {
                if (seen[f]++) return frame_str(f) + " is on two lists";
                if (!(fr.flags[f] & PG_lru)) return frame_str(f) + " is on an LRU list without PG_lru";
                if (folio_lru_list(k, f) != l) return frame_str(f) + " is on the wrong LRU list";
                ++zone_lru[fr.zone[f]][static_cast<std::size_t>(l)];
                ++cnt;
            }
            const std::int64_t stat = k.machine.nodes[n].nr_lru[static_cast<std::size_t>(l)];
            if (cnt != list.count || static_cast<std::int64_t>(cnt) != stat)
                return node_str(n) + ": " + std::string(lru_node_stat_name(static_cast<LruList>(l))) + " is " +
                       std::to_string(stat) + " but the list holds " + std::to_string(cnt);
        }
    for (std::size_t g = 0; g < k.zone_ids.size(); ++g) {
        const Zone& z = k.zone(static_cast<int>(g));
        for (int l = 0; l < NR_LRU_LISTS; ++l)
            if (z.nr_zone_lru[static_cast<std::size_t>(l)] != zone_lru[g][static_cast<std::size_t>(l)])
                return zone_str(z) + ": " + std::string(lru_zone_stat_name(static_cast<LruList>(l))) +
                       " does not match its pages";
    }
    return std::nullopt;
}

// Everything on no list is kernel memory, and owned pages point back at their slot.
Error check_frame_owners(const Kernel& k, const Seen& seen) {
    const auto& fr = k.frames;
    for (std::size_t f = 0; f < fr.size(); ++f) {
        if (!seen[f] && !(fr.flags[f] & PG_reserved)) return frame_str(f) + " is on no list and not reserved (leaked)";
        if (!(fr.flags[f] & PG_lru)) continue;
        const auto& as = k.spaces[fr.owner[f]];
        const std::uint32_t index = fr.index[f];
        if (index >= as.pages.size()) return frame_str(f) + " is past the end of its address space";
        if (!as.anon) {
            if (as.pages[index] != f) return frame_str(f) + " is not where its address space says";
            continue;
        }
        // Mapped: some process of the family maps it. A swap-cache page nothing maps
        // (readahead) sits behind the swap entry: no PTE points at it.
        int mappers = 0;
        for_each_anon_mapper(k.spaces, fr.owner[f], [&](const AddressSpace& m, std::uint32_t) {
            mappers += index < m.pages.size() && m.pages[index] == f;
        });
        if ((fr.flags[f] & PG_mapped) ? mappers == 0 : mappers != 0)
            return frame_str(f) + (mappers ? " is mapped without PG_mapped" : " has PG_mapped but no PTE maps it");
    }
    return std::nullopt;
}

// Swap slots in use are the swapped-out pages plus the swap-cache pages nothing else
// references (mapped again, kept so a later reclaim needs no write). O(swap cache): checked
// with the frames, not after every step.
Error check_swap_counts(const Kernel& k) {
    std::uint64_t swapents = 0;
    for (const auto& p : k.procs) swapents += p.swapents;
    const std::uint64_t inuse = k.swap.slots_in_use();
    const std::uint64_t cache_only = k.swap.cache_only_slots();
    // Without sharing, every swapped slot has one PTE: slots = swapents. With fork()ed
    // processes sharing entries, the counts in swap_map add up to the swap PTEs instead.
    const auto refs = k.swap.space().count_references();
    if (refs.second != swapents)
        return "swap: the swap_map counts add up to " + std::to_string(refs.second) + " but " +
               std::to_string(swapents) + " PTEs hold swap entries";
    if (inuse != refs.first + cache_only)
        return "swap: " + std::to_string(inuse) + " slots in use but " + std::to_string(refs.first) +
               " are referenced by PTEs and " + std::to_string(cache_only) + " are only in the swap cache";
    return std::nullopt;
}

// NR_DIRTY and NR_WRITEBACK match the page flags.
Error check_dirty_counts(const Kernel& k) {
    const auto& fr = k.frames;
    std::vector<std::int64_t> dirty(k.machine.nodes.size()), writeback(k.machine.nodes.size());
    for (std::size_t f = 0; f < fr.size(); ++f) {
        if (fr.flags[f] & PG_buddy) continue;
        const auto n = static_cast<std::size_t>(k.node_of_frame(static_cast<frame_t>(f)));
        if (fr.flags[f] & PG_dirty) ++dirty[n];
        if (fr.flags[f] & PG_writeback) ++writeback[n];
    }
    for (std::size_t n = 0; n < k.machine.nodes.size(); ++n) {
        if (dirty[n] != k.machine.nodes[n][NR_DIRTY])
            return node_str(n) + ": nr_dirty " + std::to_string(k.machine.nodes[n][NR_DIRTY]) + " but " +
                   std::to_string(dirty[n]) + " pages are dirty";
        if (writeback[n] != k.machine.nodes[n][NR_WRITEBACK])
            return node_str(n) + ": nr_writeback " + std::to_string(k.machine.nodes[n][NR_WRITEBACK]) + " but " +
                   std::to_string(writeback[n]) + " pages are under writeback";
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> check_counters(const Kernel& k) {
    if (auto bad = check_zone_counters(k)) return bad;
    for (std::size_t n = 0; n < k.machine.nodes.size(); ++n)
        if (auto bad = check_node_counters(k, n)) return bad;
    return std::nullopt;
}

std::optional<std::string> check_invariants(const Kernel& k) {
    if (auto bad = check_counters(k)) return bad;
    Seen seen(k.frames.size(), 0);
    if (auto bad = check_free_lists(k, seen)) return bad;
    if (auto bad = check_lru_lists(k, seen)) return bad;
    if (auto bad = check_frame_owners(k, seen)) return bad;
    if (auto bad = check_swap_counts(k)) return bad;
    return check_dirty_counts(k);
}

} // namespace rs
