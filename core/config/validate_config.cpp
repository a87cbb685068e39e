#include "config/validate_config.h"

#include "util/units.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace rs {

namespace {

using Error = std::optional<std::string>;

// One phase; `where` names the task and the phase.
Error validate_phase(const Phase& ph, const std::string& where) {
    using K = Phase::Kind;
    const bool rated = ph.kind == K::Alloc || ph.kind == K::Touch || ph.kind == K::Read || ph.kind == K::Write ||
                       ph.kind == K::Slab || ph.kind == K::Replay;
    if (rated && (!std::isfinite(ph.pages_per_sec) || ph.pages_per_sec < 0.001 || ph.pages_per_sec > 1e12))
        return where + "a rate of " + std::to_string(ph.pages_per_sec) +
               " pages/s is outside 0.001 .. 1e12 (a positive rate is needed)";
    const bool sized = ph.kind == K::Alloc || ph.kind == K::Read || ph.kind == K::Write || ph.kind == K::Slab ||
                       ph.kind == K::Mlock || ph.kind == K::Free;
    if (sized && ph.pages == 0) return where + "a size of zero pages";
    if (ph.pages > 0x7fffffffull) return where + "is too large (more than 2^31 pages)";
    if ((ph.kind == K::Read || ph.kind == K::Write) && ph.file.empty()) return where + "names no file";
    if (ph.kind == K::Sleep && ph.duration_ns < 0) return where + "a sleep needs a duration";
    if (ph.kind == K::Replay && !ph.trace) return where + "the trace is empty"; // (no references: Engine::create)
    if (ph.pattern == Phase::Pattern::Zipf && !(ph.zipf_s > 0 && ph.zipf_s <= 10))
        return where + "the Zipf exponent must be in (0, 10]";
    return std::nullopt;
}

// fork_of of task i (phases expanded in `tasks`): a task listed before it, with anonymous
// memory, started no later, and not a fork itself.
Error validate_fork(const EngineConfig& config, const std::vector<TaskSpec>& tasks, std::size_t i,
                    const std::map<std::string, std::size_t>& task_index, const std::string& who) {
    const TaskSpec& t = tasks[i];
    const auto parent = task_index.find(t.fork_of);
    if (parent == task_index.end() || parent->second == i) {
        const bool later = std::any_of(config.tasks.begin(), config.tasks.end(),
                                       [&](const TaskSpec& o) { return o.name == t.fork_of && &o != &config.tasks[i]; });
        return who + " is a fork of '" + t.fork_of + "', which is not " + (later ? "listed before it" : "another task");
    }
    const TaskSpec& pt = tasks[parent->second];
    const bool parent_anon =
        std::any_of(pt.phases.begin(), pt.phases.end(), [](const Phase& ph) { return ph.kind == Phase::Kind::Alloc; });
    if (!parent_anon)
        return who + ": only a task with anonymous memory can be forked (fork_of '" + t.fork_of + "')";
    if (t.start_ns < pt.start_ns) return who + " cannot be forked from '" + t.fork_of + "' before that starts";
    if (!pt.fork_of.empty())
        return who + ": fork_of '" + t.fork_of + "' is a fork itself; fork from the first process of the family";
    return std::nullopt;
}

Error validate_tasks(const EngineConfig& config) {
    // Every task as phases (the shorthand expanded), checked phase by phase.
    std::vector<TaskSpec> tasks = config.tasks;
    for (auto& t : tasks) t.phases = task_phases(t);
    std::map<std::string, std::size_t> task_index;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const TaskSpec& t = tasks[i];
        const std::string who = "task '" + t.name + "'";
        if (t.name.empty()) return "task " + std::to_string(i + 1) + " has no name";
        if (!task_index.emplace(t.name, i).second) return who + " is listed twice (task names must be unique)";
        if (t.node < 0 || t.node >= static_cast<int>(config.machine.nodes.size()))
            return who + " runs on node " + std::to_string(t.node) + ", which the machine does not have";
        if (t.start_ns < 0) return who + " starts before time 0";
        if (t.exit_ns >= 0 && t.exit_ns < t.start_ns) return who + " exits before it starts";
        if (t.phases.empty()) return who + " has nothing to do (no phases)";
        for (std::size_t j = 0; j < t.phases.size(); ++j)
            if (auto err = validate_phase(t.phases[j], who + ", phase " + std::to_string(j + 1) + ": ")) return err;
        if (!t.fork_of.empty())
            if (auto err = validate_fork(config, tasks, i, task_index, who)) return err;
    }
    return std::nullopt;
}

// The timeline: in time order; every swapoff names an area in use at that moment.
Error validate_timeline(const EngineConfig& config) {
    std::set<std::string> areas;
    for (const auto& d : config.swap_devices) areas.insert(d.name);
    auto sorted = config.timeline;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.at_ns < b.at_ns; });
    for (const auto& a : sorted) {
        if (a.at_ns < 0) return "timeline: '" + describe(a) + "' is scheduled before time 0";
        if (a.kind == TimelineAction::Kind::Swapon && !areas.insert(a.swap.name).second)
            return "timeline: at " + format_duration(a.at_ns) + ", swapon " + a.swap.name +
                   ": that area is already in use as swap";
        if (a.kind == TimelineAction::Kind::Swapoff && areas.erase(a.device) == 0)
            return "timeline: at " + format_duration(a.at_ns) + ", swapoff " + a.device +
                   ": no swap area of that name is in use then";
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> validate_config(const EngineConfig& config) {
    if (auto err = validate_machine(config.machine)) return err;
    if (config.sample_interval_ns <= 0) return "the sample interval must be positive";
    if (auto err = validate_tasks(config)) return err;
    return validate_timeline(config);
}

} // namespace rs
