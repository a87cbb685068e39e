// The "tasks" section: each task's name, start, exit, node, fork and phases (the traces a
// "replay" phase reads: load_trace.cpp).
#include "scenario/load_internal.h"

#include <memory>
#include <set>

namespace rs::load {

namespace {

Phase::Pattern parse_pattern(const json& v, const std::string& ptr) {
    const std::string s = need_string(v, ptr);
    if (s == "sequential") return Phase::Pattern::Sequential;
    if (s == "random") return Phase::Pattern::Random;
    if (s == "zipf") return Phase::Pattern::Zipf;
    fail(ptr, "expected \"sequential\", \"random\" or \"zipf\", got " + show(v));
}

// The one action key a phase has.
std::string phase_action(const json& v, const std::string& ptr) {
    static const char* actions[] = {"alloc", "touch", "read", "write", "slab", "mlock", "free", "sleep", "replay", "exit"};
    std::string action;
    for (const char* a : actions)
        if (v.contains(a)) {
            if (!action.empty()) fail(ptr, "a phase does one thing: both \"" + action + "\" and \"" + a + "\" are given");
            action = a;
        }
    if (action.empty())
        fail(ptr, "a phase needs one of: alloc, touch, read, write, slab, mlock, free, sleep, replay, exit");
    return action;
}

void need_phase_rate(const json& v, const std::string& ptr, const std::string& action, Phase& ph) {
    if (!v.contains("rate")) fail(ptr, "\"" + action + "\" needs a \"rate\" (e.g. \"200M/s\")");
    ph.pages_per_sec = need_rate(v["rate"], ptr + "/rate");
}

// "for", "loop" and the zipf pattern's "hot" and "zipf_s", shared by touch, read and write.
void access_options(const json& v, const std::string& ptr, Phase& ph) {
    if (v.contains("for")) ph.duration_ns = need_duration(v["for"], ptr + "/for");
    if (v.contains("loop")) ph.loop = need_bool(v["loop"], ptr + "/loop");
    if (v.contains("hot")) {
        if (ph.pattern != Phase::Pattern::Zipf) fail(ptr + "/hot", "\"hot\" is the hot set of a \"zipf\" pattern");
        ph.hot_pages = need_pages(v["hot"], ptr + "/hot");
    }
    if (v.contains("zipf_s")) {
        if (ph.pattern != Phase::Pattern::Zipf) fail(ptr + "/zipf_s", "\"zipf_s\" is the exponent of a \"zipf\" pattern");
        ph.zipf_s = need_number(v["zipf_s"], ptr + "/zipf_s", 1e-6, 10.0);
    }
}

// "read" or "write": a file of "size" at "rate".
void file_phase(const json& v, const std::string& ptr, const std::string& action, Phase& ph) {
    const std::string ap = ptr + "/" + action;
    if (action == "read") check_keys(v, ptr, {"read", "size", "rate", "pattern", "loop", "for", "hot", "zipf_s", "exec"});
    else check_keys(v, ptr, {"write", "size", "rate", "pattern", "loop", "for", "hot", "zipf_s"});
    ph.kind = action == "read" ? Phase::Kind::Read : Phase::Kind::Write;
    ph.file = need_string(v[action], ap);
    if (ph.file.empty()) fail(ap, "the file name is empty");
    if (!v.contains("size")) fail(ptr, "\"" + action + "\" needs the file's \"size\"");
    ph.pages = need_pages(v["size"], ptr + "/size");
    if (v.contains("pattern")) ph.pattern = parse_pattern(v["pattern"], ptr + "/pattern");
    need_phase_rate(v, ptr, action, ph);
    access_options(v, ptr, ph);
    if (v.contains("exec")) ph.exec = need_bool(v["exec"], ptr + "/exec");
}

// "replay": the task's accesses from a trace file.
void replay_phase(const json& v, const std::string& ptr, const std::string& task, const Context& ctx, Phase& ph) {
    const std::string ap = ptr + "/replay";
    check_keys(v, ptr, {"replay", "rate", "loop", "format", "one_page_per_request"});
    ph.kind = Phase::Kind::Replay;
    ph.file = need_string(v["replay"], ap);
    need_phase_rate(v, ptr, "replay", ph);
    if (v.contains("loop")) ph.loop = need_bool(v["loop"], ptr + "/loop");
    ph.trace = open_replay_trace(v, ptr, ph.file, task, ctx);
}

Phase parse_phase(const json& v, const std::string& ptr, const std::string& task, const Context& ctx) {
    need_object(v, ptr);
    const std::string action = phase_action(v, ptr);
    Phase ph;
    const std::string ap = ptr + "/" + action;
    if (action == "alloc" || action == "slab") {
        check_keys(v, ptr, {action == "alloc" ? "alloc" : "slab", "rate"});
        ph.kind = action == "alloc" ? Phase::Kind::Alloc : Phase::Kind::Slab;
        ph.pages = need_pages(v[action], ap);
        need_phase_rate(v, ptr, action, ph);
    } else if (action == "touch") {
        check_keys(v, ptr, {"touch", "rate", "for", "loop", "hot", "zipf_s"});
        ph.kind = Phase::Kind::Touch;
        ph.pattern = parse_pattern(v["touch"], ap);
        need_phase_rate(v, ptr, action, ph);
        access_options(v, ptr, ph);
    } else if (action == "read" || action == "write") {
        file_phase(v, ptr, action, ph);
    } else if (action == "mlock" || action == "free") {
        check_keys(v, ptr, {action == "mlock" ? "mlock" : "free"});
        ph.kind = action == "mlock" ? Phase::Kind::Mlock : Phase::Kind::Free;
        ph.pages = need_pages(v[action], ap);
    } else if (action == "sleep") {
        check_keys(v, ptr, {"sleep"});
        ph.kind = Phase::Kind::Sleep;
        ph.duration_ns = need_duration(v["sleep"], ap);
    } else if (action == "replay") {
        replay_phase(v, ptr, task, ctx, ph);
    } else {
        check_keys(v, ptr, {"exit"});
        if (!need_bool(v["exit"], ap)) fail(ap, "\"exit\" takes true");
        ph.kind = Phase::Kind::Exit;
    }
    return ph;
}

// One task; `names` holds the tasks listed before it (for "fork_of" and unique names).
TaskSpec parse_task(const json& tasks_i, const std::string& p, const Context& ctx, const EngineConfig& c,
                    std::set<std::string>& names) {
    const json& t = need_object(tasks_i, p);
    check_keys(t, p, {"name", "start", "exit", "node", "oom_score_adj", "fork_of", "phases"});
    TaskSpec ts;
    if (!t.contains("name")) fail(p, "a task needs a \"name\"");
    ts.name = need_string(t["name"], p + "/name");
    if (ts.name.empty() || ts.name.size() > 15) fail(p + "/name", "a task name has 1 to 15 characters (like a Linux comm)");
    if (!names.insert(ts.name).second) fail(p + "/name", "another task is already called '" + ts.name + "'");
    if (t.contains("start")) ts.start_ns = need_duration(t["start"], p + "/start");
    if (t.contains("exit")) {
        ts.exit_ns = need_duration(t["exit"], p + "/exit");
        if (ts.exit_ns < ts.start_ns) fail(p + "/exit", "the task exits before it starts");
    }
    if (t.contains("node"))
        ts.node = static_cast<int>(need_int(t["node"], p + "/node", 0, static_cast<std::int64_t>(c.machine.nodes.size()) - 1));
    if (t.contains("oom_score_adj")) ts.oom_score_adj = static_cast<int>(need_int(t["oom_score_adj"], p + "/oom_score_adj", -1000, 1000));
    if (t.contains("fork_of")) {
        ts.fork_of = need_string(t["fork_of"], p + "/fork_of");
        if (!names.count(ts.fork_of) || ts.fork_of == ts.name)
            fail(p + "/fork_of", "'" + ts.fork_of + "' is not a task listed before this one");
    }
    if (!t.contains("phases")) fail(p, "a task needs \"phases\"");
    const json& phases = need_array(t["phases"], p + "/phases");
    if (phases.empty()) fail(p + "/phases", "a task needs at least one phase");
    for (std::size_t j = 0; j < phases.size(); ++j)
        ts.phases.push_back(parse_phase(phases[j], p + "/phases/" + std::to_string(j), ts.name, ctx));
    return ts;
}

} // namespace

void parse_tasks(const json& tasks, const Context& ctx, EngineConfig& c) {
    need_array(tasks, "/tasks");
    std::set<std::string> names;
    for (std::size_t i = 0; i < tasks.size(); ++i) c.tasks.push_back(parse_task(tasks[i], "/tasks/" + std::to_string(i), ctx, c, names));
}

} // namespace rs::load
