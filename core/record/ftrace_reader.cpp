#include "record/ftrace_reader.h"

#include "util/file_io.h"

#include <charconv>
#include <cstdio>
#include <fstream>

namespace rs {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

template <typename T> bool to_int(std::string_view s, T& out) {
    if (s.empty()) return false;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// "54281.480064" (trace, microseconds) or "54281.480064123" (perf, nanoseconds) -> ns.
bool parse_timestamp(std::string_view s, std::int64_t& ns) {
    const auto dot = s.find('.');
    std::int64_t sec = 0, frac = 0;
    if (dot == std::string_view::npos || !to_int(s.substr(0, dot), sec)) return false;
    std::string_view f = s.substr(dot + 1);
    if (f.empty() || f.size() > 9 || !to_int(f, frac)) return false;
    for (std::size_t i = f.size(); i < 9; ++i) frac *= 10;
    ns = sec * 1'000'000'000 + frac;
    return true;
}

} // namespace

std::optional<FtraceLine> parse_ftrace_line(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.front() == '#') return std::nullopt;
    // The CPU column: the first "[digits]".
    std::size_t open = line.find('[');
    while (open != std::string_view::npos) {
        const std::size_t close = line.find(']', open);
        if (close == std::string_view::npos) return std::nullopt;
        if (all_digits(line.substr(open + 1, close - open - 1))) break;
        open = line.find('[', close);
    }
    if (open == std::string_view::npos) return std::nullopt;
    const std::size_t close = line.find(']', open);
    FtraceLine out;
    if (!to_int(line.substr(open + 1, close - open - 1), out.cpu)) return std::nullopt;
    // Left of it: "TASK-PID", "TASK-PID (TGID)" or perf's "TASK PID" / "TASK PID/TID".
    std::string_view who = trim(line.substr(0, open));
    if (!who.empty() && who.back() == ')') {
        const auto p = who.rfind('(');
        if (p == std::string_view::npos) return std::nullopt;
        who = trim(who.substr(0, p));
    }
    const auto dash = who.rfind('-'), space = who.find_last_of(" \t");
    if (dash != std::string_view::npos && (space == std::string_view::npos || dash > space) &&
        all_digits(who.substr(dash + 1))) {
        out.task = who.substr(0, dash);
        to_int(who.substr(dash + 1), out.pid);
    } else if (space != std::string_view::npos) {
        std::string_view pid = who.substr(space + 1);
        if (const auto slash = pid.find('/'); slash != std::string_view::npos) pid = pid.substr(slash + 1); // PID/TID
        if (!to_int(pid, out.pid)) return std::nullopt;
        out.task = trim(who.substr(0, space));
    } else {
        return std::nullopt;
    }
    // Right of it: [FLAGS] TIMESTAMP: EVENT: FIELDS.
    std::string_view rest = trim(line.substr(close + 1));
    const auto colon = rest.find(": ");
    if (colon == std::string_view::npos) return std::nullopt;
    std::string_view stamp = rest.substr(0, colon);
    if (const auto sp = stamp.find_last_of(" \t"); sp != std::string_view::npos) stamp = stamp.substr(sp + 1); // flags
    if (!parse_timestamp(stamp, out.t_ns)) return std::nullopt;
    rest = rest.substr(colon + 2);
    const auto end = rest.find(':');
    if (end == std::string_view::npos) return std::nullopt;
    out.event = trim(rest.substr(0, end));
    rest = rest.substr(end + 1);
    // perf script: "vmscan:mm_vmscan_x: fields".
    if (!rest.empty() && rest.front() != ' ' && rest.find(':') != std::string_view::npos) {
        const auto e2 = rest.find(':');
        out.event = rest.substr(0, e2);
        rest = rest.substr(e2 + 1);
    }
    out.fields = trim(rest);
    if (out.event.empty() || out.event.find(' ') != std::string_view::npos) return std::nullopt;
    return out;
}

std::optional<std::string_view> ftrace_field(std::string_view fields, std::string_view key) {
    for (std::size_t at = 0; at < fields.size();) {
        const auto sp = fields.find(' ', at);
        const std::string_view tok = fields.substr(at, sp == std::string_view::npos ? std::string_view::npos : sp - at);
        if (tok.size() > key.size() && tok.substr(0, key.size()) == key && tok[key.size()] == '=')
            return tok.substr(key.size() + 1);
        if (sp == std::string_view::npos) break;
        at = sp + 1;
    }
    return std::nullopt;
}

namespace {

struct ReclaimEvent {
    std::string_view name;
    ReclaimKind kind;
    bool begin;
};
// The begin / end pairs of include/trace/events/vmscan.h whose stalls drsnoop-style tables count.
constexpr ReclaimEvent kReclaimEvents[] = {
    {"mm_vmscan_direct_reclaim_begin", ReclaimKind::Direct, true},
    {"mm_vmscan_direct_reclaim_end", ReclaimKind::Direct, false},
    {"mm_vmscan_memcg_reclaim_begin", ReclaimKind::Memcg, true},
    {"mm_vmscan_memcg_reclaim_end", ReclaimKind::Memcg, false},
    {"mm_vmscan_memcg_softlimit_reclaim_begin", ReclaimKind::Memcg, true},
    {"mm_vmscan_memcg_softlimit_reclaim_end", ReclaimKind::Memcg, false},
};

const ReclaimEvent* reclaim_event(std::string_view name) {
    for (const auto& e : kReclaimEvents)
        if (e.name == name) return &e;
    return nullptr;
}

class Importer {
public:
    Importer(std::string path, ReclaimLatency& into) : m_path(std::move(path)), m_into(into) {}
    void line(std::string_view text) {
        ++r.lines;
        const auto parsed = parse_ftrace_line(text);
        if (!parsed) {
            // A vmscan event name on a line that does not parse: a damaged line, not noise.
            if (text.find("mm_vmscan_") != std::string_view::npos && trim(text).substr(0, 1) != "#")
                problem("not a trace line (expected TASK-PID [CPU] TIMESTAMP: EVENT: FIELDS)");
            else
                ++r.other;
            return;
        }
        ++r.events;
        const ReclaimEvent* e = reclaim_event(parsed->event);
        if (!e) {
            ++r.other;
            return;
        }
        if (e->begin) {
            m_into.begin(e->kind, parsed->pid, parsed->task, parsed->t_ns);
        } else {
            const auto v = ftrace_field(parsed->fields, "nr_reclaimed");
            std::uint64_t n = 0;
            if (!v || !to_int(*v, n)) {
                problem(std::string(parsed->event) + ": expected nr_reclaimed=N, got '" + std::string(parsed->fields) + "'");
                return;
            }
            m_into.end(e->kind, parsed->pid, parsed->t_ns, n);
        }
        ++r.used;
    }
    FtraceImport r;

private:
    void problem(const std::string& what) {
        ++r.malformed;
        if (r.problems.size() < FtraceImport::kMaxProblems)
            r.problems.push_back(m_path + ":" + std::to_string(r.lines) + ": " + what);
    }
    std::string m_path;
    ReclaimLatency& m_into;
};

} // namespace

Result<FtraceImport> import_reclaim_trace(const std::string& path, ReclaimLatency& into, LoadControl* control) {
    using R = Result<FtraceImport>;
    if (auto bad = check_input_file(path)) return R::failure(*bad);
    std::ifstream in(path, std::ios::binary);
    if (!in) return R::failure("cannot read '" + path + "'");
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(in.tellg());
    in.seekg(0);
    if (control) control->start_file("trace " + path, size);
    Importer imp(path, into);
    // Blocks of 1 MiB; a line longer than 64 KiB is cut (no reclaim event line is that long).
    constexpr std::size_t kBlock = 1 << 20, kMaxLine = 1 << 16;
    std::string block(kBlock, '\0'), carry;
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(kBlock));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        const std::string_view data(block.data(), got);
        if (data.find('\0') != std::string_view::npos)
            return R::failure(path + ": a binary file, not a text trace (a trace.dat or perf.data: convert it with "
                                     "`trace-cmd report` or `perf script` first)");
        std::size_t at = 0;
        for (std::size_t nl; (nl = data.find('\n', at)) != std::string_view::npos; at = nl + 1) {
            if (carry.empty()) imp.line(data.substr(at, nl - at));
            else {
                carry.append(data.substr(at, nl - at));
                imp.line(carry);
                carry.clear();
            }
        }
        if (carry.size() < kMaxLine) carry.append(data.substr(at, std::min(data.size() - at, kMaxLine - carry.size())));
        if (control) {
            control->add_bytes(got);
            if (control->cancelled()) return R::failure(path + ": reading cancelled");
        }
    }
    if (in.bad()) return R::failure("cannot read '" + path + "': read error");
    if (!carry.empty()) imp.line(carry); // a last line without its newline
    return imp.r;
}

std::string format_ftrace_import(const std::string& path, const FtraceImport& r) {
    char head[256];
    std::snprintf(head, sizeof head,
                  "%s: %llu lines, %llu events, %llu reclaim begin/end lines read, %llu other lines skipped, "
                  "%llu malformed\n",
                  path.c_str(), static_cast<unsigned long long>(r.lines), static_cast<unsigned long long>(r.events),
                  static_cast<unsigned long long>(r.used), static_cast<unsigned long long>(r.other),
                  static_cast<unsigned long long>(r.malformed));
    std::string out = head;
    for (const auto& p : r.problems) out += p + "\n";
    if (r.malformed > r.problems.size())
        out += "... and " + std::to_string(r.malformed - r.problems.size()) + " more malformed lines\n";
    return out;
}

} // namespace rs
