#pragma once
// --export: run the scenario headless and write one view's charts to PNG, PDF or SVG, with
// the views of the window rendered offscreen.
#include "cli_options.h"

#include <cstdio>

int runExport(const CliOptions& o, std::FILE* err);
