// core/config: the one parser each for kernel releases, RAM sizes and default swap names that
// the scenario loader, the command line and the window share.
#include "config/kernel_version.h"
#include "config/ram_size.h"
#include "config/swap_names.h"
#include "model/machine_spec.h"
#include "scenario/loader.h"
#include "config/timeline.h"

#include <catch2/catch.hpp>

#include <set>

using namespace rs;

TEST_CASE("parse_kernel_release: MAJOR.MINOR from 4.0 to 99.99") {
    CHECK(parse_kernel_release("6.16") == 616);
    CHECK(parse_kernel_release("5.15") == 515);
    CHECK(parse_kernel_release("4.0") == 400);
    CHECK(parse_kernel_release("99.99") == 9999);
    CHECK(parse_kernel_release("5.7") == 507); // the min_free_kbytes clamp changed here (watermarks.cpp)
    for (const char* bad : {"", "6", "6.", ".16", "3.19", "100.1", "6.100", "6.16.3", "v6.16", "6.16-rc1",
                            "-6.16", "6.-1", "+6.16", " 6.16", "6,16", "six.16"}) {
        INFO(bad);
        CHECK_FALSE(parse_kernel_release(bad));
    }
    // What the parser accepts, validate_machine() accepts too.
    MachineSpec m = x86_64_machine(1ull << 30);
    m.kernel_version = *parse_kernel_release("4.0");
    CHECK_FALSE(validate_machine(m));
}

TEST_CASE("the loader and the CLI's parser agree on kernel releases") {
    auto load = [](const std::string& kernel) {
        return load_scenario_text(R"({"reclaimscope_scenario": 1, "title": "t", "machine": {"ram": "1G", "kernel": ")" +
                                      kernel + R"("}, "tasks": []})",
                                  "k.json", "", {}, false);
    };
    const auto ok = load("5.15");
    REQUIRE(ok);
    CHECK(ok->config.machine.kernel_version == 515);
    const auto bad = load("3.10");
    REQUIRE_FALSE(bad);
    CHECK(bad.error() == "k.json: /machine/kernel: expected a kernel release like \"6.16\" or \"5.15\", got \"3.10\"");
}

TEST_CASE("RAM sizes: kMinRamBytes .. kMaxRamBytes in all and per node") {
    CHECK_FALSE(check_ram_size(kMinRamBytes));
    CHECK_FALSE(check_ram_size(kMaxRamBytes));
    CHECK(check_ram_size(kMinRamBytes - 1) == "64.0 MiB is outside the supported range 64.0 MiB .. 256 GiB");
    CHECK(check_ram_size(32ull << 20) == "32.0 MiB is outside the supported range 64.0 MiB .. 256 GiB");
    CHECK(check_ram_size(kMaxRamBytes + (1ull << 30)) == "257 GiB is outside the supported range 64.0 MiB .. 256 GiB");
    CHECK_FALSE(check_ram_per_node(256ull << 20, 4));
    CHECK(check_ram_per_node(256ull << 20, 5) == "5 nodes leave less than 64.0 MiB each");
    const auto r = parse_ram_size("4G");
    REQUIRE(r);
    CHECK(*r == 4ull << 30);
    CHECK(parse_ram_size("16M").error() == "16.0 MiB is outside the supported range 64.0 MiB .. 256 GiB");
    CHECK(parse_ram_size("lots").error() ==
          "'lots' is not a size (expected a whole number with an optional K, M, G or T suffix, e.g. 4G)");
}

TEST_CASE("SwapNamer: one count per kind and only unnamed areas take a name") {
    SwapNamer n;
    CHECK(n.next(SwapKind::SSD) == "/dev/sdb1");
    CHECK(n.next(SwapKind::Zram) == "/dev/zram0");
    CHECK(n.next(SwapKind::HDD) == "/dev/sdc1"); // disks share one count
    CHECK(n.next(SwapKind::Zram) == "/dev/zram1");
    CHECK(n.next(SwapKind::SSD) == "/dev/sdd1");
}

TEST_CASE("first_free_swap_name: the first default name not in use") {
    const std::set<std::string> used{"/dev/sdb1", "/dev/sdc1", "/dev/zram1"};
    auto taken = [&](const std::string& s) { return used.count(s) > 0; };
    CHECK(first_free_swap_name(SwapKind::SSD, taken) == "/dev/sdd1");
    CHECK(first_free_swap_name(SwapKind::Zram, taken) == "/dev/zram0");
    CHECK(first_free_swap_name(SwapKind::HDD, {}) == "/dev/sdb1");
    // Every name taken: the 64th, which swapon then refuses as in use.
    CHECK(first_free_swap_name(SwapKind::Zram, [](const std::string&) { return true; }) == "/dev/zram63");
}

TEST_CASE("the loader names unnamed swap areas with SwapNamer: boot areas then timeline swapons") {
    const auto sc = load_scenario_text(R"({"reclaimscope_scenario": 1, "title": "t", "machine": {"ram": "1G"}, "tasks": [],
        "swap": [{"size": "64M", "name": "/dev/vdb"}, {"size": "64M"}, {"size": "64M", "kind": "zram"}, {"size": "64M", "kind": "hdd"}],
        "timeline": [{"at": "1s", "set": {"vm.swappiness": 100}}, {"at": "2s", "swapon": {"size": "64M"}},
                     {"at": "3s", "swapon": {"size": "64M", "kind": "zram"}}]})",
                                       "s.json", "", {}, false);
    REQUIRE(sc);
    std::vector<std::string> names;
    for (const auto& d : sc->config.swap_devices) names.push_back(d.name);
    for (const auto& a : sc->config.timeline)
        if (a.kind == TimelineAction::Kind::Swapon) names.push_back(a.swap.name);
    SwapNamer n; // the same areas, named by the shared rule
    CHECK(names == std::vector<std::string>{"/dev/vdb", n.next(SwapKind::SSD), n.next(SwapKind::Zram), n.next(SwapKind::HDD),
                                            n.next(SwapKind::SSD), n.next(SwapKind::Zram)});
    CHECK(names[1] == "/dev/sdb1");
    CHECK(names[4] == "/dev/sdd1");
}
