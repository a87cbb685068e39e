#include "ChartExport.h"

#include "util/file_io.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QBuffer>
#include <QSvgGenerator>

#include <functional>

namespace {

constexpr int kTitleHeight = 56;

// The finished file, through rs::write_output_file(): "" on success, else its message.
QString writeBytes(const QString& path, const QByteArray& bytes) {
    const auto bad = rs::write_output_file(path.toStdString(), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!bad) return {};
    QString message = QString::fromStdString(*bad);
    message[0] = message[0].toUpper();
    return message;
}

// Writes what `draw` paints on a width x height page to `path`: PNG, PDF (vector, one point per
// layout pixel) or SVG by extension. The page is made in memory, then written whole or not at all.
QString writeImage(const QString& path, const QString& title, int width, int height,
                   const std::function<void(QCPPainter&)>& draw) {
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext != "png" && ext != "pdf" && ext != "svg")
        return QCoreApplication::translate("ChartExport", "Cannot export to %1: the file name must end in .png, .pdf or .svg").arg(path);
    QByteArray bytes;
    QBuffer file(&bytes);
    file.open(QIODevice::WriteOnly);
    if (ext == "png") {
        QImage image(width, height, QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QCPPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            draw(painter);
        }
        if (!image.save(&file, "PNG")) {
            return QCoreApplication::translate("ChartExport", "Cannot encode the image as PNG into %1").arg(path);
        }
    } else if (ext == "pdf") {
        QPdfWriter pdf(&file);
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator("ReclaimScope");
        QCPPainter painter(&pdf);
        if (!painter.isActive()) return QCoreApplication::translate("ChartExport", "Cannot draw the PDF page for %1").arg(path);
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
        if (!painter.isActive()) return QCoreApplication::translate("ChartExport", "Cannot draw the SVG picture for %1").arg(path);
        draw(painter);
        painter.end();
    }
    return writeBytes(path, bytes);
}

// Exports are for slides and papers: black on white whatever the window's theme. The charts
// follow a palette change synchronously (installPlotTheme), so a temporary light palette is enough.
class LightForExport {
public:
    explicit LightForExport(const QList<QWidget*>& widgets) {
        QPalette light;
        for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
            light.setColor(group, QPalette::Window, Qt::white);
            light.setColor(group, QPalette::Base, Qt::white);
            light.setColor(group, QPalette::WindowText, Qt::black);
            light.setColor(group, QPalette::Text, Qt::black);
            light.setColor(group, QPalette::Mid, QColor(110, 110, 110));
        }
        for (QWidget* w : widgets) {
            if (!w) continue;
            m_saved.append({w, w->testAttribute(Qt::WA_SetPalette), w->palette()});
            w->setPalette(light);
        }
    }
    ~LightForExport() {
        for (const auto& s : m_saved) {
            if (s.explicitPalette) {
                s.widget->setPalette(s.palette);
            } else {
                s.widget->setPalette(QPalette());
                s.widget->setAttribute(Qt::WA_SetPalette, false);
            }
        }
    }

private:
    struct Saved {
        QWidget* widget;
        bool explicitPalette;
        QPalette palette;
    };
    QList<Saved> m_saved;
};

// Exports are drawn once: with antialiasing, whatever the live charts skip for speed.
class AntialiasForExport {
public:
    explicit AntialiasForExport(const QList<QCustomPlot*>& plots) {
        for (QCustomPlot* p : plots) {
            m_saved.append({p, p->notAntialiasedElements()});
            p->setNotAntialiasedElements(QCP::aeNone);
        }
    }
    ~AntialiasForExport() {
        for (const auto& [p, elements] : m_saved) p->setNotAntialiasedElements(elements);
    }

private:
    QList<QPair<QCustomPlot*, QCP::AntialiasedElements>> m_saved;
};

QList<QWidget*> widgetsOf(const QList<QCustomPlot*>& plots) {
    QList<QWidget*> out;
    for (auto* p : plots) out.append(p);
    return out;
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
    if (plots.isEmpty()) return QCoreApplication::translate("ChartExport", "Nothing to export to %1: no chart is shown.").arg(path);
    const int height = kTitleHeight + heightPerPlot * static_cast<int>(plots.size());
    const LightForExport light(widgetsOf(plots));
    const AntialiasForExport smooth(plots);
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
    const LightForExport light({widget});
    const int width = size.width(), height = kTitleHeight + size.height();
    return writeImage(path, title, width, height, [&](QCPPainter& painter) {
        drawTitle(painter, title, width, height);
        widget->render(&painter, QPoint(0, kTitleHeight), QRegion(), QWidget::DrawChildren);
    });
}

QString exportPlotsPng(const QList<QCustomPlot*>& plots, const QString& title, const QString& path, int width,
                       int heightPerPlot) {
    if (QFileInfo(path).suffix().toLower() != "png")
        return QCoreApplication::translate("ChartExport", "Cannot export to %1: a PNG file name must end in .png").arg(path);
    return exportPlots(plots, title, path, width, heightPerPlot);
}

QString exportPdfPages(const QList<ExportPage>& pages, const QString& path, QSize pageSize) {
    if (pages.isEmpty()) return QCoreApplication::translate("ChartExport", "Nothing to export to %1: no view has content.").arg(path);
    if (QFileInfo(path).suffix().toLower() != "pdf")
        return QCoreApplication::translate("ChartExport", "Cannot export to %1: a multi-page export must be a .pdf file").arg(path);
    QByteArray bytes;
    QBuffer file(&bytes);
    file.open(QIODevice::WriteOnly);
    const int width = pageSize.width(), height = pageSize.height();
    QList<QWidget*> all;
    for (const auto& page : pages) {
        all.append(widgetsOf(page.plots));
        if (page.widget) all.append(page.widget);
    }
    const LightForExport light(all);
    QList<QCustomPlot*> allPlots;
    for (const auto& page : pages) allPlots.append(page.plots);
    const AntialiasForExport smooth(allPlots);
    {
        QPdfWriter pdf(&file);
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(pages.front().title);
        pdf.setCreator("ReclaimScope");
        QCPPainter painter(&pdf);
        if (!painter.isActive()) return QCoreApplication::translate("ChartExport", "Cannot draw the PDF pages for %1").arg(path);
        bool first = true;
        for (const ExportPage& page : pages) {
            if (!first) pdf.newPage();
            first = false;
            drawTitle(painter, page.title, width, height);
            const int body = height - kTitleHeight;
            if (page.widget) {
                page.widget->resize(width, body);
                painter.save();
                page.widget->render(&painter, QPoint(0, kTitleHeight), QRegion(), QWidget::DrawChildren);
                painter.restore();
                continue;
            }
            const int each = page.plots.isEmpty() ? body : body / static_cast<int>(page.plots.size());
            int y = kTitleHeight;
            for (QCustomPlot* p : page.plots) {
                p->replot(QCustomPlot::rpImmediateRefresh);
                painter.save();
                painter.translate(0, y);
                p->toPainter(&painter, width, each);
                painter.restore();
                y += each;
            }
        }
        painter.end();
    }
    file.close();
    return writeBytes(path, bytes);
}
