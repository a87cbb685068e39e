#pragma once
// Writes charts to image files, atomically: the target is replaced only when the whole file
// was written.
#include <QList>
#include <QSize>
#include <QString>

class QCustomPlot;

// Stacks the plots vertically under a title into one PNG of the given width. Returns an empty
// string on success, otherwise a message naming the file and the problem.
QString exportPlotsPng(const QList<QCustomPlot*>& plots, const QString& title, const QString& path,
                       int width = 1600, int heightPerPlot = 420);
