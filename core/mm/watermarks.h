#pragma once
// Watermarks, reserves and the watermark check, as mm/page_alloc.c and mm/khugepaged.c
// compute them. Every function is named after its kernel counterpart.
#include "mm/sysctl.h"
#include "mm/mmzone.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rs {

inline constexpr std::uint64_t pageblock_nr_pages = 512; // x86-64: pageblock_order 9
inline constexpr int MIGRATE_PCPTYPES = 3;

// lib/math/int_sqrt.c: floor of the square root.
std::uint64_t int_sqrt(std::uint64_t x);

// nr_free_buffer_pages(): Σ max(0, managed - high_wmark) over the zones up to ZONE_NORMAL.
std::uint64_t nr_free_buffer_pages(const Machine& m);

// calculate_min_free_kbytes(): 4·sqrt(lowmem kB), clamped to [128, 262144], unless the user
// wrote a larger value.
void calculate_min_free_kbytes(const Machine& m, VmSysctl& s);

// __setup_per_zone_wmarks() + calculate_totalreserve_pages().
void setup_per_zone_wmarks(Machine& m, const VmSysctl& s);

// setup_per_zone_lowmem_reserve() + calculate_totalreserve_pages().
void setup_per_zone_lowmem_reserve(Machine& m, const VmSysctl& s);

void calculate_totalreserve_pages(Machine& m);

// init_per_zone_wmark_min(): the boot-time computation.
void init_per_zone_wmark_min(Machine& m, VmSysctl& s);

// hugepage_init(): THP is switched off on machines with less than 512 MiB of RAM.
ThpMode hugepage_init(const Machine& m, ThpMode configured);

// set_recommended_min_free_kbytes() (mm/khugepaged.c): runs when khugepaged starts, i.e. THP
// is "always" or "madvise". Returns the recommended value in kB (0 when THP is off).
std::int64_t set_recommended_min_free_kbytes(Machine& m, VmSysctl& s, ThpMode thp);

// A booted machine: make_machine(), init_per_zone_wmark_min(), hugepage_init() with khugepaged's
// recommendation, then the pages freed late in boot (free_initmem), which raise managed without
// recomputing the watermarks.
struct BootedMachine {
    Machine machine;
    VmSysctl sysctl;
    ThpMode thp = ThpMode::Never;
    std::vector<std::string> log; // the kernel messages the boot printed (pr_info/pr_warn)
};
BootedMachine boot_machine(const MachineSpec& spec, ThpMode configured_thp);

// __zone_watermark_ok() (order 0 and higher orders judged on free pages only).
bool zone_watermark_ok(const Zone& z, int order, std::uint64_t mark, int highest_zoneidx,
                       unsigned alloc_flags, std::int64_t free_pages);

// boost_watermark(): a fallback steal of a pageblock raises the zone's boost.
bool boost_watermark(Zone& z, const VmSysctl& s);

} // namespace rs
