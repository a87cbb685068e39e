#pragma once
#include "cli_options.h"

#include <cstdio>

// Runs without a display: lists scenarios or runs one and prints what was asked.
// Returns the process exit code (0 success, 1 runtime failure, 2 invalid input).
int runHeadless(const CliOptions& options, std::FILE* out, std::FILE* err);
