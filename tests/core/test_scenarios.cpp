// The built-in library: every scenario loads and runs the same twice, and each shows its
// teaching point as a fact about the simulated kernel. Then the loader's validation.
#include "mm/swap_state.h"
#include "mm/writeback.h"
#include "record/csv.h"
#include "scenario/loader.h"
#include "scenario/builtin.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace rs;

namespace {

std::unique_ptr<Engine> start(const std::string& name) {
    const auto* s = find_builtin_scenario(name);
    REQUIRE(s);
    auto e = Engine::create(s->make());
    REQUIRE(e);
    return std::move(e).value();
}

std::string csv_of(Engine& e) {
    std::ostringstream out;
    write_csv(out, e.recorder());
    return out.str();
}

const Zone& zone_named(const Kernel& k, const std::string& name) {
    for (const auto& z : k.machine.nodes[0].zones)
        if (zone_name(z.type) == name) return z;
    FAIL("no zone " << name);
    throw;
}

int global_of(const Engine& e, const std::string& name) {
    for (const auto& z : e.recorder().zones)
        if (z.name == name && z.node == 0) return z.global;
    return -1;
}

double mean_free(const Engine& e, const std::string& zone, double from_s, double to_s) {
    const int g = global_of(e, zone);
    double sum = 0;
    int n = 0;
    for (const auto& s : e.recorder().samples) {
        const double t = static_cast<double>(s.t_ns) / 1e9;
        if (t < from_s || t >= to_s) continue;
        sum += static_cast<double>(s.zones[static_cast<std::size_t>(g)].free);
        ++n;
    }
    return n ? sum / n : 0;
}

constexpr std::int64_t s_(double seconds) { return static_cast<std::int64_t>(seconds * 1e9); }

} // namespace

TEST_CASE("the library has at least 12 scenarios and each loads with a title and a teaching text") {
    const auto& list = builtin_scenarios();
    CHECK(list.size() >= 12);
    CHECK(list.front().name == "watermark-dance");
    for (const auto& s : list) {
        INFO(s.name);
        CHECK_FALSE(s.title.en.empty());
        CHECK(s.explanation.en.size() > 200);
        CHECK(s.duration_ns > 0);
    }
}

TEST_CASE("every built-in scenario runs twice to the same CSV") {
    for (const auto& s : builtin_scenarios()) {
        INFO(s.name);
        auto a = Engine::create(s.make());
        auto b = Engine::create(s.make());
        REQUIRE(a);
        REQUIRE(b);
        const std::int64_t t = std::min<std::int64_t>(s.duration_ns, s_(4));
        a.value()->run_until(t);
        b.value()->run_until(t);
        const std::string ca = csv_of(*a.value()), cb = csv_of(*b.value());
        CHECK(ca.size() > 1000);
        CHECK(ca == cb);
        REQUIRE_FALSE(a.value()->check_invariants());
    }
}

TEST_CASE("watermark-basics: kswapd wakes below low and sleeps above high") {
    auto e = start("watermark-basics");
    int wakes = 0, sleeps = 0;
    e->set_event_listener([&](const Event& ev) {
        const Zone& z = zone_named(e->kernel(), "DMA32");
        if (ev.type == EventType::KswapdWake) {
            ++wakes;
            CHECK(z.nr_free_pages <= static_cast<std::int64_t>(z.low_wmark_pages())); // the low check failed
            CHECK(wakes == sleeps + 1); // only a fully sleeping kswapd is woken (kswapd_try_to_sleep())
        } else if (ev.type == EventType::KswapdSleep) {
            ++sleeps;
            CHECK(z.nr_free_pages >= static_cast<std::int64_t>(z.high_wmark_pages()));
            CHECK(sleeps == wakes);
        }
    });
    e->run_until(s_(30));
    CHECK(wakes >= 5);
    CHECK(sleeps >= 5);
    CHECK(e->kernel().vmstat[PGSCAN_DIRECT] == 0);
}

TEST_CASE("chapter-min-free-kbytes: Normal below min yet no kswapd until the hog") {
    auto e = start("chapter-min-free-kbytes");
    std::vector<std::int64_t> wakes;
    e->set_event_listener([&](const Event& ev) {
        if (ev.type == EventType::KswapdWake) wakes.push_back(ev.t_ns);
    });
    e->run_until(s_(19.9));
    const Kernel& k = e->kernel();
    const Zone& normal = zone_named(k, "Normal");
    CHECK(k.sysctl.min_free_kbytes == 3000000);
    CHECK(normal.nr_free_pages < static_cast<std::int64_t>(normal.min_wmark_pages())); // far below min
    CHECK(wakes.empty());
    CHECK(k.vmstat[PGSCAN_KSWAPD] == 0);
    CHECK(e->task_stats()[1].pages_allocated == 12 * 256); // the shell's allocations succeeded
    e->run_until(s_(30));
    REQUIRE_FALSE(wakes.empty());
    CHECK(wakes.front() >= s_(20));
    CHECK(k.vmstat[PGSCAN_KSWAPD] > 0);
    CHECK(k.vmstat[OOM_KILL] == 0);
}

TEST_CASE("direct-reclaim-storm: tasks reclaim for themselves while kswapd runs") {
    auto e = start("direct-reclaim-storm");
    e->run_until(s_(8));
    const auto& v = e->kernel().vmstat;
    CHECK(v[PGSCAN_KSWAPD] > 0);
    CHECK(v[PGSCAN_DIRECT] > 0);
    CHECK(v[ALLOCSTALL_MOVABLE] + v[ALLOCSTALL_NORMAL] + v[ALLOCSTALL_DMA32] > 0);
    CHECK(v[OOM_KILL] == 0);
    // Four 2 GiB files looped on 1 GiB: each page is evicted before it is read again, so
    // folio_check_references() answers RECLAIM_CLEAN for every scanned page (one
    // PG_referenced, unmapped): no activation, and both reclaimers reclaim all they scan.
    CHECK(v[PGACTIVATE] == 0);
    CHECK(v[PGSTEAL_KSWAPD] == v[PGSCAN_KSWAPD]);
    CHECK(v[PGSTEAL_DIRECT] == v[PGSCAN_DIRECT]);
    // Page cache conserved: Σ over the readers of pages read in == cached now + reclaimed.
    std::int64_t read = 0;
    for (const auto& st : e->task_stats()) read += static_cast<std::int64_t>(st.page_cache_misses);
    CHECK(static_cast<std::int64_t>(v[PGSTEAL_KSWAPD] + v[PGSTEAL_DIRECT]) ==
          read - e->kernel().machine.nodes[0][NR_FILE_PAGES]);
}

TEST_CASE("swappiness-sweep: the anonymous share of scanning rises with each step") {
    auto e = start("swappiness-sweep");
    const auto& v = e->kernel().vmstat;
    std::vector<double> share;
    std::uint64_t anon0 = 0, file0 = 0;
    for (double end : {15.0, 30.0, 45.0, 60.0}) {
        e->run_until(s_(end) - 1);
        const auto anon = v[PGSCAN_ANON] - anon0, file = v[PGSCAN_FILE] - file0;
        share.push_back(anon + file ? static_cast<double>(anon) / static_cast<double>(anon + file) : 0.0);
        anon0 = v[PGSCAN_ANON];
        file0 = v[PGSCAN_FILE];
    }
    INFO("anon share at swappiness 0/60/100/200: " << share[0] << " " << share[1] << " " << share[2] << " " << share[3]);
    // swappiness is a weight against each list's recent cost, so 60 -> 100 moves little once
    // swapped pages refault; 0 and 200 are the extremes.
    CHECK(share[0] < 0.01);
    CHECK(share[1] > 0.1);
    CHECK(share[2] > 0.1);
    CHECK(share[3] > share[1] + 0.1);
    CHECK(share[3] > share[2] + 0.1);
}

TEST_CASE("refault-protection: the database keeps its hit ratio during the stream") {
    auto e = start("refault-protection");
    e->run_until(s_(10));
    const auto before = e->task_stats()[0];
    e->run_until(s_(30));
    const auto after = e->task_stats()[0];
    const double hits = static_cast<double>(after.page_cache_hits - before.page_cache_hits);
    const double misses = static_cast<double>(after.page_cache_misses - before.page_cache_misses);
    INFO("db hit ratio from 10 s to 30 s: " << hits / (hits + misses));
    CHECK(hits / (hits + misses) > 0.9);
    CHECK(e->kernel().vmstat[PGSCAN_KSWAPD] > 0); // the stream was being reclaimed all along
}

TEST_CASE("swap-full-oom: every slot is used before the OOM kill") {
    auto e = start("swap-full-oom");
    std::uint64_t pswpout_at_kill = 0;
    e->set_event_listener([&](const Event& ev) {
        if (ev.type == EventType::OomKill) pswpout_at_kill = e->kernel().vmstat[PSWPOUT];
    });
    e->run_until(s_(15));
    const auto& k = e->kernel();
    CHECK(k.vmstat[OOM_KILL] == 1);
    CHECK(pswpout_at_kill >= static_cast<std::uint64_t>(256 * 256 - 64));
    CHECK(k.swap.slots_in_use() == 0); // the victim's slots were freed
}

TEST_CASE("mlock-unevictable: the locked pages stay on the unevictable list") {
    auto e = start("mlock-unevictable");
    for (double t : {5.0, 15.0, 25.0}) {
        e->run_until(s_(t));
        const Pgdat& pg = e->kernel().machine.nodes[0];
        CHECK(pg.nr_lru[LRU_UNEVICTABLE] == 76800);
        CHECK(pg[NR_MLOCK] == 76800);
    }
    const auto& k = e->kernel();
    CHECK(k.spaces[static_cast<std::size_t>(k.procs[0].anon_space)].nr_resident == 76800);
    CHECK(k.vmstat[PGSCAN_KSWAPD] > 0);
}

TEST_CASE("lowmem-reserve: DMA32 keeps its protection free from Normal allocations") {
    auto e = start("lowmem-reserve");
    e->run_until(s_(30));
    const Zone& dma32 = zone_named(e->kernel(), "DMA32");
    const Zone& normal = zone_named(e->kernel(), "Normal");
    const std::int64_t protection = static_cast<std::int64_t>(dma32.lowmem_reserve[static_cast<std::size_t>(normal.zone_idx)]);
    CHECK(protection == static_cast<std::int64_t>(normal.managed_pages / 4));
    const int g = global_of(*e, "DMA32");
    std::int64_t least = INT64_MAX;
    for (const auto& s : e->recorder().samples)
        if (s.t_ns > s_(10)) least = std::min(least, s.zones[static_cast<std::size_t>(g)].free);
    INFO("DMA32 free at least " << least << ", protection " << protection);
    CHECK(least >= protection);
    CHECK(mean_free(*e, "Normal", 10, 30) < 3.0 * static_cast<double>(normal.high_wmark_pages())); // Normal is used
}

TEST_CASE("watermark-scale-factor: a wider gap keeps more memory free") {
    auto e = start("watermark-scale-factor");
    e->run_until(s_(14.9));
    const auto low_before = zone_named(e->kernel(), "DMA32").low_wmark_pages();
    e->run_until(s_(30));
    const auto low_after = zone_named(e->kernel(), "DMA32").low_wmark_pages();
    CHECK(low_after > low_before);
    const double before = mean_free(*e, "DMA32", 10, 15), after = mean_free(*e, "DMA32", 20, 30);
    INFO("mean DMA32 free pages: " << before << " -> " << after);
    CHECK(after > 1.5 * before);
}

TEST_CASE("dirty-writeback: the flusher writes and the writer is throttled at the dirty limit") {
    auto e = start("dirty-writeback");
    for (int t = 2; t <= 30; t += 2) {
        e->run_until(s_(t));
        const auto limits = global_dirty_limits(e->kernel());
        CHECK(e->kernel().machine.nodes[0][NR_DIRTY] <= static_cast<std::int64_t>(limits.dirty + 64));
    }
    CHECK(e->kernel().machine.nodes[0][NR_WRITTEN] > 100000);
    // Every clean->dirty transition (folio_account_dirtied(): nr_dirtied) is still dirty, under
    // writeback, or ended in folio_end_writeback() (nr_written); reclaim never frees a dirty page.
    const Pgdat& pg = e->kernel().machine.nodes[0];
    CHECK(pg[NR_DIRTIED] == pg[NR_DIRTY] + pg[NR_WRITEBACK] + pg[NR_WRITTEN]);
    CHECK(e->task_stats()[0].dirty_throttle_ns > 0);
}

TEST_CASE("two-swap-devices: the higher priority area fills before the lower one is used") {
    auto e = start("two-swap-devices");
    const auto* swap = &e->kernel().swap;
    REQUIRE(swap);
    bool low_used = false;
    for (int step = 1; step <= 250; ++step) {
        e->run_until(step * 100'000'000ll);
        const SwapInfo* hi = swap->space().swap_info(0);
        const SwapInfo* lo = swap->space().swap_info(1);
        if (lo->inuse_pages > 0 && !low_used) {
            low_used = true;
            INFO("when /dev/sdc1 took its first page, /dev/sdb1 had " << hi->pages - hi->inuse_pages << " free slots");
            CHECK(hi->inuse_pages + 512 >= hi->pages); // at most a cluster's worth left behind
        }
    }
    CHECK(low_used);
}

TEST_CASE("vfs-cache-pressure: more pressure leaves less slab") {
    auto e = start("vfs-cache-pressure");
    e->run_until(s_(30));
    double before = 0, after = 0;
    int nb = 0, na = 0;
    for (const auto& s : e->recorder().samples) {
        const double t = static_cast<double>(s.t_ns) / 1e9;
        if (t >= 8 && t < 15) before += static_cast<double>(s.nr_slab_reclaimable), ++nb;
        if (t >= 20 && t < 30) after += static_cast<double>(s.nr_slab_reclaimable), ++na;
    }
    INFO("mean slab pages: " << before / nb << " -> " << after / na);
    CHECK(after / na < 0.5 * before / nb);
}

TEST_CASE("zram-swap: compressed pages take a third of a page of RAM and swap-ins wait far less than with an SSD") {
    auto e = start("zram-swap");
    e->run_until(s_(20));
    const auto* z = &e->kernel().swap;
    REQUIRE(z);
    const std::uint64_t stored = z->slots_in_use();
    CHECK(stored > 10000);
    CHECK(z->zram_ram_pages() == (stored + 2) / 3);
    auto cfg = find_builtin_scenario("zram-swap")->make();
    cfg.swap_devices[0].kind = SwapKind::SSD;
    auto ssd = Engine::create(cfg);
    REQUIRE(ssd);
    ssd.value()->run_until(s_(20));
    // A swap-in from zram costs about a microsecond, from the SSD 80.
    const auto zram_wait = e->task_stats()[0].io_wait_ns, ssd_wait = ssd.value()->task_stats()[0].io_wait_ns;
    INFO("service waited " << zram_wait / 1'000'000 << " ms on swap-ins with zram, " << ssd_wait / 1'000'000 << " ms with an SSD");
    CHECK(zram_wait * 10 < ssd_wait);
}
