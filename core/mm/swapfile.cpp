#include "mm/swapfile.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <set>

namespace rs {

namespace {

std::uint32_t cluster_offset(std::uint32_t ci) { return ci * SWAPFILE_CLUSTER; }

// The list a cluster's flags say it is on (nullptr: isolated).
ClusterList* list_of(SwapInfo& si, const SwapCluster& c) {
    switch (c.flags) {
    case CLUSTER_FLAG_FREE: return &si.free_clusters;
    case CLUSTER_FLAG_NONFULL: return &si.nonfull_clusters[c.order];
    case CLUSTER_FLAG_FRAG: return &si.frag_clusters[c.order];
    case CLUSTER_FLAG_FULL: return &si.full_clusters;
    case CLUSTER_FLAG_DISCARD: return &si.discard_clusters;
    default: return nullptr;
    }
}

void list_add_tail(SwapInfo& si, ClusterList& l, std::uint32_t idx) {
    SwapCluster& c = si.cluster_info[idx];
    c.prev = l.tail;
    c.next = kNoCluster;
    if (l.tail != kNoCluster) si.cluster_info[l.tail].next = idx;
    else l.head = idx;
    l.tail = idx;
    ++l.nr;
}

void list_del(SwapInfo& si, ClusterList& l, std::uint32_t idx) {
    SwapCluster& c = si.cluster_info[idx];
    if (c.prev != kNoCluster) si.cluster_info[c.prev].next = c.next;
    else l.head = c.next;
    if (c.next != kNoCluster) si.cluster_info[c.next].prev = c.prev;
    else l.tail = c.prev;
    c.next = c.prev = kNoCluster;
    --l.nr;
}

// move_cluster(): to the tail of `list`, from wherever it was.
void move_cluster(SwapInfo& si, std::uint32_t idx, ClusterList& list, ClusterFlag flag) {
    SwapCluster& c = si.cluster_info[idx];
    if (ClusterList* cur = list_of(si, c)) list_del(si, *cur, idx);
    list_add_tail(si, list, idx);
    c.flags = flag;
}

// isolate_lock_cluster(): the first cluster of a list, taken off it for this allocator only.
std::uint32_t isolate_lock_cluster(SwapInfo& si, ClusterList& list) {
    const std::uint32_t idx = list.head;
    if (idx == kNoCluster) return kNoCluster;
    list_del(si, list, idx);
    si.cluster_info[idx].flags = CLUSTER_FLAG_NONE;
    return idx;
}

// __free_cluster() (discard is not modelled, so free_cluster() always comes here).
void free_cluster(SwapInfo& si, std::uint32_t idx) {
    move_cluster(si, idx, si.free_clusters, CLUSTER_FLAG_FREE);
    si.cluster_info[idx].order = 0;
}

// partial_free_cluster(): a cluster that just lost a slot is worth scanning again.
void partial_free_cluster(SwapInfo& si, std::uint32_t idx) {
    SwapCluster& c = si.cluster_info[idx];
    if (c.flags != CLUSTER_FLAG_NONFULL) move_cluster(si, idx, si.nonfull_clusters[c.order], CLUSTER_FLAG_NONFULL);
}

// cluster_is_usable(): full and discarding clusters are not; a used one only for its order.
bool cluster_is_usable(const SwapCluster& c, int order) {
    if (c.flags > CLUSTER_FLAG_USABLE) return false;
    if (order == 0) return true;
    return c.count == 0 || c.order == order;
}

} // namespace


// ---- swapon / swapoff ------------------------------------------------------------------------

// sys_swapon(): read_swap_header() checks, alloc_swap_info(), setup_swap_map(), setup_clusters(),
// setup_swap_info() and _enable_swap_info().
Result<int> SwapSpace::swapon(const SwapDeviceSpec& spec) {
    if (spec.name.empty()) return Result<int>::failure("swapon: the swap device needs a name");
    const std::string who = "swapon " + spec.name + ": ";
    auto fail = [&](const std::string& why) { return Result<int>::failure(who + why); };

    for (const SwapInfo& si : m_swap_info)
        if ((si.flags & SWP_USED) && si.name == spec.name) return fail("already in use as swap (EBUSY)");
    if (spec.prio < -1 || spec.prio > 32767)
        return fail("priority " + std::to_string(spec.prio) + " is out of range: use -1 (automatic) or 0..32767");
    const std::uint64_t maxpages = spec.size_bytes / SWAP_PAGE_SIZE;
    if (maxpages < 2)
        return fail("size " + std::to_string(spec.size_bytes) +
                    " bytes is less than 2 pages (8192 bytes): a swap area needs its header page and at least one slot");
    if (maxpages > 0xffffffffull)
        return fail("more than 2^32 - 1 slots (16 TiB) is beyond what the simulator addresses");
    if (spec.kind == SwapKind::Zram && !(spec.zram_ratio >= 1.0))
        return fail("zram_ratio " + std::to_string(spec.zram_ratio) +
                    " must be at least 1 (zram stores incompressible pages as they are)");
    if (spec.bad_slots.size() > MAX_SWAP_BADPAGES)
        return fail(std::to_string(spec.bad_slots.size()) + " bad slots: the swap header holds at most " +
                    std::to_string(MAX_SWAP_BADPAGES));
    std::set<std::uint32_t> bad;
    for (const std::uint32_t b : spec.bad_slots) {
        if (b == 0) return fail("slot 0 is the header page; it cannot be listed as bad");
        if (b >= maxpages)
            return fail("bad slot " + std::to_string(b) + " is past the last slot " + std::to_string(maxpages - 1));
        if (!bad.insert(b).second) return fail("bad slot " + std::to_string(b) + " is listed twice");
    }
    if (bad.size() >= maxpages - 1) return fail("every slot is bad: nothing left to swap to (Empty swap-file)");

    // alloc_swap_info(): the first unused type, else a new one.
    int type = 0;
    while (type < nr_swapfiles() && (m_swap_info[static_cast<std::size_t>(type)].flags & SWP_USED)) ++type;
    if (type == nr_swapfiles()) {
        if (type >= MAX_SWAPFILES) return fail("too many swap areas (MAX_SWAPFILES = " + std::to_string(MAX_SWAPFILES) + ")");
        m_swap_info.emplace_back();
    }

    SwapInfo& si = m_swap_info[static_cast<std::size_t>(type)];
    si = SwapInfo{};
    si.name = spec.name;
    si.kind = spec.kind;
    si.zram_ratio = spec.zram_ratio;
    si.type = type;
    si.max = static_cast<std::uint32_t>(maxpages);
    si.pages = si.max - 1 - static_cast<std::uint32_t>(bad.size());
    si.swap_map.assign(si.max, 0);
    const std::uint32_t nr_clusters = (si.max + SWAPFILE_CLUSTER - 1) / SWAPFILE_CLUSTER;
    si.cluster_info.assign(nr_clusters, SwapCluster{});

    // setup_swap_map() + swap_cluster_setup_bad_slot(): the header and bad slots are never free.
    auto mark_bad = [&](std::uint32_t offset) {
        si.swap_map[offset] = SWAP_MAP_BAD;
        SwapCluster& c = si.cluster_info[offset / SWAPFILE_CLUSTER];
        ++c.count;
        ++c.nr_bad;
    };
    mark_bad(0);
    for (const std::uint32_t b : bad) mark_bad(b);
    // setup_clusters(): the part of the last cluster past the end counts as used, so that
    // cluster is never free and never taken for a whole-cluster allocation.
    si.cluster_info.back().count += nr_clusters * SWAPFILE_CLUSTER - si.max;

    // setup_clusters(): clusters with used slots start on nonfull_clusters[0]; the free list is
    // interleaved with stride SWAP_CLUSTER_COLS (0, 32, 64, ..., 1, 33, ...).
    const std::uint32_t rows = (nr_clusters + SWAP_CLUSTER_COLS - 1) / SWAP_CLUSTER_COLS;
    for (std::uint32_t j = 0; j < SWAP_CLUSTER_COLS; ++j) {
        for (std::uint32_t i = 0; i < rows; ++i) {
            const std::uint32_t idx = i * SWAP_CLUSTER_COLS + j;
            if (idx >= nr_clusters) continue;
            if (si.cluster_info[idx].count) move_cluster(si, idx, si.nonfull_clusters[0], CLUSTER_FLAG_NONFULL);
            else move_cluster(si, idx, si.free_clusters, CLUSTER_FLAG_FREE);
        }
    }

    si.flags = SWP_USED | SWP_WRITEOK | SWP_BLKDEV;
    if (spec.kind != SwapKind::HDD) si.flags |= SWP_SOLIDSTATE;
    if (spec.kind == SwapKind::Zram) si.flags |= SWP_SYNCHRONOUS_IO;
    else if (spec.kind == SwapKind::HDD) ++m_nr_rotate_swap;

    // setup_swap_info(): without -p the kernel hands out -2, -3, ...
    si.prio = spec.prio >= 0 ? spec.prio : --m_least_priority;

    // _enable_swap_info()
    nr_swap_pages += si.pages;
    total_swap_pages += si.pages;
    add_to_avail_list(si);
    return type;
}

// sys_swapoff(): del_from_avail_list(), the auto-priority renumbering, the accounting and
// flush_percpu_swap_cluster() happen before try_to_unuse(); the area goes once it is empty.
Result<bool> SwapSpace::swapoff(int type) {
    if (type < 0 || type >= nr_swapfiles() || !(m_swap_info[static_cast<std::size_t>(type)].flags & SWP_USED))
        return Result<bool>::failure("swapoff: there is no swap area of type " + std::to_string(type) +
                                     " (EINVAL)");
    SwapInfo& si = m_swap_info[static_cast<std::size_t>(type)];
    if (si.flags & SWP_WRITEOK) {
        del_from_avail_list(si);
        // Auto priorities stay dense: every area below this one moves up by one.
        if (si.prio < 0) {
            for (SwapInfo& other : m_swap_info)
                if ((other.flags & SWP_WRITEOK) && other.prio < si.prio) ++other.prio;
            ++m_least_priority;
        }
        // Used slots come back to nr_swap_pages as try_to_unuse() frees them.
        nr_swap_pages -= si.pages;
        total_swap_pages -= si.pages;
        si.flags &= ~static_cast<std::uint32_t>(SWP_WRITEOK);
        for (PercpuSwapCluster& pcp : m_percpu)
            if (pcp.type == type) pcp = PercpuSwapCluster{};
        si.global_cluster.fill(0);
    }
    if (si.inuse_pages) return false;
    if (si.kind == SwapKind::HDD) --m_nr_rotate_swap;
    si = SwapInfo{}; // not SWP_USED: the type is free for the next swapon
    return true;
}

Result<bool> SwapSpace::reinsert_swap_info(int type) {
    if (type < 0 || type >= nr_swapfiles() || !(m_swap_info[static_cast<std::size_t>(type)].flags & SWP_USED))
        return Result<bool>::failure("reinsert_swap_info: there is no swap area of type " + std::to_string(type));
    SwapInfo& si = m_swap_info[static_cast<std::size_t>(type)];
    if (si.flags & SWP_WRITEOK) return false; // not being swapped off
    if (si.prio < 0) si.prio = --m_least_priority;
    // _enable_swap_info(): every usable page again; the ones still in use were never given
    // back, so nr_swap_pages ends at the true number of free slots.
    si.flags |= SWP_WRITEOK;
    nr_swap_pages += si.pages;
    total_swap_pages += si.pages;
    add_to_avail_list(si);
    return true;
}

std::uint32_t SwapSpace::find_next_to_unuse(int type, std::uint32_t prev) const {
    const SwapInfo* si = swap_info(type);
    if (!si) return 0;
    for (std::uint32_t i = prev + 1; i < si->max; ++i) {
        const std::uint8_t count = si->swap_map[i];
        if (count && (count & ~SWAP_HAS_CACHE) != SWAP_MAP_BAD) return i;
    }
    return 0;
}

std::uint64_t SwapSpace::inuse_pages() const {
    std::uint64_t n = 0;
    for (const SwapInfo& si : m_swap_info)
        if (si.flags & SWP_USED) n += si.inuse_pages;
    return n;
}

std::pair<std::uint64_t, std::uint64_t> SwapSpace::count_references() const {
    std::uint64_t slots = 0, sum = 0;
    for (const SwapInfo& si : m_swap_info) {
        if (!(si.flags & SWP_USED)) continue;
        for (const std::uint8_t b : si.swap_map) {
            const int count = b & ~SWAP_HAS_CACHE;
            if (count == 0 || count == SWAP_MAP_BAD) continue;
            ++slots;
            sum += static_cast<std::uint64_t>(count);
        }
    }
    return {slots, sum};
}

std::uint64_t SwapSpace::nr_to_be_unused() const {
    std::uint64_t n = 0;
    for (const SwapInfo& si : m_swap_info)
        if ((si.flags & SWP_USED) && !(si.flags & SWP_WRITEOK)) n += si.inuse_pages;
    return n;
}

int SwapSpace::find_type(const std::string& name) const {
    for (const SwapInfo& si : m_swap_info)
        if ((si.flags & SWP_USED) && si.name == name) return si.type;
    return -1;
}

// ---- the priority list ------------------------------------------------------------------------

// add_to_avail_list() / plist_add(): behind every area of the same or higher priority.
void SwapSpace::add_to_avail_list(SwapInfo& si) {
    if (!(si.flags & SWP_WRITEOK) || std::find(m_avail.begin(), m_avail.end(), si.type) != m_avail.end()) return;
    auto pos = std::find_if(m_avail.begin(), m_avail.end(),
                            [&](int t) { return m_swap_info[static_cast<std::size_t>(t)].prio < si.prio; });
    m_avail.insert(pos, si.type);
}

void SwapSpace::del_from_avail_list(SwapInfo& si) {
    m_avail.erase(std::remove(m_avail.begin(), m_avail.end(), si.type), m_avail.end());
}

// plist_requeue(): behind its equal-priority peers, so they take turns.
void SwapSpace::plist_requeue(int type) {
    auto it = std::find(m_avail.begin(), m_avail.end(), type);
    if (it == m_avail.end()) return;
    const int prio = m_swap_info[static_cast<std::size_t>(type)].prio;
    auto last = it;
    while (last + 1 != m_avail.end() && m_swap_info[static_cast<std::size_t>(*(last + 1))].prio == prio) ++last;
    std::rotate(it, it + 1, last + 1);
}

// ---- allocation -------------------------------------------------------------------------------

PercpuSwapCluster& SwapSpace::this_cpu(int cpu) {
    assert(cpu >= 0);
    const auto n = static_cast<std::size_t>(std::max(cpu, 0));
    if (n >= m_percpu.size()) m_percpu.resize(n + 1);
    return m_percpu[n];
}

const PercpuSwapCluster& SwapSpace::percpu_swap_cluster(int cpu) const {
    static const PercpuSwapCluster none;
    if (cpu < 0 || static_cast<std::size_t>(cpu) >= m_percpu.size()) return none;
    return m_percpu[static_cast<std::size_t>(cpu)];
}

// folio_alloc_swap(): this CPU's cluster first, then the devices in priority order.
std::optional<SwapEntry> SwapSpace::folio_alloc_swap(int cpu) {
    SwapEntry e;
    if (swap_alloc_fast(cpu, e) || swap_alloc_slow(cpu, e)) return e;
    return std::nullopt;
}

// swap_alloc_fast(): continue in the cluster this CPU used last, whatever its device's
// priority, as long as the device still takes writes.
bool SwapSpace::swap_alloc_fast(int cpu, SwapEntry& out) {
    const PercpuSwapCluster pcp = this_cpu(cpu);
    if (pcp.type < 0 || pcp.offset == 0) return false;
    SwapInfo& si = m_swap_info[static_cast<std::size_t>(pcp.type)];
    if (!(si.flags & SWP_WRITEOK)) return false; // get_swap_device_info()
    const std::uint32_t ci = pcp.offset / SWAPFILE_CLUSTER;
    if (!cluster_is_usable(si.cluster_info[ci], 0)) return false;
    const std::uint32_t offset = si.cluster_info[ci].count == 0 ? cluster_offset(ci) : pcp.offset;
    const std::uint32_t found = alloc_swap_scan_cluster(si, ci, offset, cpu, 0);
    if (!found) return false;
    out = SwapEntry{si.type, found};
    return true;
}

// swap_alloc_slow(): each device tried is first requeued behind its equal-priority peers, so
// with the per-CPU cache equal priorities alternate per cluster (SSD), or per page (HDD).
bool SwapSpace::swap_alloc_slow(int cpu, SwapEntry& out) {
    const std::vector<int> order = m_avail; // plist_for_each_entry_safe
    for (const int type : order) {
        if (std::find(m_avail.begin(), m_avail.end(), type) == m_avail.end()) continue;
        plist_requeue(type);
        SwapInfo& si = m_swap_info[static_cast<std::size_t>(type)];
        if (const std::uint32_t offset = cluster_alloc_swap_entry(si, cpu, 0)) {
            out = SwapEntry{type, offset};
            return true;
        }
    }
    return false;
}

// cluster_alloc_swap_entry(): the device-global cluster (HDD), then nonfull, free, one frag
// cluster, and for order 0 the clusters of higher orders.
std::uint32_t SwapSpace::cluster_alloc_swap_entry(SwapInfo& si, int cpu, int order) {
    std::uint32_t found = 0;
    if (!si.solidstate()) {
        // Rotating disks share one cluster per device to keep writes sequential.
        std::uint32_t offset = si.global_cluster[static_cast<std::size_t>(order)];
        if (offset) {
            const std::uint32_t ci = offset / SWAPFILE_CLUSTER;
            if (cluster_is_usable(si.cluster_info[ci], order)) {
                if (si.cluster_info[ci].count == 0) offset = cluster_offset(ci);
                if ((found = alloc_swap_scan_cluster(si, ci, offset, cpu, order))) return found;
            }
        }
    }
    const auto o = static_cast<std::size_t>(order);
    // No SWP_PAGE_DISCARD, so partly used clusters go before free ones.
    if ((found = alloc_swap_scan_list(si, si.nonfull_clusters[o], cpu, order, true))) return found;
    if ((found = alloc_swap_scan_list(si, si.free_clusters, cpu, order, false))) return found;
    // Here, if vm_swap_full(), swap_reclaim_full_clusters() would drop cache-only slots: not
    // modelled, the swap cache belongs to the engine.
    // One frag cluster is enough: an order-0 allocation cannot fail in it.
    if ((found = alloc_swap_scan_list(si, si.frag_clusters[o], cpu, order, false))) return found;
    if (order) return 0;
    // Order 0 steals from clusters of higher orders (always empty while only order 0 exists).
    for (std::size_t hi = 1; hi < SWAP_NR_ORDERS; ++hi) {
        if ((found = alloc_swap_scan_list(si, si.frag_clusters[hi], cpu, 0, true))) return found;
        if ((found = alloc_swap_scan_list(si, si.nonfull_clusters[hi], cpu, 0, true))) return found;
    }
    return 0;
}

// alloc_swap_scan_list(): isolate clusters from the head of a list until one yields a slot.
std::uint32_t SwapSpace::alloc_swap_scan_list(SwapInfo& si, ClusterList& list, int cpu, int order, bool scan_all) {
    std::uint32_t found = 0;
    do {
        const std::uint32_t ci = isolate_lock_cluster(si, list);
        if (ci == kNoCluster) break;
        found = alloc_swap_scan_cluster(si, ci, cluster_offset(ci), cpu, order);
    } while (!found && scan_all);
    return found;
}

// alloc_swap_scan_cluster() + cluster_alloc_range() + swap_range_alloc(): the first free slot
// at or after `offset` in cluster ci; then the cluster is relocated and the next position
// remembered (per CPU on SSD/zram, per device on HDD).
std::uint32_t SwapSpace::alloc_swap_scan_cluster(SwapInfo& si, std::uint32_t ci, std::uint32_t offset, int cpu,
                                                 int order) {
    SwapCluster& c = si.cluster_info[ci];
    const std::uint32_t end = std::min(cluster_offset(ci) + SWAPFILE_CLUSTER, si.max);
    std::uint32_t found = 0, next = 0;
    if (c.count + 1 <= SWAPFILE_CLUSTER && offset < end) {
        // cluster_scan_range(): only a free byte will do (a cache-only slot would need reclaim
        // of its folio when vm_swap_full(), which is not modelled). memchr: the same first free
        // byte, found a word at a time.
        const void* hit = std::memchr(si.swap_map.data() + offset, 0, end - offset);
        offset = hit ? static_cast<std::uint32_t>(static_cast<const std::uint8_t*>(hit) - si.swap_map.data()) : end;
        for (; offset < end; ++offset) {
            if (!(si.flags & SWP_WRITEOK)) break;
            if (c.count == 0) c.order = static_cast<std::uint8_t>(order); // the first user owns it
            set_swap_map(si, offset, SWAP_HAS_CACHE);
            ++c.count;
            ++si.inuse_pages;
            --nr_swap_pages;
            if (si.inuse_pages == si.pages) del_from_avail_list(si);
            found = offset;
            if (c.count < SWAPFILE_CLUSTER && offset + 1 < end) next = offset + 1;
            break;
        }
    }
    relocate_cluster(si, ci);
    if (si.solidstate()) this_cpu(cpu) = PercpuSwapCluster{si.type, next};
    else si.global_cluster[static_cast<std::size_t>(order)] = next;
    return found;
}

// relocate_cluster(): after an allocation, a partly used cluster goes to frag (some CPU is
// filling it), a full one to full, an empty one back to free.
void SwapSpace::relocate_cluster(SwapInfo& si, std::uint32_t ci) {
    SwapCluster& c = si.cluster_info[ci];
    if (c.flags == CLUSTER_FLAG_DISCARD) return;
    if (c.count == 0) {
        if (c.flags != CLUSTER_FLAG_FREE) free_cluster(si, ci);
    } else if (c.count != SWAPFILE_CLUSTER) {
        if (c.flags != CLUSTER_FLAG_FRAG) move_cluster(si, ci, si.frag_clusters[c.order], CLUSTER_FLAG_FRAG);
    } else if (c.flags != CLUSTER_FLAG_FULL) {
        move_cluster(si, ci, si.full_clusters, CLUSTER_FLAG_FULL);
    }
}

// ---- references and freeing -------------------------------------------------------------------

void SwapSpace::set_swap_map(SwapInfo& si, std::uint32_t offset, std::uint8_t value) {
    SwapCluster& c = si.cluster_info[offset / SWAPFILE_CLUSTER];
    if (si.swap_map[offset] == SWAP_HAS_CACHE) --c.nr_cache_only;
    if (value == SWAP_HAS_CACHE) ++c.nr_cache_only;
    si.swap_map[offset] = value;
}

// swap_entries_free() + swap_range_free(): the slot is free again.
void SwapSpace::swap_entries_free(SwapInfo& si, std::uint32_t offset) {
    const std::uint32_t ci = offset / SWAPFILE_CLUSTER;
    SwapCluster& c = si.cluster_info[ci];
    --c.count;
    set_swap_map(si, offset, 0);
    ++nr_swap_pages;
    // swap_usage_sub(): a full device takes allocations again (unless it is going away).
    if (si.inuse_pages-- == si.pages) add_to_avail_list(si);
    if (c.count == 0) free_cluster(si, ci);
    else partial_free_cluster(si, ci);
}

// _swap_info_get(): the area of a used type with the offset inside it.
SwapInfo* SwapSpace::info(SwapEntry e) {
    if (e.type < 0 || e.type >= nr_swapfiles()) return nullptr;
    SwapInfo& si = m_swap_info[static_cast<std::size_t>(e.type)];
    if (!(si.flags & SWP_USED) || e.offset >= si.max) return nullptr;
    return &si;
}

const SwapInfo* SwapSpace::swap_info(int type) const {
    if (type < 0 || type >= nr_swapfiles()) return nullptr;
    const SwapInfo& si = m_swap_info[static_cast<std::size_t>(type)];
    return (si.flags & SWP_USED) ? &si : nullptr;
}

std::uint8_t SwapSpace::swap_map(SwapEntry e) const {
    const SwapInfo* si = swap_info(e.type);
    return (si && e.offset < si->max) ? si->swap_map[e.offset] : 0;
}

// __swap_duplicate(entry, 1): count + 1.
bool SwapSpace::swap_duplicate(SwapEntry e) {
    SwapInfo* si = info(e);
    const std::uint8_t v = si ? si->swap_map[e.offset] : 0;
    const std::uint8_t count = v & static_cast<std::uint8_t>(~SWAP_HAS_CACHE);
    if (!si || count == SWAP_MAP_BAD || v == 0) { // -ENOENT: unused or bad
        ++nr_bad_entry_ops;
        return false;
    }
    if (count >= SWAP_MAP_MAX) { // add_swap_count_continuation() territory: refused
        ++nr_count_overflows;
        return false;
    }
    set_swap_map(*si, e.offset, static_cast<std::uint8_t>(v + 1));
    return true;
}

// __swap_duplicate(entry, SWAP_HAS_CACHE): -EEXIST when a folio already holds the slot.
bool SwapSpace::swapcache_prepare(SwapEntry e) {
    SwapInfo* si = info(e);
    const std::uint8_t v = si ? si->swap_map[e.offset] : 0;
    if (!si || v == 0 || v == SWAP_MAP_BAD || (v & SWAP_HAS_CACHE)) return false;
    set_swap_map(*si, e.offset, static_cast<std::uint8_t>(v | SWAP_HAS_CACHE));
    return true;
}

// swap_free() -> swap_entry_put_locked(entry, 1): count - 1; free when nothing is left.
bool SwapSpace::swap_free(SwapEntry e) {
    SwapInfo* si = info(e);
    const std::uint8_t v = si ? si->swap_map[e.offset] : 0;
    const std::uint8_t count = v & static_cast<std::uint8_t>(~SWAP_HAS_CACHE);
    if (!si || count == 0 || count == SWAP_MAP_BAD) { // "Unused swap offset entry"
        ++nr_bad_entry_ops;
        return false;
    }
    const auto left = static_cast<std::uint8_t>((count - 1) | (v & SWAP_HAS_CACHE));
    if (left) set_swap_map(*si, e.offset, left);
    else swap_entries_free(*si, e.offset);
    return true;
}

// put_swap_folio() -> swap_entry_put_locked(entry, SWAP_HAS_CACHE).
bool SwapSpace::put_swap_folio(SwapEntry e) {
    SwapInfo* si = info(e);
    const std::uint8_t v = si ? si->swap_map[e.offset] : 0;
    if (!si || !(v & SWAP_HAS_CACHE)) {
        ++nr_bad_entry_ops;
        return false;
    }
    const auto left = static_cast<std::uint8_t>(v & ~SWAP_HAS_CACHE);
    if (left) set_swap_map(*si, e.offset, left);
    else swap_entries_free(*si, e.offset);
    return true;
}

} // namespace rs
