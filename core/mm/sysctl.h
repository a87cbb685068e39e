#pragma once
// The vm.* sysctls the simulator models, with the kernel's defaults and ranges
// (kernel/sysctl.c, mm/page_alloc.c, mm/vmscan.c; Documentation/admin-guide/sysctl/vm.rst).
#include "config/sysctl_write.h"
#include "model/zone_type.h"
#include "util/result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

struct VmSysctl {
    // mm/page_alloc.c: static defaults before init_per_zone_wmark_min() runs.
    std::int64_t min_free_kbytes = 1024;
    std::int64_t user_min_free_kbytes = -1; // set by the first write of vm.min_free_kbytes
    std::int64_t watermark_boost_factor = 15000;
    std::int64_t watermark_scale_factor = 10;
    // sysctl_lowmem_reserve_ratio[]: DMA 256, DMA32 256, Normal 32, Movable 0, Device 0,
    // indexed by the machine's zone index.
    std::array<std::int64_t, kMaxZoneTypes> lowmem_reserve_ratio{256, 256, 32, 0, 0};
    int swappiness = 60;             // mm/vmscan.c vm_swappiness
    int vfs_cache_pressure = 100;    // fs/dcache.c
    int dirty_ratio = 20;            // mm/page-writeback.c vm_dirty_ratio
    int dirty_background_ratio = 10; // dirty_background_ratio
    int zone_reclaim_mode = 0;       // node_reclaim_mode
    int page_cluster = 3;            // mm/swap.c page_cluster
};

// Default lowmem_reserve_ratio for a zone type (the kernel's array is indexed by zone type).
std::int64_t default_lowmem_reserve_ratio(ZoneType t);

struct SysctlInfo {
    std::string_view name; // "vm.min_free_kbytes"
    std::int64_t min;
    std::int64_t max;
    bool is_list; // vm.lowmem_reserve_ratio: one value per zone
    std::string_view unit;
    std::string_view doc; // one line, our own words
    std::string_view kernel_handler;
};

const std::vector<SysctlInfo>& sysctl_table();
const SysctlInfo* find_sysctl(std::string_view name);


// Parses "vm.KEY=VALUE" (VALUE: an integer, or for lists integers separated by spaces or
// commas) and checks the kernel's range. Errors name the sysctl, the value and the range.
Result<SysctlWrite> parse_sysctl_assignment(std::string_view text, int nr_zone_types);
Result<SysctlWrite> make_sysctl_write(std::string_view name, std::string_view value,
                                      int nr_zone_types);


// The value a read of /proc/sys/vm/KEY shows now. Empty for an unknown name.
// vm.lowmem_reserve_ratio differs from the kernel's file: the kernel prints all MAX_NR_ZONES
// entries separated by tabs ("256\t256\t32\t0\t0", proc_dointvec_minmax over the array);
// this gives one value per zone type of the simulated machine, separated by spaces, which is
// what make_sysctl_write() accepts back.
std::string read_sysctl(const VmSysctl& s, std::string_view name, int nr_zone_types);

} // namespace rs
