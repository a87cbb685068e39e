#pragma once
// Scenario files (JSON, format version 1; docs/scenario-format.md, resources/scenario.schema.json):
// parsed and validated into an engine configuration. Every error names the file and the place
// (line:column for malformed JSON, a JSON pointer otherwise) and what was expected.
#include "scenario/localized_text.h"
#include "sim/engine.h"
#include "util/load_control.h"
#include "util/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace rs {

struct Scenario {
    std::string name;        // short identifier (file name without .json by default)
    LocalizedText title;       // one line; title.en is what charts and the CLI show
    LocalizedText explanation; // the teaching text
    EngineConfig config;
    std::int64_t duration_ns = 60'000'000'000;
    std::string source;      // where it came from: a path, or "built-in NAME"
};

// Reads a file that a scenario refers to (zoneinfo, traces), by a path relative to the
// scenario's directory. The default reads from the file system.
using ScenarioFileReader = std::function<Result<std::string>(const std::string& path)>;

// Parses scenario text. `source` names it in messages; relative paths inside it resolve
// against `base_dir`.
// check_engine: also create the engine once (the checks only it can make: forks, swap names
// over time); the built-ins skip it because their tests create them.
// control: a load on another thread (the window's); the trace scans report their progress to
// it and, once it is cancelled, the load fails with "...: cancelled" (the caller tells a cancel
// by control->cancelled(), not by the message). Nothing returned keeps the pointer.
Result<Scenario> load_scenario_text(std::string_view text, const std::string& source, const std::string& base_dir,
                                    const ScenarioFileReader& read_file = {}, bool check_engine = true,
                                    LoadControl* control = nullptr);
// Reads and parses a scenario file.
Result<Scenario> load_scenario_file(const std::string& path, LoadControl* control = nullptr);

// A trace: one access per line, "PAGE" or "TASK PAGE"; blank lines and '#' comments ignored.
// Keeps the lines without a task column and those of `task`.
Result<std::vector<std::uint32_t>> parse_trace(std::string_view text, const std::string& source, const std::string& task);

} // namespace rs
