#include "chart_export_run.h"

#include "run_progress.h"

#include "ExportPages.h"
#include "SimulationController.h"
#include "SwapView.h"
#include "LruView.h"
#include "BigPictureView.h"
#include "ProcessesView.h"
#include "WatermarkView.h"

#include <qcustomplot.h>

namespace {

// The export shows the whole run (the window shows its last minutes).
void showWholeRun(ViewId view, WatermarkView& watermarks, LruView& lru, std::int64_t duration_ns) {
    const double seconds = static_cast<double>(duration_ns) / 1e9;
    if (view == ViewId::Lru) lru.plot()->xAxis->setRange(0, seconds);
    if (view == ViewId::Watermarks) {
        watermarks.setWindowSeconds(seconds);
        watermarks.setFitAllData(true);
    }
}

} // namespace

int runExport(const CliOptions& o, std::FILE* err) {
    SimulationController controller;
    WatermarkView watermarks;
    SwapView swap;
    LruView lru;
    BigPictureView bigPicture;
    ProcessesView processes; // selects the process with the most memory by itself
    controller.setProcsWanted(true);
    QObject::connect(&controller, &SimulationController::frameReady, &processes, &ProcessesView::onFrame);
    QObject::connect(&controller, &SimulationController::frameReady, &bigPicture, &BigPictureView::onFrame);
    QObject::connect(&controller, &SimulationController::frameReady, &lru, &LruView::onFrame);
    QObject::connect(&controller, &SimulationController::frameReady, &watermarks, &WatermarkView::onFrame);
    QObject::connect(&controller, &SimulationController::frameReady, &swap, &SwapView::onFrame);
    QString failure;
    QObject::connect(&controller, &SimulationController::errorOccurred, [&](const QString& m) { failure = m; });
    const rs::EngineConfig config = o.localizedConfig();
    controller.load(config, o.localizedExplanation());
    if (!failure.isEmpty()) {
        std::fprintf(err, "reclaimscope: %s\n", qPrintable(failure));
        return 2;
    }
    // In slices, with progress on a terminal; each slice publishes a frame to the views.
    const bool ran = runWithProgress(o.duration_ns, 50, err, [&](std::int64_t from, std::int64_t to) {
        controller.advance(to - from);
        if (failure.isEmpty()) return true;
        std::fprintf(err, "reclaimscope: %s\n", qPrintable(failure));
        return false;
    });
    if (!ran) return 1;

    const ViewId view = viewFromCliName(o.export_view).value_or(ViewId::Watermarks);
    showWholeRun(view, watermarks, lru, o.duration_ns);
    BigPictureCanvas standalone; // outside any layout, so it takes the export's size
    const ExportSources sources{&watermarks, &swap, &lru, &bigPicture, &standalone, &processes};
    // The call graph's rates are those of the last simulated second of the run.
    const QList<ExportPage> pages = exportPagesOf(
        view, sources, ExportStamp{QString::fromStdString(config.title), o.duration_ns}, QSize(1600, 1100));
    const QString problem = pages.isEmpty() ? Cli::tr("the %1 view has no chart").arg(o.export_view)
                                            : exportPage(pages.front(), o.export_path, QSize(1600, 420), QSize(1600, 1100));
    if (!problem.isEmpty()) {
        std::fprintf(err, "reclaimscope: --export: %s\n", qPrintable(problem));
        return 1;
    }
    return 0;
}
