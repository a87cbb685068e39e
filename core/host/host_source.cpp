#include "host/host_source.h"

#include "util/file_io.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>

namespace rs {

namespace {

constexpr std::uint64_t kProcLimit = 4ull << 20; // /proc/zoneinfo of a large NUMA box is < 1 MiB

std::string first_line(std::string s) {
    const std::size_t nl = s.find('\n');
    if (nl != std::string::npos) s.resize(nl);
    return s;
}

// "kswapd3" -> 3 (kswapd's name: kthread_run(kswapd, pgdat, "kswapd%d", nid) in mm/vmscan.c).
std::optional<int> kswapd_node(std::string_view comm) {
    if (!comm.starts_with("kswapd") || comm.size() == 6) return std::nullopt;
    int nid = 0;
    const auto [p, ec] = std::from_chars(comm.data() + 6, comm.data() + comm.size(), nid);
    if (ec != std::errc{} || p != comm.data() + comm.size()) return std::nullopt;
    return nid;
}

} // namespace

Result<std::unique_ptr<HostSource>> HostSource::open(const std::string& root) {
    using R = Result<std::unique_ptr<HostSource>>;
    std::unique_ptr<HostSource> h(new HostSource(root.empty() || root.back() != '/' ? root : root.substr(0, root.size() - 1)));
    auto name = read_text_file(h->path("/proc/sys/kernel/hostname"), kProcLimit);
    auto rel = read_text_file(h->path("/proc/sys/kernel/osrelease"), kProcLimit);
    if (!rel) return R::failure(rel.error());
    h->m_info.hostname = name ? first_line(name.value()) : "localhost";
    h->m_info.release = first_line(rel.value());
    if (root == "/" || root.empty()) {
        h->m_info.page_size = sysconf(_SC_PAGESIZE);
        h->m_info.cpus = static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
    }
    h->find_kswapd();
    auto texts = h->read();
    if (!texts) return R::failure(texts.error());
    auto v = parse_host_texts(texts.value());
    if (!v) return R::failure(v.error());
    if (v->zoneinfo.zones.empty()) return R::failure(h->path("/proc/zoneinfo") + ": no zones");
    h->m_zones = host_zone_labels(v->zoneinfo);
    return h;
}

void HostSource::find_kswapd() {
    m_kswapd.clear();
    DIR* d = opendir(path("/proc").c_str());
    if (!d) return;
    while (const dirent* e = readdir(d)) {
        int pid = 0;
        const std::string_view n = e->d_name;
        const auto [p, ec] = std::from_chars(n.data(), n.data() + n.size(), pid);
        if (ec != std::errc{} || p != n.data() + n.size()) continue;
        auto comm = read_text_file(path("/proc/") + std::string(n) + "/comm", kProcLimit);
        if (!comm) continue;
        if (const auto nid = kswapd_node(first_line(comm.value()))) m_kswapd.emplace_back(*nid, pid);
    }
    closedir(d);
    std::sort(m_kswapd.begin(), m_kswapd.end());
}

Result<HostTexts> HostSource::read() {
    using R = Result<HostTexts>;
    HostTexts t;
    for (auto [field, rel] : {std::pair{&HostTexts::zoneinfo, "/proc/zoneinfo"}, {&HostTexts::vmstat, "/proc/vmstat"},
                              {&HostTexts::meminfo, "/proc/meminfo"}, {&HostTexts::swaps, "/proc/swaps"}}) {
        auto text = read_text_file(path(rel), kProcLimit);
        if (!text) return R::failure(text.error());
        t.*field = std::move(text.value());
    }
    // PSI: absent on kernels without CONFIG_PSI or booted with psi=0 (reading fails: EOPNOTSUPP).
    if (auto psi = read_text_file(path("/proc/pressure/memory"), kProcLimit)) t.pressure = std::move(psi.value());
    bool lost = false;
    for (const auto& [nid, pid] : m_kswapd) {
        auto stat = read_text_file(path("/proc/") + std::to_string(pid) + "/stat", kProcLimit);
        auto st = stat ? parse_pid_stat(stat.value()) : std::nullopt;
        if (!st || kswapd_node(st->comm) != nid) {
            lost = true; // a node went offline, or the pid is another task now
            continue;
        }
        t.kswapd.push_back({nid, std::move(*st)});
    }
    if (lost) find_kswapd();
    return t;
}

Result<Sample> HostSource::sample(const HostTexts& texts, std::int64_t t_ns) {
    auto v = parse_host_texts(texts);
    if (!v) return Result<Sample>::failure(v.error());
    Sample s = host_sample(texts, v.value(), m_before.get(), t_ns, m_info.page_size);
    if (!m_before) m_before = std::make_unique<HostTexts>();
    m_before->kswapd = texts.kswapd; // all the next sample needs of this one
    return s;
}

} // namespace rs
