#pragma once
#include "cli_options.h"

#include <cstdio>

// Runs without a display: lists scenarios or runs one and prints what was asked.
// Returns the process exit code (0 success, 1 runtime failure, 2 invalid input).
int runHeadless(const CliOptions& options, std::FILE* out, std::FILE* err);

// --host-scenario FILE: this machine as a scenario file (rs::host_scenario_json), written whole
// or not at all. Returns 0, or 2 with the reason on `err` (a file of /proc it could not use, a
// target it could not write).
int writeHostScenario(const CliOptions& options, std::FILE* err);
