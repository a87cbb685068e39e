#include "ExportPages.h"

#include "BigPictureView.h"
#include "LruView.h"
#include "ProcessesView.h"
#include "SwapView.h"
#include "PressurePlot.h"
#include "WatermarkPlot.h"
#include "WatermarkView.h"
#include "util/units.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace {

// A page is charts taken from a view, or the call graph drawn on the export canvas.
struct PageSpec {
    ViewId view;
    const char* subject;
    QList<QCustomPlot*> (*plots)(const ExportSources&); // nullptr: the call-graph canvas
};

const PageSpec kPages[] = {
    {ViewId::Watermarks, QT_TRANSLATE_NOOP("ExportPages", "free pages and watermarks"),
     [](const ExportSources& s) {
         QList<QCustomPlot*> out;
         for (auto* p : s.watermarks->plots()) out.append(p);
         if (s.watermarks->pressurePlot()->hasData()) out.append(s.watermarks->pressurePlot());
         return out;
     }},
    {ViewId::Swap, QT_TRANSLATE_NOOP("ExportPages", "swap usage and traffic"), [](const ExportSources& s) { return QList<QCustomPlot*>{s.swap->plot()}; }},
    {ViewId::Lru, QT_TRANSLATE_NOOP("ExportPages", "LRU list sizes"), [](const ExportSources& s) { return QList<QCustomPlot*>{s.lru->plot()}; }},
    {ViewId::BigPicture, QT_TRANSLATE_NOOP("ExportPages", "the reclaim call graph, calls per second"), nullptr},
    {ViewId::Processes, QT_TRANSLATE_NOOP("ExportPages", "memory and stalls of the selected process"),
     [](const ExportSources& s) {
         return s.processes && s.processes->selectedPid() > 0 ? QList<QCustomPlot*>{s.processes->memoryPlot(), s.processes->stallPlot()} : QList<QCustomPlot*>{};
     }},
};

QString pageTitle(const char* subjectSource, const std::optional<ExportStamp>& stamp) {
    const QString subject = QCoreApplication::translate("ExportPages", subjectSource);
    if (!stamp) return subject;
    return QString("%1 — %2  (t = %3)")
        .arg(stamp->scenario, subject, QString::fromStdString(rs::format_duration(stamp->t_ns)));
}

QSize diagramSize(QSize size) { return QSize(size.width(), std::max(size.height(), 600)); }

} // namespace

QList<ExportPage> exportPagesOf(ViewId v, const ExportSources& from, const std::optional<ExportStamp>& stamp,
                                QSize canvasSize) {
    for (const PageSpec& spec : kPages) {
        if (spec.view != v) continue;
        ExportPage page;
        page.title = pageTitle(spec.subject, stamp);
        if (spec.plots) {
            page.plots = spec.plots(from);
            if (page.plots.isEmpty()) return {};
        } else {
            BigPictureCanvas* canvas = from.exportCanvas;
            canvas->setRates(from.bigPicture->canvas()->rates(), from.bigPicture->canvas()->totals());
            canvas->setLastCalls(from.bigPicture->canvas()->lastCalls());
            canvas->resize(canvasSize);
            page.widget = canvas;
        }
        return {page};
    }
    return {};
}

QString exportPage(const ExportPage& page, const QString& path, QSize plotSize, QSize widgetSize) {
    if (page.widget) return exportWidget(page.widget, page.title, path, widgetSize);
    return exportPlots(page.plots, page.title, path, plotSize.width(), plotSize.height());
}

QString exportAllViewPages(const ExportSources& from, const std::optional<ExportStamp>& stamp, const QString& path,
                           QSize size) {
    QList<ExportPage> pages;
    QList<ViewId> views; // the view of each page
    for (int i = 0; i < kViewCount; ++i)
        for (const ExportPage& p : exportPagesOf(viewInfo(i).id, from, stamp, size)) {
            pages.append(p);
            views.append(viewInfo(i).id);
        }
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == "pdf") {
        // One page per view, every page the size of the tallest.
        int height = 600;
        for (const auto& p : pages)
            height = std::max(height, size.height() * static_cast<int>(std::max<qsizetype>(1, p.plots.size())));
        return exportPdfPages(pages, path, QSize(size.width(), height));
    }
    if (ext != "png" && ext != "svg")
        return QCoreApplication::translate("ExportPages", "Cannot export to %1: the file name must end in .pdf, .png or .svg").arg(path);
    const QFileInfo fi(path);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const QString file = fi.dir().filePath(
            QString("%1-%2.%3").arg(fi.completeBaseName(), viewInfo(views[i]).fileName, ext));
        const QString err = exportPage(pages[i], file, size, diagramSize(size));
        if (!err.isEmpty()) return err;
    }
    return pages.isEmpty() ? QCoreApplication::translate("ExportPages", "Nothing to export to %1").arg(path) : QString();
}
