#include "ChartExport.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>

QString exportPlotsPng(const QList<QCustomPlot*>& plots, const QString& title, const QString& path,
                       int width, int heightPerPlot) {
    if (plots.isEmpty()) return QString("Nothing to export to %1: no chart is shown.").arg(path);
    const int titleHeight = 56;
    QImage image(width, titleHeight + heightPerPlot * static_cast<int>(plots.size()), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QFont f = painter.font();
    f.setPointSize(16);
    f.setBold(true);
    painter.setFont(f);
    painter.setPen(Qt::black);
    painter.drawText(QRect(0, 0, width, titleHeight), Qt::AlignCenter, title);
    int y = titleHeight;
    for (QCustomPlot* p : plots) {
        // Render with every sample: toPixmap() replots at the requested size.
        p->replot(QCustomPlot::rpImmediateRefresh);
        const QPixmap pm = p->toPixmap(width, heightPerPlot, 1.0);
        painter.drawPixmap(0, y, pm);
        y += heightPerPlot;
    }
    painter.end();

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString("Cannot write %1: %2").arg(path, file.errorString());
    if (!image.save(&file, "PNG")) {
        file.cancelWriting();
        return QString("Cannot encode the chart as PNG into %1").arg(path);
    }
    if (!file.commit()) return QString("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}
