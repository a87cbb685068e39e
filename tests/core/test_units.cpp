#include "mm/sysctl.h"
#include "util/units.h"

#include <catch2/catch.hpp>

using namespace rs;

TEST_CASE("sizes parse with binary suffixes like the kernel's memparse") {
    CHECK(parse_size("4G").value() == 4ull << 30);
    CHECK(parse_size("512M").value() == 512ull << 20);
    CHECK(parse_size("512MiB").value() == 512ull << 20);
    CHECK(parse_size("1536M").value() == 3ull << 29);
    CHECK(parse_size("1.5G").error() == "'1.5G' is not a size: no decimals (write \"1536M\" for 1.5G; K, M, G and T are binary units)");
    CHECK(parse_size("4096").value() == 4096);
    CHECK_FALSE(parse_size("lots"));
    CHECK_FALSE(parse_size("4X"));
    CHECK_FALSE(parse_size(""));
    CHECK(parse_size("4Q").error().find("'4Q'") != std::string::npos);
}

TEST_CASE("durations parse") {
    CHECK(parse_duration_ns("30s").value() == 30'000'000'000);
    CHECK(parse_duration_ns("250ms").value() == 250'000'000);
    CHECK(parse_duration_ns("2m").value() == 120'000'000'000);
    CHECK(parse_duration_ns("1.5").value() == 1'500'000'000);
    CHECK_FALSE(parse_duration_ns("soon"));
}

TEST_CASE("sysctl assignments are checked against the kernel's ranges") {
    auto w = parse_sysctl_assignment("vm.min_free_kbytes=3000000", 5);
    REQUIRE(w);
    CHECK(w->name == "vm.min_free_kbytes");
    CHECK(w->values == std::vector<std::int64_t>{3000000});

    // The /proc/sys spelling and a missing prefix name the same knob.
    CHECK(parse_sysctl_assignment("vm/watermark_scale_factor=200", 5));
    CHECK(parse_sysctl_assignment("watermark_scale_factor=200", 5));

    // watermark_scale_factor: SYSCTL_ONE .. SYSCTL_THREE_THOUSAND.
    CHECK(parse_sysctl_assignment("vm.watermark_scale_factor=1", 5));
    CHECK(parse_sysctl_assignment("vm.watermark_scale_factor=3000", 5));
    auto bad = parse_sysctl_assignment("vm.watermark_scale_factor=3001", 5);
    REQUIRE_FALSE(bad);
    CHECK(bad.error() == "vm.watermark_scale_factor: value 3001 is out of range (the kernel accepts 1..3000)");
    CHECK_FALSE(parse_sysctl_assignment("vm.watermark_scale_factor=0", 5));
    // min_free_kbytes: extra1 = SYSCTL_ZERO, an int.
    CHECK(parse_sysctl_assignment("vm.min_free_kbytes=0", 5));
    CHECK_FALSE(parse_sysctl_assignment("vm.min_free_kbytes=-1", 5));
    CHECK_FALSE(parse_sysctl_assignment("vm.min_free_kbytes=2147483648", 5));
    CHECK_FALSE(parse_sysctl_assignment("vm.watermark_boost_factor=-5", 5));

    // Lists: spaces or commas, at most one value per zone.
    auto list = parse_sysctl_assignment("vm.lowmem_reserve_ratio=256 256,32 0 0", 5);
    REQUIRE(list);
    CHECK(list->values == std::vector<std::int64_t>{256, 256, 32, 0, 0});
    CHECK_FALSE(parse_sysctl_assignment("vm.lowmem_reserve_ratio=1 2 3 4 5 6", 5));

    CHECK(parse_sysctl_assignment("vm.nonsense=1", 5).error().find("unknown sysctl") != std::string::npos);
    CHECK_FALSE(parse_sysctl_assignment("vm.min_free_kbytes", 5));
    CHECK_FALSE(parse_sysctl_assignment("vm.min_free_kbytes=12abc", 5));
    CHECK_FALSE(parse_sysctl_assignment("vm.min_free_kbytes=1 2", 5));
}
