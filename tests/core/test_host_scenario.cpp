// A scenario cloned from a machine (host/host_scenario.h): on this machine, loading it boots
// zones whose watermarks, protection and sizes are this machine's /proc/zoneinfo to the page,
// and sysctls equal to /proc/sys/vm; on a stored root with swap, the areas of its /proc/swaps.
#include "fixtures.h"
#include "machine_helpers.h"

#include "host/host_scenario.h"
#include "mm/sysctl.h"
#include "procfs/swaps.h"
#include "scenario/loader.h"
#include "sim/engine.h"
#include "util/file_io.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

using namespace rs;

namespace {

namespace fs = std::filesystem;

std::vector<std::int64_t> integers(const std::string& text) {
    std::vector<std::int64_t> out;
    std::istringstream in(text);
    for (std::int64_t v; in >> v;) out.push_back(v);
    return out;
}

std::string read_proc(const std::string& path) {
    auto text = rs::read_text_file(path, kScenarioFileLimit);
    REQUIRE(text);
    return text.value();
}

// The zone fields a clone must keep, and the watermarks the kernel printed (with its boost).
bool same_zones(const Zoneinfo& a, const Zoneinfo& b) {
    if (a.zones.size() != b.zones.size()) return false;
    for (std::size_t i = 0; i < a.zones.size(); ++i) {
        for (const char* k : {"managed", "present", "spanned", "start_pfn", "min", "low", "high", "promo", "boost"})
            if (a.zones[i].get(k) != b.zones[i].get(k)) return false;
        if (a.zones[i].protection != b.zones[i].protection) return false;
    }
    return true;
}

// This machine's scenario and the zoneinfo it was made from: read around the clone, retried
// until nothing changed meanwhile (memory hotplug or a boost can move the lines).
struct LiveClone {
    std::string json;
    Zoneinfo zi;
};

LiveClone clone_this_machine() {
    for (int attempt = 0; attempt < 20; ++attempt) {
        auto before = parse_zoneinfo(read_proc("/proc/zoneinfo"), "/proc/zoneinfo");
        auto json = host_scenario_json("/");
        auto after = parse_zoneinfo(read_proc("/proc/zoneinfo"), "/proc/zoneinfo");
        REQUIRE(before);
        REQUIRE(after);
        INFO(json.error());
        REQUIRE(json);
        if (same_zones(*before, *after)) return {json.value(), before.value()};
    }
    FAIL("/proc/zoneinfo kept changing while the machine was cloned");
    return {};
}

std::unique_ptr<Engine> boot(const std::string& json, const std::string& source) {
    auto sc = load_scenario_text(json, source, "");
    INFO(sc.error());
    REQUIRE(sc);
    auto e = Engine::create(sc->config);
    INFO(e.error());
    REQUIRE(e);
    return std::move(e).value();
}

std::string fixture_root() { return test_data("host-root-swaps"); }

} // namespace

TEST_CASE("a scenario cloned from this machine boots its zones with the watermarks of its zoneinfo") {
    if (!fs::exists("/proc/zoneinfo")) {
        WARN("/proc/zoneinfo is absent here: the clone of this machine cannot be compared");
        return;
    }
    const LiveClone clone = clone_this_machine();
    const auto engine = boot(clone.json, "this-machine.json");
    const Machine& m = engine->kernel().machine;
    int compared = 0;
    for (const ZoneinfoZone& rz : clone.zi.zones) {
        if (rz.get("managed").value_or(0) == 0) continue; // unpopulated: nothing to boot
        const Zone& z = zone_of(m, *zone_type_from_name(rz.name), rz.node);
        const std::int64_t boost = rz.get("boost").value_or(0); // zoneinfo prints each mark + boost
        INFO("node " << rz.node << ", zone " << rz.name << ": host min " << *rz.get("min") << " low " << *rz.get("low")
                     << " high " << *rz.get("high") << " boost " << boost << " managed " << *rz.get("managed"));
        CHECK(static_cast<std::int64_t>(z.managed_pages) == *rz.get("managed"));
        CHECK(static_cast<std::int64_t>(z.present_pages) == *rz.get("present"));
        CHECK(static_cast<std::int64_t>(z.spanned_pages) == *rz.get("spanned"));
        CHECK(static_cast<std::int64_t>(z.zone_start_pfn) == *rz.get("start_pfn"));
        CHECK(static_cast<std::int64_t>(z.watermark[WMARK_MIN]) == *rz.get("min") - boost);
        CHECK(static_cast<std::int64_t>(z.watermark[WMARK_LOW]) == *rz.get("low") - boost);
        CHECK(static_cast<std::int64_t>(z.watermark[WMARK_HIGH]) == *rz.get("high") - boost);
        if (auto promo = rz.get("promo")) CHECK(static_cast<std::int64_t>(z.watermark[WMARK_PROMO]) == *promo - boost);
        CHECK(z.watermark_boost == 0);
        REQUIRE(rz.protection.size() == static_cast<std::size_t>(m.nr_zone_types()));
        for (std::size_t i = 0; i < rz.protection.size(); ++i)
            CHECK(static_cast<std::int64_t>(z.lowmem_reserve[i]) == rz.protection[i]);
        ++compared;
    }
    CHECK(compared >= 2);
    // No tasks: the machine idles.
    CHECK(engine->config().tasks.empty());
}

TEST_CASE("a scenario cloned from this machine boots with the values of its proc sys vm files") {
    if (!fs::exists("/proc/sys/vm/min_free_kbytes")) {
        WARN("/proc/sys/vm is absent here: the sysctls of this machine cannot be compared");
        return;
    }
    const LiveClone clone = clone_this_machine();
    const auto engine = boot(clone.json, "this-machine.json");
    int compared = 0;
    for (const ctl_table& t : sysctl_table()) {
        const std::string path = "/proc/sys/vm/" + std::string(t.procname.substr(3));
        if (!fs::exists(path)) continue;
        INFO(t.procname);
        const auto host = integers(read_proc(path));
        const auto sim = integers(read_sysctl(engine->kernel().sysctl, t.procname, engine->kernel().machine.nr_zone_types()));
        CHECK(sim == host);
        ++compared;
    }
    CHECK(compared == static_cast<int>(sysctl_table().size()));
}

TEST_CASE("a cloned machine's swap areas have the size priority and kind of its proc swaps") {
    const auto json = host_scenario_json(fixture_root(), 1'800'000'000);
    INFO(json.error());
    REQUIRE(json);
    auto sc = load_scenario_text(*json, "desk.json", "");
    REQUIRE(sc);
    struct Want {
        std::uint64_t size;
        int prio;
        SwapKind kind;
    };
    // Highest priority first; the automatic (negative) ones keep their order: -2, -3, -4.
    const std::vector<std::pair<std::string, Want>> want = {
        {"/dev/zram0", {4ull << 30, 100, SwapKind::Zram}},      // by name
        {"/dev/nvme0n1p3", {2ull << 30, 10, SwapKind::SSD}},    // its disk's rotational 0
        {"/dev/vdb", {256ull << 20, 5, SwapKind::HDD}},         // a whole disk, rotational 1
        {"/dev/sda2", {1ull << 30, -1, SwapKind::HDD}},         // its disk's rotational 1
        {"/swapfile", {512ull << 20, -1, SwapKind::SSD}},       // no device found: ssd assumed
        {"/var/swap b", {128ull << 20, -1, SwapKind::SSD}},     // \040 in /proc/swaps
    };
    const auto& areas = sc->config.swap_devices;
    REQUIRE(areas.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        INFO(want[i].first);
        CHECK(areas[i].name == want[i].first);
        CHECK(areas[i].size_bytes == want[i].second.size);
        CHECK(areas[i].prio == want[i].second.prio);
        CHECK(areas[i].kind == want[i].second.kind);
    }
    // Booted, the simulated /proc/swaps has the stored one's sizes and priorities.
    const auto engine = boot(*json, "desk.json");
    const auto stored = parse_proc_swaps(read_text_file(fixture_root() + "/proc/swaps"), "stored");
    const auto simulated = parse_proc_swaps(format_swaps(engine->kernel()), "simulated");
    REQUIRE(stored);
    REQUIRE(simulated);
    std::map<std::string, std::pair<std::uint64_t, int>> by_name;
    for (const auto& a : *simulated) by_name[a.name] = {a.size_kb, a.prio};
    REQUIRE(by_name.size() == stored->size());
    for (const auto& a : *stored) {
        INFO(a.name);
        CHECK(by_name[a.name] == std::make_pair(a.size_kb, a.prio));
    }
    // The rest of that root: its sysctls (vm.page-cluster absent: left out), kernel, CPUs, THP.
    std::map<std::string, std::vector<std::int64_t>> sysctls;
    for (const auto& w : sc->config.sysctl_writes) sysctls[w.name] = w.values;
    CHECK(sysctls.size() == sysctl_table().size() - 1);
    CHECK(sysctls.count("vm.page-cluster") == 0);
    CHECK(sysctls["vm.swappiness"] == std::vector<std::int64_t>{100});
    CHECK(sysctls["vm.watermark_scale_factor"] == std::vector<std::int64_t>{125});
    CHECK(sysctls["vm.lowmem_reserve_ratio"] == std::vector<std::int64_t>{256, 256, 32, 0, 0});
    CHECK(sc->config.machine.kernel_version == 515);
    CHECK(sc->config.machine.cpus == 8);
    CHECK(sc->config.thp == ThpMode::Madvise);
    CHECK(sc->config.tasks.empty());
    CHECK(sc->title.en == "This machine: desk, Linux 5.15.0-91-generic");
    CHECK(sc->title.zh_CN == "本机：desk，Linux 5.15.0-91-generic");
    for (const std::string* text : {&sc->explanation.en, &sc->explanation.zh_CN}) {
        INFO(*text);
        CHECK(text->find("2027-01-15 08:00 UTC") != std::string::npos);
        CHECK(text->find("\"tasks\"") != std::string::npos);
        CHECK(text->find("vm.page-cluster") != std::string::npos); // the note on what is missing
        CHECK(text->find("/swapfile") != std::string::npos);
    }
    CHECK(sc->explanation.en.find("add the workload") != std::string::npos);
}

TEST_CASE("proc swaps is parsed as swap_show writes it and other text is refused") {
    const std::string header = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n";
    auto none = parse_proc_swaps(header, "swaps");
    REQUIRE(none);
    CHECK(none->empty());
    // The header before 5.x had one tab between Size and Used; a file's type is "file\t".
    auto old = parse_proc_swaps("Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n"
                                "/swap\\134x                              file\t\t1048572\t12\t-2\n",
                                "swaps");
    REQUIRE(old);
    REQUIRE(old->size() == 1);
    CHECK((*old)[0].name == "/swap\\x");
    CHECK((*old)[0].type == "file");
    CHECK((*old)[0].size_kb == 1048572);
    CHECK((*old)[0].used_kb == 12);
    CHECK((*old)[0].prio == -2);
    const auto short_line = parse_proc_swaps(header + "/dev/sda2 partition 100 0\n", "swaps");
    REQUIRE_FALSE(short_line);
    CHECK(short_line.error() == "swaps:2: expected 'PATH TYPE SIZE USED PRIORITY', got 4 fields");
    const auto bad_size = parse_proc_swaps(header + "/dev/sda2 partition big 0 -2\n", "swaps");
    REQUIRE_FALSE(bad_size);
    CHECK(bad_size.error() == "swaps:2: size 'big' is not a number of KiB");
    const auto meminfo = parse_proc_swaps("MemTotal:  100 kB\n", "swaps");
    REQUIRE_FALSE(meminfo);
    CHECK(meminfo.error().rfind("swaps:1: expected the header", 0) == 0);
}

TEST_CASE("a clone names the file it could not use and writes nothing") {
    const fs::path root = fs::temp_directory_path() / ("rs-host-root-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "proc/sys/vm");
    const auto no_zoneinfo = host_scenario_json(root.string());
    REQUIRE_FALSE(no_zoneinfo);
    CHECK(no_zoneinfo.error().find((root / "proc/zoneinfo").string()) != std::string::npos);

    fs::copy_file(fixture_root() + "/proc/zoneinfo", root / "proc/zoneinfo");
    CHECK(host_scenario_json(root.string())); // nothing else is required
    std::ofstream(root / "proc/sys/vm/swappiness") << "sixty\n";
    const auto bad_sysctl = host_scenario_json(root.string());
    REQUIRE_FALSE(bad_sysctl);
    CHECK(bad_sysctl.error() == (root / "proc/sys/vm/swappiness").string() + ": 'sixty' is not an integer");
    fs::remove(root / "proc/sys/vm/swappiness");
    std::ofstream(root / "proc/swaps") << "Filename Type Size Used Priority\n/dev/sda2 partition 1 2 3 4\n";
    const auto bad_swaps = host_scenario_json(root.string());
    REQUIRE_FALSE(bad_swaps);
    CHECK(bad_swaps.error() == (root / "proc/swaps").string() + ":2: expected 'PATH TYPE SIZE USED PRIORITY', got 6 fields");
    // Only read: the root holds what the test put there.
    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(root)) files += e.is_regular_file();
    CHECK(files == 2);
    fs::remove_all(root);
}

TEST_CASE("explicit zones keep their spanned pages and start pfn and may not overlap") {
    auto load = [](const std::string& zones) {
        return load_scenario_text(R"({"reclaimscope_scenario": 1, "title": "t", "machine": {"nodes": [)" + zones +
                                      R"(]}, "tasks": []})",
                                  "t.json", "", {}, false);
    };
    const auto ok = load(R"({"DMA": {"present": "15992K", "managed": "15M", "spanned": "16380K", "start_pfn": 1},
                             "DMA32": {"present": "3056M", "spanned": "4080M", "start_pfn": 4096}, "Normal": "1G"})");
    INFO(ok.error());
    REQUIRE(ok);
    const auto& zones = ok->config.machine.nodes[0].zones;
    CHECK(zones[0].spanned == 4095);
    CHECK(zones[0].present == 3998);
    CHECK(zones[0].managed == 3840);
    CHECK(zones[0].start_pfn == 1);
    CHECK(zones[1].start_pfn == 4096);
    CHECK(zones[1].spanned == 1044480);
    CHECK(zones[1].managed == 782336);
    CHECK(zones[2].start_pfn == 4096 + 1044480); // right after the zone below it
    CHECK(zones[2].spanned == 262144);

    const auto overlap = load(R"({"DMA": {"present": "16M", "start_pfn": 1}, "DMA32": {"present": "1G", "start_pfn": 4000}})");
    REQUIRE_FALSE(overlap);
    CHECK(overlap.error() == "t.json: /machine/nodes/0/DMA32/start_pfn: the zone starts at pfn 4000, inside the zone "
                             "below it (which ends at pfn 4097)");
    const auto thin = load(R"({"DMA32": {"present": "1G", "spanned": "512M"}})");
    REQUIRE_FALSE(thin);
    CHECK(thin.error() == "t.json: /machine/nodes/0/DMA32/spanned: fewer spanned pages than present ones");
}
