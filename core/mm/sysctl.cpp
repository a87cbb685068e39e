#include "mm/sysctl.h"

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

const std::vector<SysctlInfo>& sysctl_table() {
    static const std::vector<SysctlInfo> table = {
        {"vm.min_free_kbytes", 0, INT_MAX, false, "kB",
         "Free memory the kernel keeps in reserve; split over the zones as their min watermarks.",
         "min_free_kbytes_sysctl_handler"},
        {"vm.watermark_scale_factor", 1, 3000, false, "1/10000 of a zone",
         "Distance between the min, low and high watermarks, as a fraction of the zone's size.",
         "watermark_scale_factor_sysctl_handler"},
        {"vm.watermark_boost_factor", 0, INT_MAX, false, "1/10000 of high",
         "How far a fragmentation event may boost the watermarks, relative to the high mark.",
         "proc_dointvec_minmax"},
        {"vm.swappiness", 0, 200, false, "0..200",
         "Relative cost of swapping anonymous pages against dropping page cache: 100 weighs "
         "them equally, 0 avoids swapping until the page cache is nearly gone.",
         "proc_dointvec_minmax"},
        {"vm.vfs_cache_pressure", 0, INT_MAX, false, "% of the dentry/inode cache",
         "How hard reclaim shrinks the dentry and inode caches relative to page cache.",
         "proc_dointvec_minmax"},
        {"vm.dirty_ratio", 0, 100, false, "% of dirtyable memory",
         "Dirty page cache above which writers are throttled and write back themselves.",
         "dirty_ratio_handler"},
        {"vm.dirty_background_ratio", 0, 100, false, "% of dirtyable memory",
         "Dirty page cache above which the flusher starts background writeback.",
         "dirty_background_ratio_handler"},
        {"vm.zone_reclaim_mode", 0, INT_MAX, false, "bits 1, 2, 4",
         "Reclaim on the local node before allocating from another (1), also writing dirty "
         "pages (2), also unmapping (4).",
         "proc_dointvec_minmax"},
        {"vm.page-cluster", 0, 31, false, "log2 pages",
         "Swap readahead: a fault reads up to 2^page-cluster neighbouring slots.",
         "proc_dointvec_minmax"},
        {"vm.lowmem_reserve_ratio", INT_MIN, INT_MAX, true, "ratio per zone",
         "Per-zone divisor of the protection that keeps lower zones for allocations that need "
         "them; values below 1 switch the protection off.",
         "lowmem_reserve_ratio_sysctl_handler"},
    };
    return table;
}

const SysctlInfo* find_sysctl(std::string_view name) {
    for (const auto& s : sysctl_table())
        if (s.name == name) return &s;
    return nullptr;
}

namespace {
std::string known_names() {
    std::string out;
    for (const auto& s : sysctl_table()) {
        if (!out.empty()) out += ", ";
        out += s.name;
    }
    return out;
}
} // namespace

Result<SysctlWrite> make_sysctl_write(std::string_view name, std::string_view value,
                                      int nr_zone_types) {
    std::string full(name);
    // Accept the /proc/sys spelling too: vm/min_free_kbytes.
    for (auto& c : full)
        if (c == '/') c = '.';
    if (full.rfind("vm.", 0) != 0) full = "vm." + full;
    const SysctlInfo* info = find_sysctl(full);
    if (!info)
        return Result<SysctlWrite>::failure("unknown sysctl '" + std::string(name) +
                                            "' (known: " + known_names() + ")");
    SysctlWrite w{full, {}};
    std::string token;
    auto flush = [&]() -> std::optional<std::string> {
        if (token.empty()) return std::nullopt;
        auto v = parse_int(token);
        token.clear();
        if (!v) return full + ": " + v.error();
        if (*v < info->min || *v > info->max)
            return full + ": value " + std::to_string(*v) + " is out of range (the kernel accepts " +
                   std::to_string(info->min) + ".." + std::to_string(info->max) + ")";
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
    if (!info->is_list && w.values.size() != 1)
        return Result<SysctlWrite>::failure(full + " takes one value, got " +
                                            std::to_string(w.values.size()));
    if (info->is_list && static_cast<int>(w.values.size()) > nr_zone_types)
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


std::string read_sysctl(const VmSysctl& s, std::string_view name, int nr_zone_types) {
    auto one = [](std::int64_t v) { return std::to_string(v); };
    if (name == "vm.min_free_kbytes") return one(s.min_free_kbytes);
    if (name == "vm.watermark_scale_factor") return one(s.watermark_scale_factor);
    if (name == "vm.watermark_boost_factor") return one(s.watermark_boost_factor);
    if (name == "vm.swappiness") return one(s.swappiness);
    if (name == "vm.vfs_cache_pressure") return one(s.vfs_cache_pressure);
    if (name == "vm.dirty_ratio") return one(s.dirty_ratio);
    if (name == "vm.dirty_background_ratio") return one(s.dirty_background_ratio);
    if (name == "vm.zone_reclaim_mode") return one(s.zone_reclaim_mode);
    if (name == "vm.page-cluster") return one(s.page_cluster);
    if (name == "vm.lowmem_reserve_ratio") {
        std::string out;
        const int n = std::clamp(nr_zone_types, 1, kMaxZoneTypes);
        for (int i = 0; i < n; ++i) {
            if (!out.empty()) out += ' ';
            out += std::to_string(s.lowmem_reserve_ratio[static_cast<std::size_t>(i)]);
        }
        return out;
    }
    return {};
}

} // namespace rs
