// The seed chapter's 4 GiB machine (kernel_exploring/05-trigger_reclaim.md and
// 02-watermark.md): its zoneinfo snapshots reproduced from the kernel's rules.
#include "fixtures.h"
#include "machine_helpers.h"
#include "mm/watermarks.h"

#include <catch2/catch.hpp>

using namespace rs;

namespace {

// The chapter's kernel is a 5.x release (its stack traces show alloc_pages_vma, gone in 6.0).
constexpr int kSeedKernel = 515;

MachineSpec seed_machine() {
    auto spec = machine_from_zoneinfo(parse_fixture("seed-4g-min_free_kbytes-8000.txt"), "seed");
    REQUIRE(spec);
    MachineSpec s = spec.value();
    s.kernel_version = kSeedKernel;
    return s;
}

void check_zone_matches(const Machine& m, const Zoneinfo& expected) {
    for (const auto& ez : expected.zones) {
        INFO("zone " << ez.name);
        const Zone& z = zone_of(m, *zone_type_from_name(ez.name), ez.node);
        CHECK(static_cast<std::int64_t>(z.min_wmark_pages()) == ez.get("min").value());
        CHECK(static_cast<std::int64_t>(z.low_wmark_pages()) == ez.get("low").value());
        CHECK(static_cast<std::int64_t>(z.high_wmark_pages()) == ez.get("high").value());
        CHECK(static_cast<std::int64_t>(z.managed_pages) == ez.get("managed").value());
    }
}

} // namespace

TEST_CASE("seed chapter: echo 3000000 > min_free_kbytes gives the chapter's watermarks") {
    const MachineSpec spec = seed_machine();
    REQUIRE(spec.zone_types.size() == 4); // DMA, DMA32, Normal, Movable: no ZONE_DEVICE
    auto b = boot_machine(spec, ThpMode::Never);
    apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.min_free_kbytes", {3000000}});
    check_zone_matches(b.machine, parse_fixture("seed-4g-min_free_kbytes-3000000.txt"));
    // The chapter's puzzle: Normal is below its min watermark with plenty of DMA32 free.
    const Zone& normal = zone_of(b.machine, ZoneType::Normal);
    CHECK(145221 < static_cast<std::int64_t>(normal.min_wmark_pages()));
}

TEST_CASE("seed chapter: the 8000 kB snapshot is the boot-time computation") {
    // Writing 8000 to the sysctl on the chapter's machine would NOT give the chapter's numbers:
    // with managed 3840 + 758592 + 243597 = 1006029 pages, DMA32 gets 2000 * 758592 / 1006029
    // = 1508 and a gap of max(377, 758) = 758 (the chapter shows 1505 and 752).
    {
        auto b = boot_machine(seed_machine(), ThpMode::Never);
        apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.min_free_kbytes", {8000}});
        CHECK(zone_of(b.machine, ZoneType::DMA32).min_wmark_pages() == 1508);
        CHECK(zone_of(b.machine, ZoneType::DMA32).low_wmark_pages() == 2266);
    }
    // A gap of 752 means DMA32 managed 752000..752999 pages when the watermarks were computed,
    // Normal's 243 means 243000..243999: init_per_zone_wmark_min() ran before memory freed
    // later in boot raised managed (adjust_managed_page_count() does not recompute). And 8000
    // is calculate_min_free_kbytes()'s own value: int_sqrt(4 * L * 16) = 8000 needs
    // L = 1000000..1000250 managed pages then. Find the boot-time split these facts allow,
    // then boot that machine and compare every zone.
    const auto expected = parse_fixture("seed-4g-min_free_kbytes-8000.txt");
    MachineSpec found;
    bool ok = false;
    for (std::uint64_t L = 1'000'000; L <= 1'000'250 && !ok; ++L)
        for (std::uint64_t m32 = 752'000; m32 <= 752'999 && !ok; ++m32) {
            const std::uint64_t mn = L - 3840 - m32;
            if (mn < 243'000 || mn > 243'999) continue;
            if (2000 * m32 / L != 1505 || 2000 * mn / L != 487) continue; // cheap pre-filter
            MachineSpec s = seed_machine();
            s.nodes[0].zones[1].freed_after_wmark_init = 758592 - m32;
            s.nodes[0].zones[2].freed_after_wmark_init = 243597 - mn;
            auto b = boot_machine(s, ThpMode::Never);
            bool all = b.sysctl.min_free_kbytes == 8000;
            for (const auto& ez : expected.zones) {
                const Zone& z = zone_of(b.machine, *zone_type_from_name(ez.name));
                all = all && static_cast<std::int64_t>(z.min_wmark_pages()) == *ez.get("min") &&
                      static_cast<std::int64_t>(z.low_wmark_pages()) == *ez.get("low") &&
                      static_cast<std::int64_t>(z.high_wmark_pages()) == *ez.get("high");
            }
            if (all) {
                found = s;
                ok = true;
            }
        }
    REQUIRE(ok);
    auto b = boot_machine(found, ThpMode::Never);
    CHECK(b.sysctl.min_free_kbytes == 8000);
    CHECK(b.sysctl.user_min_free_kbytes == -1); // nobody wrote it: the kernel computed it
    check_zone_matches(b.machine, expected);
    // And writing 3000000 afterwards uses today's managed counts: the chapter's second snapshot.
    apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.min_free_kbytes", {3000000}});
    check_zone_matches(b.machine, parse_fixture("seed-4g-min_free_kbytes-3000000.txt"));
}

TEST_CASE("seed chapter 02-watermark: a fully boosted Normal zone") {
    // The chapter prints min 1946, low 2189, high 2432 with boost 1459 for the Normal zone
    // whose own watermarks are 487/730/973: boost_watermark() stops at 973 * 15000 / 10000.
    Zone z;
    z.managed_pages = 243597;
    z.watermark = {487, 730, 973, 1216};
    VmSysctl s;
    for (int i = 0; i < 10; ++i) boost_watermark(z, s); // more fallback events than needed
    CHECK(z.watermark_boost == 1459);
    CHECK(z.min_wmark_pages() == 1946);
    CHECK(z.low_wmark_pages() == 2189);
    CHECK(z.high_wmark_pages() == 2432);
}
