#include "mm/watermarks.h"

#include "mm/gfp.h"

#include <algorithm>

namespace rs {

std::uint64_t int_sqrt(std::uint64_t x) {
    // Bit-by-bit method of lib/math/int_sqrt.c: exact floor, no floating point.
    if (x <= 1) return x;
    std::uint64_t m = 1ull << ((63 - static_cast<unsigned>(__builtin_clzll(x))) & ~1u);
    std::uint64_t y = 0;
    while (m != 0) {
        const std::uint64_t b = y + m;
        y >>= 1;
        if (x >= b) {
            x -= b;
            y += m;
        }
        m >>= 2;
    }
    return y;
}

std::uint64_t nr_free_buffer_pages(const Machine& m) {
    // nr_free_zone_pages(gfp_zone(GFP_USER)): the zonelist covers every node's zones up to
    // ZONE_NORMAL; only managed zones are in a zonelist.
    const int top = m.normal_zone_index();
    std::uint64_t sum = 0;
    for (const auto& node : m.nodes)
        for (const auto& z : node.zones) {
            if (z.zone_idx > top || !z.managed()) continue;
            const std::uint64_t high = z.high_wmark_pages();
            if (z.managed_pages > high) sum += z.managed_pages - high;
        }
    return sum;
}

void calculate_min_free_kbytes(const Machine& m, VmSysctl& s) {
    const std::uint64_t lowmem_kbytes = nr_free_buffer_pages(m) * (kPageSize / 1024);
    const auto new_min_free_kbytes = static_cast<std::int64_t>(int_sqrt(lowmem_kbytes * 16));
    // The upper clamp was 65536 kB before v5.7.
    const std::int64_t upper = m.kernel_version >= 507 ? 262144 : 65536;
    if (new_min_free_kbytes > s.user_min_free_kbytes)
        s.min_free_kbytes = std::clamp<std::int64_t>(new_min_free_kbytes, 128, upper);
    // Otherwise the kernel warns that the user's value is kept.
}

void calculate_totalreserve_pages(Machine& m) {
    std::uint64_t total = 0;
    for (auto& node : m.nodes) {
        std::uint64_t node_reserve = 0;
        for (auto& z : node.zones) {
            std::uint64_t max = 0;
            // The largest protection this zone keeps against any higher zone.
            for (int j = z.zone_idx; j < m.nr_zone_types(); ++j)
                max = std::max(max, z.lowmem_reserve[static_cast<std::size_t>(j)]);
            max += z.high_wmark_pages();
            max = std::min(max, z.managed_pages);
            node_reserve += max;
        }
        node.totalreserve_pages = node_reserve;
        total += node_reserve;
    }
    m.totalreserve_pages = total;
}

void setup_per_zone_wmarks(Machine& m, const VmSysctl& s) {
    const std::uint64_t pages_min =
        static_cast<std::uint64_t>(s.min_free_kbytes) >> (kPageShift - 10);
    // Lowmem: every zone but highmem (x86-64 has none) and, since v6.5 ("fix min_free_kbytes
    // calculation regarding ZONE_MOVABLE"), ZONE_MOVABLE, which then gets a small capped min.
    const bool movable_capped = m.kernel_version >= 605;
    std::uint64_t lowmem_pages = 0;
    m.for_each_zone([&](const Zone& z) {
        if (!(movable_capped && z.type == ZoneType::Movable)) lowmem_pages += z.managed_pages;
    });
    m.for_each_zone([&](Zone& z) {
        std::uint64_t tmp = lowmem_pages ? pages_min * z.managed_pages / lowmem_pages : 0;
        if (movable_capped && z.type == ZoneType::Movable) {
            // __GFP_HIGH and PF_MEMALLOC allocations rarely need movable pages: a small min.
            z.watermark[WMARK_MIN] =
                std::clamp<std::uint64_t>(z.managed_pages / 1024, 32 /*SWAP_CLUSTER_MAX*/, 128);
        } else {
            z.watermark[WMARK_MIN] = tmp;
        }
        // The gap is the larger of a quarter of the zone's share of min and
        // watermark_scale_factor/10000 of the zone (mult_frac).
        const std::uint64_t scaled =
            z.managed_pages / 10000 * static_cast<std::uint64_t>(s.watermark_scale_factor) +
            z.managed_pages % 10000 * static_cast<std::uint64_t>(s.watermark_scale_factor) / 10000;
        tmp = std::max(tmp >> 2, scaled);
        z.watermark_boost = 0;
        z.watermark[WMARK_LOW] = z.watermark[WMARK_MIN] + tmp;
        z.watermark[WMARK_HIGH] = z.watermark[WMARK_LOW] + tmp;
        z.watermark[WMARK_PROMO] = z.watermark[WMARK_HIGH] + tmp;
    });
    calculate_totalreserve_pages(m);
}

void setup_per_zone_lowmem_reserve(Machine& m, const VmSysctl& s) {
    const int nr = m.nr_zone_types();
    for (auto& node : m.nodes) {
        for (int i = 0; i < nr - 1; ++i) {
            Zone& zone = node.zones[static_cast<std::size_t>(i)];
            const std::int64_t ratio = s.lowmem_reserve_ratio[static_cast<std::size_t>(i)];
            const bool clear = ratio == 0 || !zone.managed();
            std::uint64_t managed_pages = 0;
            for (int j = i + 1; j < nr; ++j) {
                managed_pages += node.zones[static_cast<std::size_t>(j)].managed_pages;
                zone.lowmem_reserve[static_cast<std::size_t>(j)] =
                    clear ? 0 : managed_pages / static_cast<std::uint64_t>(ratio);
            }
        }
    }
    calculate_totalreserve_pages(m);
}

void init_per_zone_wmark_min(Machine& m, VmSysctl& s) {
    calculate_min_free_kbytes(m, s);
    setup_per_zone_wmarks(m, s);
    setup_per_zone_lowmem_reserve(m, s);
}

ThpMode hugepage_init(const Machine& m, ThpMode configured) {
    // mm/huge_memory.c: "By default disable transparent hugepages on smaller systems".
    if (m.totalram_pages() < (512ull << (20 - kPageShift))) return ThpMode::Never;
    return configured;
}

std::int64_t set_recommended_min_free_kbytes(Machine& m, VmSysctl& s, ThpMode thp) {
    if (thp == ThpMode::Never) return 0;
    // Populated zones up to ZONE_NORMAL (movable zones are excluded: they cannot satisfy
    // the unmovable allocations this reserve is for).
    std::uint64_t nr_zones = 0;
    for (const auto& node : m.nodes)
        for (const auto& z : node.zones)
            if (z.type <= ZoneType::Normal && z.populated()) ++nr_zones;
    // Two free pageblocks per zone for fragmentation avoidance, plus enough for each
    // per-cpu migratetype pair to fall back without mixing.
    std::uint64_t recommended_min = pageblock_nr_pages * nr_zones * 2;
    recommended_min += pageblock_nr_pages * nr_zones * MIGRATE_PCPTYPES * MIGRATE_PCPTYPES;
    // Never more than 5% of lowmem.
    recommended_min = std::min(recommended_min, nr_free_buffer_pages(m) / 20);
    recommended_min <<= (kPageShift - 10);
    const auto rec = static_cast<std::int64_t>(recommended_min);
    if (rec > s.min_free_kbytes) s.min_free_kbytes = rec;
    setup_per_zone_wmarks(m, s);
    return rec;
}

BootedMachine boot_machine(const MachineSpec& spec, ThpMode configured_thp) {
    BootedMachine b{make_machine(spec), VmSysctl{}, ThpMode::Never, {}};
    for (std::size_t i = 0; i < spec.zone_types.size(); ++i)
        b.sysctl.lowmem_reserve_ratio[i] = default_lowmem_reserve_ratio(spec.zone_types[i]);
    init_per_zone_wmark_min(b.machine, b.sysctl);
    b.log.push_back("init_per_zone_wmark_min: min_free_kbytes = " +
                    std::to_string(b.sysctl.min_free_kbytes));
    b.thp = hugepage_init(b.machine, configured_thp);
    if (b.thp != configured_thp)
        b.log.push_back("hugepage_init: less than 512 MiB of RAM, transparent hugepages off");
    if (b.thp != ThpMode::Never) {
        const auto before = b.sysctl.min_free_kbytes;
        const auto rec = set_recommended_min_free_kbytes(b.machine, b.sysctl, b.thp);
        if (b.sysctl.min_free_kbytes != before)
            b.log.push_back("set_recommended_min_free_kbytes: min_free_kbytes " + std::to_string(before) +
                            " -> " + std::to_string(rec) + " (THP " + std::string(thp_mode_name(b.thp)) + ")");
    }
    // free_initmem() and friends: managed grows, watermarks stay (adjust_managed_page_count).
    for (std::size_t n = 0; n < spec.nodes.size(); ++n)
        for (std::size_t z = 0; z < spec.nodes[n].zones.size(); ++z)
            b.machine.nodes[n].zones[z].managed_pages = spec.nodes[n].zones[z].managed;
    return b;
}

bool zone_watermark_ok(const Zone& z, int order, std::uint64_t mark, int highest_zoneidx,
                       unsigned alloc_flags, std::int64_t free_pages) {
    // __zone_watermark_unusable_free(): pages this request cannot use. We simulate no CMA and no
    // highatomic reserve, so only the order term remains.
    free_pages -= (1L << order) - 1;
    auto min = static_cast<std::int64_t>(mark);
    if (alloc_flags & ALLOC_RESERVES) {
        // __GFP_HIGH may dip half way; an atomic one a further quarter of what is left.
        if (alloc_flags & ALLOC_MIN_RESERVE) {
            min -= min / 2;
            if (alloc_flags & ALLOC_NON_BLOCK) min -= min / 4;
        }
        // OOM victims get the other half too, so they can exit.
        if (alloc_flags & ALLOC_OOM) min -= min / 2;
    }
    const auto reserve =
        static_cast<std::int64_t>(z.lowmem_reserve[static_cast<std::size_t>(highest_zoneidx)]);
    if (free_pages <= min + reserve) return false;
    // Higher orders would need a free block of that order; free pages stand in for it.
    return true;
}

bool boost_watermark(Zone& z, const VmSysctl& s) {
    if (!s.watermark_boost_factor) return false;
    // Too small a zone: boosting would be pointless.
    if (pageblock_nr_pages * 4 > z.managed_pages) return false;
    std::uint64_t max_boost = z.watermark[WMARK_HIGH] *
                              static_cast<std::uint64_t>(s.watermark_boost_factor) / 10000;
    if (!max_boost) return false;
    max_boost = std::max(pageblock_nr_pages, max_boost);
    z.watermark_boost = std::min(z.watermark_boost + pageblock_nr_pages, max_boost);
    return true;
}

} // namespace rs
