// The "swap" section and a timeline action's "swapon": one swap area each. Unnamed areas are
// named by SwapNamer, the rule the command line and the window follow too.
#include "scenario/load_internal.h"

#include "config/swap_names.h"

#include <set>

namespace rs::load {

SwapDeviceSpec parse_swap(const json& v, const std::string& ptr, SwapNamer& names) {
    need_object(v, ptr);
    check_keys(v, ptr, {"name", "size", "kind", "prio", "zram_ratio"});
    SwapDeviceSpec d;
    if (!v.contains("size")) fail(ptr, "a swap area needs a \"size\"");
    d.size_bytes = need_size(v["size"], ptr + "/size", 8192);
    d.kind = SwapKind::SSD;
    if (v.contains("kind")) {
        const auto kind = swap_kind_from_key(need_string(v["kind"], ptr + "/kind"));
        if (!kind) fail(ptr + "/kind", "expected \"hdd\", \"ssd\" or \"zram\", got " + show(v["kind"]));
        d.kind = *kind;
    }
    if (v.contains("prio")) d.prio = static_cast<int>(need_int(v["prio"], ptr + "/prio", 0, 32767));
    if (v.contains("zram_ratio")) {
        if (d.kind != SwapKind::Zram) fail(ptr + "/zram_ratio", "only a zram area has a compression ratio");
        d.zram_ratio = need_number(v["zram_ratio"], ptr + "/zram_ratio", 1.0, 100.0);
    }
    if (v.contains("name")) {
        d.name = need_string(v["name"], ptr + "/name");
        if (d.name.empty()) fail(ptr + "/name", "the name is empty");
    } else {
        d.name = names.next(d.kind);
    }
    return d;
}

void parse_swap_areas(const json& a, SwapNamer& names, EngineConfig& c) {
    need_array(a, "/swap");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string p = "/swap/" + std::to_string(i);
        c.swap_devices.push_back(parse_swap(a[i], p, names));
        if (!seen.insert(c.swap_devices.back().name).second)
            fail(p + "/name", "two swap areas are called " + c.swap_devices.back().name);
    }
}

} // namespace rs::load
