#pragma once
// Internal to the scenario loader (loader.cpp and load_*.cpp, one file per section): the JSON
// checks every section uses and the section parsers. Every check throws LoadError with the
// JSON pointer of the value it judged; load_scenario_text() turns it into "FILE: POINTER: ...".
#include "replay/trace_source.h"
#include "scenario/loader.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rs {

class SwapNamer;

namespace load {

using json = nlohmann::json;

// A validation failure at a JSON pointer.
struct LoadError {
    std::string pointer;
    std::string message;
};

[[noreturn]] void fail(const std::string& pointer, const std::string& message);

// The value as the message quotes it (at most 60 characters).
std::string show(const json& v);
// A number as the file wrote it (from scan_json()), else show(v): a message never quotes a value
// the JSON library clamped or rounded.
std::string written(const json& v, const std::string& ptr);
// Makes the numbers of one scan known to written() while a load runs (on this thread).
class WrittenNumbers {
public:
    explicit WrittenNumbers(const std::map<std::string, std::string>& texts);
    ~WrittenNumbers();
    WrittenNumbers(const WrittenNumbers&) = delete;
    WrittenNumbers& operator=(const WrittenNumbers&) = delete;

private:
    const std::map<std::string, std::string>* m_prev;
};
// "a string", "an integer", ...
std::string type_name(const json& v);

// Every key of `obj` must be in `allowed`.
void check_keys(const json& obj, const std::string& ptr, std::initializer_list<const char*> allowed);
const json& need_object(const json& v, const std::string& ptr);
const json& need_array(const json& v, const std::string& ptr);
std::string need_string(const json& v, const std::string& ptr);
// TEXT: "text", or translations {"en": "text", "zh_CN": "文本"} with the keys of kTextLanguages
// ("en" required).
LocalizedText need_text(const json& v, const std::string& ptr);
// The length of UTF-8 text in characters (code points), as JSON Schema's maxLength counts.
std::size_t utf8_length(std::string_view s);
bool need_bool(const json& v, const std::string& ptr);
std::int64_t need_int(const json& v, const std::string& ptr, std::int64_t lo, std::int64_t hi);
double need_number(const json& v, const std::string& ptr, double lo, double hi);
// SIZE: "512M" or an integer number of bytes.
std::uint64_t need_size(const json& v, const std::string& ptr, std::uint64_t min_bytes = 1);
// SIZE in whole pages, at most 2^31.
std::uint64_t need_pages(const json& v, const std::string& ptr);
// RATE: "200M/s" (bytes per second) or a number of pages per second; returns pages per second.
double need_rate(const json& v, const std::string& ptr);
// DURATION: "10s", "250ms" or a number of seconds; returns nanoseconds.
std::int64_t need_duration(const json& v, const std::string& ptr);

struct Context {
    std::string base_dir;
    ScenarioFileReader read_file;
    bool check_engine = true;
    bool stream_files = true; // the default reader: traces are read from disk as they replay
    // A load on another thread: its progress and cancel reach the trace scans (replay::open_file
    // gives it to the scanned source only, never to the copies the replay reads later).
    LoadControl* control = nullptr;
    // Traces opened so far, by path, format and (text) task: tasks replaying the same one share
    // its scan and object map, each reading it from its own cursor.
    mutable std::map<std::string, std::shared_ptr<const replay::Trace>> traces;
};

// A file the scenario names, relative to the scenario's directory.
std::string read_relative(const Context& ctx, const std::string& path, const std::string& ptr);

// The trace of a replay phase (its "format" and "one_page_per_request" keys read from `v`),
// opened and scanned once per load; fails at `ptr` with the trace's own message.
std::shared_ptr<const replay::Trace> open_replay_trace(const json& v, const std::string& ptr, const std::string& path,
                                                       const std::string& task, const Context& ctx); // load_trace.cpp

// The sections, in the order parse() reads them. Each fills its part of the configuration.
void parse_machine(const json& m, const std::string& source, const Context& ctx, EngineConfig& c); // load_machine.cpp
void parse_cost(const json& cost, CostModel& out);                                                // load_machine.cpp
std::vector<SysctlWrite> parse_sysctls(const json& obj, const std::string& ptr, int nr_zone_types); // load_sysctl.cpp
SwapDeviceSpec parse_swap(const json& v, const std::string& ptr, SwapNamer& names);               // load_swap.cpp
void parse_swap_areas(const json& a, SwapNamer& names, EngineConfig& c);                         // load_swap.cpp
void parse_tasks(const json& tasks, const Context& ctx, EngineConfig& c);                         // load_tasks.cpp
void parse_timeline(const json& a, int nr_zone_types, SwapNamer& names, EngineConfig& c);         // load_timeline.cpp

} // namespace load
} // namespace rs
