#pragma once
// A simulated run as the text of /sys/kernel/tracing/trace (docs/ftrace.md): the nop tracer's
// header, then one line per tracepoint record in time order,
//   "           TASK-PID     [CPU] FLAGS TIMESTAMP: EVENT: FIELDS"
// with FIELDS as the event's TP_printk prints them for the run's kernel release.
// Records arrive per step, each no earlier than its step's start; a small reorder buffer puts
// the CPUs' records in time order, and lines go to a spool file as they become final, so a long
// run is streamed (not held in memory). finish() writes the header and the spool to the output.
#include "mm/tracepoint.h"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <queue>
#include <string>
#include <vector>

namespace rs {

// The header of `cat trace` with the nop tracer, as Linux 6.18 prints it (the same since the
// BH-disabled label of 5.18): entries / written, CPUs.
std::string ftrace_header(std::uint64_t entries, int nr_cpus);

// One record's line without the newline (the writer's format; tests call it directly).
std::string ftrace_line(const TraceRecord& r, int kernel_version);

class FtraceWriter final : public TraceSink {
public:
    FtraceWriter(int kernel_version, int nr_cpus);
    ~FtraceWriter() override;
    FtraceWriter(const FtraceWriter&) = delete;
    FtraceWriter& operator=(const FtraceWriter&) = delete;

    void record(const TraceRecord& r) override;
    // Writes the trace to `path` (util/file_io.h's rules: a temporary file renamed over it).
    // Returns nullopt or the error, naming the file.
    std::optional<std::string> finish(const std::string& path);
    std::uint64_t entries() const { return m_entries; }
    // Records per event, by TraceEventId.
    const std::vector<std::uint64_t>& counts() const { return m_counts; }

private:
    struct Pending {
        std::int64_t t = 0;
        std::uint64_t seq = 0;
        std::string line;
        bool operator>(const Pending& o) const { return t != o.t ? t > o.t : seq > o.seq; }
    };
    void release_before(std::int64_t t, bool all);

    int m_version;
    int m_cpus;
    std::vector<std::int64_t> m_cpu_last; // the latest time on each CPU: its records never go back
    std::priority_queue<Pending, std::vector<Pending>, std::greater<Pending>> m_pending;
    std::uint64_t m_seq = 0, m_entries = 0;
    std::vector<std::uint64_t> m_counts;
    std::FILE* m_spool = nullptr;
    std::optional<std::string> m_error;
};

} // namespace rs
