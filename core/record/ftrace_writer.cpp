#include "record/ftrace_writer.h"

#include "util/file_io.h"

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstring>

namespace rs {

std::string ftrace_header(std::uint64_t entries, int nr_cpus) {
    // print_trace_header() / print_event_info() and print_func_help_header_irq()
    // (kernel/trace/trace.c) for a tracer without latency format, irq-info on.
    char line[128];
    std::snprintf(line, sizeof line, "# entries-in-buffer/entries-written: %" PRIu64 "/%" PRIu64 "   #P:%d\n", entries,
                  entries, nr_cpus);
    return std::string("# tracer: nop\n#\n") + line +
           "#\n"
           "#                                _-----=> irqs-off/BH-disabled\n"
           "#                               / _----=> need-resched\n"
           "#                              | / _---=> hardirq/softirq\n"
           "#                              || / _--=> preempt-depth\n"
           "#                              ||| / _-=> migrate-disable\n"
           "#                              |||| /     delay\n"
           "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
           "#              | |         |   |||||     |         |\n";
}

std::string ftrace_line(const TraceRecord& r, int kernel_version) {
    // trace_print_context(): "%16s-%-7d ", "[%03d] ", the lat flags, " %5lu.%06lu", ": ";
    // then print_event's "NAME: " and the TP_printk text.
    const TraceEventDef& def = trace_event_def(r.id);
    const std::string comm(r.comm.substr(0, 15)); // TASK_COMM_LEN - 1
    const std::uint64_t t = static_cast<std::uint64_t>(std::max<std::int64_t>(0, r.t_ns));
    char head[128];
    std::snprintf(head, sizeof head, "%16s-%-7d [%03d] %.*s %5" PRIu64 ".%06" PRIu64 ": ", comm.c_str(), r.pid, r.cpu,
                  static_cast<int>(def.flags.size()), def.flags.data(), t / 1000000000u, (t % 1000000000u) / 1000u);
    std::string out = head;
    out += trace_event_name(def, kernel_version);
    out += ": ";
    format_trace_fields(r, kernel_version, out);
    return out;
}

FtraceWriter::FtraceWriter(int kernel_version, int nr_cpus)
    : m_version(kernel_version), m_cpus(std::max(1, nr_cpus)), m_cpu_last(static_cast<std::size_t>(m_cpus), 0),
      m_counts(static_cast<std::size_t>(TraceEventId::NR_TRACE_EVENTS), 0) {
    m_spool = std::tmpfile();
    if (!m_spool) m_error = std::string("cannot create a temporary file for the trace: ") + std::strerror(errno);
}

FtraceWriter::~FtraceWriter() {
    if (m_spool) std::fclose(m_spool);
}

void FtraceWriter::release_before(std::int64_t t, bool all) {
    while (!m_pending.empty() && (all || m_pending.top().t <= t)) {
        const Pending& p = m_pending.top();
        if (m_spool && !m_error) {
            if (std::fwrite(p.line.data(), 1, p.line.size(), m_spool) != p.line.size())
                m_error = std::string("cannot write the trace's temporary file: ") + std::strerror(errno);
        }
        m_pending.pop();
    }
}

void FtraceWriter::record(const TraceRecord& rec) {
    TraceRecord r = rec;
    const std::size_t cpu = static_cast<std::size_t>(std::clamp(r.cpu, 0, m_cpus - 1));
    r.cpu = static_cast<int>(cpu);
    // A CPU's records go forward in time: a step that charged its cost before a record (an
    // earlier allocation of the same batch) moves the later ones after it.
    r.t_ns = std::max(r.t_ns, m_cpu_last[cpu]);
    m_cpu_last[cpu] = r.t_ns;
    Pending p;
    p.t = r.t_ns;
    p.seq = m_seq++;
    p.line = ftrace_line(r, m_version);
    p.line += '\n';
    m_pending.push(std::move(p));
    ++m_entries;
    ++m_counts[static_cast<std::size_t>(r.id)];
    // Every later record is at or after this step's start.
    release_before(r.now_ns - 1, false);
}

std::optional<std::string> FtraceWriter::finish(const std::string& path) {
    release_before(0, true);
    if (m_error) return "cannot write " + path + ": " + *m_error;
    auto out = OutputFile::open(path);
    if (!out) return out.error();
    OutputFile& f = *out.value();
    if (auto bad = f.write(ftrace_header(m_entries, m_cpus))) return bad;
    if (std::fflush(m_spool) != 0 || std::fseek(m_spool, 0, SEEK_SET) != 0)
        return "cannot write " + path + ": the trace's temporary file: " + std::strerror(errno);
    char buf[1 << 16];
    for (;;) {
        const std::size_t n = std::fread(buf, 1, sizeof buf, m_spool);
        if (n == 0) break;
        if (auto bad = f.write(std::string_view(buf, n))) return bad;
    }
    if (std::ferror(m_spool)) return "cannot write " + path + ": reading the trace's temporary file failed";
    return f.commit();
}

} // namespace rs
