#include "mm/workingset.h"

#include "mm/swap.h"
#include "mm/vmscan.h"

namespace rs {

namespace {
int compute_bucket_order(const Kernel& k) {
    const std::uint64_t total = k.machine.totalram_pages();
    int fls = 0;
    for (std::uint64_t v = total > 0 ? total - 1 : 0; v; v >>= 1) ++fls;
    return std::max(0, fls - EVICTION_BITS);
}
} // namespace

void workingset_init(Kernel& k) { k.workingset_bucket_order = compute_bucket_order(k); }

int workingset_bucket_order(const Kernel& k) {
    // Every eviction and refault asks: summing the zones each time cost 9 % of a reclaim-heavy run.
    return k.workingset_bucket_order >= 0 ? k.workingset_bucket_order : compute_bucket_order(k);
}

void workingset_age_nonresident(Kernel& k, int nid, std::uint64_t nr) {
    k.lruvec(nid).nonresident_age += nr;
}

std::uint32_t workingset_eviction(Kernel& k, frame_t f) {
    k.trace.hit(F_workingset_eviction);
    const int nid = k.node_of_frame(f);
    const std::uint64_t eviction = (k.lruvec(nid).nonresident_age >> workingset_bucket_order(k)) & EVICTION_MASK;
    workingset_age_nonresident(k, nid, 1);
    const std::uint32_t ws = k.frames.test(f, PG_workingset) ? 1u : 0u;
    // pack_shadow(): timestamp, node, workingset bit.
    return kTokenBit | static_cast<std::uint32_t>(eviction << 7) | static_cast<std::uint32_t>(nid << 1) | ws;
}

UnpackedShadow unpack_shadow(const Kernel& k, std::uint32_t shadow) {
    const std::uint32_t v = shadow & ~kTokenBit;
    return UnpackedShadow{static_cast<int>((v >> 1) & 63), static_cast<std::uint64_t>(v >> 7) << workingset_bucket_order(k),
                          (v & 1u) != 0};
}

void workingset_refault(Kernel& k, frame_t f, std::uint32_t shadow) {
    k.trace.hit(F_workingset_refault);
    const bool file = !k.frames.test(f, PG_swapbacked);
    const UnpackedShadow s = unpack_shadow(k, shadow);
    Pgdat& pg = k.pgdat(k.node_of_frame(f));
    pg[file ? WORKINGSET_REFAULT_FILE : WORKINGSET_REFAULT_ANON] += 1;

    // workingset_test_recent(): distance on the eviction node's clock, modulo the bits kept.
    const Pgdat& epg = k.pgdat(s.nid);
    const int bo = workingset_bucket_order(k);
    const std::uint64_t refault = k.lruvec(s.nid).nonresident_age;
    const std::uint64_t distance = ((refault >> bo) - (s.eviction >> bo)) & EVICTION_MASK;
    const std::uint64_t scaled_distance = distance << bo;
    auto lru = [&](LruList l) { return static_cast<std::uint64_t>(epg.nr_lru[static_cast<std::size_t>(l)]); };
    std::uint64_t workingset_size = lru(LRU_ACTIVE_FILE);
    if (!file) workingset_size += lru(LRU_INACTIVE_FILE);
    if (can_reclaim_anon_pages(k, s.nid)) {
        workingset_size += lru(LRU_ACTIVE_ANON);
        if (file) workingset_size += lru(LRU_INACTIVE_ANON);
    }
    if (scaled_distance > workingset_size) return;

    k.frames.set(f, PG_active);
    workingset_age_nonresident(k, k.node_of_frame(f), 1);
    pg[file ? WORKINGSET_ACTIVATE_FILE : WORKINGSET_ACTIVATE_ANON] += 1;
    if (s.workingset) {
        k.frames.set(f, PG_workingset);
        lru_note_cost_refault(k, f);
        pg[file ? WORKINGSET_RESTORE_FILE : WORKINGSET_RESTORE_ANON] += 1;
    }
}

void workingset_activation(Kernel& k, frame_t f) { workingset_age_nonresident(k, k.node_of_frame(f), 1); }

} // namespace rs
