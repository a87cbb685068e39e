// /proc/meminfo and /proc/vmstat of the simulated kernel: MemAvailable by si_mem_available()'s
// rule with numbers worked out by hand, and the line order of the machine's own kernel.
#include "fixtures.h"
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
