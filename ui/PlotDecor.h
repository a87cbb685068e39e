#pragma once
// What every time chart shares: event markers (sysctl writes, swapon/swapoff, OOM kills), the
// cursor of the moment being reviewed, and colours that follow the application's palette.
#include "mm/event_log.h"

#include <QColor>
#include <QString>

#include <optional>

class QCustomPlot;
struct Moment;

struct EventMarker {
    QString label;
    QColor color;
};

// The marker an event gets on the time charts, or none (kswapd wakes are shown as shading).
std::optional<EventMarker> eventMarker(const rs::Event& e);
// The event's text in the interface's language: its template translated (context "Event") and
// filled in; the text as the core wrote it when it has none (the kernel's own messages).
QString eventText(const rs::Event& e);

// A dotted vertical line at t (seconds) with its label at the top of the axis rect.
void addEventMarker(QCustomPlot* plot, double t, const EventMarker& marker);

// The review cursor: a solid vertical line at t, or none (live). One per plot.
void setMomentCursor(QCustomPlot* plot, std::optional<double> t);
// The same at a reviewed moment's sample (none: live).
void setMomentCursor(QCustomPlot* plot, const Moment* moment);

class QCPGraph;
class QCPAxis;
// The largest value the graphs on this value axis show in the key axis' visible range (a binary
// search and a scan of the visible points only, unlike QCPAxis::rescale over all data); 0 if none.
double visibleMax(QCustomPlot* plot, QCPAxis* valueAxis);

// A replot now if the plot can be seen, else when it is next painted: a view in a dock tabbed
// behind another costs nothing per frame.
void replotWhenShown(QCustomPlot* plot);

// Drops every other point older than t (seconds), as rs::Recorder thins its history.
void thinOlderHalf(QCPGraph* graph, double t);

// The time axis shows `window` seconds: centred on the reviewed moment, or ending at the newest
// sample (lastT) when live.
void setTimeWindow(QCPAxis* timeAxis, const Moment* moment, double lastT, double window = 30.0);

class QWidget;
// A time chart as the LRU and swap views use it: the title in a row above the axis rect, the
// time axis labelled, the palette followed (installPlotTheme) and no live antialiasing (exports
// switch it on).
// The time axis's label: simulated time, or on a real machine (watched or recorded) the time
// since watching began.
QString timeAxisLabel(bool host);
QCustomPlot* makeTimeChart(QWidget* parent, const QString& title, int minimumHeight);

// Axis, grid, legend and title colours from the plot's palette (Base and Text), now and at
// every palette change: the charts stay readable in a light and in a dark theme.
void installPlotTheme(QCustomPlot* plot);
