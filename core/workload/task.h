#pragma once
// Simulated user tasks: what they do and how fast. Each task is a process of its own.
#include <cstdint>
#include <string>

namespace rs {

struct TaskSpec {
    enum class Kind {
        ReadFile,  // read a file sequentially through the page cache (read(2))
        WriteFile, // write a file sequentially: dirty page cache that the flusher writes back
        AllocAnon, // fault in anonymous memory (then optionally keep touching it)
        SlabGrow,  // create dentries (path lookups): reclaimable slab
        Swapoff,   // swapoff(8) of the area named `file`: started by Engine::swapoff()
    };
    std::string name;
    Kind kind = Kind::ReadFile;
    std::int64_t start_ns = 0;
    std::uint64_t pages = 0;   // file size, anonymous memory, or slab pages to fill
    double pages_per_sec = 0;  // I/O, fault or creation rate
    bool loop = true;          // ReadFile/WriteFile: start again at offset 0; AllocAnon: keep touching
    int node = 0;              // the CPU's node (preferred node of allocations)
    std::string file;          // ReadFile/WriteFile: the file, shared by name (default: the task name)
    bool mlock = false;        // AllocAnon: all of it mlock()ed, so unevictable
    std::uint64_t mlock_pages = 0; // AllocAnon: only the first pages of the region mlock()ed
    bool random = false;       // after the first pass, touch pages uniformly at random
    bool exec = false;         // ReadFile: the file is mapped executable (program text) and
                               // accessed through page tables, not read()
    int oom_score_adj = 0;
    std::string fork_of;       // AllocAnon: a fork() of this task, made at start_ns; it shares
                               // the parent's anonymous memory (pages and swap entries) and
                               // reads it; `pages` is the parent's
    std::int64_t exit_ns = -1; // the process exits at this time (exit_mmap); -1: never
};

struct TaskStats {
    std::uint64_t pages_allocated = 0;
    std::uint64_t alloc_stalls = 0;        // allocations that failed and waited
    std::uint64_t direct_reclaims = 0;     // slow-path entries that reclaimed directly
    std::int64_t stall_ns = 0;             // time spent in direct reclaim, throttling or waiting
    std::int64_t max_alloc_latency_ns = 0; // worst slow-path allocation
    std::uint64_t page_cache_hits = 0;
    std::uint64_t page_cache_misses = 0;
    std::uint64_t major_faults = 0;
    std::int64_t dirty_throttle_ns = 0;    // balance_dirty_pages() pauses
    std::int64_t runqueue_wait_ns = 0;     // runnable but every CPU was busy
    bool oom_killed = false;
};

} // namespace rs
