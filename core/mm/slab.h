#pragma once
// The reclaimable slab: a dentry cache per node, its objects packed into slab pages.
#include "mm/page_frames.h"

#include <cstdint>
#include <vector>

namespace rs {

// A reclaimable slab cache (dentries and inodes) per node: objects packed into slab pages.
struct SlabCache {
    std::vector<frame_t> pages;
    std::uint64_t objects = 0;
    std::uint64_t nr_deferred = 0; // shrinker->nr_deferred
};
inline constexpr std::uint64_t kSlabObjectsPerPage = 21; // 192-byte dentries in a 4 KiB page
inline constexpr std::uint32_t kSlabSpace = 0xfffffff0u;  // owner of slab pages

} // namespace rs
