#include "record/csv_read.h"

#include "mm/lru.h"
#include "record/sample_fields.h"
#include "util/file_io.h"

#include <charconv>
#include <cmath>
#include <map>

namespace rs {

namespace {

constexpr std::uint64_t kRecordingLimit = 1ull << 30;

std::vector<std::string_view> split(std::string_view line) {
    std::vector<std::string_view> out;
    while (true) {
        const std::size_t c = line.find(',');
        out.push_back(line.substr(0, c));
        if (c == std::string_view::npos) return out;
        line.remove_prefix(c + 1);
    }
}

std::optional<double> number(std::string_view s) {
    double v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

// What a column feeds.
struct Column {
    enum class Kind { Time, Zone, NodeLru, NodeKswapd, Level, Rate, Skip } kind = Kind::Skip;
    std::size_t zone = 0;        // index in the recording's zones
    int node = 0;
    int lru = 0;
    const ZoneSampleField* zf = nullptr;
    const SampleField* f = nullptr;
};

// "node0_DMA32_free_pages" -> node 0, zone "DMA32", suffix "free_pages".
bool zone_column(std::string_view name, int& node, std::string& zone, const ZoneSampleField*& zf) {
    if (!name.starts_with("node")) return false;
    const std::size_t u1 = name.find('_');
    if (u1 == std::string_view::npos) return false;
    const auto [p, ec] = std::from_chars(name.data() + 4, name.data() + u1, node);
    if (ec != std::errc{} || p != name.data() + u1) return false;
    const std::string_view rest = name.substr(u1 + 1);
    for (const auto& f : zone_sample_fields()) {
        if (f.csv_suffix.empty()) continue;
        const std::string suffix = "_" + std::string(f.csv_suffix);
        if (rest.size() > suffix.size() && rest.ends_with(suffix)) {
            zone = std::string(rest.substr(0, rest.size() - suffix.size()));
            zf = &f;
            return true;
        }
    }
    return false;
}

std::string csv_column_name(const SampleField& f) {
    if (!f.csv_name.empty()) return std::string(f.csv_name);
    return std::string(f.name) + (f.csv == SampleCsv::Rate ? "_per_s" : "");
}

} // namespace

std::string Recording::source_value(std::string_view key) const {
    const std::string prefix = std::string(key) + ": ";
    for (const auto& s : source)
        if (s.starts_with(prefix)) return s.substr(prefix.size());
    return {};
}

Result<Recording> parse_recording_csv(std::string_view text, std::string_view source) {
    using R = Result<Recording>;
    Recording out;
    const std::string src(source);
    int line_no = 0;
    auto next_line = [&](std::string_view& line) {
        if (text.empty()) return false;
        const std::size_t nl = text.find('\n');
        line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        ++line_no;
        return true;
    };
    std::string_view line;
    bool have_header = false;
    while (next_line(line)) {
        if (line.starts_with("#")) {
            std::string_view c = line.substr(1);
            if (c.starts_with(" ")) c.remove_prefix(1);
            out.source.emplace_back(c);
            continue;
        }
        have_header = true;
        break;
    }
    if (!have_header) return R::failure(src + ": no header line: not a CSV that ReclaimScope wrote");
    const std::vector<std::string_view> names = split(line);
    if (names.front() != "time_s")
        return R::failure(src + ":" + std::to_string(line_no) + ":1: the first column is '" + std::string(names.front()) +
                          "', expected time_s: not a CSV that ReclaimScope wrote (--csv)");
    // The columns: zones in order of appearance, nodes by number, the table's series by name.
    std::map<std::string, const SampleField*> by_name;
    for (const auto& f : sample_fields())
        if (f.csv != SampleCsv::None) by_name[csv_column_name(f)] = &f;
    std::vector<Column> cols(names.size());
    std::map<std::pair<int, std::string>, std::size_t> zone_index;
    std::uint64_t present = 0; // table rows with a column
    int nodes = 0;
    std::vector<std::string> skipped;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string_view name = names[i];
        Column& c = cols[i];
        int node = 0;
        std::string zone;
        const ZoneSampleField* zf = nullptr;
        if (i == 0) {
            c.kind = Column::Kind::Time;
        } else if (const auto it = by_name.find(std::string(name)); it != by_name.end()) {
            c.f = it->second;
            c.kind = c.f->csv == SampleCsv::Rate ? Column::Kind::Rate : Column::Kind::Level;
            present |= std::uint64_t{1} << sample_field_index(*c.f);
        } else if (zone_column(name, node, zone, zf)) {
            const auto [it, added] = zone_index.emplace(std::pair{node, zone}, out.rec.zones.size());
            if (added) {
                const int global = static_cast<int>(out.rec.zones.size());
                out.rec.zones.push_back(ZoneLabel{node, global, zone, true, 0});
            }
            c.kind = Column::Kind::Zone;
            c.zone = it->second;
            c.zf = zf;
            nodes = std::max(nodes, node + 1);
        } else {
            bool matched = false;
            if (name.starts_with("node")) {
                const std::size_t u = name.find('_');
                const auto [p, ec] = std::from_chars(name.data() + 4, name.data() + (u == std::string_view::npos ? 4 : u), node);
                if (ec == std::errc{} && u != std::string_view::npos && p == name.data() + u) {
                    const std::string_view rest = name.substr(u + 1);
                    for (int l = 0; l < NR_LRU_LISTS; ++l)
                        if (rest == lru_node_stat_name(static_cast<LruList>(l))) {
                            c.kind = Column::Kind::NodeLru, c.node = node, c.lru = l, matched = true;
                        }
                    if (rest == "kswapd_state") c.kind = Column::Kind::NodeKswapd, c.node = node, matched = true;
                    if (matched) nodes = std::max(nodes, node + 1);
                }
            }
            // Our own per-process columns (COMM_PID_rss_kb ...) are not shown; anything else is unknown.
            for (const auto& pf : proc_csv_fields())
                matched |= name.ends_with("_" + std::string(pf.suffix));
            if (!matched) skipped.emplace_back(name);
        }
    }
    if (!skipped.empty()) {
        std::string list;
        for (std::size_t i = 0; i < skipped.size() && i < 6; ++i) list += (i ? ", " : "") + skipped[i];
        if (skipped.size() > 6) list += ", ...";
        out.notes.push_back(src + ":" + std::to_string(line_no) + ": " + std::to_string(skipped.size()) +
                            " unknown column(s), not shown: " + list);
    }
    std::string missing;
    for (const auto& f : sample_fields())
        if (f.csv != SampleCsv::None && f.read && !(present >> sample_field_index(f) & 1))
            missing += (missing.empty() ? "" : ", ") + csv_column_name(f);
    if (!missing.empty()) out.notes.push_back(src + ": no column for " + missing + " (absent)");
    if (out.rec.zones.empty()) return R::failure(src + ":" + std::to_string(line_no) + ": no zone columns (nodeN_ZONE_free_pages)");
    // The rows.
    std::vector<double> cumulative(sample_fields().size(), 0.0);
    double prev_t = -1;
    while (next_line(line)) {
        if (line.empty()) continue;
        const std::vector<std::string_view> cells = split(line);
        const std::string at = src + ":" + std::to_string(line_no);
        if (cells.size() != names.size())
            return R::failure(at + ": " + std::to_string(cells.size()) + " cells, the header has " +
                              std::to_string(names.size()) + " (a cut or edited file?)");
        Sample s;
        s.zones.resize(out.rec.zones.size());
        s.nodes.resize(static_cast<std::size_t>(std::max(nodes, 1)));
        s.absent = ~present & ((std::uint64_t{1} << sample_fields().size()) - 1);
        double t = 0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const Column& c = cols[i];
            const std::string_view cell = cells[i];
            if (c.kind == Column::Kind::Skip) continue;
            if (c.kind == Column::Kind::NodeKswapd) {
                bool known = false;
                for (int p = 0; p < kNrKswapdPhases; ++p)
                    if (cell == kswapd_phase_name(static_cast<KswapdPhase>(p))) {
                        s.nodes[static_cast<std::size_t>(c.node)].kswapd_phase = static_cast<KswapdPhase>(p);
                        known = true;
                    }
                if (!known)
                    return R::failure(at + ":" + std::to_string(i + 1) + ": " + std::string(names[i]) + ": '" +
                                      std::string(cell) + "' is not a kswapd state (sleeping, napping, balancing)");
                continue;
            }
            if (cell.empty()) {
                if (c.f) s.absent |= std::uint64_t{1} << sample_field_index(*c.f);
                continue;
            }
            const auto v = number(cell);
            if (!v)
                return R::failure(at + ":" + std::to_string(i + 1) + ": " + std::string(names[i]) + ": '" +
                                  std::string(cell) + "' is not a number");
            switch (c.kind) {
            case Column::Kind::Time: t = *v; break;
            case Column::Kind::Zone: s.zones[c.zone].*c.zf->field = static_cast<std::int64_t>(*v); break;
            case Column::Kind::NodeLru:
                s.nodes[static_cast<std::size_t>(c.node)].lru[static_cast<std::size_t>(c.lru)] = static_cast<std::int64_t>(*v);
                break;
            case Column::Kind::Level: {
                const double scaled = *v * std::pow(10.0, c.f->decimals);
                std::visit([&](auto m) { s.*m = static_cast<std::remove_reference_t<decltype(s.*m)>>(std::llround(scaled)); },
                           c.f->field);
                break;
            }
            case Column::Kind::Rate: {
                double& sum = cumulative[sample_field_index(*c.f)];
                if (prev_t >= 0) sum += *v * (t - prev_t);
                std::visit([&](auto m) { s.*m = static_cast<std::remove_reference_t<decltype(s.*m)>>(std::llround(sum)); },
                           c.f->field);
                break;
            }
            default: break;
            }
        }
        if (t < prev_t) return R::failure(at + ":1: time_s " + std::string(cells[0]) + " goes back in time");
        s.t_ns = std::llround(t * 1e9);
        prev_t = t;
        for (std::size_t z = 0; z < s.zones.size(); ++z)
            out.rec.zones[z].managed = std::max({out.rec.zones[z].managed, s.zones[z].free, s.zones[z].high});
        out.rec.add(std::move(s));
    }
    if (out.rec.samples.empty()) return R::failure(src + ": no rows after the header");
    out.rec.source = out.source; // exported again, the file keeps naming its source
    return out;
}

Result<Recording> read_recording_csv(const std::string& path) {
    auto text = read_text_file(path, kRecordingLimit);
    if (!text) return Result<Recording>::failure(text.error());
    return parse_recording_csv(text.value(), path);
}

} // namespace rs
