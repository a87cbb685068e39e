#include "host/proc_text.h"

#include "util/units.h"

#include <vector>

namespace rs {

namespace {

std::optional<std::int64_t> to_int(std::string_view s) {
    const auto v = parse_int(s);
    if (!v) return std::nullopt;
    return *v;
}

// Calls line(number, text) for each non-empty line; stops at the first error it returns.
template <typename F>
std::optional<std::string> for_lines(std::string_view text, F line) {
    int no = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::string_view l = trim_blanks(text.substr(0, nl));
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        ++no;
        if (l.empty()) continue;
        if (auto bad = line(no, l)) return bad;
    }
    return std::nullopt;
}

std::string where(std::string_view source, int line) { return std::string(source) + ":" + std::to_string(line) + ": "; }

// "1.23" as 123 (PSI prints its averages with two decimals: LOAD_INT/LOAD_FRAC).
std::optional<std::int64_t> hundredths(std::string_view s) {
    const std::size_t dot = s.find('.');
    if (dot == std::string_view::npos || s.size() - dot != 3) return std::nullopt;
    const auto whole = to_int(s.substr(0, dot));
    const auto frac = to_int(s.substr(dot + 1));
    if (!whole || !frac || *whole < 0 || *frac < 0) return std::nullopt;
    return *whole * 100 + *frac;
}

} // namespace

Result<ProcValues> parse_vmstat_text(std::string_view text, std::string_view source) {
    ProcValues out;
    auto bad = for_lines(text, [&](int no, std::string_view l) -> std::optional<std::string> {
        const std::size_t sp = l.find(' ');
        const auto v = sp == std::string_view::npos ? std::nullopt : to_int(trim_blanks(l.substr(sp + 1)));
        if (!v) return where(source, no) + "expected \"name value\", got \"" + std::string(l) + "\"";
        out.emplace(std::string(l.substr(0, sp)), *v);
        return std::nullopt;
    });
    if (bad) return Result<ProcValues>::failure(*bad);
    return out;
}

Result<ProcValues> parse_meminfo_text(std::string_view text, std::string_view source) {
    ProcValues out;
    auto bad = for_lines(text, [&](int no, std::string_view l) -> std::optional<std::string> {
        const std::size_t colon = l.find(':');
        std::string_view value = colon == std::string_view::npos ? std::string_view{} : trim_blanks(l.substr(colon + 1));
        if (value.size() > 3 && value.substr(value.size() - 3) == " kB") value = trim_blanks(value.substr(0, value.size() - 3));
        const auto v = to_int(value);
        if (!v) return where(source, no) + "expected \"Key: value kB\", got \"" + std::string(l) + "\"";
        out.emplace(std::string(l.substr(0, colon)), *v);
        return std::nullopt;
    });
    if (bad) return Result<ProcValues>::failure(*bad);
    return out;
}

Result<ProcValues> parse_psi_text(std::string_view text, std::string_view source) {
    ProcValues out;
    auto bad = for_lines(text, [&](int no, std::string_view l) -> std::optional<std::string> {
        const std::size_t sp = l.find(' ');
        const std::string_view kind = l.substr(0, sp);
        if ((kind != "some" && kind != "full") || sp == std::string_view::npos)
            return where(source, no) + "expected a \"some\" or \"full\" line, got \"" + std::string(l) + "\"";
        std::string_view rest = l.substr(sp + 1);
        int fields = 0;
        while (!rest.empty()) {
            const std::size_t end = rest.find(' ');
            const std::string_view item = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view{} : trim_blanks(rest.substr(end + 1));
            const std::size_t eq = item.find('=');
            const std::string_view key = item.substr(0, eq);
            const std::string_view val = eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1);
            const auto v = key == "total" ? to_int(val) : hundredths(val);
            if (!v || (key != "avg10" && key != "avg60" && key != "avg300" && key != "total"))
                return where(source, no) + "unexpected \"" + std::string(item) + "\"";
            out[std::string(kind) + "." + std::string(key)] = *v;
            ++fields;
        }
        if (fields != 4) return where(source, no) + "expected avg10, avg60, avg300 and total";
        return std::nullopt;
    });
    if (bad) return Result<ProcValues>::failure(*bad);
    return out;
}

std::optional<PidStat> parse_pid_stat(std::string_view text) {
    const std::size_t open = text.find('(');
    const std::size_t close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
    PidStat st;
    const auto pid = to_int(trim_blanks(text.substr(0, open)));
    if (!pid) return std::nullopt;
    st.pid = static_cast<int>(*pid);
    st.comm = std::string(text.substr(open + 1, close - open - 1));
    // After the comm: field 3 (state) onwards, separated by single spaces.
    std::vector<std::string_view> f;
    std::string_view rest = trim_blanks(text.substr(close + 1));
    while (!rest.empty() && f.size() < 13) {
        const std::size_t sp = rest.find(' ');
        f.push_back(rest.substr(0, sp));
        rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
    }
    if (f.size() < 13 || f[0].size() != 1) return std::nullopt;
    st.state = f[0][0];
    const auto utime = to_int(f[11]), stime = to_int(trim_blanks(f[12]));
    if (!utime || !stime) return std::nullopt;
    st.utime = static_cast<std::uint64_t>(*utime);
    st.stime = static_cast<std::uint64_t>(*stime);
    return st;
}

} // namespace rs
