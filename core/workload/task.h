#pragma once
// Simulated user tasks: what they do and how fast.
#include <cstdint>
#include <string>

namespace rs {

struct TaskSpec {
    enum class Kind {
        ReadFile,  // read a file sequentially through the page cache (read(2)), looping
        AllocAnon, // fault in anonymous memory, then keep touching it
    };
    std::string name;
    Kind kind = Kind::ReadFile;
    std::int64_t start_ns = 0;
    std::uint64_t pages = 0;        // file size, or anonymous memory to allocate
    double pages_per_sec = 0;       // I/O or fault rate
    bool loop = true;               // ReadFile: start again at offset 0
    int node = 0;                   // the CPU's node (preferred node of allocations)
};

struct TaskStats {
    std::uint64_t pages_allocated = 0;
    std::uint64_t alloc_stalls = 0;      // allocations that found no page and waited
    std::int64_t stall_ns = 0;           // time spent waiting for memory
    std::uint64_t page_cache_hits = 0;
    std::uint64_t page_cache_misses = 0;
};

} // namespace rs
