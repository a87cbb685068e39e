#pragma once
// The built-in scenario library: resources/scenarios/*.json, compiled in and loaded with the
// same loader as a user's file.
#include "scenario/loader.h"
#include "sim/engine.h"

#include <string>
#include <vector>

namespace rs {

struct BuiltinScenario {
    std::string name;
    LocalizedText title;
    LocalizedText explanation; // the teaching point, shown in the UI
    std::int64_t duration_ns = 60'000'000'000;
    EngineConfig config;
    EngineConfig make() const { return config; }
};

// All of them, in the order of resources/scenarios/index.txt. A built-in that fails to load is
// a bug: it throws std::logic_error with the loader's message.
const std::vector<BuiltinScenario>& builtin_scenarios();
const BuiltinScenario* find_builtin_scenario(const std::string& name);

// The scenario the app starts on: the first of the list (the watermark dance).
EngineConfig default_scenario();

// The raw files (generated from resources/scenarios).
struct EmbeddedScenario {
    const char* name;
    const char* text;
};
const std::vector<EmbeddedScenario>& embedded_scenarios();

} // namespace rs
