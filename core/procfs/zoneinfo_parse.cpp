// parse_zoneinfo(): real /proc/zoneinfo text (whole files or pasted grep excerpts) into
// per-zone fields and stats, with file:line errors.
#include "procfs/zoneinfo.h"

#include "util/units.h"

#include <cctype>
#include <cstdio>
#include <optional>

namespace rs {

std::optional<std::int64_t> ZoneinfoZone::get(const std::string& key) const {
    auto it = fields.find(key);
    if (it == fields.end()) return std::nullopt;
    return it->second;
}

const ZoneinfoZone* Zoneinfo::find(int node, std::string_view zone) const {
    for (const auto& z : zones)
        if (z.node == node && z.name == zone) return &z;
    return nullptr;
}

namespace {

using Error = std::optional<std::string>;

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool parse_i64(std::string_view s, std::int64_t& out) {
    auto r = parse_int(s);
    if (!r) return false;
    out = *r;
    return true;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The sections zoneinfo_show_print() writes for each zone: the zone's own lines, the node's
// "per-node stats" (in the node's first populated zone), the "pagesets" per CPU.
enum class Section { Zone, NodeStats, Pagesets };

// One zone line at a time, into zi.
class ZoneinfoParser {
public:
    explicit ZoneinfoParser(Zoneinfo& zi) : m_zi(zi) {}
    Error line(std::string_view line);

private:
    Error zone_header(std::string_view line);
    Error protection(std::string_view line, ZoneinfoZone& zone);
    Error key_value(std::string_view line, ZoneinfoZone& zone);

    Zoneinfo& m_zi;
    Section m_section = Section::Zone;
};

Error ZoneinfoParser::zone_header(std::string_view line) {
    // "Node 0, zone   Normal"
    int node = -1;
    char name[32] = {};
    const std::string l(line);
    if (std::sscanf(l.c_str(), "Node %d, zone %31s", &node, name) != 2 || node < 0)
        return "expected 'Node <n>, zone <name>', got '" + l + "'";
    if (node >= 64) return "node " + std::to_string(node) + " is beyond the 64 nodes the simulator supports";
    if (!zone_type_from_name(name))
        return std::string("unknown zone '") + name + "' (expected DMA, DMA32, Normal, Movable or Device)";
    if (m_zi.find(node, name)) return "node " + std::to_string(node) + ", zone " + name + " appears twice";
    ZoneinfoZone z;
    z.node = node;
    z.name = name;
    m_zi.zones.push_back(std::move(z));
    bool have_node = false;
    for (const auto& n : m_zi.nodes) have_node |= n.node == node;
    if (!have_node) m_zi.nodes.push_back(ZoneinfoNode{node, {}});
    m_section = Section::Zone;
    return std::nullopt;
}

Error ZoneinfoParser::protection(std::string_view line, ZoneinfoZone& zone) {
    // "protection: (0, 1437, 15360, 15360, 15360)"
    std::string_view rest = trim(line.substr(11));
    if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')') return "expected 'protection: (a, b, ...)'";
    rest = rest.substr(1, rest.size() - 2);
    zone.protection.clear();
    for (std::size_t p = 0; p <= rest.size();) {
        const std::size_t c = rest.find(',', p);
        const std::string_view item = rest.substr(p, c == std::string_view::npos ? std::string_view::npos : c - p);
        std::int64_t v;
        if (!parse_i64(item, v)) return "protection entry '" + std::string(trim(item)) + "' is not a number";
        zone.protection.push_back(v);
        if (c == std::string_view::npos) break;
        p = c + 1;
    }
    return std::nullopt;
}

Error ZoneinfoParser::key_value(std::string_view line, ZoneinfoZone& zone) {
    // "key value" lines: watermarks, sizes and stat items.
    const std::size_t sp = line.find_first_of(" \t");
    if (sp == std::string_view::npos) return "expected 'name value', got '" + std::string(line) + "'";
    const std::string key(line.substr(0, sp));
    std::int64_t v;
    if (!parse_i64(line.substr(sp), v)) return "value of '" + key + "' is not a number";
    if (m_section == Section::NodeStats) {
        for (auto& n : m_zi.nodes)
            if (n.node == zone.node) n.stats[key] = v;
    } else if (key == "boost" || key == "min" || key == "low" || key == "high" || key == "promo" ||
               key == "spanned" || key == "present" || key == "managed" || key == "cma") {
        zone.fields[key] = v;
    } else {
        zone.stats[key] = v;
    }
    return std::nullopt;
}

Error ZoneinfoParser::line(std::string_view line) {
    if (starts_with(line, "Node ")) return zone_header(line);
    // A line before any zone header: a shell prompt or a command in a pasted excerpt.
    if (m_zi.zones.empty()) return std::nullopt;
    ZoneinfoZone& zone = m_zi.zones.back();
    if (line == "per-node stats" || line == "pagesets") {
        m_zi.whole = true;
        m_section = line == "pagesets" ? Section::Pagesets : Section::NodeStats;
        return std::nullopt;
    }
    if (starts_with(line, "pages free")) {
        std::int64_t v;
        if (!parse_i64(line.substr(10), v)) return "expected a number after 'pages free'";
        zone.fields["pages free"] = v;
        m_section = Section::Zone;
        return std::nullopt;
    }
    if (starts_with(line, "protection:")) return protection(line, zone);
    if (starts_with(line, "node_unreclaimable:") || starts_with(line, "start_pfn:") ||
        starts_with(line, "vm stats threshold:")) {
        const std::size_t colon = line.find(':');
        std::int64_t v;
        if (!parse_i64(line.substr(colon + 1), v))
            return "expected a number after '" + std::string(line.substr(0, colon)) + ":'";
        if (!starts_with(line, "vm stats")) zone.fields[std::string(line.substr(0, colon))] = v;
        m_zi.whole |= starts_with(line, "start_pfn:");
        return std::nullopt;
    }
    if (m_section == Section::Pagesets) return std::nullopt; // per-cpu lists: not simulated
    return key_value(line, zone);
}

// A whole file ends each zone with the last line zoneinfo_show_print() writes for it: start_pfn
// for a populated zone, protection for an empty one (it returns after that line). Every node
// has a ZONE_MOVABLE (the one zone type of enum zone_type that no config option removes), and
// the kernel prints every zone of every online node (walk_zones_in_node, populated or not).
Error check_not_cut_short(const Zoneinfo& zi) {
    if (!zi.whole) return std::nullopt; // a grep excerpt: whatever lines were kept
    const std::string advice = ": the text looks cut short (give the whole /proc/zoneinfo, or an excerpt "
                               "of the lines to keep, without per-node stats, pagesets and start_pfn lines)";
    for (const auto& z : zi.zones) {
        const bool populated = z.get("present").value_or(z.get("managed").value_or(0)) > 0;
        const std::string where = std::to_string(z.line) + ": node " + std::to_string(z.node) + ", zone " + z.name;
        if (populated && !z.get("start_pfn")) return where + " has no start_pfn line, its last one" + advice;
        if (!populated && z.protection.empty()) return where + " has no protection line, its last one" + advice;
    }
    for (const auto& n : zi.nodes)
        if (!zi.find(n.node, "Movable"))
            return std::to_string(zi.zones.back().line) + ": node " + std::to_string(n.node) +
                   " has no Movable zone, which every kernel prints" + advice;
    return std::nullopt;
}

} // namespace

Result<Zoneinfo> parse_zoneinfo(std::string_view text, std::string_view source) {
    Zoneinfo zi;
    ZoneinfoParser parser(zi);
    int lineno = 0;
    for (std::size_t pos = 0; pos <= text.size();) {
        const std::size_t nl = text.find('\n', pos);
        const std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        ++lineno;
        const std::string_view line = trim(raw);
        if (line.empty()) continue;
        const std::size_t zones_before = zi.zones.size();
        if (Error e = parser.line(line))
            return Result<Zoneinfo>::failure(std::string(source) + ":" + std::to_string(lineno) + ": " + *e);
        if (zi.zones.size() > zones_before) zi.zones.back().line = lineno;
    }
    if (zi.zones.empty())
        return Result<Zoneinfo>::failure(std::string(source) +
                                         ": no 'Node <n>, zone <name>' header found; is this /proc/zoneinfo text?");
    if (Error e = check_not_cut_short(zi)) return Result<Zoneinfo>::failure(std::string(source) + ":" + *e);
    return zi;
}

} // namespace rs
