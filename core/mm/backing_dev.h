#pragma once
// The flusher's state (struct bdi_writeback, reduced): dirty pages in dirtying order and the
// pages under writeback.
#include "mm/internal.h"
#include "mm/page_frames.h"

#include <cstdint>
#include <deque>
#include <utility>

namespace rs {

// A page that was dirtied, for the flusher (oldest first). The slot identifies the page even if
// the frame has since been freed and reused.
struct DirtyRef {
    frame_t frame = kNoFrame;
    std::uint32_t space = 0;
    std::uint32_t index = 0;
    std::int64_t dirtied_at = 0;
};

// The flusher (wb_workfn) and the pages under writeback.
struct WritebackState {
    std::deque<DirtyRef> dirty;                              // in the order they were dirtied
    std::deque<std::pair<std::int64_t, DirtyRef>> inflight; // completion time, page
    bool background = false;  // woken because dirty pages exceed the background threshold
    std::int64_t ready_at = kNever;
};

} // namespace rs
