// /proc/meminfo and /proc/vmstat of the simulated kernel: MemAvailable by si_mem_available()'s
// rule with numbers worked out by hand, and the line order of the machine's own kernel.
#include "fixtures.h"
#include "mm/sysctl.h"
#include "machine_helpers.h"
#include "mm/page_alloc.h"
#include "mm/swap.h"
#include "procfs/meminfo.h"
#include "procfs/vmstat.h"
#include "sim/engine.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace rs;

namespace {
std::vector<std::string> names_of(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto p = line.find(sep);
        if (p != std::string::npos && p > 0) out.push_back(line.substr(0, p));
    }
    return out;
}

// Every name both lists share appears in the same relative order.
void check_same_order(const std::vector<std::string>& ours, const std::vector<std::string>& theirs) {
    std::vector<std::size_t> pos;
    int shared = 0;
    for (const auto& n : ours) {
        const auto it = std::find(theirs.begin(), theirs.end(), n);
        if (it == theirs.end()) continue;
        ++shared;
        pos.push_back(static_cast<std::size_t>(it - theirs.begin()));
    }
    CHECK(shared >= 10);
    for (std::size_t i = 1; i < pos.size(); ++i) {
        INFO(theirs[pos[i - 1]] << " should come before " << theirs[pos[i]]);
        CHECK(pos[i - 1] < pos[i]);
    }
}
} // namespace

TEST_CASE("MemAvailable follows si_mem_available") {
    // One zone of 262144 pages, THP off: min_free_kbytes = int_sqrt(262144 * 4 * 16) = 4096 kB,
    // so min 1024, gap max(256, 262) = 262, low 1286, high 1548; totalreserve = 1548.
    Kernel k = make_kernel(boot_machine(machine_with({{ZoneType::Normal, 262144}}), ThpMode::Never), CostModel{});
    REQUIRE(k.machine.totalreserve_pages == 1548);
    CHECK(si_mem_available(k) == 262144 - 1548);
    // 10000 page-cache pages: free 252144 - 1548, plus 10000 - min(5000, low 1286).
    k.spaces.push_back(AddressSpace{"file", false, -1, {}});
    for (int i = 0; i < 10000; ++i) {
        AllocContext ac;
        const auto r = __alloc_pages(k, GFP_HIGHUSER_MOVABLE, 0, 0, ac);
        REQUIRE(r.status == AllocResult::Status::Page);
        k.frames.flags[r.frame] = 0;
        k.frames.owner[r.frame] = 0;
        k.frames.index[r.frame] = static_cast<std::uint32_t>(i);
        k.spaces[0].pages.push_back(r.frame);
        k.pgdat(0)[NR_FILE_PAGES] += 1;
        folio_add_lru(k, r.frame);
    }
    CHECK(si_mem_available(k) == 252144 - 1548 + 10000 - 1286);
    const std::string text = format_meminfo(k);
    CHECK(text.find("MemAvailable:    1037240 kB\n") != std::string::npos); // (250596 + 8714) * 4
    CHECK(text.find("Cached:            40000 kB\n") != std::string::npos);
}

TEST_CASE("proc files list their lines in the order of this machine's kernel") {
    auto e = Engine::create(EngineConfig{.machine = x86_64_machine(1ull << 30)});
    REQUIRE(e);
    for (const auto& [ours, path, sep] : {std::tuple{format_vmstat(e.value()->kernel()), std::string("/proc/vmstat"), ' '},
                                          std::tuple{format_meminfo(e.value()->kernel()), std::string("/proc/meminfo"), ':'}}) {
        INFO(path);
        if (!std::filesystem::exists(path)) {
            WARN(path << " is absent on this machine: its line order cannot be compared here");
            continue;
        }
        check_same_order(names_of(ours, sep), names_of(read_text_file(path), sep));
    }
}

TEST_CASE("a read of each vm sysctl shows the kernel's boot defaults") {
    // The defaults in the kernel source: vm_swappiness = 60 (mm/vmscan.c),
    // watermark_scale_factor = 10 and watermark_boost_factor = 15000 (mm/page_alloc.c),
    // sysctl_vfs_cache_pressure = 100 (fs/dcache.c), vm_dirty_ratio = 20 and
    // dirty_background_ratio = 10 (mm/page-writeback.c), node_reclaim_mode = 0,
    // page_cluster = 3 (swap_setup() with at least 16 MiB), sysctl_lowmem_reserve_ratio
    // {256, 256, 32, 0, 0} (DMA, DMA32, Normal, Movable, Device).
    const rs::VmSysctl d;
    CHECK(rs::read_sysctl(d, "vm.swappiness", 3) == "60");
    CHECK(rs::read_sysctl(d, "vm.watermark_scale_factor", 3) == "10");
    CHECK(rs::read_sysctl(d, "vm.watermark_boost_factor", 3) == "15000");
    CHECK(rs::read_sysctl(d, "vm.vfs_cache_pressure", 3) == "100");
    CHECK(rs::read_sysctl(d, "vm.dirty_ratio", 3) == "20");
    CHECK(rs::read_sysctl(d, "vm.dirty_background_ratio", 3) == "10");
    CHECK(rs::read_sysctl(d, "vm.zone_reclaim_mode", 3) == "0");
    CHECK(rs::read_sysctl(d, "vm.page-cluster", 3) == "3");
    CHECK(rs::read_sysctl(d, "vm.lowmem_reserve_ratio", 5) == "256 256 32 0 0");
    CHECK(rs::read_sysctl(d, "vm.lowmem_reserve_ratio", 3) == "256 256 32"); // one per zone type of the machine
    CHECK(rs::read_sysctl(d, "vm.no_such_thing", 3).empty());
    // What a read shows, a write takes back unchanged.
    for (const auto& info : rs::sysctl_table()) {
        const std::string v = rs::read_sysctl(d, info.procname, 3);
        INFO(info.procname);
        const auto w = rs::make_sysctl_write(info.procname, v, 3);
        REQUIRE(w);
        CHECK(rs::format_sysctl_value(w.value()) == v);
    }
}
