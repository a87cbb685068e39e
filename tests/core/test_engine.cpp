// The minimal engine: allocation through the zonelist, kswapd woken at low and sleeping at
// high, reclaim of clean page cache, determinism and invariants.
#include "machine_helpers.h"
#include "mm/vmscan.h"
#include "mm/watermarks.h"
#include "sim/engine.h"
#include "scenario/builtin.h"

#include <catch2/catch.hpp>

using namespace rs;

namespace {

// A reader streaming a file twice the size of RAM through the page cache.
EngineConfig reader_machine(std::uint64_t ram = 256ull << 20, double pages_per_sec = 20000) {
    EngineConfig c;
    c.machine = x86_64_machine(ram);
    c.thp = ThpMode::Never;
    c.tasks.push_back(TaskSpec{.name = "reader",
                               .kind = TaskSpec::Kind::ReadFile,
                               .pages = 2 * ram / kPageSize,
                               .pages_per_sec = pages_per_sec,
                               .loop = true});
    return c;
}

// Every eligible zone fails the low watermark for GFP_HIGHUSER_MOVABLE (highest zone index =
// the last zone up to Movable): the condition for the slow path to wake kswapd.
bool all_zones_below_low(const Kernel& k, int nid) {
    const Machine& m = k.machine;
    const int highest = *m.zone_index(ZoneType::Movable);
    for (const auto& z : m.nodes[static_cast<std::size_t>(nid)].zones) {
        if (!z.managed() || z.zone_idx > highest) continue;
        if (zone_watermark_ok(z, 0, z.low_wmark_pages(), highest, 0, z.nr_free_pages)) return false;
    }
    return true;
}

bool node_balanced(const Kernel& k, int nid) {
    const Machine& m = k.machine;
    const int highest = *m.zone_index(ZoneType::Movable);
    for (const auto& z : m.nodes[static_cast<std::size_t>(nid)].zones)
        if (z.managed() && z.zone_idx <= highest &&
            zone_watermark_ok(z, 0, z.high_wmark_pages(), highest, 0, z.nr_free_pages))
            return true;
    return false;
}

} // namespace

TEST_CASE("kswapd wakes only when every zone is below low and sleeps once one is above high") {
    // The default scenario: 1.7 GiB of anonymous memory, then a file streamed through the
    // page cache. The listener sees the kernel at the instant of each wake-up and sleep.
    auto e = Engine::create(default_scenario());
    REQUIRE(e);
    Engine& eng = *e.value();
    int wakes = 0, sleeps = 0;
    eng.set_event_listener([&](const Event& ev) {
        const auto& vm = eng.kernel().vmstat;
        if (ev.type == EventType::KswapdWake) {
            ++wakes;
            CHECK(all_zones_below_low(eng.kernel(), 0));
            // Only a kswapd in its full sleep (schedule() in kswapd_try_to_sleep()) is woken:
            // wake-ups and sleeps alternate.
            CHECK(wakes == sleeps + 1);
        } else if (ev.type == EventType::KswapdSleep) {
            ++sleeps;
            CHECK(node_balanced(eng.kernel(), 0));
            CHECK(sleeps == wakes);
            // kswapd(): every balance_pgdat() (pageoutrun) follows a return from
            // kswapd_try_to_sleep(), which either slept fully (and was woken) or counted exactly
            // one of kswapd_low_wmark_hit_quickly (nap cut short) and
            // kswapd_high_wmark_hit_quickly (not balanced after the nap).
            CHECK(vm[PAGEOUTRUN] ==
                  static_cast<std::uint64_t>(wakes) + vm[KSWAPD_LOW_WMARK_HIT_QUICKLY] + vm[KSWAPD_HIGH_WMARK_HIT_QUICKLY]);
        }
    });
    eng.run_until(15'000'000'000);
    CHECK(wakes >= 5);
    CHECK(sleeps >= 5);
    CHECK((wakes == sleeps || wakes == sleeps + 1)); // at the end kswapd is asleep or still awake
    REQUIRE_FALSE(eng.check_invariants());
    const auto& vm = eng.kernel().vmstat;
    CHECK(vm[PAGEOUTRUN] >= static_cast<std::uint64_t>(wakes));
    CHECK(vm[PGSTEAL_FILE] == vm[PGSTEAL_KSWAPD]); // only page cache is reclaimable here
    // Page cache conserved: every page the backup read in is still cached or kswapd reclaimed it.
    std::int64_t read = 0;
    for (const auto& st : eng.task_stats()) read += static_cast<std::int64_t>(st.page_cache_misses);
    CHECK(static_cast<std::int64_t>(vm[PGSTEAL_KSWAPD]) == read - eng.kernel().machine.nodes[0][NR_FILE_PAGES]);
    CHECK(read > eng.kernel().machine.nodes[0][NR_FILE_PAGES]); // so kswapd did reclaim
    // The stream's pages are read once and unmapped: folio_check_references() says
    // RECLAIM_CLEAN, so every page kswapd scanned it reclaimed (no activation, no pgskip below
    // the Movable reclaim index).
    CHECK(vm[PGACTIVATE] == 0);
    CHECK(vm[PGSTEAL_KSWAPD] == vm[PGSCAN_KSWAPD]);
    // kswapd kept up with the stream: no managed zone ever fell below min.
    const auto& labels = eng.recorder().zones;
    for (const auto& s : eng.recorder().samples)
        for (std::size_t z = 0; z < s.zones.size(); ++z)
            if (labels[z].managed > 0) CHECK(s.zones[z].free >= s.zones[z].min);
}

TEST_CASE("a stream faster than the nap allows keeps kswapd from sleeping") {
    // kswapd_try_to_sleep(): after the 100 ms nap the node is below high again, so kswapd
    // goes straight back to balance_pgdat and counts kswapd_high_wmark_hit_quickly.
    EngineConfig c = reader_machine(256ull << 20, 20000);
    c.sysctl_writes.push_back(SysctlWrite{"vm.watermark_scale_factor", {1000}});
    auto e = Engine::create(c);
    REQUIRE(e);
    e.value()->run_until(6'000'000'000);
    const auto& vm = e.value()->kernel().vmstat;
    CHECK(vm[KSWAPD_HIGH_WMARK_HIT_QUICKLY] > 10);
    int sleeps = 0;
    for (const auto& ev : e.value()->kernel().events.items) sleeps += ev.type == EventType::KswapdSleep;
    // At most the first nap, before the stream had reached full speed, ends in sleep.
    CHECK(sleeps <= 1);
}

TEST_CASE("allocations prefer the highest zone and keep lowmem_reserve in lower zones") {
    // A 4 GiB machine: Normal first, DMA32 when Normal is at its low mark, DMA never while
    // DMA32 has more than its protection.
    EngineConfig c;
    c.machine = x86_64_machine(4ull << 30);
    c.thp = ThpMode::Never;
    c.tasks.push_back(TaskSpec{.name = "hog", .kind = TaskSpec::Kind::AllocAnon, .pages = 500000,
                               .pages_per_sec = 1e6, .loop = false});
    auto e = Engine::create(c);
    REQUIRE(e);
    // Free pages at boot, before the hog runs.
    const std::int64_t dma32_boot = zone_of(e.value()->kernel().machine, ZoneType::DMA32).nr_free_pages;
    e.value()->run_until(1'000'000'000);
    const auto& m = e.value()->kernel().machine;
    const Zone& normal = zone_of(m, ZoneType::Normal);
    const Zone& dma32 = zone_of(m, ZoneType::DMA32);
    const Zone& dma = zone_of(m, ZoneType::DMA);
    const auto& vm = e.value()->kernel().vmstat;
    // 500000 pages: Normal gives everything down to its low watermark, DMA32 the rest.
    CHECK(vm[PGALLOC_NORMAL] == normal.managed_pages - normal.low_wmark_pages());
    CHECK(vm[PGALLOC_NORMAL] + vm[PGALLOC_DMA32] == 500000);
    CHECK(vm[PGALLOC_DMA] == 0);
    CHECK(dma.nr_free_pages == static_cast<std::int64_t>(dma.managed_pages));
    CHECK(dma32.nr_free_pages > static_cast<std::int64_t>(dma32.low_wmark_pages()));
    // Pages conserved: nothing was freed (no reclaim, the hog keeps all), so DMA32 lost exactly
    // what it gave.
    CHECK(vm[PGFREE] == 0);
    CHECK(dma32.nr_free_pages == dma32_boot - static_cast<std::int64_t>(vm[PGALLOC_DMA32]));
    REQUIRE_FALSE(e.value()->check_invariants());
}

TEST_CASE("anonymous memory is not reclaimed without swap") {
    EngineConfig c = reader_machine(1ull << 30, 100000);
    c.tasks.push_back(TaskSpec{.name = "app", .kind = TaskSpec::Kind::AllocAnon, .pages = 100000,
                               .pages_per_sec = 1e6, .loop = false});
    auto e = Engine::create(c);
    REQUIRE(e);
    e.value()->run_until(8'000'000'000);
    const auto& k = e.value()->kernel();
    CHECK(k.vmstat[PGSCAN_ANON] == 0);
    CHECK(k.machine.nodes[0][NR_ANON_MAPPED] == 100000);
    CHECK(k.machine.nodes[0].nr_lru[LRU_INACTIVE_ANON] + k.machine.nodes[0].nr_lru[LRU_ACTIVE_ANON] == 100000);
}

TEST_CASE("a stream larger than RAM activates nothing: each page is gone before its re-read") {
    auto e = Engine::create(reader_machine());
    REQUIRE(e);
    e.value()->run_until(10'000'000'000);
    const auto& vm = e.value()->kernel().vmstat;
    // One read sets PG_referenced; folio_check_references() then answers RECLAIM_CLEAN for an
    // unmapped page-cache page, so nothing is ever activated.
    CHECK(vm[PGACTIVATE] == 0);
    // ... and every page reclaim scanned is reclaimed (no zone above the reclaim index to skip).
    CHECK(vm[PGSTEAL_KSWAPD] + vm[PGSTEAL_DIRECT] == vm[PGSCAN_KSWAPD] + vm[PGSCAN_DIRECT]);
    // Page cache conserved: the pages read beyond what is cached now were reclaimed.
    const auto read = static_cast<std::int64_t>(e.value()->task_stats()[0].page_cache_misses);
    const std::int64_t cached = e.value()->kernel().machine.nodes[0][NR_FILE_PAGES];
    CHECK(static_cast<std::int64_t>(vm[PGSTEAL_KSWAPD] + vm[PGSTEAL_DIRECT]) == read - cached);
    CHECK(read > static_cast<std::int64_t>(256ull << 20) / static_cast<std::int64_t>(kPageSize)); // the stream outgrew RAM
}

TEST_CASE("the same configuration gives the same run") {
    auto a = Engine::create(default_scenario());
    auto b = Engine::create(default_scenario());
    REQUIRE(a);
    REQUIRE(b);
    a.value()->run_until(15'000'000'000);
    b.value()->run_until(15'000'000'000);
    const auto& sa = a.value()->recorder().samples;
    const auto& sb = b.value()->recorder().samples;
    REQUIRE(sa.size() == sb.size());
    for (std::size_t i = 0; i < sa.size(); ++i)
        for (std::size_t z = 0; z < sa[i].zones.size(); ++z) REQUIRE(sa[i].zones[z].free == sb[i].zones[z].free);
    CHECK(a.value()->kernel().vmstat.count == b.value()->kernel().vmstat.count);
}

TEST_CASE("raising min_free_kbytes at run time moves the lines and wakes kswapd on the next allocation") {
    auto e = Engine::create(default_scenario());
    REQUIRE(e);
    Engine& eng = *e.value();
    eng.run_until(2'000'000'000);
    const auto before = eng.recorder().samples.back().zones;
    eng.write_sysctl(SysctlWrite{"vm.min_free_kbytes", {400000}});
    const auto& after = eng.recorder().samples.back();
    CHECK(after.t_ns == eng.now());
    // Every managed zone's min moved to its share of 100000 pages.
    const auto& m = eng.kernel().machine;
    std::uint64_t lowmem = 0;
    m.for_each_zone([&](const Zone& z) { if (z.type != ZoneType::Movable) lowmem += z.managed_pages; });
    for (const auto& z : m.nodes[0].zones) {
        if (!z.managed() || z.type == ZoneType::Movable) continue;
        CHECK(after.zones[static_cast<std::size_t>(z.zone_idx)].min == static_cast<std::int64_t>(100000 * z.managed_pages / lowmem));
    }
    CHECK(after.zones[1].min > before[1].min);
    const auto wakes_before = eng.kernel().vmstat[PAGEOUTRUN];
    eng.run_until(eng.now() + 2'000'000'000);
    CHECK(eng.kernel().vmstat[PAGEOUTRUN] > wakes_before);
    REQUIRE_FALSE(eng.check_invariants());
}

TEST_CASE("invalid engine configurations are refused with a reason") {
    EngineConfig c = reader_machine();
    c.tasks[0].pages_per_sec = 0;
    auto e = Engine::create(c);
    REQUIRE_FALSE(e);
    CHECK(e.error() == "task 'reader', phase 1: a rate of 0.000000 pages/s is outside 0.001 .. 1e12 (a positive rate is needed)");
    c = reader_machine();
    c.tasks[0].node = 3;
    CHECK_FALSE(Engine::create(c));
    c = reader_machine();
    c.machine.nodes[0].zones[1].managed = c.machine.nodes[0].zones[1].present + 1;
    auto bad = Engine::create(c);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("node 0, zone DMA32: managed pages") == 0);
}

TEST_CASE("the recorder's history stays bounded and keeps its newest half at full resolution") {
    rs::EngineConfig cfg = rs::default_scenario();
    cfg.max_samples = 1000;
    auto e = rs::Engine::create(cfg).value();
    e->run_until(60'000'000'000); // 6001 samples at 10 ms
    const auto& rec = e->recorder();
    CHECK(rec.samples.size() <= 1000);
    CHECK(rec.thin_count >= 3);
    REQUIRE(rec.thinned_before_ns > 0);
    // Time order, the first and the newest sample kept.
    CHECK(rec.samples.front().t_ns == 0);
    CHECK(rec.samples.back().t_ns == 60'000'000'000);
    for (std::size_t i = 1; i < rec.samples.size(); ++i) REQUIRE(rec.samples[i].t_ns > rec.samples[i - 1].t_ns);
    // From the last thinning on, every sample; before it, at most every other one.
    std::size_t full = 0, coarse = 0;
    for (std::size_t i = 1; i < rec.samples.size(); ++i) {
        const auto gap = rec.samples[i].t_ns - rec.samples[i - 1].t_ns;
        if (rec.samples[i - 1].t_ns >= rec.thinned_before_ns) {
            CHECK(gap == cfg.sample_interval_ns);
            ++full;
        } else {
            CHECK(gap >= 2 * cfg.sample_interval_ns);
            ++coarse;
        }
    }
    CHECK(full >= 250);
    CHECK(coarse >= 250);
}
