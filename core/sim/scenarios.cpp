#include "sim/scenarios.h"

namespace rs {

namespace {

constexpr std::uint64_t MiB = 1ull << 20;
constexpr std::uint64_t pages_of(std::uint64_t bytes) { return bytes / kPageSize; }

EngineConfig watermark_dance() {
    EngineConfig c;
    c.title = "Watermark dance: kswapd between low and high";
    c.machine = x86_64_machine(2048 * MiB);
    c.thp = ThpMode::Madvise;
    // An application takes 1.7 GiB of anonymous memory, then a backup job streams a 6 GiB file
    // through the page cache. Free memory falls to the low watermark, kswapd wakes, reclaims
    // the streamed pages until the high watermark, naps, sleeps, and the cycle repeats.
    c.tasks.push_back(TaskSpec{.name = "app",
                               .kind = TaskSpec::Kind::AllocAnon,
                               .start_ns = 0,
                               .pages = pages_of(1700 * MiB),
                               .pages_per_sec = static_cast<double>(pages_of(400 * MiB)),
                               .loop = false});
    c.tasks.push_back(TaskSpec{.name = "backup",
                               .kind = TaskSpec::Kind::ReadFile,
                               .start_ns = 500'000'000,
                               .pages = pages_of(6144 * MiB),
                               .pages_per_sec = static_cast<double>(pages_of(32 * MiB)),
                               .loop = true});
    return c;
}

EngineConfig direct_reclaim_oom() {
    EngineConfig c;
    c.title = "Direct reclaim, then the OOM killer";
    c.machine = x86_64_machine(1024 * MiB);
    c.thp = ThpMode::Madvise;
    // Four readers stream files faster than kswapd can keep up, so allocations hit the min
    // watermark and tasks reclaim for themselves; then a leaking process grows past what the
    // page cache can give back, and without swap the OOM killer ends it.
    for (int i = 0; i < 4; ++i)
        c.tasks.push_back(TaskSpec{.name = "reader" + std::to_string(i),
                                   .kind = TaskSpec::Kind::ReadFile,
                                   .pages = pages_of(2048 * MiB),
                                   .pages_per_sec = static_cast<double>(pages_of(1024 * MiB)),
                                   .loop = true});
    c.tasks.push_back(TaskSpec{.name = "leaky",
                               .kind = TaskSpec::Kind::AllocAnon,
                               .start_ns = 4'000'000'000,
                               .pages = pages_of(1200 * MiB),
                               .pages_per_sec = static_cast<double>(pages_of(100 * MiB)),
                               .loop = false});
    c.cost.scan_page_ns = 1500;          // a slow CPU: kswapd frees about 600k pages a second
    c.cost.disk_read_ns_per_page = 1000; // fast NVMe: the readers can take more than that
    return c;
}

EngineConfig mixed_pressure() {
    EngineConfig c;
    c.title = "Mixed anonymous and file pressure on 1 GiB";
    c.machine = x86_64_machine(1024 * MiB);
    c.thp = ThpMode::Madvise;
    // A service with 500 MiB of anonymous memory it touches at random, a database reading a
    // 400 MiB file at random (its hot pages get activated), a log writer, and from 5 s a nightly
    // backup streaming 4 GiB: LRU aging, refaults, writeback and kswapd all at once.
    c.tasks.push_back(TaskSpec{.name = "service", .kind = TaskSpec::Kind::AllocAnon,
                               .pages = pages_of(500 * MiB), .pages_per_sec = static_cast<double>(pages_of(200 * MiB)),
                               .loop = true, .random = true});
    c.tasks.push_back(TaskSpec{.name = "db", .kind = TaskSpec::Kind::ReadFile, .pages = pages_of(400 * MiB),
                               .pages_per_sec = static_cast<double>(pages_of(64 * MiB)), .loop = true, .random = true});
    c.tasks.push_back(TaskSpec{.name = "logger", .kind = TaskSpec::Kind::WriteFile, .pages = pages_of(2048 * MiB),
                               .pages_per_sec = static_cast<double>(pages_of(8 * MiB)), .loop = true});
    c.tasks.push_back(TaskSpec{.name = "backup", .kind = TaskSpec::Kind::ReadFile, .start_ns = 5'000'000'000,
                               .pages = pages_of(4096 * MiB), .pages_per_sec = static_cast<double>(pages_of(128 * MiB)),
                               .loop = false});
    return c;
}

} // namespace

const std::vector<BuiltinScenario>& builtin_scenarios() {
    static const std::vector<BuiltinScenario> list = {
        {"watermark-dance", "Watermark dance: kswapd between low and high",
         "A 2 GiB machine: an application holds 1.7 GiB of anonymous memory while a backup "
         "streams a file through the page cache. When an allocation finds every zone below its "
         "low watermark, the allocator wakes kswapd; kswapd reclaims streamed page-cache pages "
         "until a zone is above its high watermark, naps 100 ms and sleeps. Raise "
         "min_free_kbytes or watermark_scale_factor and watch the lines move and the band widen.",
         &watermark_dance},
        {"direct-reclaim-oom", "Direct reclaim, then the OOM killer",
         "A 1 GiB machine without swap: four readers stream files faster than kswapd can reclaim, "
         "so allocations fall to the min watermark and the readers reclaim for themselves "
         "(try_to_free_pages, red marks). From 4 s a leaking process grows by 100 MiB/s; page "
         "cache shrinks until anonymous memory is all that is left, should_reclaim_retry() gives "
         "up and out_of_memory() kills the largest task.",
         &direct_reclaim_oom},
        {"mixed-pressure", "Mixed anonymous and file pressure on 1 GiB",
         "A service touches 500 MiB of anonymous memory at random, a database re-reads its hot "
         "400 MiB file, a logger writes, and from 5 s a backup streams 4 GiB. Without swap only "
         "page cache can be reclaimed: watch the database's pages survive the stream because they "
         "were used twice, refaults activate pages whose refault distance is short, and the "
         "flusher writes the log behind the logger.",
         &mixed_pressure},
    };
    return list;
}

const BuiltinScenario* find_builtin_scenario(const std::string& name) {
    for (const auto& s : builtin_scenarios())
        if (s.name == name) return &s;
    return nullptr;
}

EngineConfig default_scenario() { return watermark_dance(); }

} // namespace rs
