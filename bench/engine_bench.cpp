// Engine benchmarks: one JSON object per line on stdout (machine-readable), a readable summary
// on stderr. Measures what docs/performance.md reports; asserts nothing.
//   engine_bench [--smoke] [--only NAME] [--repeat N]
#include "record/csv.h"
#include "replay/trace_source.h"
#include "scenario/loader.h"
#include "scenario/builtin.h"
#include "util/rng.h"
#include "util/zipf.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

using namespace rs;
using Clock = std::chrono::steady_clock;

namespace {

bool g_smoke = false;
int g_repeat = 3;
std::string g_only;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

long peak_rss_kb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

// Resident set now (VmRSS of /proc/self/status), in KiB.
long rss_kb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
    return 0;
}

void emit(const std::string& json) { std::printf("%s\n", json.c_str()); std::fflush(stdout); }

std::string num(double x) {
    char b[64];
    std::snprintf(b, sizeof b, "%.6g", x);
    return b;
}

constexpr std::uint64_t GiB = 1ull << 30;
constexpr std::uint64_t pages_of(std::uint64_t bytes) { return bytes / 4096; }

std::uint64_t total_accesses(const Engine& e) {
    std::uint64_t n = 0;
    for (const auto& st : e.task_stats()) n += st.accesses;
    return n;
}

// A machine of ram_gib with as much SSD swap, THP off, and a task "app" that allocates `pages`
// of anonymous memory as fast as it can, then does `then` if given.
EngineConfig swap_machine_with_app(std::uint64_t ram_gib, std::uint64_t pages, const Phase* then = nullptr) {
    EngineConfig c;
    c.machine = x86_64_machine(ram_gib * GiB, 1, 2);
    c.thp = ThpMode::Never;
    c.swap_devices.push_back(SwapDeviceSpec{.name = "/dev/sdb1", .size_bytes = ram_gib * GiB, .kind = SwapKind::SSD});
    TaskSpec app;
    app.name = "app";
    Phase alloc;
    alloc.kind = Phase::Kind::Alloc;
    alloc.pages = pages;
    alloc.pages_per_sec = 1e12;
    app.phases = {alloc};
    if (then) app.phases.push_back(*then);
    c.tasks.push_back(app);
    return c;
}

// Touch the allocated region for ever, Zipf 0.9, as fast as the CPU allows.
Phase zipf_touch() {
    Phase touch;
    touch.kind = Phase::Kind::Touch;
    touch.pattern = Phase::Pattern::Zipf;
    touch.zipf_s = 0.9;
    touch.loop = true;
    touch.pages_per_sec = 1e12;
    return touch;
}

// Page references per second under reclaim: a working set of 1.5x RAM touched with a Zipf
// pattern (and, for "scan-mixed", a sequential file scan beside it), swap as large as RAM.
void bench_throughput(std::uint64_t ram_gib, bool scan_mixed) {
    const std::string name = std::string("engine_throughput_") + (scan_mixed ? "scan_mixed_" : "zipf_") +
                             std::to_string(ram_gib) + "g";
    if (!g_only.empty() && name.find(g_only) == std::string::npos) return;
    const std::uint64_t ws = pages_of(ram_gib * GiB) * 3 / 2 * (scan_mixed ? 2 : 3) / 3; // anon part of the working set
    const Phase touch = zipf_touch();
    EngineConfig c = swap_machine_with_app(ram_gib, ws, &touch);
    if (scan_mixed) {
        TaskSpec scan;
        scan.name = "scan";
        Phase rd;
        rd.kind = Phase::Kind::Read;
        rd.file = "scan";
        rd.pages = pages_of(ram_gib * GiB) / 2;
        rd.loop = true;
        rd.pages_per_sec = 1e12;
        scan.phases = {rd};
        c.tasks.push_back(scan);
    }
    // Simulated time is what the rate model makes of it; what counts is references per wall
    // second, measured after the allocation phase (the steady state under reclaim).
    auto e = Engine::create(c).value();
    const auto t0 = Clock::now();
    std::int64_t t = 0;
    const std::int64_t step = 100'000'000;
    while (e->task_stats()[0].accesses < ws && seconds_since(t0) < 600) e->run_until(t += step);
    const double setup_s = seconds_since(t0);
    // Warm-up: the access pattern runs until its share of faults that read has settled, so the
    // figure is the steady state and not the transient after the allocation. (scan-mixed at
    // 16 GiB thrashes for its first ~90 M references, 40-60 % of them faults, then its hot set
    // is resident and under 0.1 % fault.) Windows of ws references; settled when three windows
    // in a row are within 10 % of the largest of them, at most 60 windows. The simulation is
    // deterministic, so the warm-up is the same on every machine.
    auto read_faults = [&] {
        std::uint64_t n = 0;
        for (const auto& st : e->task_stats()) n += st.major_faults + st.page_cache_misses;
        return n;
    };
    const auto warm0 = total_accesses(*e);
    std::vector<double> ratios;
    for (int w = 0; w < (g_smoke ? 2 : 60) && seconds_since(t0) < 600; ++w) {
        const auto a0 = total_accesses(*e), f0 = read_faults();
        while (total_accesses(*e) - a0 < std::max<std::uint64_t>(ws, 1) && seconds_since(t0) < 600)
            e->run_until(t += 10'000'000);
        ratios.push_back(static_cast<double>(read_faults() - f0) /
                         static_cast<double>(std::max<std::uint64_t>(1, total_accesses(*e) - a0)));
        if (ratios.size() >= 3) {
            const auto last3 = std::vector<double>(ratios.end() - 3, ratios.end());
            const auto [lo, hi] = std::minmax_element(last3.begin(), last3.end());
            if (*hi - *lo <= 0.1 * *hi) break;
        }
    }
    const auto warmup_refs = total_accesses(*e) - warm0;
    const double warmup_s = seconds_since(t0) - setup_s;
    std::vector<double> rates;
    const double slice_s = g_smoke ? 0.2 : 2.0;
    const auto acc_start = total_accesses(*e);
    const std::uint64_t maj_start = read_faults();
    for (int r = 0; r < g_repeat; ++r) {
        const auto a0 = total_accesses(*e);
        const auto s0 = e->kernel().vmstat[PGSCAN_KSWAPD] + e->kernel().vmstat[PGSCAN_DIRECT];
        const auto w0 = Clock::now();
        while (seconds_since(w0) < slice_s) e->run_until(t += 10'000'000);
        const double wall = seconds_since(w0);
        rates.push_back(static_cast<double>(total_accesses(*e) - a0) / wall);
        if (e->kernel().vmstat[PGSCAN_KSWAPD] + e->kernel().vmstat[PGSCAN_DIRECT] == s0)
            std::fprintf(stderr, "  warning: %s: no reclaim during a measurement\n", name.c_str());
    }
    const auto& v = e->kernel().vmstat;
    // Faults that read (swap-ins, page-cache misses) per reference while measuring: the miss path's share.
    const std::uint64_t maj = read_faults();
    const double miss_ratio = static_cast<double>(maj - maj_start) /
                              static_cast<double>(std::max<std::uint64_t>(1, total_accesses(*e) - acc_start));
    std::string each;
    for (const double r : rates) each += (each.empty() ? "" : ",") + num(r);
    emit("{\"bench\":\"" + name + "\",\"ram_gib\":" + std::to_string(ram_gib) + ",\"refs_per_s_median\":" +
         num(median(rates)) + ",\"refs_per_s\":[" + each + "],\"read_fault_ratio\":" + num(miss_ratio) + ",\"setup_s\":" + num(setup_s) +
         ",\"warmup_refs\":" + std::to_string(warmup_refs) + ",\"warmup_s\":" + num(warmup_s) + ",\"pgscan\":" +
         std::to_string(v[PGSCAN_KSWAPD] + v[PGSCAN_DIRECT]) + ",\"pswpout\":" + std::to_string(v[PSWPOUT]) +
         ",\"allocstall\":" + std::to_string(v[ALLOCSTALL_MOVABLE] + v[ALLOCSTALL_NORMAL]) + ",\"sim_s\":" +
         num(static_cast<double>(t) / 1e9) + "}");
    std::fprintf(stderr, "%-40s %8.2f M refs/s (median of %d), %.2f %% read faults, setup %.1f s, warm-up %.1f s\n",
                 name.c_str(), median(rates) / 1e6, g_repeat, 100 * miss_ratio, setup_s, warmup_s);
}

// A trace of `refs` references over `distinct` pages (Zipf 0.8 over a shuffled page order),
// written to temporary files in the text form and in libCacheSim's oracleGeneral form (the page
// number as object id, 4096 bytes), then, for each form: loaded (opened and scanned, as a
// scenario's trace is) and replayed as page-cache reads at full speed, read from the file as
// it goes. Load and replay are timed apart; the run is both.
struct BenchTraceFiles {
    std::string text, binary;
    std::uint64_t refs = 0;
    ~BenchTraceFiles() {
        if (!text.empty()) std::remove(text.c_str());
        if (!binary.empty()) std::remove(binary.c_str());
    }
};

const BenchTraceFiles& bench_trace_files(std::uint64_t refs, std::uint64_t distinct) {
    static BenchTraceFiles f;
    if (f.refs == refs) return f;
    Rng rng(42);
    ZipfSampler z(distinct, 0.8);
    std::vector<std::uint32_t> perm(distinct);
    for (std::uint32_t i = 0; i < distinct; ++i) perm[i] = i;
    for (std::uint64_t i = distinct - 1; i > 0; --i) std::swap(perm[i], perm[rng.below(i + 1)]);
    f.text = "/tmp/reclaimscope-bench-trace-" + std::to_string(::getpid()) + ".txt";
    f.binary = "/tmp/reclaimscope-bench-trace-" + std::to_string(::getpid()) + ".oracleGeneral";
    std::ofstream text(f.text, std::ios::binary), bin(f.binary, std::ios::binary);
    std::string tb, bb;
    for (std::uint64_t i = 0; i < refs; ++i) {
        const std::uint32_t page = perm[z(rng) - 1];
        char num[16];
        const auto r = std::to_chars(num, num + sizeof num, page);
        tb.append(num, r.ptr);
        tb.push_back('\n');
        char rec[24] = {};
        const std::uint32_t clock = static_cast<std::uint32_t>(i), size = 4096;
        const std::uint64_t id = page;
        const std::int64_t next = -1;
        std::memcpy(rec, &clock, 4);
        std::memcpy(rec + 4, &id, 8);
        std::memcpy(rec + 12, &size, 4);
        std::memcpy(rec + 16, &next, 8);
        bb.append(rec, sizeof rec);
        if (bb.size() >= (1u << 22)) {
            text.write(tb.data(), static_cast<std::streamsize>(tb.size()));
            bin.write(bb.data(), static_cast<std::streamsize>(bb.size()));
            tb.clear();
            bb.clear();
        }
    }
    text.write(tb.data(), static_cast<std::streamsize>(tb.size()));
    bin.write(bb.data(), static_cast<std::streamsize>(bb.size()));
    f.refs = refs;
    return f;
}

void bench_replay(double ram_fraction, std::uint64_t refs, std::uint64_t distinct) {
    const std::string name = "trace_replay_ram_" + (ram_fraction >= 1 ? std::string("all") : std::to_string(int(ram_fraction * 100)) + "pct");
    if (!g_only.empty() && name.find(g_only) == std::string::npos) return;
    const BenchTraceFiles& files = bench_trace_files(refs, distinct);
    std::uint64_t ram = ram_fraction >= 1 ? distinct * 4096 * 5 / 4 + GiB : static_cast<std::uint64_t>(distinct * 4096 * ram_fraction);
    ram = std::max<std::uint64_t>(ram, 256ull << 20);
    struct Form {
        const char* name;
        std::string path;
        std::vector<double> load_s, replay_s, rates;
        double hit_ratio = 0;
        std::uint64_t bytes = 0;
    };
    Form forms[] = {{"text", files.text, {}, {}, {}, 0, 0}, {"oracleGeneral", files.binary, {}, {}, {}, 0, 0}};
    // The forms alternate within a repeat, so their ratio compares the same minutes of the VM.
    for (int r = 0; r < g_repeat; ++r)
        for (Form& f : forms) {
            const auto l0 = Clock::now();
            auto trace = replay::open_trace(replay::open_file(f.path, f.path), f.path, {});
            f.load_s.push_back(seconds_since(l0));
            f.bytes = std::filesystem::file_size(f.path);
            EngineConfig c;
            c.machine = x86_64_machine(ram, 1, 2);
            c.thp = ThpMode::Never;
            TaskSpec app;
            app.name = "app";
            Phase rp;
            rp.kind = Phase::Kind::Replay;
            rp.file = "bench";
            rp.trace = trace;
            rp.pages_per_sec = 1e12;
            app.phases = {rp};
            c.tasks.push_back(app);
            c.cost.disk_read_ns_per_page = 0; // the cache's behaviour, not the disk's
            auto e = Engine::create(c).value();
            const auto w0 = Clock::now();
            std::int64_t t = 0;
            while (!e->task_stats()[0].accesses || e->task_stats()[0].accesses < refs) {
                e->run_until(t += 1'000'000'000);
                if (seconds_since(w0) > 900) break;
            }
            const double wall = seconds_since(w0);
            const auto st = e->task_stats()[0];
            f.replay_s.push_back(wall);
            f.rates.push_back(static_cast<double>(st.accesses) / wall);
            f.hit_ratio = static_cast<double>(st.page_cache_hits) / static_cast<double>(st.accesses);
        }
    std::string json = "{\"bench\":\"" + name + "\",\"refs\":" + std::to_string(refs) + ",\"distinct_pages\":" +
                       std::to_string(distinct) + ",\"ram_bytes\":" + std::to_string(ram);
    for (const Form& f : forms) {
        const double load = median(f.load_s), rep = median(f.replay_s);
        std::string each;
        for (std::size_t i = 0; i < f.load_s.size(); ++i)
            each += (each.empty() ? "" : ",") + num(f.load_s[i] / (f.load_s[i] + f.replay_s[i]));
        json += std::string(",\"") + f.name + "\":{\"file_bytes\":" + std::to_string(f.bytes) + ",\"load_s_median\":" + num(load) +
                ",\"load_mb_per_s\":" + num(static_cast<double>(f.bytes) / 1e6 / load) + ",\"replay_s_median\":" + num(rep) +
                ",\"refs_per_s_median\":" + num(median(f.rates)) + ",\"load_share_of_run\":[" + each + "],\"hit_ratio\":" +
                num(f.hit_ratio) + "}";
        std::fprintf(stderr, "%-40s %-13s load %.3f s (%.0f MB/s, %.1f %% of the run), replay %8.2f M refs/s, hit ratio %.3f (RAM %s)\n",
                     name.c_str(), f.name, load, static_cast<double>(f.bytes) / 1e6 / load, 100 * load / (load + rep),
                     median(f.rates) / 1e6, f.hit_ratio, std::to_string(ram >> 20).append(" MiB").c_str());
    }
    emit(json + "}");
}

// Memory: bytes per simulated page of RAM and the process's peak RSS with RAM and swap of
// the same size, every page of RAM in use and the swap half full.
void bench_memory(std::uint64_t ram_gib) {
    const std::string name = "memory_" + std::to_string(ram_gib) + "g_ram_" + std::to_string(ram_gib) + "g_swap";
    if (!g_only.empty() && name.find(g_only) == std::string::npos) return;
    const long rss0 = rss_kb();
    const std::uint64_t alloc_pages = pages_of(ram_gib * GiB) * 3 / 2;
    const EngineConfig c = swap_machine_with_app(ram_gib, alloc_pages);
    auto e = Engine::create(c).value();
    const auto w0 = Clock::now();
    std::int64_t t = 0;
    while (e->task_stats()[0].accesses < alloc_pages && seconds_since(w0) < 900) e->run_until(t += 1'000'000'000);
    const double wall = seconds_since(w0);
    const long rss = rss_kb();
    const double frames = static_cast<double>(e->kernel().frames.size());
    const double per_page = static_cast<double>(rss - rss0) * 1024.0 / frames; // everything the run added
    const long peak = peak_rss_kb(); // the process's peak: run this bench alone (--only memory)
    emit("{\"bench\":\"" + name + "\",\"frames\":" + num(frames) + ",\"peak_rss_mib\":" + num(peak / 1024.0) +
         ",\"bytes_per_ram_page_incl_swap_and_spaces\":" + num(per_page) + ",\"frame_record_bytes\":" +
         std::to_string(kBytesPerFrame) + ",\"fill_s\":" + num(wall) + ",\"swapped_pages\":" +
         std::to_string(e->kernel().procs[0].swapents) + "}");
    std::fprintf(stderr, "%-40s peak RSS %.0f MiB, %.1f bytes per RAM page (all structures), fill %.1f s\n", name.c_str(),
                 peak / 1024.0, per_page, wall);
}

// Cost against run length: the zipf workload of a 1 GiB machine (steady reclaim and swap) run
// for consecutive equal spans of simulated time, with the recorder's bound small enough that
// its thinning starts in the second span. Each span's wall time per simulated second must not
// grow: history is bounded and everything else is sized by the machine.
void bench_run_length() {
    const std::string name = "run_length_zipf_1g";
    if (!g_only.empty() && name.find(g_only) == std::string::npos) return;
    const std::uint64_t ws = pages_of(GiB) * 3 / 2;
    const Phase touch = zipf_touch();
    EngineConfig c = swap_machine_with_app(1, ws, &touch);
    const std::int64_t span = (g_smoke ? 5 : 200) * 1'000'000'000ll;
    c.max_samples = static_cast<std::size_t>(span / c.sample_interval_ns); // full after one span
    auto e = Engine::create(c).value();
    std::string walls, thins;
    std::int64_t t = 0;
    for (int i = 0; i < (g_smoke ? 2 : 6); ++i) {
        const auto w0 = Clock::now();
        for (std::int64_t end = t + span; t < end;) e->run_until(t += 100'000'000);
        const double ms_per_sim_s = seconds_since(w0) * 1e3 / (static_cast<double>(span) / 1e9);
        walls += (walls.empty() ? "" : ",") + num(ms_per_sim_s);
        thins += (thins.empty() ? "" : ",") + std::to_string(e->recorder().thin_count);
        std::fprintf(stderr, "%-40s span %d (to %4.0f s simulated): %6.2f ms of wall time per simulated second, %zu samples kept\n",
                     name.c_str(), i + 1, static_cast<double>(t) / 1e9, ms_per_sim_s, e->recorder().samples.size());
    }
    emit("{\"bench\":\"" + name + "\",\"span_sim_s\":" + num(static_cast<double>(span) / 1e9) +
         ",\"wall_ms_per_sim_s\":[" + walls + "],\"thin_count\":[" + thins + "],\"max_samples\":" +
         std::to_string(c.max_samples) + "}");
}

// Simulated seconds per wall second of every built-in scenario, headless, whole duration.
void bench_scenarios() {
    for (const auto& s : builtin_scenarios()) {
        const std::string name = "scenario_" + s.name;
        if (!g_only.empty() && name.find(g_only) == std::string::npos) continue;
        const std::int64_t dur = g_smoke ? std::min<std::int64_t>(s.duration_ns, 2'000'000'000) : s.duration_ns;
        std::vector<double> speeds;
        for (int r = 0; r < g_repeat; ++r) {
            auto e = Engine::create(s.make()).value();
            const auto w0 = Clock::now();
            e->run_until(dur);
            speeds.push_back(static_cast<double>(dur) / 1e9 / seconds_since(w0));
        }
        emit("{\"bench\":\"" + name + "\",\"sim_s\":" + num(static_cast<double>(dur) / 1e9) +
             ",\"realtime_factor_median\":" + num(median(speeds)) + "}");
        std::fprintf(stderr, "%-40s %8.0fx real time\n", name.c_str(), median(speeds));
    }
}

// Many processes: the scheduler's cost per task must not grow with the number of tasks (issue 14:
// a scan of every task per step made 10000 tasks take 614 s). Each task faults in 64 KiB at
// 100 MB/s and sleeps (16 GiB of RAM: no reclaim); forks share a 64 MiB parent and touch it at random. Reports the wall time
// of Engine::create (boot, address spaces, copy_page_range) and of a 2 s run, per process.
void bench_many(bool forks, std::size_t n) {
    const std::string name = std::string(forks ? "many_forks_" : "many_tasks_") + std::to_string(n);
    if (!g_only.empty() && name.find(g_only) == std::string::npos) return;
    EngineConfig c;
    c.machine = x86_64_machine(16 * GiB, 1, 2); // 100000 x 64 KiB fit: no reclaim, only scheduling
    c.thp = ThpMode::Never;
    Phase sleep;
    sleep.kind = Phase::Kind::Sleep;
    sleep.duration_ns = 10'000'000'000;
    Phase alloc;
    alloc.kind = Phase::Kind::Alloc;
    alloc.pages = forks ? pages_of(64ull << 20) : 16;
    alloc.pages_per_sec = forks ? 1e12 : 100e6 / 4096;
    if (forks) {
        TaskSpec parent;
        parent.name = "parent";
        parent.phases = {alloc, sleep};
        c.tasks.push_back(parent);
    }
    Phase touch;
    touch.kind = Phase::Kind::Touch;
    touch.pattern = Phase::Pattern::Random;
    touch.pages_per_sec = 256;
    touch.duration_ns = 1'000'000'000;
    for (std::size_t i = 0; i < n; ++i) {
        TaskSpec t;
        t.name = (forks ? "f" : "t") + std::to_string(i);
        if (forks) {
            t.fork_of = "parent";
            t.start_ns = 100'000'000;
            t.phases = {touch, sleep};
        } else {
            t.phases = {alloc, sleep};
        }
        c.tasks.push_back(t);
    }
    std::vector<double> create_s, run_s;
    for (int r = 0; r < g_repeat; ++r) {
        const auto w0 = Clock::now();
        auto e = Engine::create(c).value();
        create_s.push_back(seconds_since(w0));
        const auto w1 = Clock::now();
        e->run_until(2'000'000'000);
        run_s.push_back(seconds_since(w1));
    }
    const double create = median(create_s), run = median(run_s);
    emit("{\"bench\":\"" + name + "\",\"processes\":" + std::to_string(n) + ",\"create_s_median\":" + num(create) +
         ",\"run_2s_s_median\":" + num(run) + ",\"us_per_process\":" + num((create + run) * 1e6 / static_cast<double>(n)) + "}");
    std::fprintf(stderr, "%-40s create %.3f s, 2 s run %.3f s, %.1f us per process\n", name.c_str(), create, run,
                 (create + run) * 1e6 / static_cast<double>(n));
}

} // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--smoke")) g_smoke = true;
        else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) g_only = argv[++i];
        else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) g_repeat = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: engine_bench [--smoke] [--only NAME] [--repeat N]\n");
            return 2;
        }
    }
    if (g_smoke) g_repeat = 1;
    std::fprintf(stderr, "engine_bench%s: JSON lines on stdout\n", g_smoke ? " --smoke" : "");
    bench_scenarios();
    for (std::uint64_t gib : g_smoke ? std::vector<std::uint64_t>{1} : std::vector<std::uint64_t>{1, 4, 16, 64}) {
        bench_throughput(gib, false);
        bench_throughput(gib, true);
    }
    bench_run_length();
    if (g_smoke) {
        bench_replay(1.0, 200'000, 40'000);
        bench_replay(0.25, 200'000, 40'000);
    } else {
        for (double f : {1.0, 0.5, 0.25}) bench_replay(f, 20'000'000, 4'000'000);
    }
    for (std::size_t n : g_smoke ? std::vector<std::size_t>{100, 1000} : std::vector<std::size_t>{1000, 10000, 100000})
        bench_many(false, n);
    for (std::size_t n : g_smoke ? std::vector<std::size_t>{50, 500} : std::vector<std::size_t>{500, 5000})
        bench_many(true, n);
    bench_memory(g_smoke ? 1 : 64); // last: it sets the peak RSS
    return 0;
}
