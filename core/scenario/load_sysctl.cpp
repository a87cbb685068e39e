// The "sysctl" section and a timeline action's "set": vm.* names and values, checked by the
// sysctl table (mm/sysctl.h) exactly as --set and the tuning panel check them.
#include "scenario/load_internal.h"

#include "mm/sysctl.h"

namespace rs::load {

namespace {
// "vm.lowmem_reserve_ratio": the entries that take an array, from the table.
std::string list_sysctl_names() {
    std::string out;
    for (const auto& t : sysctl_table())
        if (t.is_list()) out += (out.empty() ? "" : ", ") + std::string(t.procname);
    return out;
}
} // namespace

std::vector<SysctlWrite> parse_sysctls(const json& obj, const std::string& ptr, int nr_zone_types) {
    need_object(obj, ptr);
    std::vector<SysctlWrite> out;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string p = ptr + "/" + it.key();
        std::string value;
        if (it->is_array()) {
            for (std::size_t i = 0; i < it->size(); ++i) {
                if (!(*it)[i].is_number_integer()) fail(p + "/" + std::to_string(i), "expected an integer, got " + show((*it)[i]));
                value += (value.empty() ? "" : " ") + std::to_string((*it)[i].get<std::int64_t>());
            }
        } else if (it->is_number_integer()) {
            value = std::to_string(it->get<std::int64_t>());
        } else {
            fail(p, "expected an integer (or an array of integers for " + list_sysctl_names() + "), got " + show(*it));
        }
        auto w = make_sysctl_write(it.key(), value, nr_zone_types);
        if (!w) fail(p, w.error());
        out.push_back(std::move(w).value());
    }
    return out;
}

} // namespace rs::load
