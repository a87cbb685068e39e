// record/sample_fields: every sampled series reads what the kernel's own texts show at the same
// moment (/proc/vmstat under the row's name, /proc/meminfo's Swap lines), and the tables drive
// the CSV's columns and the counters text's lines one for one.
#include "procfs/meminfo.h"
#include "procfs/vmstat.h"
#include "record/csv.h"
#include "record/sample_fields.h"
#include "record/sample_text.h"
#include "scenario/builtin.h"
#include "sim/engine.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

using namespace rs;

namespace {

std::unique_ptr<Engine> run(const std::string& scenario, std::int64_t t_ns) {
    auto e = Engine::create(find_builtin_scenario(scenario)->make());
    REQUIRE(e.ok());
    auto engine = std::move(e.value());
    engine->run_until(t_ns);
    return engine;
}

// A /proc/vmstat item; for pgalloc and allocstall the sum of the per-zone items
// (pgalloc_dma + pgalloc_dma32 + ...), as the sample keeps one number.
std::int64_t vmstat_sum(const Kernel& k, std::string_view name) {
    const bool per_zone = name == "pgalloc" || name == "allocstall";
    const std::string prefix = std::string(name) + "_";
    std::int64_t sum = 0;
    int found = 0;
    for (const auto& [item, v] : vmstat_items(k))
        if (per_zone ? item.rfind(prefix, 0) == 0 : item == name) sum += v, ++found;
    INFO(name);
    REQUIRE(found >= 1);
    if (!per_zone) REQUIRE(found == 1);
    return sum;
}

std::int64_t meminfo_kb(const Kernel& k, const std::string& key) {
    std::istringstream in(format_meminfo(k));
    std::string word;
    std::int64_t v = 0;
    while (in >> word)
        if (word == key + ":") return in >> v, v;
    FAIL("no " << key << " in /proc/meminfo");
    return 0;
}

} // namespace

TEST_CASE("each sampled series is what /proc/vmstat and /proc/meminfo show at that moment") {
    // Runs that between them move every series (checked below, so that no row is compared
    // only as 0 == 0): swap in use, the swap cache and an OOM kill; refaults; direct reclaim;
    // dirty pages under writeback; swap-in; the dentry cache.
    const std::pair<const char*, std::int64_t> runs[] = {
        {"swap-full-oom", 15'000'000'000}, {"mixed-pressure", 8'000'000'000},
        {"direct-reclaim-storm", 3'000'000'000}, {"dirty-writeback", 5'000'000'000},
        {"zram-swap", 8'000'000'000}, {"vfs-cache-pressure", 6'000'000'000},
    };
    std::set<std::string_view> moved;
    for (const auto& [scenario, t_ns] : runs) {
        INFO(scenario);
        const auto e = run(scenario, t_ns);
        const Kernel& k = e->kernel();
        Sample s;
        read_sample_fields(k, s);
        const std::map<std::string_view, std::int64_t> own = {
            {"swap_total", meminfo_kb(k, "SwapTotal") / 4},
            {"swap_used", (meminfo_kb(k, "SwapTotal") - meminfo_kb(k, "SwapFree")) / 4},
            {"swap_cache", meminfo_kb(k, "SwapCached") / 4},
            {"workingset_refault", vmstat_sum(k, "workingset_refault_anon") + vmstat_sum(k, "workingset_refault_file")},
        };
        for (const SampleField& f : sample_fields()) {
            INFO(f.name);
            if (!f.read) { // not simulated: absent, never a 0 that looks measured
                CHECK_FALSE(sample_has(s, f));
                continue;
            }
            CHECK(sample_has(s, f));
            const auto it = own.find(f.name);
            const std::int64_t proc = it != own.end() ? it->second : vmstat_sum(k, f.name);
            CHECK(sample_value(s, f) == proc);
            if (proc != 0) moved.insert(f.name);
        }
    }
    for (const SampleField& f : sample_fields()) {
        INFO(f.name << " is 0 in every run");
        if (f.read) CHECK(moved.contains(f.name));
    }
}

TEST_CASE("the field tables drive the CSV's columns and the counters text's lines") {
    const auto e = run("watermark-dance", 2'000'000'000);
    const Recorder& rec = e->recorder();
    REQUIRE(rec.samples.size() >= 2);
    std::set<std::string_view> names;
    std::size_t csv_global = 0, text_lines = 0;
    for (const SampleField& f : sample_fields()) {
        CHECK(names.insert(f.name).second); // one row per name
        csv_global += f.csv != SampleCsv::None && f.read; // a series never simulated has no column
        text_lines += f.section != SampleSection::None;
    }
    std::ostringstream csv;
    write_csv(csv, rec);
    std::istringstream lines(csv.str());
    std::string header, row;
    std::getline(lines, header);
    std::getline(lines, row);
    const auto commas = [](const std::string& l) { return std::count(l.begin(), l.end(), ','); };
    std::size_t zones = 0;
    for (const auto& z : rec.zones) zones += z.populated;
    std::size_t zone_cols = 0;
    for (const auto& f : zone_sample_fields()) zone_cols += !f.csv_suffix.empty();
    const std::size_t nodes = rec.samples.front().nodes.size();
    // time_s, the zones' columns, per node the five LRU lists and kswapd's state, the table, then
    // the per-process table's columns for the (at most kCsvProcs) processes sampled.
    const std::size_t procs = std::min(rec.comms.size(), kCsvProcs);
    REQUIRE(procs > 0);
    CHECK(static_cast<std::size_t>(commas(header)) ==
          zones * zone_cols + nodes * 6 + csv_global + procs * proc_csv_fields().size());
    CHECK(commas(row) == commas(header));
    CHECK(header.find(",node0_DMA32_free_pages,node0_DMA32_min_pages,") != std::string::npos);
    CHECK(header.find(",pgscan_kswapd_per_s,") != std::string::npos);
    const auto& [pid, comm] = *rec.comms.begin();
    CHECK(header.find(",pswpin_per_s,pswpout_per_s," + comm + "_" + std::to_string(pid) + "_rss_kb,") != std::string::npos);

    const std::string text = format_sample(rec.samples.back(), rec.zones);
    std::size_t counted = 0;
    for (const SampleField& f : sample_fields()) {
        if (f.section == SampleSection::None) continue;
        const std::string_view label = f.text_name.empty() ? f.name : f.text_name;
        char want[128];
        std::snprintf(want, sizeof want, "  %-26.*s %lld\n", static_cast<int>(label.size()), label.data(),
                      static_cast<long long>(sample_value(rec.samples.back(), f)));
        INFO(want);
        CHECK(text.find(want) != std::string::npos);
        ++counted;
    }
    CHECK(counted == text_lines);
    CHECK(text.find("  kswapd") != std::string::npos);
}

TEST_CASE("kswapd's phases have one name each and name the kernel function kswapd waits in") {
    CHECK(std::string(kswapd_phase_name(KswapdPhase::Sleeping)) == "sleeping");
    CHECK(std::string(kswapd_phase_name(KswapdPhase::Napping)) == "napping");
    CHECK(std::string(kswapd_phase_name(KswapdPhase::Balancing)) == "balancing");
    CHECK(std::string(kswapd_phase_where(KswapdPhase::Napping)) == "kswapd_try_to_sleep");
    CHECK(std::string(kswapd_phase_where(KswapdPhase::Balancing)) == "balance_pgdat");
}
