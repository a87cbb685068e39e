#pragma once
// A run in slices with its progress on a terminal, for the headless run and --export.
#include <cstdint>
#include <cstdio>
#include <functional>

// Runs simulated time 0 .. duration_ns in `slices` slices of at least 1 ms: run(from, to) for
// each slice in order. When err is a terminal, the percentage done is shown on it (and erased at
// the end). Stops and returns false as soon as run does (run has said what went wrong).
bool runWithProgress(std::int64_t duration_ns, std::int64_t slices, std::FILE* err,
                     const std::function<bool(std::int64_t from, std::int64_t to)>& run);
