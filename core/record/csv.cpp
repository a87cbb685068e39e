#include "record/csv.h"

#include "mm/lru.h"

#include <cstdio>
#include <string>

namespace rs {

void write_csv(std::ostream& out, const Recorder& rec, std::int64_t from_ns, std::int64_t to_ns) {
    std::string line = "time_s";
    for (const auto& z : rec.zones) {
        if (!z.populated) continue;
        const std::string p = "node" + std::to_string(z.node) + "_" + z.name + "_";
        line += "," + p + "free_pages," + p + "min_pages," + p + "low_pages," + p + "high_pages";
    }
    const std::size_t nodes = rec.samples.empty() ? 0 : rec.samples.front().nodes.size();
    for (std::size_t n = 0; n < nodes; ++n) {
        const std::string p = "node" + std::to_string(n) + "_";
        for (int l = 0; l < NR_LRU_LISTS; ++l) line += "," + p + std::string(lru_node_stat_name(static_cast<LruList>(l)));
        line += "," + p + "kswapd_state";
    }
    line += ",swap_used_pages,swap_cache_pages,nr_dirty,nr_writeback,nr_slab_reclaimable,oom_kills";
    for (const char* r : {"pgscan_kswapd", "pgscan_direct", "pgsteal_kswapd", "pgsteal_direct", "pgscan_anon",
                          "pgscan_file", "allocstall", "workingset_refault", "pgactivate", "pgdeactivate", "pgmajfault",
                          "pswpin", "pswpout"})
        line += "," + std::string(r) + "_per_s";
    out << line << '\n';

    const Sample* prev = nullptr;
    char buf[64];
    for (const Sample& s : rec.samples) {
        if (s.t_ns > to_ns) break;
        const Sample* before = prev;
        prev = &s;
        if (s.t_ns < from_ns) continue;
        std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(s.t_ns) / 1e9);
        line = buf;
        for (const auto& z : rec.zones) {
            if (!z.populated) continue;
            const ZoneSample& zs = s.zones[static_cast<std::size_t>(z.global)];
            line += "," + std::to_string(zs.free) + "," + std::to_string(zs.min) + "," + std::to_string(zs.low) + "," +
                    std::to_string(zs.high);
        }
        for (const NodeSample& ns : s.nodes) {
            for (const auto v : ns.lru) line += "," + std::to_string(v);
            static const char* states[] = {"sleeping", "napping", "balancing"};
            line += std::string(",") + states[ns.kswapd_phase < 3 ? ns.kswapd_phase : 0];
        }
        line += "," + std::to_string(s.swap_used) + "," + std::to_string(s.swap_cache) + "," + std::to_string(s.nr_dirty) +
                "," + std::to_string(s.nr_writeback) + "," + std::to_string(s.nr_slab_reclaimable) + "," +
                std::to_string(s.oom_kills);
        const double dt = before ? static_cast<double>(s.t_ns - before->t_ns) / 1e9 : 0.0;
        auto rate = [&](std::uint64_t Sample::*field) {
            if (!before || dt <= 0) return std::string(",0.0");
            std::snprintf(buf, sizeof buf, ",%.1f", static_cast<double>(s.*field - before->*field) / dt);
            return std::string(buf);
        };
        for (auto f : {&Sample::pgscan_kswapd, &Sample::pgscan_direct, &Sample::pgsteal_kswapd, &Sample::pgsteal_direct,
                       &Sample::pgscan_anon, &Sample::pgscan_file, &Sample::allocstall, &Sample::workingset_refault,
                       &Sample::pgactivate, &Sample::pgdeactivate, &Sample::pgmajfault, &Sample::pswpin, &Sample::pswpout})
            line += rate(f);
        out << line << '\n';
    }
}

} // namespace rs
