#pragma once
// What each simulated action costs in simulated time. Scenarios may override any of them.
#include <cstdint>

namespace rs {

struct CostModel {
    std::int64_t page_alloc_ns = 250;      // rmqueue + clearing or filling a fresh page
    std::int64_t page_touch_ns = 40;       // a hit on a resident page
    std::int64_t scan_page_ns = 80;        // isolating and checking one page in reclaim
    std::int64_t free_page_ns = 150;       // unmapping and freeing one reclaimed clean page
    std::int64_t kswapd_wakeup_ns = 50'000; // scheduler latency from wake_up to running
    std::int64_t alloc_retry_ns = 1'000'000; // an allocation that failed waits this long
    std::int64_t disk_read_ns_per_page = 10'000;  // file data read from disk (about 400 MB/s)
    std::int64_t disk_write_ns_per_page = 10'000; // file data written back (about 400 MB/s)
};

} // namespace rs
