#include "scenario/loader.h"

#include "procfs/zoneinfo.h"
#include "config/timeline.h"
#include "util/units.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace rs {

namespace {

using json = nlohmann::json;

// A validation failure at a JSON pointer.
struct LoadError {
    std::string pointer;
    std::string message;
};

[[noreturn]] void fail(const std::string& pointer, const std::string& message) { throw LoadError{pointer, message}; }

std::string show(const json& v) {
    std::string s = v.dump();
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

std::string type_name(const json& v) {
    switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::number_float: return "a number";
    default: return "an integer";
    }
}

// Every key of `obj` must be in `allowed`.
void check_keys(const json& obj, const std::string& ptr, std::initializer_list<const char*> allowed) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool ok = false;
        for (const char* a : allowed) ok |= it.key() == a;
        if (!ok) {
            std::string list;
            for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            fail(ptr + "/" + it.key(), "unknown key \"" + it.key() + "\" (expected one of: " + list + ")");
        }
    }
}

const json& need_object(const json& v, const std::string& ptr) {
    if (!v.is_object()) fail(ptr, "expected an object, got " + type_name(v));
    return v;
}

const json& need_array(const json& v, const std::string& ptr) {
    if (!v.is_array()) fail(ptr, "expected an array, got " + type_name(v));
    return v;
}

std::string need_string(const json& v, const std::string& ptr) {
    if (!v.is_string()) fail(ptr, "expected a string, got " + type_name(v) + " " + show(v));
    return v.get<std::string>();
}

bool need_bool(const json& v, const std::string& ptr) {
    if (!v.is_boolean()) fail(ptr, "expected true or false, got " + show(v));
    return v.get<bool>();
}

std::int64_t need_int(const json& v, const std::string& ptr, std::int64_t lo, std::int64_t hi) {
    if (!v.is_number_integer()) fail(ptr, "expected an integer, got " + type_name(v) + " " + show(v));
    const auto x = v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)
                       ? INT64_MAX
                       : v.get<std::int64_t>();
    if (x < lo || x > hi) fail(ptr, std::to_string(x) + " is out of range " + std::to_string(lo) + ".." + std::to_string(hi));
    return x;
}

double need_number(const json& v, const std::string& ptr, double lo, double hi) {
    if (!v.is_number()) fail(ptr, "expected a number, got " + type_name(v) + " " + show(v));
    const double x = v.get<double>();
    if (!(x >= lo && x <= hi)) fail(ptr, show(v) + " is out of range " + show(json(lo)) + ".." + show(json(hi)));
    return x;
}

// SIZE: "512M" or an integer number of bytes; whole pages.
std::uint64_t need_size(const json& v, const std::string& ptr, std::uint64_t min_bytes = 1) {
    std::uint64_t bytes = 0;
    if (v.is_number_unsigned()) {
        bytes = v.get<std::uint64_t>();
    } else if (v.is_string()) {
        const auto r = parse_size(v.get<std::string>());
        if (!r) fail(ptr, "expected a size like \"512M\" or \"4G\": " + r.error());
        bytes = *r;
    } else {
        fail(ptr, "expected a size like \"512M\" (or a number of bytes), got " + type_name(v) + " " + show(v));
    }
    if (bytes < min_bytes) fail(ptr, "the size " + show(v) + " is less than " + format_size(min_bytes));
    return bytes;
}

std::uint64_t need_pages(const json& v, const std::string& ptr) {
    const std::uint64_t pages = need_size(v, ptr, kPageSize) / kPageSize;
    if (pages > 0x7fffffffull) fail(ptr, show(v) + " is more than 2^31 pages (8 TiB)");
    return pages;
}

// RATE: "200M/s" (bytes per second) or a number of pages per second.
double need_rate(const json& v, const std::string& ptr) {
    double pages = 0;
    if (v.is_number()) {
        pages = v.get<double>();
    } else if (v.is_string() && v.get<std::string>().size() > 2 &&
               v.get<std::string>().compare(v.get<std::string>().size() - 2, 2, "/s") == 0) {
        const std::string s = v.get<std::string>();
        const auto r = parse_size(s.substr(0, s.size() - 2));
        if (!r) fail(ptr, "expected a rate like \"200M/s\": " + r.error());
        pages = static_cast<double>(*r) / static_cast<double>(kPageSize);
    } else {
        fail(ptr, "expected a rate like \"200M/s\" or a number of pages per second, got " + show(v));
    }
    if (!(pages >= 0.001 && pages <= 1e12))
        fail(ptr, "the rate " + show(v) + " is outside 0.001 .. 1e12 pages per second");
    return pages;
}

// DURATION: "10s", "250ms" or a number of seconds.
std::int64_t need_duration(const json& v, const std::string& ptr) {
    if (v.is_number()) {
        const double s = v.get<double>();
        if (!(s >= 0 && s <= 1e6)) fail(ptr, "the duration " + show(v) + " is outside 0 .. 1000000 seconds");
        return static_cast<std::int64_t>(std::llround(s * 1e9));
    }
    if (!v.is_string()) fail(ptr, "expected a duration like \"10s\" or \"250ms\", got " + type_name(v) + " " + show(v));
    const auto r = parse_duration_ns(v.get<std::string>());
    if (!r) fail(ptr, "expected a duration like \"10s\" or \"250ms\": " + r.error());
    if (*r < 0 || *r > 1'000'000'000'000'000) fail(ptr, "the duration " + show(v) + " is outside 0 .. 1000000 s");
    return *r;
}

std::vector<SysctlWrite> parse_sysctls(const json& obj, const std::string& ptr, int nr_zone_types) {
    need_object(obj, ptr);
    std::vector<SysctlWrite> out;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string p = ptr + "/" + it.key();
        std::string value;
        if (it->is_array()) {
            for (std::size_t i = 0; i < it->size(); ++i) {
                if (!(*it)[i].is_number_integer()) fail(p + "/" + std::to_string(i), "expected an integer, got " + show((*it)[i]));
                value += (value.empty() ? "" : " ") + std::to_string((*it)[i].get<std::int64_t>());
            }
        } else if (it->is_number_integer()) {
            value = std::to_string(it->get<std::int64_t>());
        } else {
            fail(p, "expected an integer (or an array of integers for vm.lowmem_reserve_ratio), got " + show(*it));
        }
        auto w = make_sysctl_write(it.key(), value, nr_zone_types);
        if (!w) fail(p, w.error());
        out.push_back(std::move(w).value());
    }
    return out;
}

SwapDeviceSpec parse_swap(const json& v, const std::string& ptr, int& disks, int& zrams) {
    need_object(v, ptr);
    check_keys(v, ptr, {"name", "size", "kind", "prio", "zram_ratio"});
    SwapDeviceSpec d;
    if (!v.contains("size")) fail(ptr, "a swap area needs a \"size\"");
    d.size_bytes = need_size(v["size"], ptr + "/size", 8192);
    d.kind = SwapKind::SSD;
    if (v.contains("kind")) {
        const std::string k = need_string(v["kind"], ptr + "/kind");
        if (k == "hdd") d.kind = SwapKind::HDD;
        else if (k == "ssd") d.kind = SwapKind::SSD;
        else if (k == "zram") d.kind = SwapKind::Zram;
        else fail(ptr + "/kind", "expected \"hdd\", \"ssd\" or \"zram\", got " + show(v["kind"]));
    }
    if (v.contains("prio")) d.prio = static_cast<int>(need_int(v["prio"], ptr + "/prio", 0, 32767));
    if (v.contains("zram_ratio")) {
        if (d.kind != SwapKind::Zram) fail(ptr + "/zram_ratio", "only a zram area has a compression ratio");
        d.zram_ratio = need_number(v["zram_ratio"], ptr + "/zram_ratio", 1.0, 100.0);
    }
    if (v.contains("name")) {
        d.name = need_string(v["name"], ptr + "/name");
        if (d.name.empty()) fail(ptr + "/name", "the name is empty");
    } else {
        d.name = d.kind == SwapKind::Zram ? default_swap_name(d.kind, zrams++) : default_swap_name(d.kind, disks++);
    }
    return d;
}

Phase::Pattern parse_pattern(const json& v, const std::string& ptr) {
    const std::string s = need_string(v, ptr);
    if (s == "sequential") return Phase::Pattern::Sequential;
    if (s == "random") return Phase::Pattern::Random;
    if (s == "zipf") return Phase::Pattern::Zipf;
    fail(ptr, "expected \"sequential\", \"random\" or \"zipf\", got " + show(v));
}

struct Context {
    std::string base_dir;
    ScenarioFileReader read_file;
    bool check_engine = true;
};

std::string read_relative(const Context& ctx, const std::string& path, const std::string& ptr) {
    const std::filesystem::path p(path);
    const std::string full = p.is_absolute() || ctx.base_dir.empty() ? path : (std::filesystem::path(ctx.base_dir) / p).string();
    auto r = ctx.read_file(full);
    if (!r) fail(ptr, r.error());
    return std::move(r).value();
}

Phase parse_phase(const json& v, const std::string& ptr, const std::string& task, const Context& ctx) {
    need_object(v, ptr);
    static const char* actions[] = {"alloc", "touch", "read", "write", "slab", "mlock", "free", "sleep", "replay", "exit"};
    std::string action;
    for (const char* a : actions)
        if (v.contains(a)) {
            if (!action.empty()) fail(ptr, "a phase does one thing: both \"" + action + "\" and \"" + a + "\" are given");
            action = a;
        }
    if (action.empty())
        fail(ptr, "a phase needs one of: alloc, touch, read, write, slab, mlock, free, sleep, replay, exit");
    Phase ph;
    const std::string ap = ptr + "/" + action;
    auto rate = [&] {
        if (!v.contains("rate")) fail(ptr, "\"" + action + "\" needs a \"rate\" (e.g. \"200M/s\")");
        ph.pages_per_sec = need_rate(v["rate"], ptr + "/rate");
    };
    auto access_options = [&](bool anon) {
        if (v.contains("for")) ph.duration_ns = need_duration(v["for"], ptr + "/for");
        if (v.contains("loop")) ph.loop = need_bool(v["loop"], ptr + "/loop");
        if (v.contains("hot")) {
            if (ph.pattern != Phase::Pattern::Zipf) fail(ptr + "/hot", "\"hot\" is the hot set of a \"zipf\" pattern");
            ph.hot_pages = need_pages(v["hot"], ptr + "/hot");
        }
        if (v.contains("zipf_s")) {
            if (ph.pattern != Phase::Pattern::Zipf) fail(ptr + "/zipf_s", "\"zipf_s\" is the exponent of a \"zipf\" pattern");
            ph.zipf_s = need_number(v["zipf_s"], ptr + "/zipf_s", 1e-6, 10.0);
        }
        (void)anon;
    };
    if (action == "alloc") {
        check_keys(v, ptr, {"alloc", "rate"});
        ph.kind = Phase::Kind::Alloc;
        ph.pages = need_pages(v["alloc"], ap);
        rate();
    } else if (action == "touch") {
        check_keys(v, ptr, {"touch", "rate", "for", "loop", "hot", "zipf_s"});
        ph.kind = Phase::Kind::Touch;
        ph.pattern = parse_pattern(v["touch"], ap);
        rate();
        access_options(true);
    } else if (action == "read" || action == "write") {
        if (action == "read") check_keys(v, ptr, {"read", "size", "rate", "pattern", "loop", "for", "hot", "zipf_s", "exec"});
        else check_keys(v, ptr, {"write", "size", "rate", "pattern", "loop", "for", "hot", "zipf_s"});
        ph.kind = action == "read" ? Phase::Kind::Read : Phase::Kind::Write;
        ph.file = need_string(v[action], ap);
        if (ph.file.empty()) fail(ap, "the file name is empty");
        if (!v.contains("size")) fail(ptr, "\"" + action + "\" needs the file's \"size\"");
        ph.pages = need_pages(v["size"], ptr + "/size");
        if (v.contains("pattern")) ph.pattern = parse_pattern(v["pattern"], ptr + "/pattern");
        rate();
        access_options(false);
        if (v.contains("exec")) ph.exec = need_bool(v["exec"], ptr + "/exec");
    } else if (action == "slab") {
        check_keys(v, ptr, {"slab", "rate"});
        ph.kind = Phase::Kind::Slab;
        ph.pages = need_pages(v["slab"], ap);
        rate();
    } else if (action == "mlock" || action == "free") {
        check_keys(v, ptr, {action == "mlock" ? "mlock" : "free"});
        ph.kind = action == "mlock" ? Phase::Kind::Mlock : Phase::Kind::Free;
        ph.pages = need_pages(v[action], ap);
    } else if (action == "sleep") {
        check_keys(v, ptr, {"sleep"});
        ph.kind = Phase::Kind::Sleep;
        ph.duration_ns = need_duration(v["sleep"], ap);
    } else if (action == "replay") {
        check_keys(v, ptr, {"replay", "rate", "loop"});
        ph.kind = Phase::Kind::Replay;
        ph.file = need_string(v["replay"], ap);
        rate();
        if (v.contains("loop")) ph.loop = need_bool(v["loop"], ptr + "/loop");
        auto trace = parse_trace(read_relative(ctx, ph.file, ap), ph.file, task);
        if (!trace) fail(ap, trace.error());
        if (trace->empty()) fail(ap, "the trace " + ph.file + " has no accesses for task '" + task + "'");
        ph.trace = std::make_shared<const std::vector<std::uint32_t>>(std::move(trace).value());
    } else {
        check_keys(v, ptr, {"exit"});
        if (!need_bool(v["exit"], ap)) fail(ap, "\"exit\" takes true");
        ph.kind = Phase::Kind::Exit;
    }
    return ph;
}

Scenario parse(const json& root, const std::string& source, const Context& ctx) {
    need_object(root, "");
    check_keys(root, "", {"$schema", "reclaimscope_scenario", "name", "title", "explanation", "machine", "sysctl", "swap",
                          "cost", "tasks", "timeline", "duration", "seed"});
    if (!root.contains("reclaimscope_scenario"))
        fail("", "not a ReclaimScope scenario: the key \"reclaimscope_scenario\": 1 (the format version) is missing");
    if (need_int(root["reclaimscope_scenario"], "/reclaimscope_scenario", 0, INT64_MAX) != 1)
        fail("/reclaimscope_scenario", "format version " + show(root["reclaimscope_scenario"]) +
                                           " is not known to this ReclaimScope (it reads version 1)");
    Scenario sc;
    sc.source = source;
    if (root.contains("name")) {
        sc.name = need_string(root["name"], "/name");
        const bool ok = !sc.name.empty() && sc.name.size() <= 64 &&
                        std::all_of(sc.name.begin(), sc.name.end(), [](char c) {
                            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                        }) && sc.name.front() != '-';
        if (!ok) fail("/name", "expected lower-case letters, digits and '-' (at most 64), got " + show(root["name"]));
    } else {
        sc.name = std::filesystem::path(source).stem().string();
    }
    if (!root.contains("title")) fail("", "the scenario needs a \"title\"");
    sc.title = need_string(root["title"], "/title");
    if (sc.title.empty() || sc.title.size() > 120) fail("/title", "the title must have 1 to 120 characters");
    if (root.contains("explanation")) sc.explanation = need_string(root["explanation"], "/explanation");
    EngineConfig& c = sc.config;
    c.title = sc.title;

    // The machine.
    if (!root.contains("machine")) fail("", "the scenario needs a \"machine\" (e.g. {\"ram\": \"4G\"})");
    const json& m = need_object(root["machine"], "/machine");
    check_keys(m, "/machine", {"ram", "zoneinfo", "nodes", "cpus", "kernel", "thp"});
    const int cpus = m.contains("cpus") ? static_cast<int>(need_int(m["cpus"], "/machine/cpus", 1, 1024)) : 2;
    const bool explicit_nodes = m.contains("nodes") && m["nodes"].is_array();
    if (static_cast<int>(m.contains("ram")) + static_cast<int>(m.contains("zoneinfo")) + static_cast<int>(explicit_nodes) != 1)
        fail("/machine", "give exactly one of \"ram\", \"zoneinfo\" and a \"nodes\" array");
    if (explicit_nodes) {
        // Explicit nodes and zones: each zone's memory (present = managed; or an object with
        // "present" and "managed"), laid out one after the other from pfn 1.
        const json& nodes = m["nodes"];
        if (nodes.empty() || nodes.size() > 64) fail("/machine/nodes", "expected 1 to 64 nodes");
        c.machine.zone_types = {ZoneType::DMA, ZoneType::DMA32, ZoneType::Normal, ZoneType::Movable, ZoneType::Device};
        c.machine.cpus = cpus;
        c.machine.origin = "explicit nodes in " + source;
        std::uint64_t next_pfn = 1;
        for (std::size_t n = 0; n < nodes.size(); ++n) {
            const std::string np = "/machine/nodes/" + std::to_string(n);
            const json& node = need_object(nodes[n], np);
            check_keys(node, np, {"DMA", "DMA32", "Normal", "Movable"});
            NodeSpec ns;
            for (const ZoneType t : c.machine.zone_types) {
                ZoneSpec z;
                z.type = t;
                z.start_pfn = next_pfn;
                const std::string key(zone_name(t));
                if (node.contains(key)) {
                    const std::string zp = np + "/" + key;
                    const json& v = node[key];
                    if (v.is_object()) {
                        check_keys(v, zp, {"present", "managed"});
                        if (!v.contains("present")) fail(zp, "a zone needs \"present\"");
                        z.present = need_size(v["present"], zp + "/present", kPageSize) / kPageSize;
                        z.managed = v.contains("managed") ? need_size(v["managed"], zp + "/managed", 0) / kPageSize : z.present;
                        if (z.managed > z.present) fail(zp + "/managed", "more managed pages than present ones");
                    } else {
                        z.present = z.managed = need_size(v, zp, kPageSize) / kPageSize;
                    }
                    z.spanned = z.present;
                    next_pfn += z.spanned;
                }
                ns.zones.push_back(z);
            }
            c.machine.nodes.push_back(std::move(ns));
        }
    } else if (m.contains("ram")) {
        const std::uint64_t ram = need_size(m["ram"], "/machine/ram");
        if (ram < kMinRamBytes || ram > kMaxRamBytes)
            fail("/machine/ram", format_size(ram) + " is outside the supported range " + format_size(kMinRamBytes) + " .. " +
                                     format_size(kMaxRamBytes));
        const int nodes = m.contains("nodes") ? static_cast<int>(need_int(m["nodes"], "/machine/nodes", 1, 64)) : 1; // a count
        if (ram / static_cast<std::uint64_t>(nodes) < kMinRamBytes)
            fail("/machine/nodes", std::to_string(nodes) + " nodes leave less than " + format_size(kMinRamBytes) + " each");
        c.machine = x86_64_machine(ram, nodes, cpus);
    } else {
        if (m.contains("nodes")) fail("/machine/nodes", "a machine cloned from zoneinfo has the nodes of that file");
        const std::string path = need_string(m["zoneinfo"], "/machine/zoneinfo");
        const std::string text = read_relative(ctx, path, "/machine/zoneinfo");
        auto zi = parse_zoneinfo(text, path);
        if (!zi) fail("/machine/zoneinfo", zi.error());
        auto spec = machine_from_zoneinfo(*zi, path);
        if (!spec) fail("/machine/zoneinfo", spec.error());
        c.machine = std::move(spec).value();
        c.machine.cpus = cpus;
    }
    if (m.contains("kernel")) {
        const std::string v = need_string(m["kernel"], "/machine/kernel");
        int major = 0, minor = 0;
        const auto dot = v.find('.');
        const bool ok = dot != std::string::npos &&
                        std::from_chars(v.data(), v.data() + dot, major).ptr == v.data() + dot &&
                        std::from_chars(v.data() + dot + 1, v.data() + v.size(), minor).ptr == v.data() + v.size() &&
                        major >= 4 && major <= 99 && minor >= 0 && minor <= 99;
        if (!ok) fail("/machine/kernel", "expected a kernel release like \"6.16\" or \"5.15\", got " + show(m["kernel"]));
        c.machine.kernel_version = major * 100 + minor;
    }
    c.thp = ThpMode::Madvise;
    if (m.contains("thp")) {
        const auto mode = thp_mode_from_name(need_string(m["thp"], "/machine/thp"));
        if (!mode) fail("/machine/thp", "expected \"always\", \"madvise\" or \"never\", got " + show(m["thp"]));
        c.thp = *mode;
    }
    if (auto bad = validate_machine(c.machine)) fail("/machine", *bad);
    const int nr_zone_types = c.machine.nr_zone_types();

    if (root.contains("sysctl")) c.sysctl_writes = parse_sysctls(root["sysctl"], "/sysctl", nr_zone_types);

    int disks = 0, zrams = 0;
    std::set<std::string> swap_names;
    if (root.contains("swap")) {
        const json& a = need_array(root["swap"], "/swap");
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string p = "/swap/" + std::to_string(i);
            c.swap_devices.push_back(parse_swap(a[i], p, disks, zrams));
            if (!swap_names.insert(c.swap_devices.back().name).second)
                fail(p + "/name", "two swap areas are called " + c.swap_devices.back().name);
        }
    }

    if (root.contains("cost")) {
        const json& o = need_object(root["cost"], "/cost");
        check_keys(o, "/cost", {"page_alloc_ns", "page_touch_ns", "scan_page_ns", "free_page_ns", "kswapd_wakeup_ns",
                                "alloc_retry_ns", "disk_read_ns_per_page", "disk_write_ns_per_page"});
        auto get = [&](const char* key, std::int64_t& field) {
            if (o.contains(key)) field = need_int(o[key], std::string("/cost/") + key, 0, 1'000'000'000'000);
        };
        get("page_alloc_ns", c.cost.page_alloc_ns);
        get("page_touch_ns", c.cost.page_touch_ns);
        get("scan_page_ns", c.cost.scan_page_ns);
        get("free_page_ns", c.cost.free_page_ns);
        get("kswapd_wakeup_ns", c.cost.kswapd_wakeup_ns);
        get("alloc_retry_ns", c.cost.alloc_retry_ns);
        get("disk_read_ns_per_page", c.cost.disk_read_ns_per_page);
        get("disk_write_ns_per_page", c.cost.disk_write_ns_per_page);
        if (c.cost.alloc_retry_ns == 0) fail("/cost/alloc_retry_ns", "must be positive (a failed allocation waits this long)");
    }

    if (!root.contains("tasks")) fail("", "the scenario needs \"tasks\" (an empty array for an idle machine)");
    const json& tasks = need_array(root["tasks"], "/tasks");
    std::set<std::string> names;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const std::string p = "/tasks/" + std::to_string(i);
        const json& t = need_object(tasks[i], p);
        check_keys(t, p, {"name", "start", "exit", "node", "oom_score_adj", "fork_of", "phases"});
        TaskSpec ts;
        if (!t.contains("name")) fail(p, "a task needs a \"name\"");
        ts.name = need_string(t["name"], p + "/name");
        if (ts.name.empty() || ts.name.size() > 15) fail(p + "/name", "a task name has 1 to 15 characters (like a Linux comm)");
        if (!names.insert(ts.name).second) fail(p + "/name", "another task is already called '" + ts.name + "'");
        if (t.contains("start")) ts.start_ns = need_duration(t["start"], p + "/start");
        if (t.contains("exit")) {
            ts.exit_ns = need_duration(t["exit"], p + "/exit");
            if (ts.exit_ns < ts.start_ns) fail(p + "/exit", "the task exits before it starts");
        }
        if (t.contains("node"))
            ts.node = static_cast<int>(need_int(t["node"], p + "/node", 0, static_cast<std::int64_t>(c.machine.nodes.size()) - 1));
        if (t.contains("oom_score_adj")) ts.oom_score_adj = static_cast<int>(need_int(t["oom_score_adj"], p + "/oom_score_adj", -1000, 1000));
        if (t.contains("fork_of")) {
            ts.fork_of = need_string(t["fork_of"], p + "/fork_of");
            if (!names.count(ts.fork_of) || ts.fork_of == ts.name)
                fail(p + "/fork_of", "'" + ts.fork_of + "' is not a task listed before this one");
        }
        if (!t.contains("phases")) fail(p, "a task needs \"phases\"");
        const json& phases = need_array(t["phases"], p + "/phases");
        if (phases.empty()) fail(p + "/phases", "a task needs at least one phase");
        for (std::size_t j = 0; j < phases.size(); ++j)
            ts.phases.push_back(parse_phase(phases[j], p + "/phases/" + std::to_string(j), ts.name, ctx));
        c.tasks.push_back(std::move(ts));
    }

    if (root.contains("timeline")) {
        const json& a = need_array(root["timeline"], "/timeline");
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string p = "/timeline/" + std::to_string(i);
            const json& e = need_object(a[i], p);
            check_keys(e, p, {"at", "set", "swapon", "swapoff"});
            if (!e.contains("at")) fail(p, "a timeline action needs \"at\" (e.g. \"10s\")");
            const std::int64_t at = need_duration(e["at"], p + "/at");
            const int n = static_cast<int>(e.contains("set")) + static_cast<int>(e.contains("swapon")) +
                          static_cast<int>(e.contains("swapoff"));
            if (n != 1) fail(p, "a timeline action does one of \"set\", \"swapon\" or \"swapoff\"");
            if (e.contains("set")) {
                for (auto& w : parse_sysctls(e["set"], p + "/set", nr_zone_types)) {
                    TimelineAction act;
                    act.at_ns = at;
                    act.kind = TimelineAction::Kind::Sysctl;
                    act.sysctl = std::move(w);
                    c.timeline.push_back(std::move(act));
                }
            } else if (e.contains("swapon")) {
                TimelineAction act;
                act.at_ns = at;
                act.kind = TimelineAction::Kind::Swapon;
                act.swap = parse_swap(e["swapon"], p + "/swapon", disks, zrams);
                c.timeline.push_back(std::move(act));
            } else {
                TimelineAction act;
                act.at_ns = at;
                act.kind = TimelineAction::Kind::Swapoff;
                act.device = need_string(e["swapoff"], p + "/swapoff");
                c.timeline.push_back(std::move(act));
            }
        }
    }
    if (root.contains("duration")) {
        sc.duration_ns = need_duration(root["duration"], "/duration");
        if (sc.duration_ns <= 0) fail("/duration", "the duration must be positive");
    }
    if (root.contains("seed")) c.seed = static_cast<std::uint64_t>(need_int(root["seed"], "/seed", 0, INT64_MAX));

    // What only the engine can judge (forks, swap names over time, impossible sizes) is checked
    // by creating it once, here, so a bad file never reaches a running simulation.
    if (ctx.check_engine)
        if (auto e = Engine::create(c); !e) fail("", e.error());
    return sc;
}

Result<std::string> read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Result<std::string>::failure("cannot read '" + path + "': " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Result<std::string>::failure("error while reading '" + path + "'");
    return ss.str();
}

} // namespace

Result<std::vector<std::uint32_t>> parse_trace(std::string_view text, const std::string& source, const std::string& task) {
    using R = Result<std::vector<std::uint32_t>>;
    std::vector<std::uint32_t> out;
    std::size_t line_no = 0;
    while (!text.empty()) {
        ++line_no;
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::vector<std::string_view> fields;
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == ',')) ++i;
            const std::size_t b = i;
            while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != ',') ++i;
            if (i > b) fields.push_back(line.substr(b, i - b));
        }
        if (fields.empty() || fields[0].front() == '#') continue;
        if (fields.size() > 2)
            return R::failure(source + ":" + std::to_string(line_no) + ": expected PAGE or TASK PAGE, got " +
                              std::to_string(fields.size()) + " fields");
        if (fields.size() == 2 && fields[0] != task) continue;
        const std::string_view page = fields.back();
        std::uint64_t v = 0;
        const auto [p, ec] = std::from_chars(page.data(), page.data() + page.size(), v);
        if (ec != std::errc{} || p != page.data() + page.size() || v >= 0x80000000ull)
            return R::failure(source + ":" + std::to_string(line_no) + ": '" + std::string(page) +
                              "' is not a page number (0 .. 2^31 - 1)");
        out.push_back(static_cast<std::uint32_t>(v));
    }
    return out;
}

Result<Scenario> load_scenario_text(std::string_view text, const std::string& source, const std::string& base_dir,
                                    const ScenarioFileReader& read_file, bool check_engine) {
    using R = Result<Scenario>;
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // Line and column of the byte where parsing stopped.
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        std::string what = e.what();
        const auto colon = what.find(": ", what.find("parse error"));
        if (colon != std::string::npos) what = what.substr(colon + 2);
        return R::failure(source + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + what);
    } catch (const json::exception& e) {
        // A number too large for any type (out_of_range.406), found by the fuzzer.
        std::string what = e.what();
        const auto bracket = what.find("] ");
        if (bracket != std::string::npos) what = what.substr(bracket + 2);
        return R::failure(source + ": " + what);
    }
    Context ctx{base_dir, read_file ? read_file : ScenarioFileReader(read_whole_file), check_engine};
    try {
        return parse(root, source, ctx);
    } catch (const LoadError& e) {
        return R::failure(source + ": " + (e.pointer.empty() ? "" : e.pointer + ": ") + e.message);
    } catch (const json::exception& e) {
        return R::failure(source + ": " + e.what());
    }
}

Result<Scenario> load_scenario_file(const std::string& path) {
    auto text = read_whole_file(path);
    if (!text) return Result<Scenario>::failure(text.error());
    return load_scenario_text(*text, path, std::filesystem::path(path).parent_path().string());
}

} // namespace rs
