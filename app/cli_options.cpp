#include "cli_options.h"

#include "config/kernel_version.h"
#include "config/ram_size.h"
#include "config/swap_names.h"
#include "procfs/zoneinfo.h"
#include "scenario/builtin.h"
#include "scenario/timeline_action.h"
#include "sim/run_budget.h"
#include "util/file_io.h"
#include "util/units.h"


namespace {
QCommandLineOption opt(const QStringList& names, const QString& help, const QString& value = {}) {
    return value.isEmpty() ? QCommandLineOption(names, help) : QCommandLineOption(names, help, value);
}
QString outsideLimit(const char* option, const QString& value) {
    return Cli::tr("--%1: '%2' is outside 0 .. 1000000 s (the scenario format's limit)").arg(option, value);
}
} // namespace

void addCliOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(Cli::tr(
        "ReclaimScope simulates the Linux kernel's memory reclaim and shows it live.\n"
        "Without --headless it opens the window on the built-in default scenario."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(opt({"headless"}, Cli::tr("Run without a window and print the requested results.")));
    parser.addOption(opt({"scenario"},
                         Cli::tr("Scenario to run: a built-in name (see --list-scenarios) or a scenario file "
                         "(JSON, see docs/scenario-format.md). Headless, it runs for the scenario's "
                         "duration unless --duration says otherwise."),
                         "name|file"));
    parser.addOption(opt({"export"},
                         Cli::tr("Run headless (no display needed) and write the charts of one view to this "
                         "file: PNG, PDF or SVG by its extension. See --view."),
                         "file"));
    parser.addOption(opt({"view"},
                         Cli::tr("The view --export draws, or the window shows first: watermarks (default), swap, lru, "
                         "callgraph (the Big Picture), processes (the largest process's memory and stalls) or counters (window only)."),
                         "name"));
    parser.addOption(opt({"speed"}, Cli::tr("Window: simulated seconds per wall second (1, 2, 5, 10, 50) or max."), "x"));
    parser.addOption(opt({"pause-at"}, Cli::tr("Window: run until this simulated time, then pause (e.g. 25s)."), "time"));
    parser.addOption(opt({"csv"},
                         Cli::tr("Write the run's time series to this CSV file (zones' free pages and "
                         "watermarks, LRU sizes, kswapd state, swap, rates of the key counters)."),
                         "file"));
    parser.addOption(opt({"ftrace"},
                         Cli::tr("Write the run's reclaim tracepoints (vmscan, oom:mark_victim) to this file as the text of "
                         "/sys/kernel/tracing/trace, in the formats of the run's kernel release (with --headless)."),
                         "file"));
    parser.addOption(opt({"trace-in"},
                         Cli::tr("Read a reclaim trace instead of running (with --headless): the text of "
                         "/sys/kernel/tracing/trace or trace_pipe, trace-cmd report or perf script. Prints what "
                         "it read; with --print-reclaim-latency the stalls per process (direct and memcg)."),
                         "file"));
    parser.addOption(opt({"host"},
                         Cli::tr("Watch this machine instead of a simulation: its /proc files, read only. The window "
                         "shows it live in every view; with --headless it records for --duration (with --csv and no --duration: until Ctrl+C or "
                         "SIGTERM) every --interval, and --print-zoneinfo, --print-vmstat, --print-meminfo, "
                         "--print-swaps and --print-proc PID print its last reading.")));
    parser.addOption(opt({"recording"},
                         Cli::tr("Show a CSV written by --csv (a simulated run or a --host recording) in the window "
                         "instead of a run; with --headless, say what it holds (its source lines, rows, time span, "
                         "zones, and the columns it lacks or that are not shown)."),
                         "file"));
    parser.addOption(opt({"interval"}, Cli::tr("How often --host reads this machine (default 100ms; 10ms to 60s)."),
                         "time"));
    parser.addOption(opt({"host-scenario"},
                         Cli::tr("Write this machine as a scenario file and exit: its nodes and zones, vm.* sysctls and "
                         "swap areas from /proc and /sys (only read), no tasks. Add a workload to it, then run it "
                         "with --scenario."),
                         "file"));
    parser.addOption(opt({"list-scenarios"}, Cli::tr("List the built-in scenarios and exit.")));
    parser.addOption(opt({"ram"}, Cli::tr("Simulate an x86-64 machine with this much RAM (e.g. 4G, 512M)."), "size"));
    parser.addOption(opt({"machine-from-zoneinfo"},
                         Cli::tr("Clone the machine (nodes, zones, spanned/present/managed, pages in use) "
                         "from /proc/zoneinfo text."),
                         "file"));
    parser.addOption(opt({"kernel"},
                         Cli::tr("Kernel release whose rules to follow where they changed, e.g. 5.15 "
                         "(default 6.16)."),
                         "version"));
    parser.addOption(opt({"thp"}, Cli::tr("Transparent hugepages at boot: always, madvise (default) or never."), "mode"));
    parser.addOption(opt({"set"},
                         Cli::tr("Write a sysctl after boot, e.g. vm.min_free_kbytes=3000000 "
                         "(repeatable; applied in order)."),
                         "vm.key=value"));
    parser.addOption(opt({"compare"},
                         Cli::tr("With --headless: run a second simulation (B) of the same scenario and seed with this "
                         "sysctl written after the first run's --set writes (repeatable, e.g. vm.swappiness=200), and "
                         "print each --print-* text of both runs and the /proc/vmstat counters that differ."),
                         "vm.key=value"));
    parser.addOption(opt({"compare-scenario"},
                         Cli::tr("With --headless: run this scenario (a built-in name or a file) as B beside the first, "
                         "for the same duration, and print both and the counters that differ."),
                         "name|file"));
    parser.addOption(opt({"duration"}, Cli::tr("Simulated time to run before printing (e.g. 30s, 250ms)."), "time"));
    parser.addOption(opt({"seed"}, Cli::tr("Seed of the simulation's random choices (default 1)."), "n"));
    parser.addOption(opt({"print-zoneinfo"}, Cli::tr("Print /proc/zoneinfo of the simulated machine.")));
    parser.addOption(opt({"print-vmstat"}, Cli::tr("Print /proc/vmstat of the simulated machine.")));
    parser.addOption(opt({"print-meminfo"}, Cli::tr("Print /proc/meminfo of the simulated machine.")));
    parser.addOption(opt({"print-swaps"}, Cli::tr("Print /proc/swaps of the simulated machine.")));
    parser.addOption(opt({"print-events"},
                         Cli::tr("Print the event log: kswapd wake-ups, direct reclaim, OOM kills, sysctl "
                         "writes, swapon/swapoff (time in seconds, kind, text).")));
    parser.addOption(opt({"print-dmesg"},
                         Cli::tr("Print the simulated kernel's log as dmesg shows it: OOM reports (dump_header), "
                         "swapon lines, with [seconds.micros] timestamps.")));
    parser.addOption(opt({"print-reclaim-latency"},
                         Cli::tr("Print direct reclaim latency per process, from the tracepoints "
                         "mm_vmscan_direct_reclaim_begin / _end as bcc's drsnoop reads them: count, total ms, "
                         "p50 / p99 / max us, pages reclaimed.")));
    parser.addOption(opt({"print-proc"},
                         Cli::tr("Print /proc/PID/status of a simulated process (a pid, or a task's name) at the "
                         "end of the run, with its faults and delay accounting (repeatable)."),
                         "pid|name"));
    parser.addOption(opt({"swap"},
                         Cli::tr("Add a swap device (repeatable): SIZE[,prio=N][,kind=hdd|ssd|zram[,ratio=R]], "
                         "e.g. 1G,kind=ssd or 512M,prio=10,kind=zram,ratio=3 (name=NAME sets "
                         "its name; default /dev/sdb1, /dev/sdc1, ... or /dev/zram0, ...)."),
                         "spec"));
    parser.addOption(opt({"at"},
                         Cli::tr("Schedule an action at a simulated time (repeatable): TIME:vm.key=value, "
                         "TIME:swapon=SPEC (as --swap) or TIME:swapoff=NAME, e.g. 10s:vm.swappiness=100 "
                         "or 20s:swapoff=/dev/sdb1."),
                         "time:action"));
    parser.addOption(opt({"verbose"}, Cli::tr("Print the simulated kernel's boot messages to stderr.")));
}

rs::Result<CliOptions> cliOptionsFrom(const QCommandLineParser& parser) {
    using R = rs::Result<CliOptions>;
    CliOptions o;
    o.headless = parser.isSet("headless");
    o.print_zoneinfo = parser.isSet("print-zoneinfo");
    o.print_vmstat = parser.isSet("print-vmstat");
    o.print_meminfo = parser.isSet("print-meminfo");
    o.print_swaps = parser.isSet("print-swaps");
    o.print_events = parser.isSet("print-events");
    o.print_dmesg = parser.isSet("print-dmesg");
    o.print_reclaim_latency = parser.isSet("print-reclaim-latency");
    o.print_procs = parser.values("print-proc");
    for (const auto& v : o.print_procs)
        if (v.trimmed().isEmpty()) return R::failure(tr8(Cli::tr("--print-proc: give a pid or a task's name")));
    o.list_scenarios = parser.isSet("list-scenarios");
    o.csv_path = parser.value("csv");
    o.ftrace_path = parser.value("ftrace");
    o.trace_in = parser.value("trace-in");
    o.export_path = parser.value("export");
    o.host_scenario_path = parser.value("host-scenario");
    // An empty name would be taken for "not asked" and the run would exit 0 having written nothing.
    for (const char* name : {"csv", "ftrace", "export", "trace-in", "host-scenario"})
        if (parser.isSet(name) && parser.value(name).isEmpty())
            return R::failure(tr8(Cli::tr("--%1: the file name is empty").arg(name)));
    // --host-scenario writes a file and runs nothing: an option of a run would be ignored.
    if (parser.isSet("host-scenario"))
        for (const QString& name : parser.optionNames())
            if (name != "host-scenario" && name != "headless")
                return R::failure(tr8(Cli::tr("--host-scenario: writes this machine as a scenario file and runs nothing; "
                                              "give it alone (not with --%1)").arg(name)));
    // The window's File > Export Trace is to come; --export runs its own loop.
    if (!o.ftrace_path.isEmpty() && (!o.headless || !o.export_path.isEmpty()))
        return R::failure(tr8(Cli::tr("--ftrace: writes the trace of a --headless run (without --export)")));
    if (parser.isSet("trace-in")) {
        const bool runs = !o.csv_path.isEmpty() || !o.ftrace_path.isEmpty() || !o.export_path.isEmpty() ||
                          o.print_zoneinfo || o.print_vmstat || o.print_meminfo || o.print_swaps || o.print_events ||
                          o.print_dmesg || !o.print_procs.isEmpty() || parser.isSet("scenario");
        if (!o.headless || runs)
            return R::failure(tr8(Cli::tr("--trace-in: reads a trace instead of a run: give --headless, and of the "
                                          "outputs only --print-reclaim-latency")));
    }
    o.host = parser.isSet("host");
    o.recording = parser.value("recording");
    if (parser.isSet("recording")) {
        if (o.recording.isEmpty()) return R::failure(tr8(Cli::tr("--recording: the file name is empty")));
        for (const char* name : {"host", "scenario", "ram", "machine-from-zoneinfo", "kernel", "thp", "set", "swap", "at",
                                 "seed", "ftrace", "trace-in", "export", "duration", "csv", "speed", "pause-at",
                                 "print-zoneinfo", "print-vmstat", "print-meminfo", "print-swaps", "print-events",
                                 "print-dmesg", "print-reclaim-latency", "print-proc"})
            if (parser.isSet(name))
                return R::failure(tr8(Cli::tr("--recording shows a file: --%1 belongs to a run").arg(name)));
    }
    if (o.host) {
        // A simulation's options have nothing to act on when the machine is real.
        for (const char* name : {"scenario", "ram", "machine-from-zoneinfo", "kernel", "thp", "set", "swap", "at",
                                 "seed", "ftrace", "trace-in", "export", "print-events", "print-dmesg",
                                 "print-reclaim-latency", "speed", "pause-at"})
            if (parser.isSet(name))
                return R::failure(tr8(Cli::tr("--host watches this machine: --%1 belongs to a simulation").arg(name)));
    }
    if (parser.isSet("interval")) {
        const auto d = rs::parse_duration_ns(parser.value("interval").toStdString());
        if (!d) return R::failure("--interval: " + d.error());
        if (*d < 10'000'000 || *d > 60'000'000'000)
            return R::failure(tr8(Cli::tr("--interval: '%1' is outside 10ms .. 60s").arg(parser.value("interval"))));
        if (!o.host) return R::failure(tr8(Cli::tr("--interval: says how often --host reads this machine")));
        o.interval_ns = *d;
    }
    if (parser.isSet("view")) {
        o.export_view = parser.value("view");
        o.view_set = true;
        const bool windowOnly = o.export_view == "counters";
        // The --view names of ui/ViewList.cpp (this library does not link the UI).
        static const QStringList views = {"watermarks", "swap", "lru", "callgraph", "processes", "counters"};
        if (!views.contains(o.export_view))
            return R::failure(tr8(Cli::tr("--view: '%1' is not a view (expected watermarks, swap, lru, callgraph, "
                                          "processes or counters)").arg(o.export_view)));
        if (windowOnly && !o.export_path.isEmpty())
            return R::failure(tr8(Cli::tr("--view counters: the counters view is text; --export draws watermarks, "
                                          "swap, lru, callgraph or processes")));
    }
    if (!o.export_path.isEmpty()) {
        const QString ext = o.export_path.section('.', -1).toLower();
        if (!o.export_path.contains('.') || (ext != "png" && ext != "pdf" && ext != "svg"))
            return R::failure(tr8(Cli::tr("--export %1: the file name must end in .png, .pdf or .svg").arg(o.export_path)));
    }
    o.verbose = parser.isSet("verbose");
    if (!parser.positionalArguments().isEmpty())
        return R::failure(tr8(Cli::tr("unexpected argument '%1' (options start with --; see --help)")
                                  .arg(parser.positionalArguments().first())));

    const bool custom_machine = parser.isSet("ram") || parser.isSet("machine-from-zoneinfo");
    if (parser.isSet("ram") && parser.isSet("machine-from-zoneinfo"))
        return R::failure(tr8(Cli::tr("--ram and --machine-from-zoneinfo cannot be used together")));

    if (parser.isSet("scenario")) {
        o.scenario_name = parser.value("scenario");
        const std::string value = o.scenario_name.toStdString();
        if (const auto* s = rs::find_builtin_scenario(value)) {
            o.config = s->make();
            o.title = s->title;
            o.explanation = s->explanation;
            o.duration_ns = s->duration_ns;
        } else if (value.find('/') != std::string::npos || value.find('.') != std::string::npos) {
            auto sc = rs::load_scenario_file(value);
            if (!sc) return R::failure(sc.error());
            o.config = sc->config;
            o.title = sc->title;
            o.explanation = sc->explanation;
            o.duration_ns = sc->duration_ns;
            o.scenario_name = QString::fromStdString(sc->name);
        } else {
            std::string names;
            for (const auto& b : rs::builtin_scenarios()) names += (names.empty() ? "" : ", ") + b.name;
            return R::failure(tr8(Cli::tr("--scenario: no built-in scenario named '%1' (built-in: %2; a scenario file "
                                          "needs a path such as ./%1.json)")
                                      .arg(o.scenario_name, QString::fromStdString(names))));
        }
    } else if (custom_machine) {
        o.config = rs::EngineConfig{}; // an idle machine
        o.title.en = tr8(Cli::tr("Idle machine"));
        o.config.title = o.title.en;
    } else {
        o.config = rs::default_scenario();
        o.scenario_name = QString::fromStdString(rs::builtin_scenarios().front().name);
        o.title = rs::builtin_scenarios().front().title;
        o.explanation = rs::builtin_scenarios().front().explanation;
    }

    if (parser.isSet("ram")) {
        const auto size = rs::parse_ram_size(parser.value("ram").toStdString());
        if (!size) return R::failure("--ram: " + size.error());
        o.config.machine = rs::x86_64_machine(*size);
    }
    if (parser.isSet("machine-from-zoneinfo")) {
        const QString path = parser.value("machine-from-zoneinfo");
        const auto text = rs::read_text_file(path.toStdString(), rs::kScenarioFileLimit);
        if (!text) return R::failure("--machine-from-zoneinfo: " + text.error());
        const auto zi = rs::parse_zoneinfo(*text, path.toStdString());
        if (!zi) return R::failure(zi.error());
        auto spec = rs::machine_from_zoneinfo(*zi, path.toStdString());
        if (!spec) return R::failure(spec.error());
        o.config.machine = std::move(spec).value();
    }
    if (parser.isSet("kernel")) {
        const std::string v = parser.value("kernel").toStdString();
        const auto version = rs::parse_kernel_release(v);
        if (!version)
            return R::failure(tr8(Cli::tr("--kernel: '%1' is not a kernel release (expected e.g. 5.15 or 6.16)")
                                      .arg(parser.value("kernel"))));
        o.config.machine.kernel_version = *version;
    }
    if (parser.isSet("thp")) {
        const auto mode = rs::thp_mode_from_name(parser.value("thp").toStdString());
        if (!mode)
            return R::failure(tr8(Cli::tr("--thp: '%1' is not a THP mode (expected always, madvise or never)")
                                      .arg(parser.value("thp"))));
        o.config.thp = *mode;
    }
    const int nr_zones = o.config.machine.nr_zone_types() ? o.config.machine.nr_zone_types() : rs::kMaxZoneTypes;
    for (const QString& s : parser.values("set")) {
        auto w = rs::parse_sysctl_assignment(s.toStdString(), nr_zones);
        if (!w) return R::failure("--set: " + w.error());
        o.config.sysctl_writes.push_back(std::move(w).value());
    }
    // Unnamed areas of --swap and of --at swapon, in that order, are named as a scenario file
    // names its "swap" and timeline swapons.
    rs::SwapNamer swap_names;
    for (const QString& spec : parser.values("swap")) {
        const std::string text = spec.toStdString();
        auto d = rs::parse_swap_spec(text, "");
        if (!d) return R::failure("--swap " + text + ": " + d.error());
        if (d.value().name.empty()) d.value().name = swap_names.next(d->kind);
        o.config.swap_devices.push_back(std::move(d).value());
    }
    for (const QString& at : parser.values("at")) {
        const std::string text = at.toStdString();
        auto a = rs::parse_timeline_action(text, nr_zones, "");
        if (!a) return R::failure("--at " + text + ": " + a.error());
        if (a->kind == rs::TimelineAction::Kind::Swapon && a->swap.name.empty())
            a.value().swap.name = swap_names.next(a->swap.kind);
        o.config.timeline.push_back(std::move(a).value());
    }
    if (parser.isSet("compare") || parser.isSet("compare-scenario")) {
        if (parser.isSet("compare") && parser.isSet("compare-scenario"))
            return R::failure(tr8(Cli::tr("--compare and --compare-scenario: give one of them")));
        if (!o.headless || o.host || !o.recording.isEmpty() || !o.trace_in.isEmpty())
            return R::failure(tr8(Cli::tr("--compare: runs two simulations headless (give --headless, without --host, "
                                          "--recording or --trace-in)")));
        for (const char* name : {"csv", "ftrace", "export", "print-proc", "print-dmesg", "print-reclaim-latency"})
            if (parser.isSet(name))
                return R::failure(tr8(Cli::tr("--compare: --%1 is for one run; the comparison prints --print-zoneinfo, "
                                              "--print-vmstat, --print-meminfo, --print-swaps and --print-events")
                                          .arg(name)));
    }
    if (parser.isSet("seed")) {
        const auto seed = rs::parse_int(parser.value("seed").toStdString());
        if (!seed || *seed < 0)
            return R::failure(tr8(Cli::tr("--seed: expected a non-negative integer, got '%1'").arg(parser.value("seed"))));
        o.config.seed = static_cast<std::uint64_t>(*seed);
    }
    if (parser.isSet("duration")) {
        const auto d = rs::parse_duration_ns(parser.value("duration").toStdString());
        if (!d) return R::failure("--duration: " + d.error());
        if (*d < 0 || *d > rs::kMaxDurationNs)
            return R::failure(tr8(outsideLimit("duration", parser.value("duration"))));
        o.duration_ns = *d;
    }
    if (parser.isSet("speed")) {
        const QString v = parser.value("speed");
        bool ok = false;
        const double x = v == "max" ? 0.0 : v.toDouble(&ok);
        if (v != "max" && (!ok || (x != 1 && x != 2 && x != 5 && x != 10 && x != 50)))
            return R::failure(tr8(Cli::tr("--speed: expected 1, 2, 5, 10, 50 or max, got '%1'").arg(v)));
        o.speed = x;
    }
    if (parser.isSet("pause-at")) {
        const auto d = rs::parse_duration_ns(parser.value("pause-at").toStdString());
        if (!d) return R::failure("--pause-at: " + d.error());
        if (*d < 0 || *d > rs::kMaxDurationNs)
            return R::failure(tr8(outsideLimit("pause-at", parser.value("pause-at"))));
        o.pause_at_ns = *d;
    }
    // B of a comparison: A's configuration and more sysctl writes, or another scenario. Built
    // after A is complete (seed, swap, timeline) so that B differs only in what was asked.
    if (parser.isSet("compare")) {
        rs::EngineConfig b = o.config;
        QStringList what;
        for (const QString& s : parser.values("compare")) {
            auto w = rs::parse_sysctl_assignment(s.toStdString(), nr_zones);
            if (!w) return R::failure("--compare: " + w.error());
            b.sysctl_writes.push_back(std::move(w).value());
            what << s;
        }
        o.compare = b;
        o.compare_label = what.join(", ");
    } else if (parser.isSet("compare-scenario")) {
        const std::string value = parser.value("compare-scenario").toStdString();
        if (const auto* s = rs::find_builtin_scenario(value)) {
            o.compare = s->make();
        } else {
            auto sc = rs::load_scenario_file(value);
            if (!sc) return R::failure("--compare-scenario: " + sc.error());
            o.compare = sc->config;
        }
        o.compare_label = parser.value("compare-scenario");
    }
    // The command line's machine, swap and duration, as the loader checks a file's.
    const bool runs_to_end = o.headless || !o.export_path.isEmpty();
    if (auto over = rs::check_run_budget(o.config, runs_to_end ? o.duration_ns : -1, rs::host_memory_budget()))
        return R::failure(*over);
    if (o.compare)
        if (auto over = rs::check_run_budget(*o.compare, o.duration_ns, rs::host_memory_budget()))
            return R::failure("--compare: " + *over);
    return o;
}
