// host_scenario_json(): this machine's zones, sysctls and swap areas as a scenario file. Reads
// /proc and /sys only; the zoneinfo and swaps parsers of core/procfs do the parsing.
#include "host/host_scenario.h"

#include "config/kernel_version.h"
#include "host/host_watch.h"
#include "mm/sysctl.h"
#include "procfs/swaps.h"
#include "procfs/zoneinfo.h"
#include "scenario/loader.h"
#include "util/file_io.h"
#include "util/units.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>
#include <vector>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace rs {

namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

// A file that exists but cannot be used: its message names it.
struct HostError {
    std::string message;
};

// ROOT + an absolute path ("/" + "/proc/swaps" is "/proc/swaps").
std::string under(const std::string& root, const std::string& abs) {
    std::string r = root;
    while (!r.empty() && r.back() == '/') r.pop_back();
    return r + abs;
}

// The text of a file, or nothing when it does not exist.
std::optional<std::string> read_if_there(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    auto text = read_text_file(path, kScenarioFileLimit);
    if (!text) throw HostError{text.error()};
    return std::move(text).value();
}

std::string first_line(const std::string& text) {
    return std::string(trim_blanks(text.substr(0, text.find('\n'))));
}

// "4G", "1536M", "15992K": the exact size in the largest unit that divides it.
std::string size_text(std::uint64_t bytes) {
    if (bytes != 0 && bytes % (1ull << 30) == 0) return std::to_string(bytes >> 30) + "G";
    if (bytes != 0 && bytes % (1ull << 20) == 0) return std::to_string(bytes >> 20) + "M";
    return std::to_string(bytes >> 10) + "K";
}

// What the explanation adds about the clone, in both languages.
struct Notes {
    std::vector<std::string> en, zh;
    void add(std::string e, std::string z) {
        en.push_back(std::move(e));
        zh.push_back(std::move(z));
    }
};

// /sys/devices/system/cpu/online: "0-1", "0,2-5".
std::optional<int> online_cpus(const std::string& text, const std::string& path) {
    int n = 0;
    std::istringstream in(first_line(text));
    for (std::string part; std::getline(in, part, ',');) {
        const auto dash = part.find('-');
        const auto a = parse_int(part.substr(0, dash));
        const auto b = dash == std::string::npos ? a : parse_int(part.substr(dash + 1));
        if (!a || !b || *b < *a) throw HostError{path + ": '" + part + "' is not a CPU number or range"};
        n += static_cast<int>(*b - *a + 1);
    }
    if (n == 0) return std::nullopt;
    return n;
}

// "6.18.44-fc-v1147" -> "6.18" when the simulator follows that release, else the nearest one
// (empty: not a release, the default applies).
std::string kernel_release(const std::string& osrelease, Notes& notes) {
    int major_nr = 0, minor_nr = 0;
    if (std::sscanf(osrelease.c_str(), "%d.%d", &major_nr, &minor_nr) != 2 || major_nr < 0 || minor_nr < 0) {
        notes.add("The kernel release '" + osrelease + "' is not of the form X.Y; the default rules (6.16) apply.",
                  "内核版本 '" + osrelease + "' 不是 X.Y 的形式；按默认版本（6.16）的规则模拟。");
        return {};
    }
    const std::string release = std::to_string(major_nr) + "." + std::to_string(minor_nr);
    if (parse_kernel_release(release)) return release;
    const std::string nearest = major_nr < 4 ? "4.0" : "99.99";
    notes.add("Linux " + release + " is outside the releases the simulator follows (4.0 to 99.99); the nearest, " +
                  nearest + ", applies.",
              "模拟器支持 4.0 到 99.99 的内核，Linux " + release + " 不在其中；按最接近的 " + nearest + " 的规则模拟。");
    return nearest;
}

// A sysctl's value as the explanation quotes it: "67584", "256 256 32 0 0".
std::string value_text(const ojson& v) {
    if (!v.is_array()) return std::to_string(v.get<std::int64_t>());
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + std::to_string(x.get<std::int64_t>());
    return s;
}

// The vm_table's sysctls as this machine has them. A value of lowmem_reserve_ratio per zone
// type: the machine's array follows its own zone list (MAX_NR_ZONES of its config).
ojson sysctls(const std::string& root, const std::vector<ZoneType>& host_zones, Notes& notes) {
    const std::vector<ZoneType> scenario_zones = {ZoneType::DMA, ZoneType::DMA32, ZoneType::Normal, ZoneType::Movable,
                                                  ZoneType::Device};
    ojson out = ojson::object();
    std::vector<std::string> missing;
    for (const ctl_table& t : sysctl_table()) {
        const std::string name(t.procname);
        const std::string path = under(root, "/proc/sys/vm/" + name.substr(3));
        const auto read = read_host_sysctl(root, t);
        if (!read) throw HostError{read.error()};
        if (!read.value()) {
            missing.push_back(name);
            continue;
        }
        std::vector<std::int64_t> values = *read.value();
        if (t.is_list()) {
            std::vector<std::int64_t> mapped;
            for (const ZoneType z : scenario_zones) {
                const auto at = std::find(host_zones.begin(), host_zones.end(), z) - host_zones.begin();
                mapped.push_back(static_cast<std::size_t>(at) < values.size() ? values[static_cast<std::size_t>(at)]
                                                                              : default_lowmem_reserve_ratio(z));
            }
            values = mapped;
        } else if (values.size() != 1) {
            throw HostError{path + ": expected one integer, got " + std::to_string(values.size())};
        }
        std::string joined;
        for (const auto v : values) joined += (joined.empty() ? "" : " ") + std::to_string(v);
        if (auto w = make_sysctl_write(name, joined, static_cast<int>(scenario_zones.size())); !w) {
            notes.add(name + " = " + joined + " is left out: " + w.error() + ".",
                      name + " = " + joined + " 未写入：" + w.error() + "。");
            continue;
        }
        if (t.is_list()) out[name] = values;
        else out[name] = values.front();
    }
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        notes.add("This machine has no " + list + ": the simulator's default applies.",
                  "本机没有 " + list + "：使用模拟器的默认值。");
    }
    return out;
}

// The nodes and zones in the scenario's explicit form: present, managed, spanned, start_pfn.
ojson nodes_json(const MachineSpec& spec, Notes& notes) {
    ojson nodes = ojson::array();
    bool device = false;
    for (const NodeSpec& n : spec.nodes) {
        ojson node = ojson::object();
        for (const ZoneSpec& z : n.zones) {
            if (z.present == 0) continue;
            if (z.type == ZoneType::Device) {
                device = true;
                continue;
            }
            ojson zone = ojson::object();
            zone["present"] = size_text(z.present * kPageSize);
            zone["managed"] = size_text(z.managed * kPageSize);
            zone["spanned"] = size_text(z.spanned * kPageSize);
            zone["start_pfn"] = z.start_pfn;
            node[std::string(zone_name(z.type))] = zone;
        }
        nodes.push_back(node);
    }
    if (device)
        notes.add("ZONE_DEVICE memory is left out: the simulator's Device zones are empty.",
                  "ZONE_DEVICE 的内存未克隆：模拟器的 Device zone 总是空的。");
    return nodes;
}

// A swap area's kind: zram by name (/dev/zramN), otherwise from the rotational flag of the
// partition's disk or of the device a swap file lives on. Empty when the flag is not found.
std::optional<SwapKind> host_swap_kind(const std::string& root, const std::string& name, bool is_file) {
    auto rotational = [](const fs::path& file) -> std::optional<SwapKind> {
        const auto text = read_if_there(file.string());
        if (!text) return std::nullopt;
        const std::string v = first_line(*text);
        if (v == "1") return SwapKind::HDD;
        if (v == "0") return SwapKind::SSD;
        throw HostError{file.string() + ": expected 0 or 1, got '" + v + "'"};
    };
    const auto is_zram = [](const std::string& dev) { return dev.rfind("zram", 0) == 0; };
    std::error_code ec;
    if (!is_file) {
        // /dev/mapper/NAME is a link to /dev/dm-N, the name /sys/block knows.
        const fs::path real = fs::canonical(under(root, name), ec);
        const std::string dev = ec ? fs::path(name).filename().string() : real.filename().string();
        if (is_zram(dev) || is_zram(fs::path(name).filename().string())) return SwapKind::Zram;
        if (auto k = rotational(under(root, "/sys/block/" + dev + "/queue/rotational"))) return k;
        // A partition: the directory of its disk holds it (/sys/block/sda/sda2).
        for (const auto& disk : fs::directory_iterator(under(root, "/sys/block"), ec))
            if (fs::exists(disk.path() / dev, ec)) return rotational(disk.path() / "queue" / "rotational");
        return std::nullopt;
    }
    // A swap file: the block device its file system is on (/sys/dev/block/MAJ:MIN), or that
    // device's disk when it is a partition.
    struct stat st{};
    if (::stat(under(root, name).c_str(), &st) != 0 || major(st.st_dev) == 0) return std::nullopt;
    const std::string id = std::to_string(major(st.st_dev)) + ":" + std::to_string(minor(st.st_dev));
    const fs::path dev = fs::canonical(under(root, "/sys/dev/block/" + id), ec);
    if (ec) return std::nullopt;
    if (is_zram(dev.filename().string())) return SwapKind::Zram;
    if (auto k = rotational(dev / "queue" / "rotational")) return k;
    return rotational(dev.parent_path() / "queue" / "rotational");
}

// The swap areas of /proc/swaps, highest priority first (the automatic -2, -3, ... come back
// in that order when their "prio" is left out).
ojson swap_json(const std::string& root, Notes& notes, std::string& summary_en, std::string& summary_zh) {
    ojson areas = ojson::array();
    const std::string path = under(root, "/proc/swaps");
    const auto text = read_if_there(path);
    if (!text) return areas; // a kernel without CONFIG_SWAP
    auto parsed = parse_proc_swaps(*text, path);
    if (!parsed) throw HostError{parsed.error()};
    std::vector<ProcSwapsArea> list = std::move(parsed).value();
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.prio > b.prio; });
    for (const ProcSwapsArea& a : list) {
        const auto kind = host_swap_kind(root, a.name, a.type == "file");
        if (!kind)
            notes.add("The kind of " + a.name + " was not found (no rotational flag): ssd assumed.",
                      "未找到 " + a.name + " 的类型（没有 rotational 标志）：按 ssd 处理。");
        const std::uint64_t bytes = (a.size_kb + kPageSize / 1024) * 1024; // Size leaves out the header page
        ojson area = ojson::object();
        area["name"] = a.name;
        area["size"] = size_text(bytes);
        area["kind"] = std::string(swap_kind_key(kind.value_or(SwapKind::SSD)));
        if (a.prio >= 0) area["prio"] = a.prio;
        const std::string kind_key = area["kind"].get<std::string>();
        summary_en += (summary_en.empty() ? "" : ", ") + a.name + " (" + kind_key + ", " + format_size(bytes) +
                      ", priority " + std::to_string(a.prio) + (a.prio >= 0 ? ")" : ", automatic)");
        summary_zh += (summary_zh.empty() ? "" : "、") + a.name + "（" + kind_key + "，" + format_size(bytes) +
                      "，优先级 " + std::to_string(a.prio) + (a.prio >= 0 ? "）" : "，自动）");
        areas.push_back(area);
    }
    return areas;
}

std::string join_notes(const std::vector<std::string>& notes, const char* sep) {
    std::string out;
    for (const auto& n : notes) out += sep + n;
    return out;
}

std::string generate(const std::string& root, std::time_t now) {
    const std::string zoneinfo_path = under(root, "/proc/zoneinfo");
    const auto zoneinfo_text = read_text_file(zoneinfo_path, kScenarioFileLimit);
    if (!zoneinfo_text) throw HostError{zoneinfo_text.error()};
    const auto zi = parse_zoneinfo(*zoneinfo_text, zoneinfo_path);
    if (!zi) throw HostError{zi.error()};
    const auto spec = machine_from_zoneinfo(*zi, zoneinfo_path);
    if (!spec) throw HostError{spec.error()};

    Notes notes;
    const std::string host = first_line(read_if_there(under(root, "/proc/sys/kernel/hostname")).value_or("localhost"));
    const std::string osrelease = first_line(read_if_there(under(root, "/proc/sys/kernel/osrelease")).value_or(""));
    const std::string release = osrelease.empty() ? std::string() : kernel_release(osrelease, notes);
    std::optional<int> cpus;
    const std::string cpu_path = under(root, "/sys/devices/system/cpu/online");
    if (const auto text = read_if_there(cpu_path)) cpus = online_cpus(*text, cpu_path);
    if (cpus) cpus = std::clamp(*cpus, 1, 1024);
    std::string thp = "never"; // no file: a kernel without transparent hugepages
    const std::string thp_path = under(root, "/sys/kernel/mm/transparent_hugepage/enabled");
    if (const auto text = read_if_there(thp_path)) {
        const auto open = text->find('['), close = text->find(']');
        if (open == std::string::npos || close < open || !thp_mode_from_name(text->substr(open + 1, close - open - 1)))
            throw HostError{thp_path + ": expected the mode in brackets, e.g. 'always [madvise] never'"};
        thp = text->substr(open + 1, close - open - 1);
    }

    ojson machine = ojson::object();
    machine["nodes"] = nodes_json(*spec, notes);
    if (cpus) machine["cpus"] = *cpus;
    if (!release.empty()) machine["kernel"] = release;
    machine["thp"] = thp;
    const ojson sysctl = sysctls(root, spec->zone_types, notes);
    std::string swaps_en, swaps_zh;
    const ojson swap = swap_json(root, notes, swaps_en, swaps_zh);

    char date[32];
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", &tm);
    const std::string linux_name = "Linux " + (osrelease.empty() ? std::string("?") : osrelease);
    const std::string short_host = host.substr(0, 60);
    std::string settings_en, settings_zh;
    for (const auto& [k, v] : sysctl.items()) {
        settings_en += (settings_en.empty() ? "" : ", ") + k + " = " + value_text(v);
        settings_zh += (settings_zh.empty() ? "" : "，") + k + " = " + value_text(v);
    }
    const std::string cpus_en = cpus ? ", " + std::to_string(*cpus) + " CPUs" : "";
    const std::string cpus_zh = cpus ? "，" + std::to_string(*cpus) + " 个 CPU" : "";
    const std::string example = R"({"name": "app", "phases": [{"alloc": "2G", "rate": "500M/s"}]})";
    const std::string example_read = R"({"read": "data.bin", "size": "8G", "rate": "400M/s"})";

    ojson out = ojson::object();
    out["reclaimscope_scenario"] = 1;
    out["title"] = {{"en", "This machine: " + short_host + ", " + linux_name.substr(0, 40)},
                    {"zh_CN", "本机：" + short_host + "，" + linux_name.substr(0, 40)}};
    out["explanation"] = {
        {"en", "This machine, " + host + " (" + linux_name + cpus_en + "), as it was on " + date +
                   ": its nodes and zones (present, spanned and managed pages of /proc/zoneinfo), its vm.* sysctls (" +
                   settings_en + ")" + (swap.empty() ? "; it has no swap" : " and its swap areas: " + swaps_en) +
                   ". At boot every zone's min, low and high watermarks and its protection are the ones this machine's "
                   "/proc/zoneinfo showed, without a watermark boost (compare with --print-zoneinfo). All memory starts "
                   "free and no process runs yet: add the workload under \"tasks\" (docs/scenario-format.md, tasks and "
                   "phases), for example " + example + ", or a task with the phase " + example_read +
                   ", then open the file again (Scenarios > Open Scenario File, or reclaimscope --scenario FILE)." +
                   join_notes(notes.en, " ")},
        {"zh_CN", "本机 " + host + "（" + linux_name + cpus_zh + "），" + date + " 时的样子：它的节点和 zone（/proc/zoneinfo 中的 present、"
                  "spanned 和 managed 页数）、vm.* sysctl（" + settings_zh + "）" +
                      (swap.empty() ? std::string("；本机没有交换分区") : "以及交换分区：" + swaps_zh) +
                      "。启动时每个 zone 的最低水线、低水线、高水线和 protection 与本机 /proc/zoneinfo 所示相同，"
                      "不含水线提升（可用 --print-zoneinfo 对照）。内存开始时全部空闲，也还没有进程运行：请在 \"tasks\" 中加入"
                      "工作负载（见 docs/scenario-format.md 的 tasks 和 phases），例如 " + example + "，或者一个阶段为 " +
                      example_read + " 的任务，然后重新打开这个文件（场景 > 打开场景文件，或 reclaimscope --scenario FILE）。" +
                      join_notes(notes.zh, "")}};
    out["machine"] = machine;
    if (!sysctl.empty()) out["sysctl"] = sysctl;
    if (!swap.empty()) out["swap"] = swap;
    out["tasks"] = ojson::array();
    return out.dump(2) + "\n";
}

} // namespace

Result<std::string> host_scenario_json(const std::string& root, std::time_t now) {
    try {
        std::string text = generate(root, now);
        // The file must load as it is written: check it with the loader (the engine is booted
        // by whoever opens it).
        if (auto sc = load_scenario_text(text, "the scenario of " + root, "", {}, false); !sc)
            return Result<std::string>::failure("the scenario made from " + root + " does not load: " + sc.error());
        return text;
    } catch (const HostError& e) {
        return Result<std::string>::failure(e.message);
    } catch (const std::exception& e) { // a file system error; text that is not UTF-8 (json's dump)
        return Result<std::string>::failure("the scenario of " + root + " could not be made: " + e.what());
    }
}

} // namespace rs
