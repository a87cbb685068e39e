#pragma once
// Writes charts to image files, atomically: the target is replaced only when the whole file
// was written.
#include <QList>
#include <QSize>
#include <QString>

class QCustomPlot;

// Stacks the plots vertically under a title into one file of the given width: PNG, PDF or SVG
// by the file's extension (PDF and SVG stay vector). Returns an empty string on success,
// otherwise a message naming the file and the problem.
QString exportPlots(const QList<QCustomPlot*>& plots, const QString& title, const QString& path, int width = 1600,
                    int heightPerPlot = 420);

class QWidget;
// A widget (a diagram that is not a chart) under a title, drawn at the given size into PNG, PDF
// or SVG by extension.
QString exportWidget(QWidget* widget, const QString& title, const QString& path, QSize size = QSize(1600, 1100));

// The PNG form, kept for callers that always want a bitmap.
QString exportPlotsPng(const QList<QCustomPlot*>& plots, const QString& title, const QString& path,
                       int width = 1600, int heightPerPlot = 420);

// One page of a multi-page export: charts stacked under a title, or a widget drawn at the
// page's size.
struct ExportPage {
    QString title;
    QList<QCustomPlot*> plots;
    QWidget* widget = nullptr;
};

// All pages into one PDF of the given page size (points), atomically.
QString exportPdfPages(const QList<ExportPage>& pages, const QString& path, QSize pageSize = QSize(1600, 1100));
