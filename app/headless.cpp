#include "headless.h"

#include "host_record.h"
#include "run_progress.h"

#include "host/host_scenario.h"
#include "mm/oom_kill.h"
#include "procfs/meminfo.h"
#include "procfs/pid_status.h"
#include "procfs/swaps.h"
#include "procfs/vmstat.h"
#include "procfs/zoneinfo.h"
#include "record/csv.h"
#include "record/csv_read.h"
#include "record/ftrace_reader.h"
#include "record/ftrace_writer.h"
#include "record/reclaim_latency.h"
#include "scenario/builtin.h"
#include "util/file_io.h"


#include <map>
#include <memory>
#include <sstream>

#include <exception>

namespace {
// --trace-in: a real trace's reclaim stalls, no simulation.
int printTraceIn(const CliOptions& o, std::FILE* out, std::FILE* err) {
    rs::ReclaimLatency latency;
    const std::string path = o.trace_in.toStdString();
    const auto read = rs::import_reclaim_trace(path, latency);
    if (!read) {
        std::fprintf(err, "reclaimscope: --trace-in: %s\n", read.error().c_str());
        return 2;
    }
    const std::string summary = rs::format_ftrace_import(path, read.value());
    std::fwrite(summary.data(), 1, summary.size(), err);
    if (o.print_reclaim_latency) {
        const std::string text = rs::format_reclaim_latency(latency.rows());
        std::fwrite(text.data(), 1, text.size(), out);
    }
    return std::ferror(out) ? 1 : 0;
}

// --compare: A and B run side by side in slices (one progress line), then each asked text of
// both under a header naming the run, and the /proc/vmstat counters that differ.
int runCompare(const CliOptions& o, std::FILE* out, std::FILE* err) {
    std::unique_ptr<rs::Engine> runs[2];
    const rs::EngineConfig* configs[2] = {&o.config, &*o.compare};
    for (int i = 0; i < 2; ++i) {
        auto e = rs::Engine::create(*configs[i]);
        if (!e) {
            std::fprintf(err, "reclaimscope: %s%s\n", i ? "--compare: " : "", e.error().c_str());
            return 2;
        }
        runs[i] = std::move(e).value();
    }
    const bool ran = runWithProgress(o.duration_ns, 100, err, [&](std::int64_t, std::int64_t to) {
        try {
            for (auto& e : runs) e->run_until(to);
        } catch (const std::exception& ex) {
            std::fprintf(err, "reclaimscope: %s\n", ex.what());
            return false;
        }
        return true;
    });
    if (!ran) return 1;
    const std::string names[2] = {"A: " + o.config.title, "B: " + o.compare_label.toStdString()};
    auto both = [&](bool asked, std::string (*text)(const rs::Kernel&)) {
        if (!asked) return;
        for (int i = 0; i < 2; ++i) {
            std::fprintf(out, "==> %s <==\n", names[i].c_str());
            const std::string t = text(runs[i]->kernel());
            std::fwrite(t.data(), 1, t.size(), out);
        }
    };
    both(o.print_zoneinfo, [](const rs::Kernel& k) { return rs::format_zoneinfo(k.machine); });
    both(o.print_meminfo, rs::format_meminfo);
    both(o.print_swaps, rs::format_swaps);
    both(o.print_events, [](const rs::Kernel& k) {
        std::string s;
        char line[512];
        for (const auto& ev : k.events.items) {
            std::snprintf(line, sizeof line, "%12.6f  %-14s %s\n", static_cast<double>(ev.t_ns) / 1e9,
                          rs::event_type_name(ev.type), ev.text.c_str());
            s += line;
        }
        return s;
    });
    both(o.print_vmstat, rs::format_vmstat);
    // The counters that differ, in /proc/vmstat's order.
    const auto a = rs::vmstat_items(runs[0]->kernel()), b = rs::vmstat_items(runs[1]->kernel());
    std::fprintf(out, "==> %s <==\n%-32s %14s %14s %14s\n", Cli::tr("/proc/vmstat: the counters that differ").toUtf8().constData(),
                 "counter", "A", "B", "B - A");
    std::map<std::string, std::int64_t> inB(b.begin(), b.end()); // another release may list other items
    for (const auto& [name, va] : a) {
        const auto it = inB.find(name);
        if (it == inB.end() || it->second == va) continue;
        std::fprintf(out, "%-32s %14lld %14lld %+14lld\n", name.c_str(), static_cast<long long>(va),
                     static_cast<long long>(it->second), static_cast<long long>(it->second - va));
    }
    return std::ferror(out) ? 1 : 0;
}

// --headless --recording: what the file holds, as the window would show it.
int describeRecording(const CliOptions& o, std::FILE* out, std::FILE* err) {
    const auto rec = rs::read_recording_csv(o.recording.toStdString());
    if (!rec) {
        std::fprintf(err, "reclaimscope: --recording: %s\n", rec.error().c_str());
        return 2;
    }
    for (const auto& s : rec->source) std::fprintf(out, "# %s\n", s.c_str());
    const auto& samples = rec->rec.samples;
    std::fprintf(out, "rows: %zu\nfrom: %.3f s\nto: %.3f s\nzones:", samples.size(),
                 static_cast<double>(samples.front().t_ns) / 1e9, static_cast<double>(samples.back().t_ns) / 1e9);
    for (const auto& z : rec->rec.zones) std::fprintf(out, " node%d/%s", z.node, z.name.c_str());
    std::fprintf(out, "\n");
    for (const auto& n : rec->notes) std::fprintf(err, "reclaimscope: --recording: %s\n", n.c_str());
    return std::ferror(out) ? 1 : 0;
}
} // namespace

int writeHostScenario(const CliOptions& o, std::FILE* err) {
    const std::string path = o.host_scenario_path.toStdString();
    const auto text = rs::host_scenario_json();
    if (!text) {
        std::fprintf(err, "reclaimscope: --host-scenario: %s\n", text.error().c_str());
        return 2;
    }
    if (auto bad = rs::write_output_file(path, *text)) {
        std::fprintf(err, "reclaimscope: --host-scenario: %s\n", bad->c_str());
        return 2;
    }
    std::fprintf(err, "%s\n",
                 qPrintable(Cli::tr("Wrote %1: this machine's zones, sysctls and swap, no tasks. Add the workload "
                                    "(\"tasks\"), then: reclaimscope --scenario %1")
                                .arg(o.host_scenario_path)));
    return 0;
}

int runHeadless(const CliOptions& o, std::FILE* out, std::FILE* err) {
    if (o.list_scenarios) {
        for (const auto& s : rs::builtin_scenarios())
            std::fprintf(out, "%-24s %s\n", s.name.c_str(), s.title.in(o.lang).c_str());
        return 0;
    }
    if (!o.trace_in.isEmpty()) return printTraceIn(o, out, err);
    if (o.host) return runHostHeadless(o, out, err);
    if (!o.recording.isEmpty()) return describeRecording(o, out, err);
    if (o.compare) return runCompare(o, out, err);
    auto engine = rs::Engine::create(o.config);
    if (!engine) {
        std::fprintf(err, "reclaimscope: %s\n", engine.error().c_str());
        return 2;
    }
    auto& e = *engine.value();
    if (o.verbose)
        for (const auto& line : e.boot_log()) std::fprintf(err, "[boot] %s\n", line.c_str());
    // The tracepoints stream to a spool file while the run goes; written out at the end.
    std::unique_ptr<rs::FtraceWriter> ftrace;
    if (!o.ftrace_path.isEmpty()) {
        ftrace = std::make_unique<rs::FtraceWriter>(e.kernel().machine.kernel_version, o.config.machine.cpus);
    }
    // Direct reclaim latency from the same tracepoints (both at once through a tee).
    std::unique_ptr<rs::ReclaimLatencySink> latency;
    if (o.print_reclaim_latency) latency = std::make_unique<rs::ReclaimLatencySink>();
    rs::TeeSink tee(ftrace.get(), latency.get()); // either may be absent
    if (ftrace || latency) e.set_trace_sink(&tee);
    // In slices, so a long run can show progress on a terminal.
    const bool ran = runWithProgress(o.duration_ns, 100, err, [&](std::int64_t, std::int64_t to) {
        try {
            e.run_until(to);
        } catch (const std::exception& ex) {
            std::fprintf(err, "reclaimscope: %s\n", ex.what());
            return false;
        }
#ifdef RECLAIMSCOPE_CHECK_INVARIANTS
        if (auto bad = e.check_invariants()) {
            std::fprintf(err, "reclaimscope: invariant violated at %.3f s: %s\n",
                         static_cast<double>(e.now()) / 1e9, bad->c_str());
            return false;
        }
#endif
        return true;
    });
    if (!ran) return 1;
    e.set_trace_sink(nullptr);
    if (ftrace) {
        if (auto bad = ftrace->finish(o.ftrace_path.toStdString())) {
            std::fprintf(err, "reclaimscope: --ftrace: %s\n", bad->c_str());
            return 1;
        }
    }
    if (!o.csv_path.isEmpty()) {
        // Written whole or not at all (rs::write_output_file()).
        std::ostringstream csv;
        rs::write_csv(csv, e.recorder());
        if (auto bad = rs::write_output_file(o.csv_path.toStdString(), csv.str())) {
            std::fprintf(err, "reclaimscope: --csv: %s\n", bad->c_str());
            return 1;
        }
    }
    if (o.print_zoneinfo) {
        const std::string text = rs::format_zoneinfo(e.kernel().machine);
        std::fwrite(text.data(), 1, text.size(), out);
    }
    if (o.print_meminfo) {
        const std::string text = rs::format_meminfo(e.kernel());
        std::fwrite(text.data(), 1, text.size(), out);
    }
    if (o.print_swaps) {
        const std::string text = rs::format_swaps(e.kernel());
        std::fwrite(text.data(), 1, text.size(), out);
    }
    if (o.print_events) {
        // The event log: simulated time in seconds, the kind of event, what happened.
        for (const auto& ev : e.kernel().events.items)
            std::fprintf(out, "%12.6f  %-14s %s\n", static_cast<double>(ev.t_ns) / 1e9, rs::event_type_name(ev.type),
                         ev.text.c_str());
    }
    if (latency) {
        const std::string text = rs::format_reclaim_latency(latency->rows());
        std::fwrite(text.data(), 1, text.size(), out);
    }
    if (o.print_dmesg) {
        const std::string text = rs::format_dmesg(e.kernel());
        std::fwrite(text.data(), 1, text.size(), out);
    }
    for (const auto& arg : o.print_procs) {
        const rs::Kernel& k = e.kernel();
        const rs::Process* p = rs::find_proc_by_pid_or_comm(k, arg.trimmed().toStdString());
        if (!p) {
            std::fprintf(err, "reclaimscope: --print-proc %s: %s\n", arg.toLocal8Bit().constData(),
                         qPrintable(Cli::tr("no such process (pids and names: --print-dmesg after an OOM kill, or "
                                            "the scenario's task names)")));
            return 1;
        }
        const std::string text = rs::format_pid_status(k, *p);
        std::fwrite(text.data(), 1, text.size(), out);
        // /proc/PID/stat's fault counts and vsize, and the task's delay accounting (taskstats, as
        // getdelays -d reports it); balance_dirty_pages() pauses are not delay-accounted by the
        // kernel and are shown apart. One task per process, at the same index.
        const auto idx = static_cast<std::size_t>(p - k.procs.data());
        const auto stats = e.task_stats();
        const std::int64_t dirty_ns = idx < stats.size() ? stats[idx].dirty_throttle_ns : 0;
        auto ms = [](std::int64_t ns) { return static_cast<double>(ns) / 1e6; };
        std::fprintf(out, "stat:\tminflt %llu majflt %llu vsize %llu rss %llu\n",
                     static_cast<unsigned long long>(p->min_flt), static_cast<unsigned long long>(p->maj_flt),
                     static_cast<unsigned long long>(p->total_vm) * 4096,
                     static_cast<unsigned long long>(p->alive ? rs::mm_rss(k, *p) : 0));
        const auto& d = p->delays;
        std::fprintf(out, "delayacct:\tRECLAIM %llu %.3fms\tSWAP %llu %.3fms\tTHRASHING %llu %.3fms\n",
                     static_cast<unsigned long long>(d.freepages_count), ms(d.freepages_delay_ns),
                     static_cast<unsigned long long>(d.swapin_count), ms(d.swapin_delay_ns),
                     static_cast<unsigned long long>(d.thrashing_count), ms(d.thrashing_delay_ns));
        std::fprintf(out, "dirty_throttle:\t%.3fms\n", ms(dirty_ns));
    }
    if (o.print_vmstat) {
        const std::string text = rs::format_vmstat(e.kernel());
        std::fwrite(text.data(), 1, text.size(), out);
    }
    return std::ferror(out) ? 1 : 0;
}
