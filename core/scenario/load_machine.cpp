// The "machine" section (RAM, explicit nodes or a zoneinfo clone; kernel release, THP) and
// the "cost" section.
#include "scenario/load_internal.h"

#include "config/kernel_version.h"
#include "config/ram_size.h"
#include "procfs/zoneinfo.h"

namespace rs::load {

namespace {

// One zone of an explicit node: a SIZE (present = managed) or {"present", "managed", "spanned",
// "start_pfn"} (a clone of a real machine keeps its spanned pages and where the zone starts).
void parse_zone_size(const json& v, const std::string& zp, ZoneSpec& z) {
    if (v.is_object()) {
        check_keys(v, zp, {"present", "managed", "spanned", "start_pfn"});
        if (!v.contains("present")) fail(zp, "a zone needs \"present\"");
        z.present = need_size(v["present"], zp + "/present", kPageSize) / kPageSize;
        z.managed = v.contains("managed") ? need_size(v["managed"], zp + "/managed", 0) / kPageSize : z.present;
        if (z.managed > z.present) fail(zp + "/managed", "more managed pages than present ones");
        z.spanned = v.contains("spanned") ? need_size(v["spanned"], zp + "/spanned", kPageSize) / kPageSize : z.present;
        if (z.spanned < z.present) fail(zp + "/spanned", "fewer spanned pages than present ones");
        if (v.contains("start_pfn"))
            z.start_pfn = static_cast<std::uint64_t>(need_int(v["start_pfn"], zp + "/start_pfn", 0, std::int64_t{1} << 52));
    } else {
        z.present = z.managed = z.spanned = need_size(v, zp, kPageSize) / kPageSize;
    }
}

// Explicit nodes and zones: each zone's memory, laid out one after the other from pfn 1 unless
// a zone says where it starts (not before the end of the node's zone below it).
MachineSpec explicit_nodes_machine(const json& nodes, const std::string& source, int cpus) {
    if (nodes.empty() || nodes.size() > 64) fail("/machine/nodes", "expected 1 to 64 nodes");
    MachineSpec spec;
    spec.zone_types = {ZoneType::DMA, ZoneType::DMA32, ZoneType::Normal, ZoneType::Movable, ZoneType::Device};
    spec.cpus = cpus;
    spec.origin = "explicit nodes in " + source;
    std::uint64_t next_pfn = 1;
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        const std::string np = "/machine/nodes/" + std::to_string(n);
        const json& node = need_object(nodes[n], np);
        check_keys(node, np, {"DMA", "DMA32", "Normal", "Movable"});
        NodeSpec ns;
        std::uint64_t node_end = 0; // where the node's last zone so far ends
        for (const ZoneType t : spec.zone_types) {
            ZoneSpec z;
            z.type = t;
            z.start_pfn = next_pfn;
            const std::string key(zone_name(t));
            if (node.contains(key)) {
                const std::string zp = np + "/" + key;
                parse_zone_size(node[key], zp, z);
                if (z.start_pfn < node_end)
                    fail(zp + "/start_pfn", "the zone starts at pfn " + std::to_string(z.start_pfn) +
                                                ", inside the zone below it (which ends at pfn " + std::to_string(node_end) + ")");
                next_pfn = node_end = z.start_pfn + z.spanned;
            }
            ns.zones.push_back(z);
        }
        spec.nodes.push_back(std::move(ns));
    }
    return spec;
}

// "ram" (and "nodes" as a count): a synthetic x86-64 machine.
MachineSpec ram_machine(const json& m, int cpus) {
    const std::uint64_t ram = need_size(m["ram"], "/machine/ram");
    if (auto bad = check_ram_size(ram)) fail("/machine/ram", *bad);
    const int nodes = m.contains("nodes") ? static_cast<int>(need_int(m["nodes"], "/machine/nodes", 1, 64)) : 1; // a count
    if (auto bad = check_ram_per_node(ram, nodes)) fail("/machine/nodes", *bad);
    return x86_64_machine(ram, nodes, cpus);
}

// "zoneinfo": the machine of a /proc/zoneinfo text.
MachineSpec zoneinfo_machine(const json& m, const Context& ctx, int cpus) {
    if (m.contains("nodes")) fail("/machine/nodes", "a machine cloned from zoneinfo has the nodes of that file");
    const std::string path = need_string(m["zoneinfo"], "/machine/zoneinfo");
    const std::string text = read_relative(ctx, path, "/machine/zoneinfo");
    auto zi = parse_zoneinfo(text, path);
    if (!zi) fail("/machine/zoneinfo", zi.error());
    auto spec = machine_from_zoneinfo(*zi, path);
    if (!spec) fail("/machine/zoneinfo", spec.error());
    MachineSpec out = std::move(spec).value();
    out.cpus = cpus;
    return out;
}

} // namespace

void parse_machine(const json& machine, const std::string& source, const Context& ctx, EngineConfig& c) {
    const json& m = need_object(machine, "/machine");
    check_keys(m, "/machine", {"ram", "zoneinfo", "nodes", "cpus", "kernel", "thp"});
    const int cpus = m.contains("cpus") ? static_cast<int>(need_int(m["cpus"], "/machine/cpus", 1, 1024)) : 2;
    const bool explicit_nodes = m.contains("nodes") && m["nodes"].is_array();
    if (static_cast<int>(m.contains("ram")) + static_cast<int>(m.contains("zoneinfo")) + static_cast<int>(explicit_nodes) != 1)
        fail("/machine", "give exactly one of \"ram\", \"zoneinfo\" and a \"nodes\" array");
    if (explicit_nodes) c.machine = explicit_nodes_machine(m["nodes"], source, cpus);
    else if (m.contains("ram")) c.machine = ram_machine(m, cpus);
    else c.machine = zoneinfo_machine(m, ctx, cpus);
    if (m.contains("kernel")) {
        const auto version = parse_kernel_release(need_string(m["kernel"], "/machine/kernel"));
        if (!version) fail("/machine/kernel", "expected a kernel release like \"6.16\" or \"5.15\", got " + show(m["kernel"]));
        c.machine.kernel_version = *version;
    }
    c.thp = ThpMode::Madvise;
    if (m.contains("thp")) {
        const auto mode = thp_mode_from_name(need_string(m["thp"], "/machine/thp"));
        if (!mode) fail("/machine/thp", "expected \"always\", \"madvise\" or \"never\", got " + show(m["thp"]));
        c.thp = *mode;
    }
    if (auto bad = validate_machine(c.machine)) fail("/machine", *bad);
}

void parse_cost(const json& cost, CostModel& out) {
    const json& o = need_object(cost, "/cost");
    check_keys(o, "/cost", {"page_alloc_ns", "page_touch_ns", "scan_page_ns", "free_page_ns", "kswapd_wakeup_ns",
                            "alloc_retry_ns", "disk_read_ns_per_page", "disk_write_ns_per_page"});
    auto get = [&](const char* key, std::int64_t& field) {
        if (o.contains(key)) field = need_int(o[key], std::string("/cost/") + key, 0, 1'000'000'000'000);
    };
    get("page_alloc_ns", out.page_alloc_ns);
    get("page_touch_ns", out.page_touch_ns);
    get("scan_page_ns", out.scan_page_ns);
    get("free_page_ns", out.free_page_ns);
    get("kswapd_wakeup_ns", out.kswapd_wakeup_ns);
    get("alloc_retry_ns", out.alloc_retry_ns);
    get("disk_read_ns_per_page", out.disk_read_ns_per_page);
    get("disk_write_ns_per_page", out.disk_write_ns_per_page);
    if (out.alloc_retry_ns == 0) fail("/cost/alloc_retry_ns", "must be positive (a failed allocation waits this long)");
}

} // namespace rs::load
