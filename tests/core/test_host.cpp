// host/: this machine's /proc read into the recorder's samples. The figures come from the
// machine the tests run on (its own files, read once and compared with what the parsers make of
// them), and from a fixture of an older kernel's layout (tests/data/host/pre-5.8).
#include "host/host_source.h"
#include "record/csv.h"
#include "record/csv_read.h"
#include "scenario/builtin.h"
#include "sim/engine.h"
#include "record/sample_fields.h"
#include "util/file_io.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace rs;

namespace {

// The value of `name` in "name value" text, found without the parser under test.
std::optional<std::int64_t> grep_value(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string key;
        std::int64_t v = 0;
        if (words >> key >> v && (key == name || key == name + ":")) return v;
    }
    return std::nullopt;
}

std::string real(const std::string& path) {
    auto t = read_text_file(path, 16 << 20);
    REQUIRE(t.ok());
    return t.value();
}

std::string fixture() { return std::string(RS_TEST_DATA) + "/host/pre-5.8"; }

} // namespace

TEST_CASE("the proc text parsers read every line of this machine's files") {
    const std::string vmstat = real("/proc/vmstat"), meminfo = real("/proc/meminfo");
    const auto vm = parse_vmstat_text(vmstat, "/proc/vmstat");
    REQUIRE(vm.ok());
    const auto mi = parse_meminfo_text(meminfo, "/proc/meminfo");
    REQUIRE(mi.ok());
    CHECK(vm->size() == static_cast<std::size_t>(std::count(vmstat.begin(), vmstat.end(), '\n')));
    CHECK(mi->size() == static_cast<std::size_t>(std::count(meminfo.begin(), meminfo.end(), '\n')));
    CHECK(vm->at("pgfault") == grep_value(vmstat, "pgfault"));
    CHECK(mi->at("MemTotal") == grep_value(meminfo, "MemTotal"));
    CHECK(mi->at("HugePages_Total") == grep_value(meminfo, "HugePages_Total")); // no kB unit
    if (auto psi = read_text_file("/proc/pressure/memory", 1 << 20)) {
        const auto p = parse_psi_text(psi.value(), "/proc/pressure/memory");
        REQUIRE(p.ok());
        CHECK(p->size() == 8); // some and full, avg10 avg60 avg300 total each
        const std::size_t at = psi.value().find("total=");
        CHECK(p->at("some.total") == std::stoll(psi.value().substr(at + 6)));
    } else {
        WARN("this kernel has no /proc/pressure/memory: PSI parsing is checked on the texts below only");
    }
}

TEST_CASE("the proc text parsers name the file and line of a malformed line") {
    const auto vm = parse_vmstat_text("nr_free_pages 10\npgfault x\n", "/proc/vmstat");
    REQUIRE_FALSE(vm.ok());
    CHECK(vm.error() == "/proc/vmstat:2: expected \"name value\", got \"pgfault x\"");
    const auto psi = parse_psi_text("some avg10=1.23 avg60=0.50 avg300=0.00 total=99\nfull avg10=1 total=2\n", "p");
    REQUIRE_FALSE(psi.ok());
    CHECK(psi.error().starts_with("p:2: "));
    const auto ok = parse_psi_text("some avg10=1.23 avg60=0.50 avg300=0.00 total=99\n", "p");
    REQUIRE(ok.ok());
    CHECK(ok->at("some.avg10") == 123); // psi_show() prints LOAD_INT.LOAD_FRAC: two decimals
    CHECK(ok->at("some.avg60") == 50);
    CHECK(ok->at("some.total") == 99);
}

TEST_CASE("a /proc/PID/stat comm may hold spaces and parentheses") {
    // do_task_stat(): "%d (%s) %c" then ppid ... field 14 utime, 15 stime.
    const auto st = parse_pid_stat("47 (a) b (c)) S 2 0 0 0 -1 2230336 0 0 0 0 17 5 0 0 20 0 1 0 42 0 0\n");
    REQUIRE(st);
    CHECK(st->pid == 47);
    CHECK(st->comm == "a) b (c)");
    CHECK(st->state == 'S');
    CHECK(st->utime == 17);
    CHECK(st->stime == 5);
    CHECK_FALSE(parse_pid_stat("47 kswapd0 S"));
}

TEST_CASE("a host sample holds what this machine's files show at that reading") {
    auto src = HostSource::open("/");
    REQUIRE(src.ok());
    HostSource& h = *src.value();
    auto t = h.read();
    REQUIRE(t.ok());
    const HostTexts& texts = t.value();
    const auto s = h.sample(texts, 0);
    REQUIRE(s.ok());
    const std::int64_t page_kb = h.info().page_size / 1024;
    const std::string& vm = texts.vmstat;
    // Each row, by the name /proc/vmstat or /proc/meminfo gives it on this kernel.
    for (const SampleField& f : sample_fields()) {
        INFO(f.name);
        std::optional<std::int64_t> want;
        const std::string name(f.name);
        if (name == "swap_total") want = *grep_value(texts.meminfo, "SwapTotal") / page_kb;
        else if (name == "swap_used")
            want = (*grep_value(texts.meminfo, "SwapTotal") - *grep_value(texts.meminfo, "SwapFree")) / page_kb;
        else if (name == "swap_cache") want = grep_value(vm, "nr_swapcached");
        else if (name == "pgalloc" || name == "allocstall") {
            std::int64_t sum = 0;
            for (const char* z : {"_dma", "_dma32", "_normal", "_movable", "_device"})
                sum += grep_value(vm, name + z).value_or(0);
            want = sum;
        } else if (name == "workingset_refault")
            want = *grep_value(vm, "workingset_refault_anon") + *grep_value(vm, "workingset_refault_file");
        else if (name.starts_with("psi_memory_")) {
            if (texts.pressure.empty()) want = std::nullopt;
            else {
                const std::string kind = name.substr(11, 4); // some, full
                const std::size_t line = texts.pressure.find(kind);
                REQUIRE(line != std::string::npos);
                if (name.ends_with("_us")) {
                    want = std::stoll(texts.pressure.substr(texts.pressure.find("total=", line) + 6));
                } else {
                    const double avg10 = std::stod(texts.pressure.substr(line + 11)); // "some avg10="
                    want = static_cast<std::int64_t>(avg10 * 100 + 0.5);
                }
            }
        } else want = grep_value(vm, name);
        REQUIRE(want.has_value() == sample_has(s.value(), f));
        if (want) CHECK(sample_value(s.value(), f) == *want);
    }
    // Per zone, as zoneinfo prints it; per node the LRU lists of its per-node stats.
    const auto zi = parse_zoneinfo(texts.zoneinfo, "/proc/zoneinfo");
    REQUIRE(zi.ok());
    REQUIRE(s->zones.size() == zi->zones.size());
    REQUIRE(h.zones().size() == zi->zones.size());
    std::size_t populated = 0;
    for (std::size_t i = 0; i < zi->zones.size(); ++i) {
        const auto& z = zi->zones[i];
        INFO("node " << z.node << " " << z.name);
        CHECK(h.zones()[i].name == z.name);
        CHECK(h.zones()[i].managed == *z.get("managed"));
        populated += h.zones()[i].populated;
        CHECK(s->zones[i].free == *z.get("pages free"));
        CHECK(s->zones[i].min == *z.get("min"));
        CHECK(s->zones[i].low == *z.get("low"));
        CHECK(s->zones[i].high == *z.get("high"));
        CHECK(s->zones[i].boost == *z.get("boost"));
        CHECK(s->zones[i].min <= s->zones[i].low);
    }
    CHECK(populated >= 1);
    for (const auto& n : zi->nodes) {
        REQUIRE(static_cast<std::size_t>(n.node) < s->nodes.size());
        CHECK(s->nodes[static_cast<std::size_t>(n.node)].lru[0] == n.stats.at("nr_inactive_anon"));
        CHECK(s->nodes[static_cast<std::size_t>(n.node)].lru[3] == n.stats.at("nr_active_file"));
    }
    // Every node has its kswapd thread ("kswapd%d", kswapd_run() in mm/vmscan.c).
    CHECK(texts.kswapd.size() == s->nodes.size());
    for (const auto& k : texts.kswapd) CHECK(k.stat.comm == "kswapd" + std::to_string(k.nid));
    CHECK(h.info().release == real("/proc/sys/kernel/osrelease").substr(0, h.info().release.size()));
}

TEST_CASE("between two readings of this machine the watermarks stay and the counters only grow") {
    auto src = HostSource::open("/");
    REQUIRE(src.ok());
    auto a = src.value()->read();
    REQUIRE(a.ok());
    auto sa = src.value()->sample(a.value(), 0);
    auto b = src.value()->read();
    REQUIRE(b.ok());
    auto sb = src.value()->sample(b.value(), 1);
    REQUIRE((sa.ok() && sb.ok()));
    // The event counters of /proc/vmstat never go back (all_vm_events() sums per-CPU counts).
    for (const SampleField& f : sample_fields()) {
        INFO(f.name);
        if (f.csv != SampleCsv::Rate || !sample_has(sa.value(), f)) continue;
        CHECK(sample_value(sb.value(), f) >= sample_value(sa.value(), f));
    }
    // A zone's base watermarks move only on a sysctl write or a change of its managed pages.
    const auto za = parse_zoneinfo(a->zoneinfo, "a"), zb = parse_zoneinfo(b->zoneinfo, "b");
    REQUIRE((za.ok() && zb.ok()));
    for (std::size_t i = 0; i < za->zones.size(); ++i)
        if (za->zones[i].get("managed") == zb->zones[i].get("managed"))
            CHECK(sa->zones[i].min - sa->zones[i].boost == sb->zones[i].min - sb->zones[i].boost);
}

TEST_CASE("a series an older kernel does not have is absent from the sample and from the CSV") {
    auto src = HostSource::open(fixture());
    REQUIRE(src.ok());
    auto t = src.value()->read();
    REQUIRE(t.ok());
    CHECK(t->pressure.empty());
    CHECK(t->kswapd.empty());
    Recorder rec;
    rec.zones = src.value()->zones();
    rec.source = {"host: fixture-host"};
    for (std::int64_t i = 0; i < 2; ++i) {
        auto s = src.value()->sample(t.value(), i * 100'000'000);
        REQUIRE(s.ok());
        rec.add(s.value());
    }
    const Sample& s = rec.samples.back();
    for (const SampleField& f : sample_fields()) {
        INFO(f.name);
        const bool gone = f.name == "pgscan_anon" || f.name == "pgscan_file" || f.name == "pgsteal_anon" ||
                          f.name == "pgsteal_file" || f.name == "workingset_refault_anon" ||
                          f.name == "workingset_refault_file" || f.name.starts_with("psi_");
        CHECK(sample_has(s, f) == !gone);
    }
    // The refaults before 5.9: the file ones, under the old name.
    CHECK(s.workingset_refault == 4242);
    // swap_cache falls back to meminfo's SwapCached.
    CHECK(sample_has(s, sample_fields()[2]));
    std::ostringstream csv;
    write_csv(csv, rec);
    std::istringstream lines(csv.str());
    std::string comment, header, row;
    std::getline(lines, comment);
    std::getline(lines, header);
    std::getline(lines, row);
    CHECK(comment == "# host: fixture-host");
    CHECK(header.find("pgscan_anon") == std::string::npos); // no row has it: no column
    CHECK(header.find("psi_") == std::string::npos);
    CHECK(header.find(",workingset_refault_per_s,") != std::string::npos);
    CHECK(std::count(header.begin(), header.end(), ',') == std::count(row.begin(), row.end(), ','));
}

TEST_CASE("a CSV cell of a series a row lacks is empty and a rate needs both rows") {
    Recorder rec;
    rec.zones = {ZoneLabel{0, 0, "Normal", true, 1000}};
    const SampleField* psi = nullptr;
    for (const auto& f : sample_fields())
        if (f.name == "psi_memory_some_us") psi = &f;
    REQUIRE(psi);
    const std::uint64_t bit = std::uint64_t{1} << sample_field_index(*psi);
    for (int i = 0; i < 3; ++i) {
        Sample s;
        s.t_ns = i * 1'000'000'000LL;
        s.zones.resize(1);
        s.nodes.resize(1);
        s.psi_some_us = static_cast<std::uint64_t>(i) * 250'000;
        s.absent = i == 1 ? bit : 0; // the middle reading lacks it
        rec.add(s);
    }
    std::ostringstream csv;
    write_csv(csv, rec);
    std::istringstream lines(csv.str());
    std::string header, line;
    std::getline(lines, header);
    std::vector<std::string> cells;
    const auto head = [&] {
        std::vector<std::string> names;
        std::stringstream h(header);
        for (std::string c; std::getline(h, c, ',');) names.push_back(c);
        return names;
    }();
    const auto col = std::find(head.begin(), head.end(), "psi_memory_some_us_per_s") - head.begin();
    REQUIRE(col < static_cast<std::ptrdiff_t>(head.size()));
    std::vector<std::string> got;
    while (std::getline(lines, line)) {
        std::vector<std::string> c;
        std::stringstream r(line);
        for (std::string x; std::getline(r, x, ',');) c.push_back(x);
        c.resize(head.size());
        got.push_back(c[static_cast<std::size_t>(col)]);
    }
    // First row: no rate yet; second: absent; third: the one before it is absent.
    CHECK(got == std::vector<std::string>{"0.0", "", ""});
}

TEST_CASE("a CSV read back gives the run's samples and a recording's source lines") {
    // A simulated run: levels come back exactly; rates come back as counters whose deltas are
    // the file's rates times the interval.
    auto e = Engine::create(find_builtin_scenario("direct-reclaim-storm")->make());
    REQUIRE(e.ok());
    e.value()->run_until(3'000'000'000);
    const Recorder& rec = e.value()->recorder();
    std::ostringstream csv;
    write_csv(csv, rec);
    const auto back = parse_recording_csv(csv.str(), "run.csv");
    REQUIRE(back.ok());
    const Recorder& got = back->rec;
    REQUIRE(got.samples.size() == rec.samples.size());
    std::size_t populated = 0;
    for (const auto& z : rec.zones) populated += z.populated;
    REQUIRE(got.zones.size() == populated);
    const SampleField* pgscan = nullptr;
    for (const auto& f : sample_fields())
        if (f.name == "pgscan_direct") pgscan = &f;
    REQUIRE(pgscan);
    for (std::size_t i = 0; i < rec.samples.size(); ++i) {
        const Sample& a = rec.samples[i];
        const Sample& b = got.samples[i];
        CHECK(std::abs(b.t_ns - a.t_ns) <= 500'000); // time_s has three decimals
        std::size_t k = 0;
        for (const auto& z : rec.zones) {
            if (!z.populated) continue;
            const auto& za = a.zones[static_cast<std::size_t>(z.global)];
            CHECK(b.zones[k].free == za.free);
            CHECK(b.zones[k].min == za.min);
            CHECK(b.zones[k].high == za.high);
            ++k;
        }
        CHECK(b.nodes[0].lru == a.nodes[0].lru);
        CHECK(b.nodes[0].kswapd_phase == a.nodes[0].kswapd_phase);
        CHECK(b.swap_used == a.swap_used);
        CHECK(b.oom_kills == a.oom_kills);
        CHECK_FALSE(sample_has(b, *pgscan) == false);
    }
    // Each rate is printed to 0.1/s, so the summed counter drifts by at most 0.05 x dt per row.
    const double span = static_cast<double>(rec.samples.back().t_ns - rec.samples.front().t_ns) / 1e9;
    const double want = static_cast<double>(rec.samples.back().pgscan_direct - rec.samples.front().pgscan_direct);
    REQUIRE(want > 0);
    CHECK(std::abs(static_cast<double>(got.samples.back().pgscan_direct) - want) <=
          0.05 * span + static_cast<double>(rec.samples.size()) * 0.5 + 1);
    // Our own per-process columns are not shown and need no note.
    for (const auto& n : back->notes) CHECK(n.find("unknown") == std::string::npos);

    // This machine, three readings: the source lines and PSI's decimals come back.
    auto src = HostSource::open("/");
    REQUIRE(src.ok());
    Recorder host;
    host.zones = src.value()->zones();
    host.source = {"host: " + src.value()->info().hostname, "interval_ms: 100"};
    for (int i = 0; i < 3; ++i) {
        auto t = src.value()->read();
        REQUIRE(t.ok());
        auto s = src.value()->sample(t.value(), i * 100'000'000LL);
        REQUIRE(s.ok());
        host.add(s.value());
    }
    std::ostringstream hcsv;
    write_csv(hcsv, host);
    const auto hb = parse_recording_csv(hcsv.str(), "host.csv");
    REQUIRE(hb.ok());
    CHECK(hb->source_value("host") == src.value()->info().hostname);
    CHECK(hb->source_value("interval_ms") == "100");
    REQUIRE(hb->rec.samples.size() == 3);
    CHECK(hb->rec.samples[2].psi_some_avg10 == host.samples[2].psi_some_avg10);
    CHECK(hb->rec.samples[2].nr_dirty == host.samples[2].nr_dirty);
}

TEST_CASE("a CSV that is not one of ours or is cut or edited is refused with its line and column") {
    auto bad = parse_recording_csv("a,b\n1,2\n", "other.csv");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error() == "other.csv:1:1: the first column is 'a', expected time_s: not a CSV that ReclaimScope wrote (--csv)");
    const std::string head = "# host: x\ntime_s,node0_Normal_free_pages,node0_Normal_min_pages,node0_kswapd_state,swap_used_pages\n";
    bad = parse_recording_csv(head + "0.000,100,10,sleeping,0\n0.100,99,10\n", "cut.csv");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error() == "cut.csv:4: 3 cells, the header has 5 (a cut or edited file?)");
    bad = parse_recording_csv(head + "0.000,1x0,10,sleeping,0\n", "edit.csv");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error() == "edit.csv:3:2: node0_Normal_free_pages: '1x0' is not a number");
    bad = parse_recording_csv(head + "0.000,100,10,dozing,0\n", "k.csv");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().starts_with("k.csv:3:4: node0_kswapd_state: 'dozing' is not a kswapd state"));
    // Partial: an unknown column is skipped, the missing series are absent, both said.
    const auto ok = parse_recording_csv(
        "time_s,node0_Normal_free_pages,mystery\n0.000,100,7\n1.000,90,8\n", "partial.csv");
    REQUIRE(ok.ok());
    REQUIRE(ok->notes.size() == 2);
    CHECK(ok->notes[0] == "partial.csv:1: 1 unknown column(s), not shown: mystery");
    CHECK(ok->notes[1].starts_with("partial.csv: no column for swap_used_pages"));
    CHECK(ok->rec.samples.size() == 2);
    CHECK(ok->rec.samples[1].zones[0].free == 90);
    for (const auto& f : sample_fields())
        if (f.csv != SampleCsv::None) CHECK_FALSE(sample_has(ok->rec.samples[1], f));
}
