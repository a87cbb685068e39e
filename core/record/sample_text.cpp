#include "record/sample_text.h"

#include "mm/lru.h"
#include "record/sample_fields.h"

#include <cstdio>

namespace rs {

namespace {

void line(std::string& out, std::string_view name, long long v, int indent = 2) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%*s%-26.*s %lld\n", indent, "", static_cast<int>(name.size()), name.data(), v);
    out += buf;
}

struct SectionTitle {
    SampleSection section;
    const char* title;
};
constexpr SectionTitle kSections[] = {
    {SampleSection::Vmstat, "vmstat (cumulative)\n"},
    {SampleSection::NodeState, "node state (pages)\n"},
    {SampleSection::Swap, "swap (pages)\n"},
};

void zones_text(std::string& out, const Sample& s, const std::vector<ZoneLabel>& zones) {
    char head[160];
    for (const auto& z : zones) {
        const auto g = static_cast<std::size_t>(z.global);
        if (!z.populated || g >= s.zones.size()) continue;
        std::snprintf(head, sizeof head, "Node %d, zone %8s\n", z.node, z.name.c_str());
        out += head;
        for (const auto& f : zone_sample_fields()) line(out, f.text_name, s.zones[g].*f.field, f.text_indent);
        line(out, "managed", z.managed, 8);
    }
}

void nodes_text(std::string& out, const Sample& s) {
    char head[160];
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const NodeSample& ns = s.nodes[n];
        const std::string where = kswapd_phase_where(ns.kswapd_phase);
        const std::string phase = kswapd_phase_name(ns.kswapd_phase) + (where.empty() ? "" : " (" + where + ")");
        std::snprintf(head, sizeof head, "Node %zu\n  kswapd%*s %s\n", n, 21, "", phase.c_str());
        out += head;
        for (int l = 0; l < NR_LRU_LISTS; ++l)
            line(out, lru_node_stat_name(static_cast<LruList>(l)), ns.lru[static_cast<std::size_t>(l)]);
        line(out, "direct reclaims", static_cast<long long>(ns.direct_reclaims));
        line(out, "direct reclaim ms", ns.direct_reclaim_ns / 1'000'000);
    }
}

} // namespace

std::string format_sample(const Sample& s, const std::vector<ZoneLabel>& zones) {
    std::string out;
    char head[160];
    std::snprintf(head, sizeof head, "# recorded at t = %.3f s\n", static_cast<double>(s.t_ns) / 1e9);
    out += head;
    zones_text(out, s, zones);
    nodes_text(out, s);
    for (const auto& [section, title] : kSections) {
        out += title;
        for (const auto& f : sample_fields())
            if (f.section == section && sample_has(s, f))
                line(out, f.text_name.empty() ? f.name : f.text_name, sample_value(s, f));
    }
    return out;
}

} // namespace rs
