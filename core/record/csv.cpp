#include "record/csv.h"

#include "mm/lru.h"
#include "record/sample_fields.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace rs {

namespace {

std::string csv_name(const SampleField& f) {
    if (!f.csv_name.empty()) return std::string(f.csv_name);
    return std::string(f.name) + (f.csv == SampleCsv::Rate ? "_per_s" : "");
}

const ProcSample* find_proc(const Sample& s, int pid) {
    const auto it = std::lower_bound(s.procs.begin(), s.procs.end(), pid,
                                     [](const ProcSample& p, int v) { return p.pid < v; });
    return it != s.procs.end() && it->pid == pid ? &*it : nullptr;
}

// The kCsvProcs pids with the largest peak of RSS + swap in the rows written, by pid.
std::vector<int> csv_procs(const Recorder& rec, std::int64_t from_ns, std::int64_t to_ns) {
    std::map<int, std::uint64_t> peak;
    for (const Sample& s : rec.samples) {
        if (s.t_ns > to_ns) break;
        if (s.t_ns < from_ns) continue;
        for (const ProcSample& p : s.procs) {
            auto& m = peak[p.pid];
            m = std::max<std::uint64_t>(m, std::uint64_t{p.rss} + p.swap);
        }
    }
    std::vector<std::pair<int, std::uint64_t>> all(peak.begin(), peak.end());
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<int> pids;
    for (std::size_t i = 0; i < all.size() && i < kCsvProcs; ++i) pids.push_back(all[i].first);
    std::sort(pids.begin(), pids.end());
    return pids;
}

// "memhog_1234_": the comm with anything but letters, digits and '-' as '_', and the pid.
std::string proc_prefix(const Recorder& rec, int pid) {
    const auto it = rec.comms.find(pid);
    std::string comm = it != rec.comms.end() ? it->second : "pid";
    for (char& c : comm)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '_';
    return comm + "_" + std::to_string(pid) + "_";
}

std::string proc_cells(const Sample& s, const Sample* before, const std::vector<int>& pids) {
    std::string line;
    char buf[64];
    const double dt = before ? static_cast<double>(s.t_ns - before->t_ns) / 1e9 : 0.0;
    for (const int pid : pids) {
        const ProcSample* now = find_proc(s, pid);
        const ProcSample* then = before ? find_proc(*before, pid) : nullptr;
        for (const auto& f : proc_csv_fields()) {
            line += ',';
            if (!now) continue; // not sampled: absent, not zero
            if (!f.rate) {
                std::snprintf(buf, sizeof buf, "%.0f", f.value(*now) * f.scale);
            } else if (then && dt > 0) {
                std::snprintf(buf, sizeof buf, "%.1f", (f.value(*now) - f.value(*then)) * f.scale / dt);
            } else {
                continue;
            }
            line += buf;
        }
    }
    return line;
}

// The table's rows of one CSV kind that some written sample has (a series absent from every
// row, such as PSI in a simulated run, has no column).
std::vector<const SampleField*> csv_fields(const Recorder& rec, SampleCsv kind, std::int64_t from_ns,
                                           std::int64_t to_ns) {
    std::uint64_t absent_in_all = ~std::uint64_t{0};
    for (const Sample& s : rec.samples) {
        if (s.t_ns > to_ns) break;
        if (s.t_ns >= from_ns) absent_in_all &= s.absent;
    }
    std::vector<const SampleField*> out;
    for (const auto& f : sample_fields())
        if (f.csv == kind && !(absent_in_all >> sample_field_index(f) & 1)) out.push_back(&f);
    return out;
}

struct Columns {
    std::vector<const SampleField*> levels, rates;
};

std::string header(const Recorder& rec, std::size_t nodes, const Columns& cols) {
    std::string line = "time_s";
    for (const auto& z : rec.zones) {
        if (!z.populated) continue;
        const std::string p = "node" + std::to_string(z.node) + "_" + z.name + "_";
        for (const auto& f : zone_sample_fields())
            if (!f.csv_suffix.empty()) line += "," + p + std::string(f.csv_suffix);
    }
    for (std::size_t n = 0; n < nodes; ++n) {
        const std::string p = "node" + std::to_string(n) + "_";
        for (int l = 0; l < NR_LRU_LISTS; ++l) line += "," + p + std::string(lru_node_stat_name(static_cast<LruList>(l)));
        line += "," + p + "kswapd_state";
    }
    for (const auto* list : {&cols.levels, &cols.rates})
        for (const SampleField* f : *list) line += "," + csv_name(*f);
    return line;
}

std::string row(const Recorder& rec, const Sample& s, const Sample* before, const Columns& cols) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(s.t_ns) / 1e9);
    std::string line = buf;
    for (const auto& z : rec.zones) {
        if (!z.populated) continue;
        const ZoneSample& zs = s.zones[static_cast<std::size_t>(z.global)];
        for (const auto& f : zone_sample_fields())
            if (!f.csv_suffix.empty()) line += "," + std::to_string(zs.*f.field);
    }
    for (const NodeSample& ns : s.nodes) {
        for (const auto v : ns.lru) line += "," + std::to_string(v);
        line += std::string(",") + kswapd_phase_name(ns.kswapd_phase);
    }
    for (const SampleField* f : cols.levels) {
        line += ',';
        if (sample_has(s, *f)) line += format_field_value(*f, sample_value(s, *f));
    }
    const double dt = before ? static_cast<double>(s.t_ns - before->t_ns) / 1e9 : 0.0;
    for (const SampleField* f : cols.rates) {
        line += ',';
        if (!sample_has(s, *f)) continue; // absent, not zero
        if (!before || dt <= 0) {
            line += "0.0";
            continue;
        }
        if (!sample_has(*before, *f)) continue;
        std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(sample_value(s, *f) - sample_value(*before, *f)) / dt);
        line += buf;
    }
    return line;
}

} // namespace

void write_csv(std::ostream& out, const Recorder& rec, std::int64_t from_ns, std::int64_t to_ns) {
    const std::size_t nodes = rec.samples.empty() ? 0 : rec.samples.front().nodes.size();
    const std::vector<int> pids = csv_procs(rec, from_ns, to_ns);
    const Columns cols{csv_fields(rec, SampleCsv::Level, from_ns, to_ns), csv_fields(rec, SampleCsv::Rate, from_ns, to_ns)};
    for (const std::string& c : rec.source) out << "# " << c << '\n';
    std::string head = header(rec, nodes, cols);
    for (const int pid : pids)
        for (const auto& f : proc_csv_fields()) head += "," + proc_prefix(rec, pid) + std::string(f.suffix);
    out << head << '\n';
    const Sample* prev = nullptr;
    for (const Sample& s : rec.samples) {
        if (s.t_ns > to_ns) break;
        const Sample* before = prev;
        prev = &s;
        if (s.t_ns < from_ns) continue;
        out << row(rec, s, before, cols) << proc_cells(s, before, pids) << '\n';
    }
}

} // namespace rs
