#pragma once
// A counter per traced kernel function, under its exact name: what the Big Picture view lights
// up. Each simulated function counts its calls.
#include <array>
#include <cstdint>
#include <string_view>

namespace rs {

enum KFunc : int {
    F___alloc_pages,
    F_get_page_from_freelist,
    F___alloc_pages_slowpath,
    F_wake_all_kswapds,
    F_wakeup_kswapd,
    F___alloc_pages_direct_reclaim,
    F_try_to_free_pages,
    F_do_try_to_free_pages,
    F_shrink_zones,
    F_should_reclaim_retry,
    F___alloc_pages_may_oom,
    F_out_of_memory,
    F_oom_kill_process,
    F_node_reclaim,
    F_kswapd,
    F_balance_pgdat,
    F_kswapd_shrink_node,
    F_kswapd_try_to_sleep,
    F_shrink_node,
    F_shrink_lruvec,
    F_get_scan_count,
    F_shrink_list,
    F_shrink_active_list,
    F_shrink_inactive_list,
    F_isolate_lru_folios,
    F_shrink_folio_list,
    F_folio_check_references,
    F_pageout,
    F___remove_mapping,
    F_shrink_slab,
    F_workingset_eviction,
    F_workingset_refault,
    F_balance_dirty_pages,
    F_wb_workfn,
    NR_KFUNCS
};

constexpr std::string_view kfunc_name(KFunc f) {
    constexpr std::array<std::string_view, NR_KFUNCS> names = {
        "__alloc_pages", "get_page_from_freelist", "__alloc_pages_slowpath", "wake_all_kswapds",
        "wakeup_kswapd", "__alloc_pages_direct_reclaim", "try_to_free_pages", "do_try_to_free_pages",
        "shrink_zones", "should_reclaim_retry", "__alloc_pages_may_oom", "out_of_memory",
        "oom_kill_process", "node_reclaim", "kswapd", "balance_pgdat", "kswapd_shrink_node",
        "kswapd_try_to_sleep", "shrink_node", "shrink_lruvec", "get_scan_count", "shrink_list",
        "shrink_active_list", "shrink_inactive_list", "isolate_lru_folios", "shrink_folio_list",
        "folio_check_references", "pageout", "__remove_mapping", "shrink_slab",
        "workingset_eviction", "workingset_refault", "balance_dirty_pages", "wb_workfn"};
    return names[static_cast<std::size_t>(f)];
}

// The kernel source file each traced function lives in.
constexpr std::string_view kfunc_file(KFunc f) {
    switch (f) {
    case F___alloc_pages: case F_get_page_from_freelist: case F___alloc_pages_slowpath:
    case F_wake_all_kswapds: case F___alloc_pages_direct_reclaim: case F_should_reclaim_retry:
    case F___alloc_pages_may_oom:
        return "mm/page_alloc.c";
    case F_out_of_memory: case F_oom_kill_process: return "mm/oom_kill.c";
    case F_workingset_eviction: case F_workingset_refault: return "mm/workingset.c";
    case F_shrink_slab: return "mm/shrinker.c";
    case F_balance_dirty_pages: return "mm/page-writeback.c";
    case F_wb_workfn: return "fs/fs-writeback.c";
    default: return "mm/vmscan.c";
    }
}

struct KFuncCounters {
    std::array<std::uint64_t, NR_KFUNCS> calls{};
    // The order of the latest call of each function (a global sequence number): a caller's
    // latest call precedes its callee's, which lets the view trace the most recent path.
    std::array<std::uint64_t, NR_KFUNCS> last{};
    std::uint64_t seq = 0;
    void hit(KFunc f, std::uint64_t n = 1) {
        calls[static_cast<std::size_t>(f)] += n;
        last[static_cast<std::size_t>(f)] = ++seq;
    }
    std::uint64_t operator[](KFunc f) const { return calls[static_cast<std::size_t>(f)]; }
};

} // namespace rs
