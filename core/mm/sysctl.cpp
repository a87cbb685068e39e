#include "mm/sysctl.h"

#include "mm/watermarks.h"
#include "util/translate_noop.h"
#include "util/units.h"

#include <algorithm>
#include <climits>

namespace rs {

std::int64_t default_lowmem_reserve_ratio(ZoneType t) {
    switch (t) {
    case ZoneType::DMA: return 256;
    case ZoneType::DMA32: return 256;
    case ZoneType::Normal: return 32;
    case ZoneType::Movable: return 0;
    case ZoneType::Device: return 0;
    }
    return 0;
}

namespace {

// proc_dointvec_minmax() / proc_doulongvec_minmax(): the range is checked already
// (make_sysctl_write), so this only stores.
void proc_dointvec_minmax(const ctl_table& t, Machine&, VmSysctl& s, const std::vector<std::int64_t>& v) {
    std::visit(
        [&](auto field) {
            using F = std::remove_reference_t<decltype(s.*field)>;
            if constexpr (std::is_same_v<F, per_zone_values>) {
                for (std::size_t i = 0; i < v.size() && i < (s.*field).size(); ++i) (s.*field)[i] = v[i];
            } else {
                s.*field = static_cast<F>(v.at(0));
            }
        },
        t.data);
}

// mm/page_alloc.c: a written min_free_kbytes is the user's and survives the recomputation
// on memory hotplug (user_min_free_kbytes); the watermarks follow at once.
void min_free_kbytes_sysctl_handler(const ctl_table& t, Machine& m, VmSysctl& s, const std::vector<std::int64_t>& v) {
    proc_dointvec_minmax(t, m, s, v);
    s.user_min_free_kbytes = s.min_free_kbytes;
    setup_per_zone_wmarks(m, s);
}

// mm/page_alloc.c: the gap between the watermarks changes, so they are recomputed.
void watermark_scale_factor_sysctl_handler(const ctl_table& t, Machine& m, VmSysctl& s,
                                           const std::vector<std::int64_t>& v) {
    proc_dointvec_minmax(t, m, s, v);
    setup_per_zone_wmarks(m, s);
}

// mm/page_alloc.c: values below 1 switch the protection off (stored as 0), then
// setup_per_zone_lowmem_reserve().
void lowmem_reserve_ratio_sysctl_handler(const ctl_table&, Machine& m, VmSysctl& s,
                                         const std::vector<std::int64_t>& v) {
    for (std::size_t i = 0; i < v.size() && i < s.lowmem_reserve_ratio.size(); ++i)
        s.lowmem_reserve_ratio[i] = v[i] < 1 ? 0 : v[i];
    setup_per_zone_lowmem_reserve(m, s);
}

// mm/page-writeback.c: the kernel's handlers also clear vm_dirty_bytes / dirty_background_bytes
// and update the ratelimit; the simulator models neither, so they store only.
void dirty_ratio_handler(const ctl_table& t, Machine& m, VmSysctl& s, const std::vector<std::int64_t>& v) {
    proc_dointvec_minmax(t, m, s, v);
}
void dirty_background_ratio_handler(const ctl_table& t, Machine& m, VmSysctl& s, const std::vector<std::int64_t>& v) {
    proc_dointvec_minmax(t, m, s, v);
}

// The handler and the name the tuning panel shows, kept together.
#define RS_HANDLER(fn) fn, #fn

// The rows: procname, data, extra1, extra2, handler, boot default (the kernel variable's
// initializer), default note, unit, doc, useful slider top.
const ctl_table vm_table[] = {
    {"vm.min_free_kbytes", &VmSysctl::min_free_kbytes, 0, INT_MAX, RS_HANDLER(min_free_kbytes_sysctl_handler),
     1024, RS_TRANSLATE_NOOP("Sysctl", "computed at boot from RAM (init_per_zone_wmark_min)"), RS_TRANSLATE_NOOP("Sysctl", "kB"),
     RS_TRANSLATE_NOOP("Sysctl", "Free memory the kernel keeps in reserve; split over the zones as their min watermarks."),
     1 << 20}, // the panel widens it to all of RAM once a frame arrives
    {"vm.watermark_scale_factor", &VmSysctl::watermark_scale_factor, 1, 3000,
     RS_HANDLER(watermark_scale_factor_sysctl_handler), 10, {}, RS_TRANSLATE_NOOP("Sysctl", "1/10000 of a zone"),
     RS_TRANSLATE_NOOP("Sysctl", "Distance between the min, low and high watermarks, as a fraction of the zone's size."), 0},
    {"vm.watermark_boost_factor", &VmSysctl::watermark_boost_factor, 0, INT_MAX, RS_HANDLER(proc_dointvec_minmax),
     15000, {}, RS_TRANSLATE_NOOP("Sysctl", "1/10000 of high"),
     RS_TRANSLATE_NOOP("Sysctl", "How far a fragmentation event may boost the watermarks, relative to the high mark."), 30000},
    {"vm.swappiness", &VmSysctl::swappiness, 0, 200, RS_HANDLER(proc_dointvec_minmax), 60, {}, "0..200",
     RS_TRANSLATE_NOOP("Sysctl", "Relative cost of swapping anonymous pages against dropping page cache: 100 weighs "
     "them equally, 0 avoids swapping until the page cache is nearly gone."),
     0},
    {"vm.vfs_cache_pressure", &VmSysctl::vfs_cache_pressure, 0, INT_MAX, RS_HANDLER(proc_dointvec_minmax), 100, {},
     RS_TRANSLATE_NOOP("Sysctl", "% of the dentry/inode cache"), RS_TRANSLATE_NOOP("Sysctl", "How hard reclaim shrinks the dentry and inode caches relative to page cache."),
     1000},
    {"vm.dirty_ratio", &VmSysctl::dirty_ratio, 0, 100, RS_HANDLER(dirty_ratio_handler), 20, {},
     RS_TRANSLATE_NOOP("Sysctl", "% of dirtyable memory"), RS_TRANSLATE_NOOP("Sysctl", "Dirty page cache above which writers are throttled and write back themselves."), 0},
    {"vm.dirty_background_ratio", &VmSysctl::dirty_background_ratio, 0, 100,
     RS_HANDLER(dirty_background_ratio_handler), 10, {}, RS_TRANSLATE_NOOP("Sysctl", "% of dirtyable memory"),
     RS_TRANSLATE_NOOP("Sysctl", "Dirty page cache above which the flusher starts background writeback."), 0},
    {"vm.zone_reclaim_mode", &VmSysctl::zone_reclaim_mode, 0, INT_MAX, RS_HANDLER(proc_dointvec_minmax), 0, {},
     RS_TRANSLATE_NOOP("Sysctl", "bits 1, 2, 4"),
     RS_TRANSLATE_NOOP("Sysctl", "Reclaim on the local node before allocating from another (1), also writing dirty "
     "pages (2), also unmapping (4)."),
     7}, // only bits 1, 2 and 4 mean something
    // mm/swap.c: page_cluster is 0 until swap_setup() sets it to 3 at boot.
    {"vm.page-cluster", &VmSysctl::page_cluster, 0, 31, RS_HANDLER(proc_dointvec_minmax), 3, {}, RS_TRANSLATE_NOOP("Sysctl", "log2 pages"),
     RS_TRANSLATE_NOOP("Sysctl", "Swap readahead: a fault reads up to 2^page-cluster neighbouring slots."), 0},
    // No extra1/extra2 in the kernel: any int, and the handler maps values below 1 to 0.
    {"vm.lowmem_reserve_ratio", &VmSysctl::lowmem_reserve_ratio, INT_MIN, INT_MAX,
     RS_HANDLER(lowmem_reserve_ratio_sysctl_handler), 0, RS_TRANSLATE_NOOP("Sysctl", "256 256 32 0 0 (DMA DMA32 Normal Movable Device)"),
     RS_TRANSLATE_NOOP("Sysctl", "ratio per zone"),
     RS_TRANSLATE_NOOP("Sysctl", "Per-zone divisor of the protection that keeps lower zones for allocations that need "
     "them; values below 1 switch the protection off."),
     0},
};

#undef RS_HANDLER

std::string known_names() {
    std::string out;
    for (const auto& t : vm_table) {
        if (!out.empty()) out += ", ";
        out += t.procname;
    }
    return out;
}

} // namespace

std::span<const ctl_table> sysctl_table() { return vm_table; }

const ctl_table* find_sysctl(std::string_view procname) {
    for (const auto& t : vm_table)
        if (t.procname == procname) return &t;
    return nullptr;
}

Result<SysctlWrite> make_sysctl_write(std::string_view name, std::string_view value,
                                      int nr_zone_types) {
    std::string full(name);
    // Accept the /proc/sys spelling too: vm/min_free_kbytes.
    for (auto& c : full)
        if (c == '/') c = '.';
    if (full.rfind("vm.", 0) != 0) full = "vm." + full;
    const ctl_table* t = find_sysctl(full);
    if (!t)
        return Result<SysctlWrite>::failure("unknown sysctl '" + std::string(name) +
                                            "' (known: " + known_names() + ")");
    SysctlWrite w{full, {}};
    std::string token;
    auto flush = [&]() -> std::optional<std::string> {
        if (token.empty()) return std::nullopt;
        auto v = parse_int(token);
        token.clear();
        if (!v) return full + ": " + v.error();
        if (*v < t->extra1 || *v > t->extra2)
            return full + ": value " + std::to_string(*v) + " is out of range (the kernel accepts " +
                   std::to_string(t->extra1) + ".." + std::to_string(t->extra2) + ")";
        w.values.push_back(*v);
        return std::nullopt;
    };
    for (char c : value) {
        if (c == ' ' || c == ',' || c == '\t') {
            if (auto e = flush()) return Result<SysctlWrite>::failure(*e);
        } else {
            token += c;
        }
    }
    if (auto e = flush()) return Result<SysctlWrite>::failure(*e);
    if (w.values.empty()) return Result<SysctlWrite>::failure(full + ": no value given");
    if (!t->is_list() && w.values.size() != 1)
        return Result<SysctlWrite>::failure(full + " takes one value, got " +
                                            std::to_string(w.values.size()));
    if (t->is_list() && static_cast<int>(w.values.size()) > nr_zone_types)
        return Result<SysctlWrite>::failure(full + " takes at most one value per zone (" +
                                            std::to_string(nr_zone_types) + "), got " +
                                            std::to_string(w.values.size()));
    return w;
}

Result<SysctlWrite> parse_sysctl_assignment(std::string_view text, int nr_zone_types) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        return Result<SysctlWrite>::failure("'" + std::string(text) +
                                            "' is not of the form vm.KEY=VALUE");
    return make_sysctl_write(text.substr(0, eq), text.substr(eq + 1), nr_zone_types);
}


void apply_sysctl_write(Machine& m, VmSysctl& s, const SysctlWrite& w) {
    // An unknown name cannot come from make_sysctl_write(); it is ignored, as before the table.
    if (const ctl_table* t = find_sysctl(w.name)) t->proc_handler(*t, m, s, w.values);
}

std::string read_sysctl(const VmSysctl& s, std::string_view name, int nr_zone_types) {
    const ctl_table* t = find_sysctl(name);
    if (!t) return {};
    return std::visit(
        [&](auto field) -> std::string {
            const auto& value = s.*field;
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, per_zone_values>) {
                std::string out;
                const int n = std::clamp(nr_zone_types, 1, kMaxZoneTypes);
                for (int i = 0; i < n; ++i) {
                    if (!out.empty()) out += ' ';
                    out += std::to_string(value[static_cast<std::size_t>(i)]);
                }
                return out;
            } else {
                return std::to_string(value);
            }
        },
        t->data);
}

} // namespace rs
