#include "ChartExport.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <functional>

namespace {

constexpr int kTitleHeight = 56;

// Writes what `draw` paints on a width x height page to `path`: PNG, PDF (vector, one point per
// layout pixel) or SVG by extension, atomically through QSaveFile.
QString writeImage(const QString& path, const QString& title, int width, int height,
                   const std::function<void(QCPPainter&)>& draw) {
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext != "png" && ext != "pdf" && ext != "svg")
        return QString("Cannot export to %1: the file name must end in .png, .pdf or .svg").arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return QString("Cannot write %1: %2").arg(path, file.errorString());
    if (ext == "png") {
        QImage image(width, height, QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QCPPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            draw(painter);
        }
        if (!image.save(&file, "PNG")) {
            file.cancelWriting();
            return QString("Cannot encode the image as PNG into %1").arg(path);
        }
    } else if (ext == "pdf") {
        QPdfWriter pdf(&file);
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator("ReclaimScope");
        QCPPainter painter(&pdf);
        draw(painter);
        painter.end();
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setTitle(title);
        svg.setDescription("Exported by ReclaimScope");
        QCPPainter painter(&svg);
        draw(painter);
        painter.end();
    }
    if (!file.commit()) return QString("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void drawTitle(QPainter& painter, const QString& title, int width, int height) {
    painter.fillRect(QRect(0, 0, width, height), Qt::white);
    QFont f = painter.font();
    f.setPointSize(16);
    f.setBold(true);
    painter.setFont(f);
    painter.setPen(Qt::black);
    painter.drawText(QRect(0, 0, width, kTitleHeight), Qt::AlignCenter, title);
}

} // namespace

QString exportPlots(const QList<QCustomPlot*>& plots, const QString& title, const QString& path, int width,
                    int heightPerPlot) {
    if (plots.isEmpty()) return QString("Nothing to export to %1: no chart is shown.").arg(path);
    const int height = kTitleHeight + heightPerPlot * static_cast<int>(plots.size());
    return writeImage(path, title, width, height, [&](QCPPainter& painter) {
        drawTitle(painter, title, width, height);
        int y = kTitleHeight;
        for (QCustomPlot* p : plots) {
            p->replot(QCustomPlot::rpImmediateRefresh); // every sample, at the export size
            painter.save();
            painter.translate(0, y);
            p->toPainter(&painter, width, heightPerPlot);
            painter.restore();
            y += heightPerPlot;
        }
    });
}

QString exportWidget(QWidget* widget, const QString& title, const QString& path, QSize size) {
    widget->resize(size);
    const int width = size.width(), height = kTitleHeight + size.height();
    return writeImage(path, title, width, height, [&](QCPPainter& painter) {
        drawTitle(painter, title, width, height);
        widget->render(&painter, QPoint(0, kTitleHeight), QRegion(), QWidget::DrawChildren);
    });
}

QString exportPlotsPng(const QList<QCustomPlot*>& plots, const QString& title, const QString& path, int width,
                       int heightPerPlot) {
    if (QFileInfo(path).suffix().toLower() != "png")
        return QString("Cannot export to %1: a PNG file name must end in .png").arg(path);
    return exportPlots(plots, title, path, width, heightPerPlot);
}
