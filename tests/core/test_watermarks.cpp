// Watermarks against numbers derived by hand from the kernel's rules (mm/page_alloc.c,
// mm/khugepaged.c), each derivation written next to its check.
#include "machine_helpers.h"
#include "mm/gfp.h"
#include "mm/watermarks.h"

#include <catch2/catch.hpp>

using namespace rs;

namespace {
std::vector<std::uint64_t> wmarks(const Zone& z) {
    return {z.min_wmark_pages(), z.low_wmark_pages(), z.high_wmark_pages()};
}
std::vector<std::uint64_t> protection(const Machine& m, const Zone& z) {
    return {z.lowmem_reserve.begin(), z.lowmem_reserve.begin() + m.nr_zone_types()};
}
} // namespace

TEST_CASE("int_sqrt is the exact floor of the square root") {
    CHECK(int_sqrt(0) == 0);
    CHECK(int_sqrt(1) == 1);
    CHECK(int_sqrt(15) == 3);
    CHECK(int_sqrt(16) == 4);
    CHECK(int_sqrt(64'000'000) == 8000);
    CHECK(int_sqrt(63'999'999) == 7999);
    CHECK(int_sqrt(262'645'760) == 16206);
    CHECK(int_sqrt(1ull << 62) == 1ull << 31);
    CHECK(int_sqrt(~0ull) == 4294967295ull);
}

TEST_CASE("worked example: DMA 3840 DMA32 700000 Normal 3400000 pages THP on") {
    // calculate_min_free_kbytes: int_sqrt(4103840 pages * 4 kB * 16) = 16206 kB.
    // khugepaged: 3 zones * 11 * 512 = 16896 pages = 67584 kB, under the 5 % cap -> 67584.
    auto b = boot_machine(x86_zones(3840, 700000, 3400000), ThpMode::Always);
    CHECK(b.sysctl.min_free_kbytes == 67584);
    const Machine& m = b.machine;
    // pages_min 16896 shared by managed pages; gap = max(share/4, managed*10/10000).
    CHECK(wmarks(zone_of(m, ZoneType::DMA)) == std::vector<std::uint64_t>{15, 18, 21});
    CHECK(wmarks(zone_of(m, ZoneType::DMA32)) == std::vector<std::uint64_t>{2881, 3601, 4321});
    CHECK(wmarks(zone_of(m, ZoneType::Normal)) == std::vector<std::uint64_t>{13998, 17497, 20996});
    // lowmem_reserve: cumulative managed pages of the higher zones / ratio (256, 256, 32).
    CHECK(protection(m, zone_of(m, ZoneType::DMA)) == std::vector<std::uint64_t>{0, 2734, 16015, 16015, 16015});
    CHECK(protection(m, zone_of(m, ZoneType::DMA32)) == std::vector<std::uint64_t>{0, 0, 13281, 13281, 13281});
    CHECK(protection(m, zone_of(m, ZoneType::Normal)) == std::vector<std::uint64_t>{0, 0, 0, 0, 0});
    // totalreserve: min(managed, max protection + high) per zone = 3840 + 17602 + 20996.
    CHECK(m.totalreserve_pages == 42438);
    // Since v6.5 an empty ZONE_MOVABLE gets min = clamp(0 / 1024, 32, 128) = 32 and no gap.
    CHECK(wmarks(zone_of(m, ZoneType::Movable)) == std::vector<std::uint64_t>{32, 32, 32});
    CHECK(zone_of(m, ZoneType::Movable).promo_wmark_pages() == 32);
    CHECK(wmarks(zone_of(m, ZoneType::Device)) == std::vector<std::uint64_t>{0, 0, 0});
    // promo = high + gap.
    CHECK(zone_of(m, ZoneType::Normal).promo_wmark_pages() == 24495);
}

TEST_CASE("before v6.5 an empty ZONE_MOVABLE had zero watermarks") {
    auto b = boot_machine(x86_zones(3840, 700000, 3400000, 515), ThpMode::Never);
    CHECK(wmarks(zone_of(b.machine, ZoneType::Movable)) == std::vector<std::uint64_t>{0, 0, 0});
}

TEST_CASE("min_free_kbytes clamps: 128 kB below 262144 kB above (65536 before v5.7)") {
    // 255 pages = 1020 kB: int_sqrt(16320) = 127 -> 128.
    CHECK(boot_machine(machine_with({{ZoneType::Normal, 255}}), ThpMode::Never).sysctl.min_free_kbytes == 128);
    // 256 pages = 1024 kB: int_sqrt(16384) = 128 exactly.
    CHECK(boot_machine(machine_with({{ZoneType::Normal, 256}}), ThpMode::Never).sysctl.min_free_kbytes == 128);
    // 2^30 pages = 2^32 kB: int_sqrt(2^36) = 2^18 = 262144, the bound itself; twice that clamps.
    for (std::uint64_t pages : {1ull << 30, 1ull << 31}) {
        Machine m = make_machine(machine_with({{ZoneType::Normal, pages}}));
        VmSysctl s;
        calculate_min_free_kbytes(m, s);
        CHECK(s.min_free_kbytes == 262144);
        m.kernel_version = 506;
        calculate_min_free_kbytes(m, s);
        CHECK(s.min_free_kbytes == 65536);
    }
    // Just below: 2^30 - 2^20 pages -> int_sqrt(2^36 - 2^26); (2^18 - 128)^2 = 2^36 - 2^26 +
    // 2^14 is too much, so 262015.
    Machine m = make_machine(machine_with({{ZoneType::Normal, (1ull << 30) - (1ull << 20)}}));
    VmSysctl s;
    calculate_min_free_kbytes(m, s);
    CHECK(s.min_free_kbytes == 262015);
}

TEST_CASE("a user's min_free_kbytes survives a recalculation only when it is larger") {
    Machine m = make_machine(machine_with({{ZoneType::Normal, 1'000'000}}));
    VmSysctl s;
    apply_sysctl_write(m, s, SysctlWrite{"vm.min_free_kbytes", {100}});
    CHECK(s.min_free_kbytes == 100);
    CHECK(s.user_min_free_kbytes == 100);
    // init_per_zone_wmark_min() again (memory hotplug): nr_free_buffer_pages() now subtracts
    // the high watermark (min 25 + 2 * max(6, 1000) = 2025), so int_sqrt(997975 * 4 * 16) =
    // 7991 > 100 replaces the user's value.
    init_per_zone_wmark_min(m, s);
    CHECK(s.min_free_kbytes == 7991);
    apply_sysctl_write(m, s, SysctlWrite{"vm.min_free_kbytes", {100000}});
    init_per_zone_wmark_min(m, s);
    CHECK(s.min_free_kbytes == 100000);
}

TEST_CASE("watermark_scale_factor at its bounds on a one-zone machine") {
    // Normal 1,000,000 pages: min_free_kbytes = int_sqrt(4e6 * 16) = 8000 kB = 2000 pages.
    auto b = boot_machine(machine_with({{ZoneType::Normal, 1'000'000}}), ThpMode::Never);
    REQUIRE(b.sysctl.min_free_kbytes == 8000);
    const Zone& z = zone_of(b.machine, ZoneType::Normal);
    // Default 10: gap = max(2000/4, 1e6*10/1e4) = 1000.
    CHECK(wmarks(z) == std::vector<std::uint64_t>{2000, 3000, 4000});
    // 1: gap = max(500, 100) = 500.
    apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.watermark_scale_factor", {1}});
    CHECK(wmarks(z) == std::vector<std::uint64_t>{2000, 2500, 3000});
    // 3000: gap = max(500, 300000) = 300000.
    apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.watermark_scale_factor", {3000}});
    CHECK(wmarks(z) == std::vector<std::uint64_t>{2000, 302000, 602000});
    // One zone: nothing above it to protect against.
    CHECK(z.lowmem_reserve[0] == 0);
}

TEST_CASE("mult_frac keeps precision for zones whose size is not a multiple of 10000") {
    // managed 12345, factor 3000: 12345 * 3000 / 10000 = 3703 (3703.5 truncated).
    Machine m = make_machine(machine_with({{ZoneType::Normal, 12345}}));
    VmSysctl s;
    s.min_free_kbytes = 0;
    s.watermark_scale_factor = 3000;
    setup_per_zone_wmarks(m, s);
    CHECK(zone_of(m, ZoneType::Normal).low_wmark_pages() == 3703);
}

TEST_CASE("lowmem_reserve_ratio entries of 0 (or below 1) switch protection off") {
    auto b = boot_machine(x86_zones(3840, 700000, 3400000), ThpMode::Never);
    apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.lowmem_reserve_ratio", {256, 0, 32, 0, 0}});
    const Machine& m = b.machine;
    CHECK(protection(m, zone_of(m, ZoneType::DMA)) == std::vector<std::uint64_t>{0, 2734, 16015, 16015, 16015});
    CHECK(protection(m, zone_of(m, ZoneType::DMA32)) == std::vector<std::uint64_t>{0, 0, 0, 0, 0});
    apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.lowmem_reserve_ratio", {-5, 0, 0, 0, 0}});
    CHECK(b.sysctl.lowmem_reserve_ratio[0] == 0);
    CHECK(protection(m, zone_of(m, ZoneType::DMA)) == std::vector<std::uint64_t>{0, 0, 0, 0, 0});
    // A divisor of 1 protects everything above.
    apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.lowmem_reserve_ratio", {1}});
    CHECK(protection(m, zone_of(m, ZoneType::DMA)) == std::vector<std::uint64_t>{0, 700000, 4100000, 4100000, 4100000});
}

TEST_CASE("an empty lower zone protects nothing") {
    // clear = !ratio || !managed: an unmanaged DMA zone gets no reserve row.
    auto b = boot_machine(x86_zones(0, 700000, 3400000), ThpMode::Never);
    const Machine& m = b.machine;
    CHECK(protection(m, zone_of(m, ZoneType::DMA)) == std::vector<std::uint64_t>{0, 0, 0, 0, 0});
    CHECK(wmarks(zone_of(m, ZoneType::DMA)) == std::vector<std::uint64_t>{0, 0, 0});
}

TEST_CASE("khugepaged's recommended min_free_kbytes") {
    SECTION("two populated zones: 2 * 11 * 512 pages = 45056 kB") {
        auto b = boot_machine(x86_64_machine(2ull << 30), ThpMode::Madvise);
        CHECK(b.thp == ThpMode::Madvise);
        CHECK(b.sysctl.min_free_kbytes == 45056);
    }
    SECTION("THP is off below 512 MiB, so the sqrt rule stands") {
        auto b = boot_machine(machine_with({{ZoneType::DMA32, 131071}}), ThpMode::Always);
        CHECK(b.thp == ThpMode::Never);
        // int_sqrt(131071 * 4 * 16) = 2896.
        CHECK(b.sysctl.min_free_kbytes == 2896);
        auto big = boot_machine(machine_with({{ZoneType::DMA32, 131072}}), ThpMode::Always);
        CHECK(big.thp == ThpMode::Always);
        CHECK(big.sysctl.min_free_kbytes == 1 * 11 * 512 * 4);
    }
    SECTION("THP never: the sqrt rule") {
        auto b = boot_machine(x86_zones(3840, 700000, 3400000), ThpMode::Never);
        CHECK(b.sysctl.min_free_kbytes == 16206);
    }
    SECTION("the 5 % cap binds on a small three-zone machine") {
        // Boot: int_sqrt(203840 * 4 * 16) = 3611 kB -> pages_min 902, giving high watermarks
        // DMA 16+2*4 = 24, DMA32 663+2*165 = 993, Normal 221+2*55 = 331. nr_free_buffer_pages =
        // 3816 + 149007 + 49669 = 202492; 5 % = 10124 < 3 * 11 * 512, so 10124 pages = 40496 kB.
        auto b = boot_machine(x86_zones(3840, 150000, 50000), ThpMode::Always);
        CHECK(b.sysctl.min_free_kbytes == 40496);
    }
    SECTION("a user value above the recommendation is kept") {
        Machine m = make_machine(x86_zones(3840, 700000, 3400000));
        VmSysctl s;
        init_per_zone_wmark_min(m, s);
        apply_sysctl_write(m, s, SysctlWrite{"vm.min_free_kbytes", {100000}});
        CHECK(set_recommended_min_free_kbytes(m, s, ThpMode::Always) == 67584);
        CHECK(s.min_free_kbytes == 100000);
    }
}

TEST_CASE("__zone_watermark_ok: reserves ALLOC_* reductions and lowmem_reserve") {
    Zone z;
    z.managed_pages = 100000;
    z.lowmem_reserve = {0, 0, 300, 300, 300};
    const unsigned none = 0;
    // free must exceed mark + lowmem_reserve[highest_zoneidx].
    CHECK_FALSE(zone_watermark_ok(z, 0, 1000, 0, none, 1000));
    CHECK(zone_watermark_ok(z, 0, 1000, 0, none, 1001));
    CHECK_FALSE(zone_watermark_ok(z, 0, 1000, 2, none, 1300));
    CHECK(zone_watermark_ok(z, 0, 1000, 2, none, 1301));
    // __GFP_HIGH: min - min/2 = 500.
    CHECK(zone_watermark_ok(z, 0, 1000, 0, ALLOC_MIN_RESERVE, 501));
    CHECK_FALSE(zone_watermark_ok(z, 0, 1000, 0, ALLOC_MIN_RESERVE, 500));
    // GFP_ATOMIC: 500 - 500/4 = 375.
    const unsigned atomic = gfp_to_alloc_flags(GFP_ATOMIC, 0);
    CHECK((atomic & ALLOC_MIN_RESERVE));
    CHECK((atomic & ALLOC_NON_BLOCK));
    CHECK(zone_watermark_ok(z, 0, 1000, 0, atomic, 376));
    CHECK_FALSE(zone_watermark_ok(z, 0, 1000, 0, atomic, 375));
    // GFP_NOWAIT: non-blocking without __GFP_HIGH gets no reduction.
    const unsigned nowait = gfp_to_alloc_flags(GFP_NOWAIT, 0);
    CHECK((nowait & ALLOC_NON_BLOCK));
    CHECK_FALSE(zone_watermark_ok(z, 0, 1000, 0, nowait, 1000));
    // An OOM victim: halved again.
    CHECK(zone_watermark_ok(z, 0, 1000, 0, ALLOC_OOM, 501));
    CHECK(zone_watermark_ok(z, 0, 1000, 0, ALLOC_OOM | ALLOC_MIN_RESERVE, 251));
    // Order 1 cannot use the last (1 << order) - 1 pages.
    CHECK_FALSE(zone_watermark_ok(z, 1, 1000, 0, none, 1001));
    CHECK(zone_watermark_ok(z, 1, 1000, 0, none, 1002));
    // GFP_KERNEL may block: no reserve flags at all.
    CHECK((gfp_to_alloc_flags(GFP_KERNEL, 0) & ALLOC_RESERVES) == 0);
}

TEST_CASE("boost_watermark raises the boost by a pageblock up to factor * high") {
    Zone z;
    z.managed_pages = 243597;
    z.watermark = {487, 730, 973, 1216};
    VmSysctl s; // watermark_boost_factor 15000: max_boost = 973 * 1.5 = 1459
    CHECK(boost_watermark(z, s));
    CHECK(z.watermark_boost == 512);
    CHECK(boost_watermark(z, s));
    CHECK(z.watermark_boost == 1024);
    CHECK(boost_watermark(z, s));
    CHECK(z.watermark_boost == 1459);
    CHECK(boost_watermark(z, s));
    CHECK(z.watermark_boost == 1459);
    // The checks see boosted watermarks.
    CHECK(z.min_wmark_pages() == 487 + 1459);
    s.watermark_boost_factor = 0;
    Zone y = z;
    y.watermark_boost = 0;
    CHECK_FALSE(boost_watermark(y, s));
    // A zone smaller than four pageblocks is never boosted.
    s.watermark_boost_factor = 15000;
    Zone small;
    small.managed_pages = 2047;
    small.watermark = {10, 12, 14, 16};
    CHECK_FALSE(boost_watermark(small, s));
    // A small high watermark still boosts by at least a pageblock.
    Zone tiny = small;
    tiny.managed_pages = 4096;
    CHECK(boost_watermark(tiny, s));
    CHECK(tiny.watermark_boost == 512);
}
