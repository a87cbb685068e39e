// ReclaimScope: the command line and the window.
#include "cli_options.h"
#include "chart_export_run.h"
#include "headless.h"

#include "Language.h"
#include "MainWindow.h"
#include "scenario/builtin.h"
#include "util/build_info.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>

#include "TransportBar.h"

#include <cstdio>
#include <cstring>
#include <memory>

namespace {
// Help, version, listing and --headless runs need no display: they get a QCoreApplication.
bool needsNoDisplay(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"--headless", "--help", "-h", "--help-all", "--version", "-v", "--list-scenarios"})
            if (std::strcmp(argv[i], flag) == 0) return true;
        // --host-scenario FILE or --host-scenario=FILE: writes a file, opens no window.
        if (std::strncmp(argv[i], "--host-scenario", 15) == 0) return true;
    }
    return false;
}
} // namespace

bool exportsCharts(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--export") == 0 || std::strncmp(argv[i], "--export=", 9) == 0) return true;
    return false;
}

int main(int argc, char** argv) {
    // --export draws the charts offscreen: widgets without a display.
    const bool exporting = exportsCharts(argc, argv);
    if (exporting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    const bool noDisplay = !exporting && needsNoDisplay(argc, argv);
    std::unique_ptr<QCoreApplication> app;
    if (noDisplay) app = std::make_unique<QCoreApplication>(argc, argv);
    else {
        app = std::make_unique<QApplication>(argc, argv);
        // The installed .desktop entry's name (Wayland matches the window to it) and the icon.
        QGuiApplication::setDesktopFileName(RECLAIMSCOPE_APP_ID);
        QGuiApplication::setWindowIcon(QIcon(":/icons/reclaimscope.svg"));
    }
    QCoreApplication::setOrganizationName("ReclaimScope");
    QCoreApplication::setApplicationName("reclaimscope");
    QCoreApplication::setApplicationVersion(rs::build_version());
    // Before the options are described: --help and the errors speak the chosen language too.
    language::install(*app);

    QCommandLineParser parser;
    addCliOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "reclaimscope: %s\n%s\n", qPrintable(parser.errorText()),
                     qPrintable(Cli::tr("(see reclaimscope --help)")));
        return 2;
    }
    if (parser.isSet("help")) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet("version")) {
        // The same two facts as Help > About, so a bug report can name the exact build.
        std::printf("reclaimscope %s (commit %s)\n", rs::build_version(), rs::build_commit());
        return 0;
    }
    auto options = cliOptionsFrom(parser);
    if (!options) {
        std::fprintf(stderr, "reclaimscope: %s\n", options.error().c_str());
        return 2;
    }
    options.value().lang = language::current().toStdString();
    if (!options->export_path.isEmpty()) {
        if (options->duration_ns <= 0) {
            std::fprintf(stderr, "reclaimscope: %s\n",
                         qPrintable(Cli::tr("--export needs a run: give --duration or a --scenario")));
            return 2;
        }
        return runExport(options.value(), stderr);
    }
    if (!options->host_scenario_path.isEmpty()) return writeHostScenario(options.value(), stderr);
    if (options->headless || options->list_scenarios) return runHeadless(options.value(), stdout, stderr);

    QString explanation = options->localizedExplanation();
    if (explanation.isEmpty())
        explanation = QString::fromStdString(options->config.machine.origin);
    MainWindow window(options->localizedConfig(), explanation, /*autoplay=*/true);
    if (options->view_set) {
        window.showView(viewFromCliName(options->export_view).value_or(ViewId::Watermarks));
    }
    if (options->speed) window.transport()->setSpeed(*options->speed);
    if (options->pause_at_ns >= 0) window.pauseAt(options->pause_at_ns);
    if (options->host) window.watchHost(options->interval_ns);
    if (!options->recording.isEmpty()) window.openRecording(options->recording);
    window.show();
    return app->exec();
}
