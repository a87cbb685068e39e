#pragma once
// The vm.* sysctls the simulator models, as one table like the kernel's vm_table[]
// (kernel/sysctl.c, mm/page_alloc.c, mm/vmscan.c; Documentation/admin-guide/sysctl/vm.rst).
// The table drives reading, checking and writing; the command line's --set, the scenario
// loader and the tuning panel list what it lists. Adding a sysctl is a VmSysctl field and a row.
#include "config/sysctl_write.h"
#include "model/zone_type.h"
#include "util/result.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace rs {

struct Machine;

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

struct ctl_table;

// The kernel's .data: where the value lives (one int, one long, or an int array of .maxlen).
using per_zone_values = std::array<std::int64_t, kMaxZoneTypes>;
using ctl_data = std::variant<int VmSysctl::*, std::int64_t VmSysctl::*, per_zone_values VmSysctl::*>;

// The kernel's .proc_handler, for a write already parsed and range-checked: stores the values
// into the entry's data and does what the kernel's handler does after (recompute watermarks...).
using proc_handler_fn = void (*)(const ctl_table& table, Machine& m, VmSysctl& s,
                                 const std::vector<std::int64_t>& values);

struct ctl_table {
    std::string_view procname; // with the "vm." prefix: "vm.min_free_kbytes"
    ctl_data data;
    std::int64_t extra1; // the kernel's minimum (INT_MIN where the entry has no extra1)
    std::int64_t extra2; // the kernel's maximum (INT_MAX where the entry has no extra2)
    proc_handler_fn proc_handler;
    std::string_view proc_handler_name; // shown to the user: "min_free_kbytes_sysctl_handler"
    // The value the kernel's variable starts with (its static initializer). A list entry starts
    // with default_lowmem_reserve_ratio() of each zone type instead.
    std::int64_t boot_default;
    // Set where the value a reader sees after boot is not boot_default ("computed at boot ...").
    std::string_view default_note;
    std::string_view unit;
    std::string_view doc;       // one line, our own words
    std::int64_t useful_max;    // top of the range worth a slider (0: extra2)

    // One value per zone (vm.lowmem_reserve_ratio).
    bool is_list() const { return std::holds_alternative<per_zone_values VmSysctl::*>(data); }
};

// The vm_table[] of the simulated kernel, in the order the tuning panel shows it.
std::span<const ctl_table> sysctl_table();
const ctl_table* find_sysctl(std::string_view procname);


// Parses "vm.KEY=VALUE" (VALUE: an integer, or for lists integers separated by spaces or
// commas) and checks the kernel's range. Errors name the sysctl, the value and the range.
Result<SysctlWrite> parse_sysctl_assignment(std::string_view text, int nr_zone_types);
Result<SysctlWrite> make_sysctl_write(std::string_view name, std::string_view value,
                                      int nr_zone_types);


// A checked write (from make_sysctl_write), through the entry's proc_handler.
void apply_sysctl_write(Machine& m, VmSysctl& s, const SysctlWrite& w);

// The value a read of /proc/sys/vm/KEY shows now. Empty for an unknown name.
// vm.lowmem_reserve_ratio differs from the kernel's file: the kernel prints all MAX_NR_ZONES
// entries separated by tabs ("256\t256\t32\t0\t0", proc_dointvec_minmax over the array);
// this gives one value per zone type of the simulated machine, separated by spaces, which is
// what make_sysctl_write() accepts back.
std::string read_sysctl(const VmSysctl& s, std::string_view name, int nr_zone_types);

} // namespace rs
