#pragma once
// The recorded time series as CSV: one row per sample, one column per series, rates of the key
// counters per second between samples. Deterministic: the same run gives the same bytes.
#include "record/recorder.h"

#include <cstdint>
#include <limits>
#include <ostream>

namespace rs {

// A recording's source lines come first, each after "# ". A series that no written row has
// gets no column; a row that lacks a series has an empty cell there, never a 0.
// Rows with from_ns <= t <= to_ns (the whole run by default).
void write_csv(std::ostream& out, const Recorder& rec, std::int64_t from_ns = 0,
               std::int64_t to_ns = std::numeric_limits<std::int64_t>::max());

} // namespace rs
