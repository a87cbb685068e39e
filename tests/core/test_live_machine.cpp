// The machine this test runs on: clone it from its own /proc/zoneinfo, recompute every zone's
// watermarks and protection from the kernel's rules, and compare with what its kernel reports.
#include "fixtures.h"
#include "machine_helpers.h"
#include "mm/watermarks.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <cstdio>

using namespace rs;

namespace {

std::optional<std::string> slurp(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Managed pages change at run time on some machines (memory hotplug, ballooning): take a
// snapshot of zoneinfo and the sysctls that is stable across two reads.
struct LiveSnapshot {
    Zoneinfo zi;
    std::int64_t min_free_kbytes = 0;
    std::int64_t watermark_scale_factor = 0;
    std::vector<std::int64_t> lowmem_reserve_ratio;
    std::string thp;
    int kernel_version = 0;
};

std::vector<std::int64_t> numbers(const std::string& text) {
    std::vector<std::int64_t> out;
    std::istringstream in(text);
    std::int64_t v;
    while (in >> v) out.push_back(v);
    return out;
}

std::optional<LiveSnapshot> take_snapshot() {
    for (int attempt = 0; attempt < 20; ++attempt) {
        auto a = slurp("/proc/zoneinfo");
        auto mfk = slurp("/proc/sys/vm/min_free_kbytes");
        auto wsf = slurp("/proc/sys/vm/watermark_scale_factor");
        auto lrr = slurp("/proc/sys/vm/lowmem_reserve_ratio");
        auto b = slurp("/proc/zoneinfo");
        if (!a || !mfk || !wsf || !lrr || !b) return std::nullopt;
        auto zi = parse_zoneinfo(*a, "/proc/zoneinfo");
        auto zi2 = parse_zoneinfo(*b, "/proc/zoneinfo");
        REQUIRE(zi);
        REQUIRE(zi2);
        // Free pages and per-cpu counts always move; the sizes and the watermarks must not
        // have changed between the two reads.
        bool same = zi->zones.size() == zi2->zones.size();
        for (std::size_t i = 0; same && i < zi->zones.size(); ++i)
            same = zi->zones[i].fields.size() == zi2->zones[i].fields.size() &&
                   zi->zones[i].protection == zi2->zones[i].protection &&
                   [&] {
                       for (const char* k : {"managed", "present", "spanned", "min", "low", "high", "promo", "boost"})
                           if (zi->zones[i].get(k) != zi2->zones[i].get(k)) return false;
                       return true;
                   }();
        if (!same) continue; // memory was added or the watermarks moved while we read
        LiveSnapshot s;
        s.zi = zi.value();
        s.min_free_kbytes = numbers(*mfk).at(0);
        s.watermark_scale_factor = numbers(*wsf).at(0);
        s.lowmem_reserve_ratio = numbers(*lrr);
        s.thp = slurp("/sys/kernel/mm/transparent_hugepage/enabled").value_or("[never]");
        const std::string release = slurp("/proc/sys/kernel/osrelease").value_or("6.16");
        int major = 0, minor = 0;
        if (std::sscanf(release.c_str(), "%d.%d", &major, &minor) == 2) s.kernel_version = major * 100 + minor;
        return s;
    }
    FAIL("/proc/zoneinfo kept changing between reads");
    return std::nullopt;
}

ThpMode thp_from_sysfs(const std::string& text) {
    if (text.find("[always]") != std::string::npos) return ThpMode::Always;
    if (text.find("[madvise]") != std::string::npos) return ThpMode::Madvise;
    return ThpMode::Never;
}

// Has someone configured min_free_kbytes (sysctl.conf or sysctl.d)? Then the kernel's value
// is the user's, not a computed one.
bool min_free_kbytes_configured() {
    std::vector<std::string> files = {"/etc/sysctl.conf"};
    for (const char* dir : {"/etc/sysctl.d", "/run/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d"}) {
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(dir, ec)) files.push_back(e.path().string());
    }
    for (const auto& f : files) {
        auto text = slurp(f);
        if (!text) continue;
        std::istringstream in(*text);
        std::string line;
        while (std::getline(in, line)) {
            const auto pos = line.find_first_not_of(" \t");
            if (pos == std::string::npos || line[pos] == '#' || line[pos] == ';') continue;
            if (line.find("min_free_kbytes") != std::string::npos) return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("this machine's watermarks follow the kernel's rules zone by zone") {
    if (!std::filesystem::exists("/proc/zoneinfo")) {
        WARN("/proc/zoneinfo is absent on this machine: the live-machine comparison cannot run here");
        return;
    }
    const auto snap = take_snapshot();
    REQUIRE(snap);
    auto spec = machine_from_zoneinfo(snap->zi, "/proc/zoneinfo");
    REQUIRE(spec);
    MachineSpec s = spec.value();
    s.kernel_version = snap->kernel_version;
    const ThpMode thp = thp_from_sysfs(snap->thp);
    INFO("kernel " << snap->kernel_version / 100 << "." << snap->kernel_version % 100 << ", THP "
                   << thp_mode_name(thp) << ", min_free_kbytes " << snap->min_free_kbytes);

    auto b = boot_machine(s, thp);
    if (min_free_kbytes_configured()) {
        WARN("min_free_kbytes is set in sysctl configuration here: comparing watermarks for the "
             "configured value, not the computed default");
    } else if (thp != ThpMode::Never) {
        // What calculate_min_free_kbytes() and khugepaged decide for this machine.
        CHECK(b.sysctl.min_free_kbytes == snap->min_free_kbytes);
    } else {
        // Without THP the value is calculate_min_free_kbytes() of the managed pages at boot,
        // which memory freed later in boot may have raised since: it can only be lower.
        CHECK(snap->min_free_kbytes >= 128);
        CHECK(snap->min_free_kbytes <= b.sysctl.min_free_kbytes);
    }
    // Now the sysctls as they are, through their handlers, as writing them would do.
    apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.watermark_scale_factor", {snap->watermark_scale_factor}});
    apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.lowmem_reserve_ratio", snap->lowmem_reserve_ratio});
    if (b.sysctl.min_free_kbytes != snap->min_free_kbytes)
        apply_sysctl_write(b.machine, b.sysctl, SysctlWrite{"vm.min_free_kbytes", {snap->min_free_kbytes}});

    int compared = 0;
    for (const auto& rz : snap->zi.zones) {
        INFO("node " << rz.node << ", zone " << rz.name);
        const Zone& z = zone_of(b.machine, *zone_type_from_name(rz.name), rz.node);
        const std::int64_t boost = rz.get("boost").value_or(0); // the kernel prints marks + boost
        CHECK(static_cast<std::int64_t>(z.watermark[WMARK_MIN]) == *rz.get("min") - boost);
        CHECK(static_cast<std::int64_t>(z.watermark[WMARK_LOW]) == *rz.get("low") - boost);
        CHECK(static_cast<std::int64_t>(z.watermark[WMARK_HIGH]) == *rz.get("high") - boost);
        if (auto promo = rz.get("promo"))
            CHECK(static_cast<std::int64_t>(z.watermark[WMARK_PROMO]) == *promo - boost);
        REQUIRE(static_cast<int>(rz.protection.size()) == b.machine.nr_zone_types());
        for (std::size_t i = 0; i < rz.protection.size(); ++i)
            CHECK(static_cast<std::int64_t>(z.lowmem_reserve[i]) == rz.protection[i]);
        ++compared;
    }
    CHECK(compared >= 2);
}

TEST_CASE("the development VM's zoneinfo a Linux 6.18 snapshot follows the rules too") {
    // The same comparison on a stored snapshot, so it runs everywhere (THP madvise,
    // min_free_kbytes 67584 from khugepaged, watermark_scale_factor 10).
    const auto zi = parse_fixture("zoneinfo-this-vm-6.18.txt");
    auto spec = machine_from_zoneinfo(zi, "fixture");
    REQUIRE(spec);
    MachineSpec s = spec.value();
    s.kernel_version = 618;
    auto b = boot_machine(s, ThpMode::Madvise);
    CHECK(b.sysctl.min_free_kbytes == 67584);
    for (const auto& rz : zi.zones) {
        INFO("zone " << rz.name);
        const Zone& z = zone_of(b.machine, *zone_type_from_name(rz.name));
        CHECK(static_cast<std::int64_t>(z.min_wmark_pages()) == *rz.get("min"));
        CHECK(static_cast<std::int64_t>(z.low_wmark_pages()) == *rz.get("low"));
        CHECK(static_cast<std::int64_t>(z.high_wmark_pages()) == *rz.get("high"));
        CHECK(static_cast<std::int64_t>(z.promo_wmark_pages()) == *rz.get("promo"));
        for (std::size_t i = 0; i < rz.protection.size(); ++i)
            CHECK(static_cast<std::int64_t>(z.lowmem_reserve[i]) == rz.protection[i]);
    }
}
