#include "record/csv.h"

#include "mm/lru.h"
#include "record/sample_fields.h"

#include <cstdio>
#include <string>

namespace rs {

namespace {

std::string csv_name(const SampleField& f) {
    if (!f.csv_name.empty()) return std::string(f.csv_name);
    return std::string(f.name) + (f.csv == SampleCsv::Rate ? "_per_s" : "");
}

std::string header(const Recorder& rec, std::size_t nodes) {
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
    for (const SampleCsv kind : {SampleCsv::Level, SampleCsv::Rate})
        for (const auto& f : sample_fields())
            if (f.csv == kind) line += "," + csv_name(f);
    return line;
}

std::string row(const Recorder& rec, const Sample& s, const Sample* before) {
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
    for (const auto& f : sample_fields())
        if (f.csv == SampleCsv::Level) line += "," + std::to_string(sample_value(s, f));
    const double dt = before ? static_cast<double>(s.t_ns - before->t_ns) / 1e9 : 0.0;
    for (const auto& f : sample_fields()) {
        if (f.csv != SampleCsv::Rate) continue;
        if (!before || dt <= 0) {
            line += ",0.0";
            continue;
        }
        std::snprintf(buf, sizeof buf, ",%.1f", static_cast<double>(sample_value(s, f) - sample_value(*before, f)) / dt);
        line += buf;
    }
    return line;
}

} // namespace

void write_csv(std::ostream& out, const Recorder& rec, std::int64_t from_ns, std::int64_t to_ns) {
    const std::size_t nodes = rec.samples.empty() ? 0 : rec.samples.front().nodes.size();
    out << header(rec, nodes) << '\n';
    const Sample* prev = nullptr;
    for (const Sample& s : rec.samples) {
        if (s.t_ns > to_ns) break;
        const Sample* before = prev;
        prev = &s;
        if (s.t_ns < from_ns) continue;
        out << row(rec, s, before) << '\n';
    }
}

} // namespace rs
