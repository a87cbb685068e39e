#pragma once
// The command line (a stable contract: later features add options, none change meaning).
#include "scenario/localized_text.h"
#include "sim/engine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// The command line's translatable texts (their lupdate context): Cli::tr("...").
struct Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};
// A translated message as the core's Result carries it (UTF-8).
inline std::string tr8(const QString& translated) { return translated.toStdString(); }

struct CliOptions {
    bool headless = false;
    bool print_zoneinfo = false;
    bool print_vmstat = false;
    bool print_meminfo = false;
    bool print_swaps = false;
    bool print_events = false;
    bool print_dmesg = false;
    bool print_reclaim_latency = false; // direct reclaim stalls per process, as drsnoop sums them
    QStringList print_procs; // --print-proc: pids or task names
    bool list_scenarios = false;
    bool host = false;                     // --host: this machine instead of a simulation
    QString recording;                     // --recording: a CSV shown instead of a run
    // --compare / --compare-scenario: a second run, B, beside the first (A); its label.
    std::optional<rs::EngineConfig> compare;
    QString compare_label;
    std::int64_t interval_ns = 100'000'000; // --interval: how often --host reads it
    bool verbose = false;
    std::int64_t duration_ns = 0;
    rs::EngineConfig config;
    QString scenario_name;
    rs::LocalizedText title;       // the scenario's title
    rs::LocalizedText explanation; // the scenario's teaching text
    std::string lang = "en";       // the interface's language (main sets it): which texts to show

    // The run's config with its title in `lang` (frames, the window's title, exported charts),
    // and the teaching text in `lang`.
    rs::EngineConfig localizedConfig() const {
        rs::EngineConfig c = config;
        c.title = title.in(lang);
        return c;
    }
    QString localizedExplanation() const { return QString::fromStdString(explanation.in(lang)); }
    QString csv_path;    // --csv: the time series, written at the end of the run
    QString ftrace_path; // --ftrace: the tracepoints as /sys/kernel/tracing/trace text
    QString trace_in;    // --trace-in: a real trace read instead of a run
    QString export_path; // --export: a chart file (PNG, PDF or SVG by extension)
    QString host_scenario_path; // --host-scenario: this machine as a scenario file, nothing run
    QString export_view = "watermarks"; // --view
    bool view_set = false;              // --view given (the window shows that view first)
    std::optional<double> speed;        // --speed (window): simulated s per wall s, 0 = max
    std::int64_t pause_at_ns = -1;      // --pause-at (window)
};

// Declares every option on the parser.
void addCliOptions(QCommandLineParser& parser);

// Turns parsed options into an engine configuration. On bad input returns an error message
// that names the option and the expected form.
rs::Result<CliOptions> cliOptionsFrom(const QCommandLineParser& parser);
