#pragma once
// The name-value files of a real machine's /proc, parsed as the kernel prints them:
// /proc/vmstat ("name value", mm/vmstat.c: vmstat_show), /proc/meminfo ("Key:   value kB",
// fs/proc/meminfo.c), /proc/pressure/memory ("some avg10=0.00 avg60=0.00 avg300=0.00 total=N",
// kernel/sched/psi.c: psi_show) and /proc/PID/stat (fs/proc/array.c: do_task_stat).
#include "util/result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace rs {

using ProcValues = std::map<std::string, std::int64_t, std::less<>>;

// "name value" lines; `source` names the text in errors ("/proc/vmstat:12: ...").
Result<ProcValues> parse_vmstat_text(std::string_view text, std::string_view source);
// "Key: value [kB]" lines: the value as printed (kB for the sizes).
Result<ProcValues> parse_meminfo_text(std::string_view text, std::string_view source);
// Keys "some.avg10" (hundredths of a percent: "1.23" is 123), "some.avg60", "some.avg300",
// "some.total" (microseconds), and the same for "full" (absent before 5.x kernels' full line).
Result<ProcValues> parse_psi_text(std::string_view text, std::string_view source);

// The fields of /proc/PID/stat the views use. The comm is between the first '(' and the last
// ')' (a comm may hold spaces and parentheses).
struct PidStat {
    int pid = 0;
    std::string comm;
    char state = '?';              // R, S, D, I, Z, ...
    std::uint64_t utime = 0, stime = 0; // clock ticks (fields 14 and 15)
};
std::optional<PidStat> parse_pid_stat(std::string_view text);

} // namespace rs
