// Direct reclaim latency per process (drsnoop's table) from the tracepoints: the pairs of
// mm_vmscan_direct_reclaim_begin / _end of each pid, checked against the tasks' delay accounting
// (the RECLAIM count and time of getdelays) and /proc/vmstat's pgsteal_direct.
#include "mm/kernel.h"
#include "record/reclaim_latency.h"
#include "scenario/builtin.h"
#include "sim/engine.h"

#include <catch2/catch.hpp>

using namespace rs;

namespace {
TraceRecord rec(TraceEventId id, int pid, std::int64_t t_ns, std::int64_t reclaimed = 0) {
    TraceRecord r;
    r.id = id;
    r.pid = pid;
    r.t_ns = t_ns;
    r.comm = pid == 7 ? "hog" : "reader";
    r.f[0] = reclaimed;
    return r;
}
} // namespace

TEST_CASE("reclaim latency: nearest-rank percentiles and sums of begin and end pairs", "[ftrace]") {
    ReclaimLatencySink s;
    // pid 7: 100 stalls of 1..100 us, 2 pages each; pid 9: one stall of 5 ms; an end without a
    // begin and an unrelated event are ignored.
    s.record(rec(TraceEventId::mm_vmscan_direct_reclaim_end, 7, 0, 50));
    for (int i = 1; i <= 100; ++i) {
        s.record(rec(TraceEventId::mm_vmscan_direct_reclaim_begin, 7, i * 1'000'000));
        s.record(rec(TraceEventId::mm_vmscan_kswapd_wake, 7, i * 1'000'000 + 10));
        s.record(rec(TraceEventId::mm_vmscan_direct_reclaim_end, 7, i * 1'000'000 + i * 1000, 2));
    }
    s.record(rec(TraceEventId::mm_vmscan_direct_reclaim_begin, 9, 0));
    s.record(rec(TraceEventId::mm_vmscan_direct_reclaim_end, 9, 5'000'000, 32));
    const auto rows = s.rows();
    REQUIRE(rows.size() == 2);
    // The longest total first: 1+2+...+100 us = 5.05 ms against 5 ms.
    CHECK(rows[0].pid == 7);
    CHECK(rows[0].comm == "hog");
    CHECK(rows[0].count == 100);
    CHECK(rows[0].total_ns == 5050 * 1000);
    CHECK(rows[0].p50_ns == 50'000); // rank ceil(0.50 * 100) = 50
    CHECK(rows[0].p99_ns == 99'000); // rank 99
    CHECK(rows[0].max_ns == 100'000);
    CHECK(rows[0].pages == 200);
    CHECK(rows[1].pid == 9);
    CHECK(rows[1].p50_ns == 5'000'000);
    CHECK(rows[1].p99_ns == 5'000'000);
    CHECK(rows[1].pages == 32);
    const std::string text = format_reclaim_latency(rows);
    CHECK(text.rfind("COMM ", 0) == 0);
    CHECK(text.find("hog                 7 direct      100       5.050       50.0       99.0      100.0        200\n") !=
          std::string::npos);
}

TEST_CASE("reclaim latency: a run's stalls are the tasks' delay-accounted reclaims", "[ftrace]") {
    const auto* b = find_builtin_scenario("direct-reclaim-oom");
    REQUIRE(b);
    auto made = Engine::create(b->make());
    REQUIRE(made);
    Engine& e = *made.value();
    ReclaimLatencySink sink;
    e.set_trace_sink(&sink);
    e.run_until(b->duration_ns);
    const Kernel& k = e.kernel();
    const auto rows = sink.rows();
    REQUIRE(!rows.empty());
    std::uint64_t pages = 0;
    for (const auto& r : rows) {
        INFO("pid " << r.pid);
        const Process* p = k.find_task(r.pid);
        REQUIRE(p);
        CHECK(r.comm == p->comm);
        // __perform_reclaim() accounts each try_to_free_pages() as one RECLAIM delay.
        CHECK(r.count == p->delays.freepages_count);
        CHECK(r.total_ns == p->delays.freepages_delay_ns);
        CHECK(r.p50_ns <= r.p99_ns);
        CHECK(r.p99_ns <= r.max_ns);
        CHECK(r.max_ns * static_cast<std::int64_t>(r.count) >= r.total_ns);
        pages += r.pages;
    }
    // The pages direct reclaim reports: pgsteal_direct, plus the slab pages it freed.
    CHECK(pages >= k.vmstat[PGSTEAL_DIRECT]);
    if (k.vmstat[SLABS_SCANNED] == 0) CHECK(pages == k.vmstat[PGSTEAL_DIRECT]);
}
