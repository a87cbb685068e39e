#include "host/host_watch.h"

#include "record/sample_fields.h"
#include "util/file_io.h"

#include "util/units.h"

#include <unistd.h>

#include <sstream>

namespace rs {

namespace {

// The counters are cumulative; a function's rate is its counter's per second (pages for the
// scan path: the kernel counts pages there, not calls).
const HostKfuncCounter kCounters[] = {
    {F___alloc_pages, "pgalloc_*", "pages"},
    {F_get_page_from_freelist, "pgalloc_*", "pages"},
    {F___alloc_pages_direct_reclaim, "allocstall_*", "calls"},
    {F_try_to_free_pages, "allocstall_*", "calls"},
    {F_do_try_to_free_pages, "allocstall_*", "calls"}, // allocstall is counted there
    {F_shrink_zones, "pgscan_direct", "pages"},
    {F_oom_kill_process, "oom_kill", "calls"},
    {F_kswapd, "pageoutrun", "calls"},
    {F_balance_pgdat, "pageoutrun", "calls"}, // counted once per balance_pgdat() run
    {F_kswapd_shrink_node, "pgscan_kswapd", "pages"},
    {F_shrink_node, "pgscan_kswapd pgscan_direct", "pages"},
    {F_shrink_lruvec, "pgscan_kswapd pgscan_direct", "pages"},
    {F_get_scan_count, "pgscan_kswapd pgscan_direct", "pages"},
    {F_shrink_list, "pgscan_kswapd pgscan_direct pgrefill", "pages"},
    {F_shrink_active_list, "pgrefill", "pages"},
    {F_shrink_inactive_list, "pgscan_kswapd pgscan_direct", "pages"},
    {F_isolate_lru_folios, "pgscan_kswapd pgscan_direct", "pages"},
    {F_shrink_folio_list, "pgscan_kswapd pgscan_direct", "pages"},
    {F_folio_check_references, "pgscan_kswapd pgscan_direct", "pages"},
    {F_pageout, "nr_vmscan_write", "pages"},
    {F___remove_mapping, "pgsteal_kswapd pgsteal_direct", "pages"},
    {F_shrink_slab, "slabs_scanned", "objects"},
    {F_workingset_refault, "workingset_refault_anon workingset_refault_file | workingset_refault", "pages"},
};

constexpr std::uint64_t kSysctlLimit = 1 << 16;

} // namespace

std::span<const HostKfuncCounter> host_kfunc_counters() { return kCounters; }

Result<std::optional<std::vector<std::int64_t>>> read_host_sysctl(const std::string& root, const ctl_table& t) {
    using R = Result<std::optional<std::vector<std::int64_t>>>;
    std::string r = root;
    while (!r.empty() && r.back() == '/') r.pop_back();
    const std::string path = r + "/proc/sys/vm/" + std::string(t.procname.substr(3)); // after "vm."
    if (access(path.c_str(), F_OK) != 0) return std::optional<std::vector<std::int64_t>>{};
    auto text = read_text_file(path, kSysctlLimit);
    if (!text) return R::failure(text.error());
    std::vector<std::int64_t> values;
    std::istringstream in(text.value()); // proc_dointvec separates a list's values with tabs
    for (std::string w; in >> w;) {
        const auto v = parse_int(w);
        if (!v) return R::failure(path + ": '" + w + "' is not an integer");
        values.push_back(*v);
    }
    if (values.empty()) return R::failure(path + ": the file is empty");
    return std::optional{std::move(values)};
}

VmSysctl read_host_sysctls(const std::string& root, int nr_zone_types, std::vector<std::string>* missing) {
    VmSysctl s;
    for (const ctl_table& t : sysctl_table()) {
        const auto read = read_host_sysctl(root, t);
        if (!read || !read.value()) {
            if (missing) missing->emplace_back(t.procname);
            continue;
        }
        const std::vector<std::int64_t>& values = *read.value();
        std::visit(
            [&](auto member) {
                using T = std::remove_reference_t<decltype(s.*member)>;
                if constexpr (std::is_same_v<T, per_zone_values>) {
                    // The kernel prints all MAX_NR_ZONES entries; the machine has nr_zone_types.
                    for (std::size_t i = 0; i < values.size() && i < static_cast<std::size_t>(nr_zone_types); ++i)
                        (s.*member)[i] = values[i];
                } else {
                    s.*member = static_cast<T>(values.front());
                }
            },
            t.data);
    }
    return s;
}

Result<std::unique_ptr<HostWatch>> HostWatch::open(const std::string& root, std::int64_t interval_ns) {
    using R = Result<std::unique_ptr<HostWatch>>;
    auto src = HostSource::open(root);
    if (!src) return R::failure(src.error());
    std::unique_ptr<HostWatch> w(new HostWatch);
    w->m_root = root == "/" ? "" : root;
    w->m_source = std::move(src.value());
    w->m_interval_ns = interval_ns;
    w->m_rec.zones = w->m_source->zones();
    int nodes = 0;
    for (const auto& z : w->m_rec.zones) nodes = std::max(nodes, z.node + 1);
    w->m_nr_zone_types = static_cast<int>(w->m_rec.zones.size()) / std::max(1, nodes);
    w->m_rec.source = {"source: this machine (reclaimscope --host)", "host: " + w->info().hostname,
                       "kernel: Linux " + w->info().release,
                       "interval_ms: " + std::to_string(interval_ns / 1'000'000)};
    auto first = w->poll(0);
    if (!first) return R::failure(first.error());
    return w;
}

Result<bool> HostWatch::poll(std::int64_t t_ns) {
    if (t_ns < m_next_ns) return false;
    auto texts = m_source->read();
    if (!texts) return Result<bool>::failure(texts.error());
    auto v = parse_host_texts(texts.value());
    if (!v) return Result<bool>::failure(v.error());
    m_values = std::move(v.value());
    m_rec.add(host_sample(texts.value(), m_values, m_last.zoneinfo.empty() ? nullptr : &m_last, t_ns,
                          info().page_size));
    m_last = std::move(texts.value());
    // The next one on the interval's grid, skipping the ones a stall missed.
    while (m_next_ns <= t_ns) m_next_ns += m_interval_ns;
    if (m_sysctl_read_ns < 0 || t_ns - m_sysctl_read_ns >= 1'000'000'000) {
        m_sysctl = read_host_sysctls(m_root, m_nr_zone_types);
        m_sysctl_read_ns = t_ns;
    }
    return true;
}

void HostWatch::build(FrameWants wants, FrameData& out) {
    out.zones = m_rec.zones;
    out.nr_zone_types = m_nr_zone_types;
    m_frames.take_new(m_rec, {}, out);
    out.sysctl = m_sysctl;
    out.host = true;
    for (const auto& c : kCounters) {
        const auto n = host_field_value(c.spec, m_values, info().page_size);
        out.kfunc_observed[static_cast<std::size_t>(c.func)] = n.has_value();
        out.kfunc_calls[static_cast<std::size_t>(c.func)] = n ? static_cast<std::uint64_t>(*n) : 0;
    }
    out.proc_swaps = m_last.swaps; // small, and the Swap view lists the areas from it
    if (wants.proc_texts) {
        out.proc_zoneinfo = m_last.zoneinfo;
        out.proc_vmstat = m_last.vmstat;
        out.proc_meminfo = m_last.meminfo;
    }
    const auto mem = m_values.meminfo.find("MemTotal");
    out.totalram_pages = mem != m_values.meminfo.end() ? static_cast<std::uint64_t>(mem->second * 1024 / info().page_size) : 0;
    out.sim_time_ns = m_rec.samples.empty() ? 0 : m_rec.samples.back().t_ns;
}

} // namespace rs
