// Reading reclaim traces: the layouts people record them in (cat trace / trace_pipe, trace-cmd
// report, perf script), a real capture from this machine, and damaged input.
#include "record/ftrace_reader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace rs;

namespace {
const std::string kCapture = std::string(RS_TEST_DATA) + "/ftrace/6.18/memcg-capture.trace";

std::string write_temp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("rs-ftrace-reader-" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}
} // namespace

TEST_CASE("ftrace reader: one event in the layouts of trace and trace-cmd report and perf script", "[ftrace]") {
    // The capture's first line (cat trace), then the same event as trace-cmd report prints it
    // (no flags column), with the record-tgid option's column, and as perf script prints it
    // (TASK PID, SYSTEM:EVENT, nanoseconds).
    const char* layouts[] = {
        "            head-24157   [000] ..... 54281.480064: mm_vmscan_memcg_reclaim_begin: order=0 gfp_flags=GFP_HIGHUSER_MOVABLE",
        "            head-24157 [000] 54281.480064: mm_vmscan_memcg_reclaim_begin: order=0 gfp_flags=GFP_HIGHUSER_MOVABLE",
        "            head-24157   (  24157) [000] ..... 54281.480064: mm_vmscan_memcg_reclaim_begin: order=0 gfp_flags=GFP_HIGHUSER_MOVABLE",
        "            head 24157 [000] 54281.480064000: vmscan:mm_vmscan_memcg_reclaim_begin: order=0 gfp_flags=GFP_HIGHUSER_MOVABLE",
        "            head 24157/24157 [000] 54281.480064000: vmscan:mm_vmscan_memcg_reclaim_begin: order=0 gfp_flags=GFP_HIGHUSER_MOVABLE",
    };
    for (const char* text : layouts) {
        INFO(text);
        const auto l = parse_ftrace_line(text);
        REQUIRE(l);
        CHECK(l->task == "head");
        CHECK(l->pid == 24157);
        CHECK(l->cpu == 0);
        CHECK(l->t_ns == 54281'480064'000);
        CHECK(l->event == "mm_vmscan_memcg_reclaim_begin");
        CHECK(l->fields == "order=0 gfp_flags=GFP_HIGHUSER_MOVABLE");
        CHECK(ftrace_field(l->fields, "gfp_flags") == std::string_view("GFP_HIGHUSER_MOVABLE"));
        CHECK(!ftrace_field(l->fields, "gfp"));
    }
    // A task whose name has a dash and a space, as comm may.
    const auto k = parse_ftrace_line(" kworker/u4:2-ev ents-77 [001] d..1. 12.000001: mm_vmscan_kswapd_wake: nid=0 order=0");
    REQUIRE(k);
    CHECK(k->task == "kworker/u4:2-ev ents");
    CHECK(k->pid == 77);
    CHECK(k->cpu == 1);
    for (const char* not_event : {"# tracer: nop", "", "CPU:1 [LOST 12 EVENTS]", "   "}) CHECK(!parse_ftrace_line(not_event));
}

TEST_CASE("ftrace reader: the real capture's memcg stalls pair up per pid", "[ftrace]") {
    ReclaimLatency latency;
    const auto r = import_reclaim_trace(kCapture, latency);
    REQUIRE(r);
    // tests/data/ftrace/README.md: 12 header lines and 2000 events.
    CHECK(r->lines == 2012);
    CHECK(r->events == 2000);
    CHECK(r->malformed == 0);
    CHECK(r->used + r->other == r->lines);
    const auto rows = latency.rows();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].comm == "head");
    CHECK(rows[0].pid == 24157);
    CHECK(rows[0].kind == ReclaimKind::Memcg); // a cgroup's limit, not global direct reclaim
    // The first stall: begin at 54281.480064, end at 54281.486379 with nr_reclaimed=39 (the
    // capture's lines 13 and the first _end).
    CHECK(rows[0].max_ns >= 6'315'000);
    CHECK(rows[0].count * 2 <= r->used);
}

TEST_CASE("ftrace reader: malformed reclaim lines are reported with their line and never stop the import", "[ftrace]") {
    const std::string text =
        "# tracer: nop\n"
        "  app-10 [000] ..... 1.000000: mm_vmscan_direct_reclaim_begin: order=0 gfp_flags=GFP_KERNEL\n"
        "  app-10 [000] ..... 1.000100: mm_vmscan_direct_reclaim_end: nr_reclaimed=banana\n"
        "  app-10 [000] ..... 2.000000: mm_vmscan_direct_reclaim_begin: order=0 gfp_flags=GFP_KERNEL\n"
        "garbage mm_vmscan_direct_reclaim_end without a layout\n"
        "  app-10 [000] ..... 2.000250: mm_vmscan_direct_reclaim_end: nr_reclaimed=32\n"
        "  app-10 [000] ..... 2.500000: sched_switch: prev_comm=app\n"
        "  app-10 [000] ..... 3.000000: mm_vmscan_direct_reclaim_begin: order=0 gfp_flags=GFP_KERNEL\n"
        "  app-10 [000] ..... 3.001000: mm_vmscan_direct_reclaim_end: nr_reclaimed=8"; // no final newline
    const std::string path = write_temp("bad.trace", text);
    ReclaimLatency latency;
    const auto r = import_reclaim_trace(path, latency);
    REQUIRE(r);
    CHECK(r->lines == 9);
    CHECK(r->malformed == 2);
    REQUIRE(r->problems.size() == 2);
    CHECK(r->problems[0] == path + ":3: mm_vmscan_direct_reclaim_end: expected nr_reclaimed=N, got 'nr_reclaimed=banana'");
    CHECK(r->problems[1].rfind(path + ":5: not a trace line", 0) == 0);
    const auto rows = latency.rows();
    REQUIRE(rows.size() == 1);
    // The second begin restarts the stall the bad end left open: 2.000000 -> 2.000250, and 3 -> 3.001.
    CHECK(rows[0].count == 2);
    CHECK(rows[0].total_ns == 250'000 + 1'000'000);
    CHECK(rows[0].pages == 40);
    CHECK(format_ftrace_import(path, *r).find("2 malformed") != std::string::npos);
    std::filesystem::remove(path);
}

TEST_CASE("ftrace reader: a binary file and a missing file are refused by name", "[ftrace]") {
    const std::string bin = write_temp("trace.dat", std::string("\x17\x08\x44tracing6\0\0\0", 13));
    ReclaimLatency latency;
    const auto r = import_reclaim_trace(bin, latency);
    REQUIRE(!r);
    CHECK(r.error() == bin + ": a binary file, not a text trace (a trace.dat or perf.data: convert it with "
                             "`trace-cmd report` or `perf script` first)");
    std::filesystem::remove(bin);
    const auto missing = import_reclaim_trace("/nonexistent/x.trace", latency);
    REQUIRE(!missing);
    CHECK(missing.error().find("/nonexistent/x.trace") != std::string::npos);
}
