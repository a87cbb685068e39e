#pragma once
// Built-in scenarios, described in code until the scenario file format exists.
#include "sim/engine.h"

#include <string>
#include <vector>

namespace rs {

struct BuiltinScenario {
    std::string name;
    std::string title;
    std::string explanation; // the teaching point, shown in the UI
    EngineConfig (*make)();
};

const std::vector<BuiltinScenario>& builtin_scenarios();
const BuiltinScenario* find_builtin_scenario(const std::string& name);

// The scenario the app starts on: the watermark dance.
EngineConfig default_scenario();

} // namespace rs
