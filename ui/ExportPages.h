#pragma once
// Which view exports which page (title, charts or diagram): the one table behind the window's
// Export Chart and Export All Views and the command line's --export.
#include "ChartExport.h"
#include "ViewList.h"

#include <optional>

class BigPictureCanvas;
class BigPictureView;
class LruView;
class ProcessesView;
class SwapView;
class WatermarkView;

// The views an export draws from, and a canvas outside any layout for the call graph (a widget
// inside a layout keeps its layout's size when rendered).
struct ExportSources {
    WatermarkView* watermarks = nullptr;
    SwapView* swap = nullptr;
    LruView* lru = nullptr;
    BigPictureView* bigPicture = nullptr;
    BigPictureCanvas* exportCanvas = nullptr;
    ProcessesView* processes = nullptr;
};

// The run the pages show: its scenario's title and the simulated time.
struct ExportStamp {
    QString scenario;
    qint64 t_ns = 0;
};

// The pages of view v, titled "<scenario> — <subject>  (t = ...)" (the subject alone without a
// stamp); none for a view without charts (Counters: the CSV export carries its values). The
// call graph's canvas is given the rates of the view and the size canvasSize.
QList<ExportPage> exportPagesOf(ViewId v, const ExportSources& from, const std::optional<ExportStamp>& stamp,
                                QSize canvasSize);

// One page into a PNG, PDF or SVG file: its charts at plotSize each, or its widget at widgetSize.
QString exportPage(const ExportPage& page, const QString& path, QSize plotSize, QSize widgetSize);

// Every view with charts: one page each in one PDF, or for PNG and SVG one file per view
// (NAME-watermarks.png, ...). Charts at `size` each; diagrams at least 600 high.
QString exportAllViewPages(const ExportSources& from, const std::optional<ExportStamp>& stamp, const QString& path,
                           QSize size);
