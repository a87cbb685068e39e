#include "procfs/zoneinfo.h"

#include "util/units.h"

#include <cstdio>
#include <sstream>

namespace rs {

namespace {

void line_kv(std::string& out, const char* indent, std::string_view name, std::int64_t v) {
    // "%-12s %lu": the name left-justified in 12 columns, a space, the value.
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s%-12.*s %lld\n", indent, static_cast<int>(name.size()),
                  name.data(), static_cast<long long>(v));
    out += buf;
}

} // namespace

std::string format_zoneinfo(const Machine& m) {
    std::string out;
    char buf[256];
    for (const auto& node : m.nodes) {
        const Zone* first = node.first_populated_zone();
        for (const auto& z : node.zones) {
            const std::string name(zone_name(z.type));
            std::snprintf(buf, sizeof buf, "Node %d, zone %8s\n", node.node_id, name.c_str());
            out += buf;
            if (&z == first) {
                out += "  per-node stats\n";
                for (int l = 0; l < NR_LRU_LISTS; ++l)
                    line_kv(out, "      ", lru_node_stat_name(static_cast<LruList>(l)),
                            node.nr_lru[static_cast<std::size_t>(l)]);
                for (int s = 0; s < NR_NODE_STATS; ++s)
                    if (s != NR_KERNEL_PAGES && s != NR_SWAPCACHE_UNMAPPED)
                        line_kv(out, "      ", node_stat_name(static_cast<NodeStat>(s)), node.stat[static_cast<std::size_t>(s)]);
            }
            // The promo watermark (NUMA memory tiering) is printed by 6.x kernels.
            const std::string promo =
                m.kernel_version >= 600
                    ? "        promo    " + std::to_string(z.promo_wmark_pages()) + "\n"
                    : std::string();
            std::snprintf(buf, sizeof buf,
                          "  pages free     %lld\n"
                          "        boost    %llu\n"
                          "        min      %llu\n"
                          "        low      %llu\n"
                          "        high     %llu\n"
                          "%s"
                          "        spanned  %llu\n"
                          "        present  %llu\n"
                          "        managed  %llu\n"
                          "        cma      0\n",
                          static_cast<long long>(z.nr_free_pages),
                          static_cast<unsigned long long>(z.watermark_boost),
                          static_cast<unsigned long long>(z.min_wmark_pages()),
                          static_cast<unsigned long long>(z.low_wmark_pages()),
                          static_cast<unsigned long long>(z.high_wmark_pages()),
                          promo.c_str(),
                          static_cast<unsigned long long>(z.spanned_pages),
                          static_cast<unsigned long long>(z.present_pages),
                          static_cast<unsigned long long>(z.managed_pages));
            out += buf;
            out += "        protection: (";
            for (int i = 0; i < m.nr_zone_types(); ++i) {
                if (i) out += ", ";
                out += std::to_string(z.lowmem_reserve[static_cast<std::size_t>(i)]);
            }
            out += ")\n";
            if (!z.populated()) continue;
            line_kv(out, "      ", "nr_free_pages", z.nr_free_pages);
            for (int l = 0; l < NR_LRU_LISTS; ++l)
                line_kv(out, "      ", lru_zone_stat_name(static_cast<LruList>(l)),
                        z.nr_zone_lru[static_cast<std::size_t>(l)]);
            std::snprintf(buf, sizeof buf, "  node_unreclaimable:  %u\n  start_pfn:           %llu\n",
                          node.kswapd_failures >= 16 ? 1u : 0u,
                          static_cast<unsigned long long>(z.zone_start_pfn));
            out += buf;
        }
    }
    return out;
}

Result<MachineSpec> machine_from_zoneinfo(const Zoneinfo& zi, std::string_view source) {
    MachineSpec spec;
    // The machine's zone list: every zone type named in the text, in kernel order. Real
    // zoneinfo prints every zone of the kernel's config, populated or not.
    for (auto t : {ZoneType::DMA, ZoneType::DMA32, ZoneType::Normal, ZoneType::Movable,
                   ZoneType::Device})
        for (const auto& z : zi.zones)
            if (z.name == zone_name(t)) {
                spec.zone_types.push_back(t);
                break;
            }
    int max_nodes = 0;
    for (const auto& z : zi.zones) max_nodes = std::max(max_nodes, z.node + 1);
    for (int n = 0; n < max_nodes; ++n) {
        NodeSpec node;
        for (auto t : spec.zone_types) node.zones.push_back(ZoneSpec{.type = t});
        spec.nodes.push_back(std::move(node));
    }
    for (const auto& z : zi.zones) {
        const auto t = *zone_type_from_name(z.name);
        std::size_t idx = 0;
        while (spec.zone_types[idx] != t) ++idx;
        ZoneSpec& zs = spec.nodes[static_cast<std::size_t>(z.node)].zones[idx];
        auto where = [&] {
            return std::string(source) + ":" + std::to_string(z.line) + ": node " +
                   std::to_string(z.node) + ", zone " + z.name + ": ";
        };
        const auto managed = z.get("managed");
        if (!managed) return Result<MachineSpec>::failure(where() + "no 'managed' line");
        if (*managed < 0) return Result<MachineSpec>::failure(where() + "negative managed pages");
        zs.managed = static_cast<std::uint64_t>(*managed);
        zs.present = static_cast<std::uint64_t>(z.get("present").value_or(*managed));
        zs.spanned = static_cast<std::uint64_t>(z.get("spanned").value_or(static_cast<std::int64_t>(zs.present)));
        zs.start_pfn = static_cast<std::uint64_t>(z.get("start_pfn").value_or(0));
        if (auto free = z.get("pages free")) {
            if (*free < 0 || static_cast<std::uint64_t>(*free) > zs.managed)
                return Result<MachineSpec>::failure(where() + "pages free (" + std::to_string(*free) +
                                                    ") is not within 0..managed (" +
                                                    std::to_string(zs.managed) + ")");
            zs.used_at_start = zs.managed - static_cast<std::uint64_t>(*free);
        }
    }
    spec.origin = "cloned from " + std::string(source);
    if (auto err = validate_machine(spec)) return Result<MachineSpec>::failure(std::string(source) + ": " + *err);
    return spec;
}

} // namespace rs
