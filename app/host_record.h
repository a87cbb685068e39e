#pragma once
// --headless --host: records this machine (its /proc files, read only) at an interval, for a
// duration or until SIGINT / SIGTERM, then writes --csv whole and prints the --print-* texts of
// the last reading.
#include "cli_options.h"

#include <cstdio>

int runHostHeadless(const CliOptions& options, std::FILE* out, std::FILE* err);
