#include "record/sample_text.h"

#include <cstdio>

namespace rs {

namespace {
void line(std::string& out, const char* name, long long v, int indent = 2) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%*s%-26s %lld\n", indent, "", name, v);
    out += buf;
}
} // namespace

std::string format_sample(const Sample& s, const std::vector<ZoneLabel>& zones) {
    std::string out;
    char head[160];
    std::snprintf(head, sizeof head, "# recorded at t = %.3f s\n", static_cast<double>(s.t_ns) / 1e9);
    out += head;
    for (const auto& z : zones) {
        const auto g = static_cast<std::size_t>(z.global);
        if (!z.populated || g >= s.zones.size()) continue;
        const ZoneSample& zs = s.zones[g];
        std::snprintf(head, sizeof head, "Node %d, zone %8s\n", z.node, z.name.c_str());
        out += head;
        line(out, "pages free", zs.free);
        line(out, "min", zs.min, 8);
        line(out, "low", zs.low, 8);
        line(out, "high", zs.high, 8);
        line(out, "boost", zs.boost, 8);
        line(out, "managed", z.managed, 8);
    }
    static const char* kLru[5] = {"nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file",
                                  "nr_unevictable"};
    static const char* kPhase[3] = {"sleeping", "napping (kswapd_try_to_sleep)", "balancing (balance_pgdat)"};
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const NodeSample& ns = s.nodes[n];
        std::snprintf(head, sizeof head, "Node %zu\n  kswapd%*s %s\n", n, 21, "", kPhase[ns.kswapd_phase < 3 ? ns.kswapd_phase : 0]);
        out += head;
        for (std::size_t l = 0; l < 5; ++l) line(out, kLru[l], ns.lru[l]);
        line(out, "direct reclaims", static_cast<long long>(ns.direct_reclaims));
        line(out, "direct reclaim ms", ns.direct_reclaim_ns / 1'000'000);
    }
    out += "vmstat (cumulative)\n";
    const std::pair<const char*, std::uint64_t> counters[] = {
        {"pgalloc", s.pgalloc},
        {"pgscan_kswapd", s.pgscan_kswapd},
        {"pgscan_direct", s.pgscan_direct},
        {"pgscan_anon", s.pgscan_anon},
        {"pgscan_file", s.pgscan_file},
        {"pgsteal_kswapd", s.pgsteal_kswapd},
        {"pgsteal_direct", s.pgsteal_direct},
        {"pgsteal_anon", s.pgsteal_anon},
        {"pgsteal_file", s.pgsteal_file},
        {"pgactivate", s.pgactivate},
        {"pgdeactivate", s.pgdeactivate},
        {"pgrotated", s.pgrotated},
        {"pgmajfault", s.pgmajfault},
        {"allocstall", s.allocstall},
        {"workingset_refault_anon", s.refault_anon},
        {"workingset_refault_file", s.refault_file},
        {"pswpin", s.pswpin},
        {"pswpout", s.pswpout},
        {"oom_kill", s.oom_kills},
    };
    for (const auto& [name, v] : counters) line(out, name, static_cast<long long>(v));
    out += "node state (pages)\n";
    line(out, "nr_dirty", s.nr_dirty);
    line(out, "nr_writeback", s.nr_writeback);
    line(out, "nr_slab_reclaimable", s.nr_slab_reclaimable);
    out += "swap (pages)\n";
    line(out, "total", s.swap_total);
    line(out, "in use", s.swap_used);
    line(out, "swap cache", s.swap_cache);
    return out;
}

} // namespace rs
