#pragma once
// Simulated user tasks: each is a process that runs a list of phases in order (allocate, touch,
// read, write, mlock, free, sleep, replay a trace, exit).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rs {

namespace replay {
class Trace; // replay/trace_source.h
}

struct Phase {
    enum class Kind {
        Alloc,  // fault in `pages` more anonymous memory at the end of the region
        Touch,  // access the region (pattern), for `duration_ns` or for ever
        Read,   // read(2) a file through the page cache
        Write,  // write a file: dirty page cache that the flusher writes back
        Slab,   // create dentries (path lookups) until the cache holds `pages` slab pages
        Mlock,  // mlock() the first `pages` pages of the region (later faults there too)
        Free,   // munmap() the last `pages` pages of the region
        Sleep,  // do nothing for `duration_ns`
        Replay, // access the pages a trace lists, in order, as page-cache reads of one file
        Exit,   // the process exits: its memory and swap entries are freed
    };
    enum class Pattern { Sequential, Random, Zipf };
    Kind kind = Kind::Touch;
    std::uint64_t pages = 0;       // Alloc, Read/Write (file size), Slab, Mlock, Free
    double pages_per_sec = 0;      // Alloc, Touch, Read, Write, Slab, Replay
    Pattern pattern = Pattern::Sequential; // Touch, Read, Write
    std::uint64_t hot_pages = 0;   // Zipf: the hot set (the first pages of the region or file); 0: all
    double zipf_s = 1.0;           // Zipf exponent
    bool loop = false;             // Sequential Touch/Read/Write and Replay: start over at the end
    std::int64_t duration_ns = -1; // Touch/Read/Write/Replay: stop after this long; Sleep: how long
    std::string file;              // Read/Write: the file (shared by name); Replay: the trace's name
    bool exec = false;             // Read: the file is program text, mapped and accessed through PTEs
    std::shared_ptr<const replay::Trace> trace; // Replay: the trace, read as it is replayed
};

struct TaskSpec {
    enum class Kind {
        ReadFile,  // read a file sequentially through the page cache (read(2))
        WriteFile, // write a file sequentially: dirty page cache that the flusher writes back
        AllocAnon, // fault in anonymous memory (then optionally keep touching it)
        SlabGrow,  // create dentries (path lookups): reclaimable slab
        Swapoff,   // swapoff(8): started by Engine::swapoff(), emptying the area of its TaskState::swap_type
    };
    std::string name;
    // The shorthand of a one-phase task (used when `phases` is empty): kind, pages, rate, loop,
    // random, file, mlock, mlock_pages, exec.
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
    std::string fork_of;       // a fork() of this task, made at start_ns: it shares the parent's
                               // anonymous memory (pages and swap entries) and reads it
    std::int64_t exit_ns = -1; // the process exits at this time (exit_mmap); -1: never
    std::vector<Phase> phases; // run in order; after the last one the process stays (holding
                               // its memory) until exit_ns or an Exit phase
};

// The phases of a task given in shorthand (kind, pages, ...); `phases` itself if not empty.
std::vector<Phase> task_phases(const TaskSpec& t);

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
    std::uint64_t accesses = 0;            // page references (hits and faults)
    std::int64_t io_wait_ns = 0;           // asleep on reads: page cache misses and swap-ins
    bool oom_killed = false;
    // The replay phase running now (or the last one, until the next phase): references done,
    // across loops, and references in one pass of its trace (0: none).
    std::uint64_t replay_refs = 0;
    std::uint64_t replay_total = 0;
};

} // namespace rs
