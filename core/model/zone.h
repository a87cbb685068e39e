#pragma once
// One memory zone, the fields of struct zone that reclaim reads (include/linux/mmzone.h).
#include "model/lru.h"
#include "model/zone_type.h"

#include <array>
#include <cstdint>

namespace rs {

enum WmarkIdx : int { WMARK_MIN, WMARK_LOW, WMARK_HIGH, WMARK_PROMO, NR_WMARK };

struct Zone {
    int node_id = 0;
    int zone_idx = 0; // index in the node's zone array (zone_idx())
    ZoneType type = ZoneType::Normal;

    std::uint64_t zone_start_pfn = 0;
    std::uint64_t spanned_pages = 0;
    std::uint64_t present_pages = 0;
    std::uint64_t managed_pages = 0;

    std::array<std::uint64_t, NR_WMARK> watermark{}; // _watermark[], without the boost
    std::uint64_t watermark_boost = 0;
    std::array<std::uint64_t, kMaxZoneTypes> lowmem_reserve{};

    std::int64_t nr_free_pages = 0; // NR_FREE_PAGES
    std::array<std::int64_t, NR_LRU_LISTS> nr_zone_lru{}; // NR_ZONE_INACTIVE_ANON..

    // populated_zone(): the zone has present pages.
    bool populated() const { return present_pages != 0; }
    // managed_zone(): the buddy allocator manages pages in it.
    bool managed() const { return managed_pages != 0; }

    // wmark_pages(): the watermarks that every check uses include the boost.
    std::uint64_t wmark_pages(WmarkIdx i) const { return watermark[i] + watermark_boost; }
    std::uint64_t min_wmark_pages() const { return wmark_pages(WMARK_MIN); }
    std::uint64_t low_wmark_pages() const { return wmark_pages(WMARK_LOW); }
    std::uint64_t high_wmark_pages() const { return wmark_pages(WMARK_HIGH); }
    std::uint64_t promo_wmark_pages() const { return wmark_pages(WMARK_PROMO); }
};

} // namespace rs
