#pragma once
// GFP bits (include/linux/gfp_types.h) and the allocator's internal ALLOC_* flags (mm/internal.h).
#include "model/zone_type.h"

#include <cstdint>
#include <string_view>

namespace rs {

struct Machine;

using gfp_t = std::uint32_t;

inline constexpr gfp_t __GFP_DMA = 0x01;
inline constexpr gfp_t __GFP_HIGHMEM = 0x02;
inline constexpr gfp_t __GFP_DMA32 = 0x04;
inline constexpr gfp_t __GFP_MOVABLE = 0x08;
inline constexpr gfp_t __GFP_RECLAIMABLE = 0x10;
inline constexpr gfp_t __GFP_HIGH = 0x20;
inline constexpr gfp_t __GFP_IO = 0x40;
inline constexpr gfp_t __GFP_FS = 0x80;
inline constexpr gfp_t __GFP_DIRECT_RECLAIM = 0x400;
inline constexpr gfp_t __GFP_KSWAPD_RECLAIM = 0x800;
inline constexpr gfp_t __GFP_WRITE = 0x1000;
inline constexpr gfp_t __GFP_NOWARN = 0x2000;
inline constexpr gfp_t __GFP_RETRY_MAYFAIL = 0x4000;
inline constexpr gfp_t __GFP_NOFAIL = 0x8000;
inline constexpr gfp_t __GFP_NORETRY = 0x10000;
inline constexpr gfp_t __GFP_MEMALLOC = 0x20000;
inline constexpr gfp_t __GFP_NOMEMALLOC = 0x80000;
inline constexpr gfp_t __GFP_HARDWALL = 0x100000;
inline constexpr gfp_t __GFP_THISNODE = 0x200000;

inline constexpr gfp_t __GFP_RECLAIM = __GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM;
inline constexpr gfp_t GFP_ATOMIC = __GFP_HIGH | __GFP_KSWAPD_RECLAIM;
inline constexpr gfp_t GFP_KERNEL = __GFP_RECLAIM | __GFP_IO | __GFP_FS;
inline constexpr gfp_t GFP_NOWAIT = __GFP_KSWAPD_RECLAIM | __GFP_NOWARN;
inline constexpr gfp_t GFP_NOIO = __GFP_RECLAIM;
inline constexpr gfp_t GFP_NOFS = __GFP_RECLAIM | __GFP_IO;
inline constexpr gfp_t GFP_USER = __GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL;
inline constexpr gfp_t GFP_HIGHUSER = GFP_USER | __GFP_HIGHMEM;
inline constexpr gfp_t GFP_HIGHUSER_MOVABLE = GFP_HIGHUSER | __GFP_MOVABLE;

// ALLOC_* (mm/internal.h, v6.3+ names).
// The low bits index zone->_watermark[] (enum zone_watermarks in mmzone.h; checked in gfp.cpp).
inline constexpr unsigned ALLOC_WMARK_MIN = 0;
inline constexpr unsigned ALLOC_WMARK_LOW = 1;
inline constexpr unsigned ALLOC_WMARK_HIGH = 2;
inline constexpr unsigned ALLOC_WMARK_MASK = 0x03;
inline constexpr unsigned ALLOC_NO_WATERMARKS = 0x04;
inline constexpr unsigned ALLOC_OOM = 0x08;
inline constexpr unsigned ALLOC_NON_BLOCK = 0x10;
inline constexpr unsigned ALLOC_MIN_RESERVE = 0x20;
inline constexpr unsigned ALLOC_CPUSET = 0x40;
inline constexpr unsigned ALLOC_CMA = 0x80;
inline constexpr unsigned ALLOC_NOFRAGMENT = 0x100;
inline constexpr unsigned ALLOC_HIGHATOMIC = 0x200;
inline constexpr unsigned ALLOC_KSWAPD = 0x800;
inline constexpr unsigned ALLOC_RESERVES =
    ALLOC_NON_BLOCK | ALLOC_MIN_RESERVE | ALLOC_HIGHATOMIC | ALLOC_OOM;

// gfp_zone(): the highest zone type an allocation may use, mapped to the machine's zone index
// (a machine without ZONE_MOVABLE maps MOVABLE|HIGHMEM to its highest zone below it).
int gfp_zone(gfp_t gfp, const Machine& m);

// gfp_to_alloc_flags() (mm/page_alloc.c): the slow path's flags, watermark MIN.
unsigned gfp_to_alloc_flags(gfp_t gfp, int order);

std::string_view gfp_name(gfp_t gfp);

} // namespace rs
