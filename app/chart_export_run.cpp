#include "chart_export_run.h"

#include "ChartExport.h"
#include "SimulationController.h"
#include "SwapView.h"
#include "LruView.h"
#include "BigPictureView.h"
#include "WatermarkPlot.h"
#include "WatermarkView.h"
#include "util/units.h"

#include <qcustomplot.h>

#include <unistd.h>

int runExport(const CliOptions& o, std::FILE* err) {
    SimulationController controller;
    WatermarkView watermarks;
    SwapView swap;
    LruView lru;
    BigPictureView bigPicture;
    QObject::connect(&controller, &SimulationController::frameReady, &bigPicture, &BigPictureView::onFrame);
    QObject::connect(&controller, &SimulationController::frameReady, &lru, &LruView::onFrame);
    QObject::connect(&controller, &SimulationController::frameReady, &watermarks, &WatermarkView::onFrame);
    QObject::connect(&controller, &SimulationController::frameReady, &swap, &SwapView::onFrame);
    QString failure;
    QObject::connect(&controller, &SimulationController::errorOccurred, [&](const QString& m) { failure = m; });
    controller.load(o.config, o.explanation);
    if (!failure.isEmpty()) {
        std::fprintf(err, "reclaimscope: %s\n", qPrintable(failure));
        return 2;
    }
    // In slices, with progress on a terminal; each slice publishes a frame to the views.
    const bool progress = isatty(fileno(err));
    const std::int64_t slice = std::max<std::int64_t>(o.duration_ns / 50, 1'000'000);
    for (std::int64_t t = 0; t < o.duration_ns;) {
        const std::int64_t step = std::min(slice, o.duration_ns - t);
        controller.advance(step);
        t += step;
        if (!failure.isEmpty()) {
            std::fprintf(err, "reclaimscope: %s\n", qPrintable(failure));
            return 1;
        }
        if (progress) std::fprintf(err, "\rsimulating: %5.1f%%", 100.0 * static_cast<double>(t) / static_cast<double>(o.duration_ns));
    }
    if (progress) std::fprintf(err, "\r%*s\r", 20, "");

    QString title = QString::fromStdString(o.config.title);
    if (o.export_view == "callgraph") {
        // Call rates over the last simulated second of the run.
        title += QString(" \u2014 the reclaim call graph, calls per second  (t = %1)")
                     .arg(QString::fromStdString(rs::format_duration(o.duration_ns)));
        BigPictureCanvas standalone; // outside any layout, so it takes the export's size
        standalone.setRates(bigPicture.canvas()->rates(), bigPicture.canvas()->totals());
        standalone.setLastCalls(bigPicture.canvas()->lastCalls());
        const QString problem = exportWidget(&standalone, title, o.export_path);
        if (!problem.isEmpty()) {
            std::fprintf(err, "reclaimscope: --export: %s\n", qPrintable(problem));
            return 1;
        }
        return 0;
    }
    QList<QCustomPlot*> plots;
    if (o.export_view == "swap") {
        plots.append(swap.plot());
        title += " \u2014 swap usage and traffic";
    } else if (o.export_view == "lru") {
        lru.plot()->xAxis->setRange(0, static_cast<double>(o.duration_ns) / 1e9); // the whole run
        plots.append(lru.plot());
        title += " \u2014 LRU list sizes";
    } else {
        watermarks.setWindowSeconds(static_cast<double>(o.duration_ns) / 1e9); // the whole run
        watermarks.setFitAllData(true);
        for (auto* p : watermarks.plots()) plots.append(p);
        title += " \u2014 free pages and watermarks";
    }
    title += QString("  (t = %1)").arg(QString::fromStdString(rs::format_duration(o.duration_ns)));
    const QString problem = exportPlots(plots, title, o.export_path);
    if (!problem.isEmpty()) {
        std::fprintf(err, "reclaimscope: --export: %s\n", qPrintable(problem));
        return 1;
    }
    return 0;
}
