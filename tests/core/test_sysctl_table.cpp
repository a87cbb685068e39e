// The sysctl table (mm/sysctl.h) against the kernel, and the lists it drives: every row reads
// back the kernel's boot default, refuses values outside the kernel's range and names that
// range, stores into its own field through its handler; the scenario loader, the schema and
// --set (parse_sysctl_assignment) know exactly the table's names.
#include "mm/sysctl.h"
#include "mm/watermarks.h"
#include "scenario/loader.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace rs;

namespace {

struct KernelFact {
    std::int64_t boot_default;
    std::string_view handler;
};

// From the kernel sources (v6.16), not from our table:
const std::map<std::string, KernelFact, std::less<>> kKernel = {
    // mm/page_alloc.c: int min_free_kbytes = 1024; .proc_handler = min_free_kbytes_sysctl_handler
    {"vm.min_free_kbytes", {1024, "min_free_kbytes_sysctl_handler"}},
    // mm/page_alloc.c: int watermark_scale_factor = 10; watermark_scale_factor_sysctl_handler
    {"vm.watermark_scale_factor", {10, "watermark_scale_factor_sysctl_handler"}},
    // mm/page_alloc.c: int watermark_boost_factor __read_mostly = 15000; proc_dointvec_minmax
    {"vm.watermark_boost_factor", {15000, "proc_dointvec_minmax"}},
    // mm/vmscan.c: int vm_swappiness = 60;
    {"vm.swappiness", {60, "proc_dointvec_minmax"}},
    // fs/dcache.c: int sysctl_vfs_cache_pressure __read_mostly = 100;
    {"vm.vfs_cache_pressure", {100, "proc_dointvec_minmax"}},
    // mm/page-writeback.c: static int vm_dirty_ratio = 20; dirty_ratio_handler
    {"vm.dirty_ratio", {20, "dirty_ratio_handler"}},
    // mm/page-writeback.c: static int dirty_background_ratio = 10; dirty_background_ratio_handler
    {"vm.dirty_background_ratio", {10, "dirty_background_ratio_handler"}},
    // mm/vmscan.c: int node_reclaim_mode __read_mostly; (0)
    {"vm.zone_reclaim_mode", {0, "proc_dointvec_minmax"}},
    // mm/swap.c swap_setup(): page_cluster = 3 (machines with more than 16 MiB)
    {"vm.page-cluster", {3, "proc_dointvec_minmax"}},
    // mm/page_alloc.c: sysctl_lowmem_reserve_ratio[MAX_NR_ZONES] = {256, 256, 32, 0, 0} (below)
    {"vm.lowmem_reserve_ratio", {0, "lowmem_reserve_ratio_sysctl_handler"}},
};

// The kernel's ranges (extra1/extra2 of the vm_table[] entries).
const std::map<std::string, std::pair<std::int64_t, std::int64_t>, std::less<>> kKernelRange = {
    {"vm.min_free_kbytes", {0, INT_MAX}},          // SYSCTL_ZERO
    {"vm.watermark_scale_factor", {1, 3000}},      // SYSCTL_ONE, SYSCTL_THREE_THOUSAND
    {"vm.watermark_boost_factor", {0, INT_MAX}},   // SYSCTL_ZERO
    {"vm.swappiness", {0, 200}},                   // SYSCTL_ZERO, SYSCTL_TWO_HUNDRED
    {"vm.vfs_cache_pressure", {0, INT_MAX}},       // SYSCTL_ZERO
    {"vm.dirty_ratio", {0, 100}},                  // SYSCTL_ZERO, SYSCTL_ONE_HUNDRED
    {"vm.dirty_background_ratio", {0, 100}},       // SYSCTL_ZERO, SYSCTL_ONE_HUNDRED
    {"vm.zone_reclaim_mode", {0, INT_MAX}},        // SYSCTL_ZERO
    {"vm.page-cluster", {0, 31}},                  // SYSCTL_ZERO, &page_cluster_max
    {"vm.lowmem_reserve_ratio", {INT_MIN, INT_MAX}}, // no extra1/extra2
};

std::string out_of_range(const ctl_table& t, std::int64_t v) {
    return std::string(t.procname) + ": value " + std::to_string(v) + " is out of range (the kernel accepts " +
           std::to_string(t.extra1) + ".." + std::to_string(t.extra2) + ")";
}

std::string scenario_with_sysctl(const std::string& name, const std::string& value) {
    return R"({"reclaimscope_scenario": 1, "title": "t", "machine": {"ram": "1G"}, "tasks": [],
              "sysctl": {")" + name + "\": " + value + "}}";
}

} // namespace

TEST_CASE("sysctl table: the kernel's names with their handlers and ranges (each once)") {
    std::set<std::string_view> names;
    for (const auto& t : sysctl_table()) {
        INFO(t.procname);
        CHECK(names.insert(t.procname).second);
        REQUIRE(kKernel.count(t.procname));
        CHECK(t.proc_handler_name == kKernel.find(t.procname)->second.handler);
        CHECK(t.extra1 == kKernelRange.find(t.procname)->second.first);
        CHECK(t.extra2 == kKernelRange.find(t.procname)->second.second);
        CHECK(find_sysctl(t.procname) == &t);
        CHECK_FALSE(t.doc.empty());
        CHECK_FALSE(t.unit.empty());
    }
    CHECK(names.size() == kKernel.size());
}

TEST_CASE("sysctl table: every entry reads back the kernel's boot default") {
    const VmSysctl boot; // the variables before any write, as the kernel's initializers leave them
    for (const auto& t : sysctl_table()) {
        INFO(t.procname);
        const std::string read = read_sysctl(boot, t.procname, kMaxZoneTypes);
        if (t.is_list()) {
            // sysctl_lowmem_reserve_ratio[]: [ZONE_DMA] = 256, [ZONE_DMA32] = 256, [ZONE_NORMAL] = 32,
            // [ZONE_MOVABLE] = 0 (and ZONE_DEVICE 0).
            CHECK(read == "256 256 32 0 0");
            std::string by_type;
            for (const ZoneType z : {ZoneType::DMA, ZoneType::DMA32, ZoneType::Normal, ZoneType::Movable, ZoneType::Device})
                by_type += (by_type.empty() ? "" : " ") + std::to_string(default_lowmem_reserve_ratio(z));
            CHECK(read == by_type);
        } else {
            CHECK(t.boot_default == kKernel.find(t.procname)->second.boot_default);
            CHECK(read == std::to_string(t.boot_default));
        }
    }
}

TEST_CASE("sysctl table: a write below or above the range is refused with the range in the message") {
    for (const auto& t : sysctl_table()) {
        INFO(t.procname);
        const std::int64_t below = t.extra1 - 1, above = t.extra2 + 1;
        auto w = make_sysctl_write(t.procname, std::to_string(below), kMaxZoneTypes);
        REQUIRE_FALSE(w);
        CHECK(w.error() == out_of_range(t, below));
        w = make_sysctl_write(t.procname, std::to_string(above), kMaxZoneTypes);
        REQUIRE_FALSE(w);
        CHECK(w.error() == out_of_range(t, above));
        // The bounds themselves are the kernel's: accepted.
        CHECK(make_sysctl_write(t.procname, std::to_string(t.extra1), kMaxZoneTypes));
        CHECK(make_sysctl_write(t.procname, std::to_string(t.extra2), kMaxZoneTypes));
    }
    // The message the CLI test checks, from the table's range.
    const auto w = parse_sysctl_assignment("vm.watermark_scale_factor=5000", 5);
    REQUIRE_FALSE(w);
    CHECK(w.error() == "vm.watermark_scale_factor: value 5000 is out of range (the kernel accepts 1..3000)");
}

TEST_CASE("sysctl table: each entry's handler stores into its own field") {
    BootedMachine b = boot_machine(x86_64_machine(4ull << 30), ThpMode::Never);
    // A distinct in-range value per entry, so a row whose data points at another row's field
    // reads back someone else's value.
    std::map<std::string_view, std::string> written;
    std::int64_t i = 0;
    for (const auto& t : sysctl_table()) {
        ++i;
        std::string value;
        if (t.is_list()) value = std::to_string(100 + i) + " " + std::to_string(200 + i) + " " + std::to_string(300 + i);
        else value = std::to_string(std::min(t.extra2, t.boot_default + i));
        const auto w = make_sysctl_write(t.procname, value, b.machine.nr_zone_types());
        REQUIRE(w);
        apply_sysctl_write(b.machine, b.sysctl, w.value());
        written[t.procname] = value;
    }
    for (const auto& t : sysctl_table()) {
        INFO(t.procname);
        const std::string read = read_sysctl(b.sysctl, t.procname, b.machine.nr_zone_types());
        if (t.is_list()) CHECK(read.rfind(written[t.procname] + " ", 0) == 0); // the zones not written keep theirs
        else CHECK(read == written[t.procname]);
    }
    // min_free_kbytes_sysctl_handler: the value is the user's from now on.
    CHECK(b.sysctl.user_min_free_kbytes == b.sysctl.min_free_kbytes);
}

TEST_CASE("sysctl table: the loader and the schema and --set know exactly the table's names") {
    for (const auto& t : sysctl_table()) {
        INFO(t.procname);
        const std::string name(t.procname);
        const std::string value = t.is_list() ? "[1, 2]" : std::to_string(t.extra1);
        const auto sc = load_scenario_text(scenario_with_sysctl(name, value), "s.json", "", {}, false);
        REQUIRE(sc);
        REQUIRE(sc->config.sysctl_writes.size() == 1);
        CHECK(sc->config.sysctl_writes[0].name == name);
        CHECK(parse_sysctl_assignment(name + "=" + std::to_string(t.extra1), 5));
        // The refusal names the table's range, with the loader's JSON pointer in front.
        const auto bad = load_scenario_text(scenario_with_sysctl(name, std::to_string(t.extra2 + 1)), "s.json", "", {}, false);
        REQUIRE_FALSE(bad);
        CHECK(bad.error() == "s.json: /sysctl/" + name + ": " + out_of_range(t, t.extra2 + 1));
    }
    // A name the table lacks is refused with the table's names.
    std::string known;
    for (const auto& t : sysctl_table()) known += (known.empty() ? "" : ", ") + std::string(t.procname);
    const auto unknown = load_scenario_text(scenario_with_sysctl("vm.overcommit_memory", "1"), "s.json", "", {}, false);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error() == "s.json: /sysctl/vm.overcommit_memory: unknown sysctl 'vm.overcommit_memory' (known: " + known + ")");
    const auto cli = parse_sysctl_assignment("vm.overcommit_memory=1", 5);
    REQUIRE_FALSE(cli);
    CHECK(cli.error() == "unknown sysctl 'vm.overcommit_memory' (known: " + known + ")");

    // resources/scenario.schema.json lists the same names with the same ranges.
    std::ifstream in(std::filesystem::path(RS_TEST_DATA) / ".." / ".." / "resources" / "scenario.schema.json");
    REQUIRE(in);
    const auto schema = nlohmann::json::parse(in);
    const auto& props = schema.at("$defs").at("sysctls").at("properties");
    std::set<std::string> schema_names, table_names;
    for (auto it = props.begin(); it != props.end(); ++it) schema_names.insert(it.key());
    for (const auto& t : sysctl_table()) {
        table_names.insert(std::string(t.procname));
        const auto& p = props.at(std::string(t.procname));
        INFO(t.procname);
        if (t.is_list()) {
            CHECK(p.at("type") == "array");
            CHECK(p.at("maxItems") == kMaxZoneTypes);
            CHECK(p.at("items").at("minimum") == t.extra1);
            CHECK(p.at("items").at("maximum") == t.extra2);
        } else {
            CHECK(p.at("minimum") == t.extra1);
            CHECK(p.at("maximum") == t.extra2);
        }
    }
    CHECK(schema_names == table_names);
}
