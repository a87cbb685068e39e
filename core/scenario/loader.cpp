// The scenario loader's top level: the file's header keys, then each section in turn
// (load_machine.cpp, load_sysctl.cpp, load_swap.cpp, load_tasks.cpp, load_timeline.cpp; the
// JSON checks in load_json.cpp), then one engine creation for what only the engine can judge.
#include "scenario/loader.h"

#include "config/swap_names.h"
#include "scenario/json_scan.h"
#include "sim/run_budget.h"
#include "scenario/load_internal.h"
#include "util/file_io.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace rs {

namespace {

using namespace load;

// One line in every language: a title is also a chart's and the window's title.
void check_title_length(const std::string& title, const std::string& ptr) {
    const std::size_t n = utf8_length(title);
    if (n < 1 || n > 120) fail(ptr, "the title must have 1 to 120 characters");
}

// "name", "title", "explanation" and the format version.
void parse_header(const json& root, const std::string& source, Scenario& sc) {
    check_keys(root, "", {"$schema", "reclaimscope_scenario", "name", "title", "explanation", "machine", "sysctl", "swap",
                          "cost", "tasks", "timeline", "duration", "seed"});
    if (!root.contains("reclaimscope_scenario"))
        fail("", "not a ReclaimScope scenario: the key \"reclaimscope_scenario\": 1 (the format version) is missing");
    if (need_int(root["reclaimscope_scenario"], "/reclaimscope_scenario", 0, INT64_MAX) != 1)
        fail("/reclaimscope_scenario", "format version " + show(root["reclaimscope_scenario"]) +
                                           " is not known to this ReclaimScope (it reads version 1)");
    sc.source = source;
    if (root.contains("name")) {
        sc.name = need_string(root["name"], "/name");
        const bool ok = !sc.name.empty() && sc.name.size() <= 64 &&
                        std::all_of(sc.name.begin(), sc.name.end(), [](char c) {
                            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                        }) && sc.name.front() != '-';
        if (!ok) fail("/name", "expected lower-case letters, digits and '-' (at most 64), got " + show(root["name"]));
    } else {
        sc.name = std::filesystem::path(source).stem().string();
    }
    if (!root.contains("title")) fail("", "the scenario needs a \"title\"");
    sc.title = need_text(root["title"], "/title");
    check_title_length(sc.title.en, root["title"].is_object() ? "/title/en" : "/title");
    if (root["title"].contains("zh_CN")) check_title_length(sc.title.zh_CN, "/title/zh_CN");
    if (root.contains("explanation")) sc.explanation = need_text(root["explanation"], "/explanation");
}

Scenario parse(const json& root, const std::string& source, const Context& ctx) {
    need_object(root, "");
    Scenario sc;
    parse_header(root, source, sc);
    EngineConfig& c = sc.config;
    c.title = sc.title.en; // frames, charts and exports carry the English title
    if (!root.contains("machine")) fail("", "the scenario needs a \"machine\" (e.g. {\"ram\": \"4G\"})");
    parse_machine(root["machine"], source, ctx, c);
    const int nr_zone_types = c.machine.nr_zone_types();
    if (root.contains("sysctl")) c.sysctl_writes = parse_sysctls(root["sysctl"], "/sysctl", nr_zone_types);
    // One naming of unnamed swap areas for the boot-time ones and the timeline's swapons.
    SwapNamer swap_names;
    if (root.contains("swap")) parse_swap_areas(root["swap"], swap_names, c);
    if (root.contains("cost")) parse_cost(root["cost"], c.cost);
    if (!root.contains("tasks")) fail("", "the scenario needs \"tasks\" (an empty array for an idle machine)");
    parse_tasks(root["tasks"], ctx, c);
    if (root.contains("timeline")) parse_timeline(root["timeline"], nr_zone_types, swap_names, c);
    if (root.contains("duration")) {
        sc.duration_ns = need_duration(root["duration"], "/duration");
        if (sc.duration_ns <= 0) fail("/duration", "the duration must be positive");
    }
    if (root.contains("seed")) c.seed = static_cast<std::uint64_t>(need_int(root["seed"], "/seed", 0, INT64_MAX));

    // What only the engine can judge (forks, swap names over time, impossible sizes) is checked
    // by creating it once, here, so a bad file never reaches a running simulation.
    // The host's memory first: creating the engine would allocate what the budget refuses.
    // A cancel that came after the last trace block: the engine's creation is the last long step.
    if (ctx.control && ctx.control->cancelled()) fail("", "cancelled");
    if (auto over = check_run_budget(c, sc.duration_ns, host_memory_budget())) fail("", *over);
    if (ctx.check_engine)
        if (auto e = Engine::create(c); !e) fail("", e.error());
    return sc;
}
// Files a scenario names (traces, zoneinfo): the trace limit, the larger of the two.
Result<std::string> read_named_file(const std::string& path) { return read_text_file(path, kTraceFileLimit); }

} // namespace

Result<Scenario> load_scenario_text(std::string_view text, const std::string& source, const std::string& base_dir,
                                    const ScenarioFileReader& read_file, bool check_engine, LoadControl* control) {
    using R = Result<Scenario>;
    const auto scan = scan_json(text);
    if (!scan) return R::failure(source + ":" + scan.error());
    const WrittenNumbers numbers(scan->number_text);
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // Line and column of the byte where parsing stopped.
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        std::string what = e.what();
        const auto colon = what.find(": ", what.find("parse error"));
        if (colon != std::string::npos) what = what.substr(colon + 2);
        return R::failure(source + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + what);
    } catch (const json::exception& e) {
        // A number too large for any type (out_of_range.406), found by the fuzzer.
        std::string what = e.what();
        const auto bracket = what.find("] ");
        if (bracket != std::string::npos) what = what.substr(bracket + 2);
        return R::failure(source + ": " + what);
    }
    Context ctx{base_dir, read_file ? read_file : ScenarioFileReader(read_named_file), check_engine, !read_file, control, {}};
    try {
        return parse(root, source, ctx);
    } catch (const LoadError& e) {
        return R::failure(source + ": " + (e.pointer.empty() ? "" : e.pointer + ": ") + e.message);
    } catch (const json::exception& e) {
        return R::failure(source + ": " + e.what());
    }
}

Result<Scenario> load_scenario_file(const std::string& path, LoadControl* control) {
    if (control) control->start_file("scenario " + std::filesystem::path(path).filename().string(), 0);
    auto text = read_text_file(path, kScenarioFileLimit);
    if (!text) return Result<Scenario>::failure(text.error());
    if (control) control->add_bytes(text->size());
    return load_scenario_text(*text, path, std::filesystem::path(path).parent_path().string(), {}, true, control);
}

} // namespace rs
