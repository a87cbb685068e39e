#pragma once
// The checks a configuration must pass before a machine boots from it (Engine::create): the
// sample interval, every task and phase, fork_of, the timeline. What needs the booted machine
// (sysctl values, swapon) is checked when it is applied.
#include "config/engine_config.h"

#include <optional>
#include <string>

namespace rs {

// A description of the first problem found, or nothing. The machine is checked first
// (validate_machine()), then the tasks in order, then the timeline.
std::optional<std::string> validate_config(const EngineConfig& config);

} // namespace rs
