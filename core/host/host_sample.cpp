#include "host/host_sample.h"

#include "mm/lru.h"
#include "record/sample_fields.h"
#include "util/units.h"

#include <algorithm>

namespace rs {

namespace {

std::optional<std::int64_t> find(const ProcValues& m, std::string_view key) {
    const auto it = m.find(key);
    if (it == m.end()) return std::nullopt;
    return it->second;
}

// One term: "NAME", "NAME_*", "meminfo:KEY", "psi:KEY".
std::optional<std::int64_t> term_value(std::string_view t, const HostValues& v, std::int64_t page_size) {
    if (t.starts_with("meminfo:")) {
        const auto kb = find(v.meminfo, t.substr(8));
        if (!kb) return std::nullopt;
        return *kb * 1024 / page_size;
    }
    if (t.starts_with("psi:")) return find(v.psi, t.substr(4));
    if (t.ends_with("*")) {
        const std::string_view prefix = t.substr(0, t.size() - 1);
        std::int64_t sum = 0;
        bool any = false;
        for (auto it = v.vmstat.lower_bound(prefix); it != v.vmstat.end() && it->first.starts_with(prefix); ++it)
            sum += it->second, any = true;
        if (!any) return std::nullopt;
        return sum;
    }
    return find(v.vmstat, t);
}

// A sum of terms, each maybe with a leading '-'.
std::optional<std::int64_t> sum_value(std::string_view alt, const HostValues& v, std::int64_t page_size) {
    std::int64_t sum = 0;
    alt = trim_blanks(alt);
    while (!alt.empty()) {
        const std::size_t sp = alt.find(' ');
        std::string_view t = alt.substr(0, sp);
        alt = sp == std::string_view::npos ? std::string_view{} : trim_blanks(alt.substr(sp + 1));
        const bool minus = t.starts_with("-");
        if (minus) t.remove_prefix(1);
        const auto x = term_value(t, v, page_size);
        if (!x) return std::nullopt;
        sum += minus ? -*x : *x;
    }
    return sum;
}

KswapdPhase kswapd_phase(const HostTexts::Kswapd& now, const HostTexts* before) {
    if (now.stat.state == 'R' || now.stat.state == 'D') return KswapdPhase::Balancing;
    if (before)
        for (const auto& b : before->kswapd)
            if (b.nid == now.nid && b.stat.pid == now.stat.pid &&
                b.stat.utime + b.stat.stime != now.stat.utime + now.stat.stime)
                return KswapdPhase::Balancing;
    return KswapdPhase::Sleeping;
}

} // namespace

Result<HostValues> parse_host_texts(const HostTexts& t) {
    using R = Result<HostValues>;
    HostValues v;
    auto zi = parse_zoneinfo(t.zoneinfo, "/proc/zoneinfo");
    if (!zi) return R::failure(zi.error());
    v.zoneinfo = std::move(zi.value());
    auto vm = parse_vmstat_text(t.vmstat, "/proc/vmstat");
    if (!vm) return R::failure(vm.error());
    v.vmstat = std::move(vm.value());
    auto mi = parse_meminfo_text(t.meminfo, "/proc/meminfo");
    if (!mi) return R::failure(mi.error());
    v.meminfo = std::move(mi.value());
    if (!t.pressure.empty()) {
        auto psi = parse_psi_text(t.pressure, "/proc/pressure/memory");
        if (!psi) return R::failure(psi.error());
        v.psi = std::move(psi.value());
    }
    return v;
}

std::vector<ZoneLabel> host_zone_labels(const Zoneinfo& zi) {
    std::vector<ZoneLabel> out;
    int per_node = 0;
    for (const auto& z : zi.zones) per_node += z.node == zi.zones.front().node;
    std::map<int, int> index; // the next zone index in each node
    for (const auto& z : zi.zones) {
        const std::int64_t managed = z.get("managed").value_or(0);
        const std::int64_t present = z.get("present").value_or(managed);
        out.push_back(ZoneLabel{z.node, z.node * per_node + index[z.node]++, z.name, present > 0 || managed > 0, managed});
    }
    return out;
}

std::optional<std::int64_t> host_field_value(std::string_view spec, const HostValues& v, std::int64_t page_size) {
    while (true) {
        const std::size_t bar = spec.find(" | ");
        if (auto x = sum_value(spec.substr(0, bar), v, page_size)) return x;
        if (bar == std::string_view::npos) return std::nullopt;
        spec.remove_prefix(bar + 3);
    }
}

Sample host_sample(const HostTexts& now, const HostValues& v, const HostTexts* before, std::int64_t t_ns,
                   std::int64_t page_size) {
    Sample s;
    s.t_ns = t_ns;
    int nodes = 0;
    for (const auto& z : v.zoneinfo.zones) {
        ZoneSample zs;
        for (const auto& f : zone_sample_fields()) zs.*f.field = z.get(std::string(f.text_name)).value_or(0);
        s.zones.push_back(zs);
        nodes = std::max(nodes, z.node + 1);
    }
    s.nodes.resize(static_cast<std::size_t>(nodes));
    for (const auto& n : v.zoneinfo.nodes) {
        if (n.node < 0 || n.node >= nodes) continue;
        NodeSample& ns = s.nodes[static_cast<std::size_t>(n.node)];
        for (int l = 0; l < NR_LRU_LISTS; ++l) {
            const auto it = n.stats.find(std::string(lru_node_stat_name(static_cast<LruList>(l))));
            ns.lru[static_cast<std::size_t>(l)] = it != n.stats.end() ? it->second : 0;
        }
    }
    for (const auto& k : now.kswapd)
        if (k.nid >= 0 && k.nid < nodes) s.nodes[static_cast<std::size_t>(k.nid)].kswapd_phase = kswapd_phase(k, before);
    for (const SampleField& f : sample_fields()) {
        const auto x = host_field_value(f.host.empty() ? f.name : f.host, v, page_size);
        if (!x) {
            s.absent |= std::uint64_t{1} << sample_field_index(f);
            continue;
        }
        std::visit([&](auto member) { s.*member = static_cast<std::remove_reference_t<decltype(s.*member)>>(*x); },
                   f.field);
    }
    return s;
}

} // namespace rs
