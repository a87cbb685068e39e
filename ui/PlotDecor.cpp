#include "PlotDecor.h"

#include "Frame.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

QString eventText(const rs::Event& e) {
    if (!e.fmt) return QString::fromStdString(e.text);
    QString text = QCoreApplication::translate("Event", e.fmt);
    // From the highest placeholder down, so %1 never eats the start of a %1x.
    for (std::size_t i = e.args.size(); i-- > 0;)
        text.replace(QString("%%1").arg(i + 1), QString::fromStdString(e.args[i]));
    return text;
}

std::optional<EventMarker> eventMarker(const rs::Event& e) {
    switch (e.type) {
    case rs::EventType::SysctlChange:
        return EventMarker{QString::fromStdString(e.text), QColor(120, 120, 120)};
    case rs::EventType::OomKill: {
        // "Out of memory: Killed process 3 (hog) ..." -> "OOM kill: hog"
        const QString text = QString::fromStdString(e.text);
        const int open = text.indexOf('('), close = text.indexOf(')');
        return EventMarker{open >= 0 && close > open
                               ? QCoreApplication::translate("PlotDecor", "OOM kill: %1").arg(text.mid(open + 1, close - open - 1))
                               : QStringLiteral("OOM"),
                           QColor(200, 30, 30)};
    }
    case rs::EventType::Swap: {
        // "Adding 1048572k swap on /dev/sdc1. ..." -> "swapon /dev/sdc1";
        // "swapoff /dev/sdb1: done, ..." -> "swapoff /dev/sdb1: done"
        const QString text = QString::fromStdString(e.text);
        QString label = text.section(',', 0, 0);
        if (text.startsWith("Adding ")) label = "swapon " + text.section(' ', 4, 4).chopped(1);
        return EventMarker{label, QColor(40, 110, 200)};
    }
    default:
        return std::nullopt;
    }
}

void addEventMarker(QCustomPlot* plot, double t, const EventMarker& marker) {
    auto* line = new QCPItemStraightLine(plot);
    line->setObjectName("eventMarker");
    line->point1->setCoords(t, 0);
    line->point2->setCoords(t, 1);
    QPen pen(marker.color);
    pen.setStyle(Qt::DotLine);
    pen.setWidthF(1.2);
    line->setPen(pen);
    auto* text = new QCPItemText(plot);
    text->setObjectName("eventMarker");
    text->position->setTypeX(QCPItemPosition::ptPlotCoords);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(t, 0.02);
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    text->setText(marker.label);
    text->setColor(marker.color);
    text->setFont(QFont(plot->font().family(), 8));
    text->setClipToAxisRect(true);
}

void setMomentCursor(QCustomPlot* plot, std::optional<double> t) {
    QCPItemStraightLine* cursor = nullptr;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (plot->item(i)->objectName() == "momentCursor") cursor = static_cast<QCPItemStraightLine*>(plot->item(i));
    if (!t) {
        if (cursor) plot->removeItem(cursor);
        return;
    }
    if (!cursor) {
        cursor = new QCPItemStraightLine(plot);
        cursor->setObjectName("momentCursor");
        cursor->setPen(QPen(QColor(230, 120, 0), 2.0));
    }
    cursor->point1->setCoords(*t, 0);
    cursor->point2->setCoords(*t, 1);
}

void thinOlderHalf(QCPGraph* graph, double t) {
    auto data = graph->data();
    QVector<QCPGraphData> kept;
    kept.reserve(data->size());
    int i = 0;
    for (auto it = data->constBegin(); it != data->constEnd(); ++it, ++i)
        if (it->key >= t || i % 2 == 0) kept.append(*it);
    data->set(kept, true);
}

double visibleMax(QCustomPlot* plot, QCPAxis* valueAxis) {
    double best = 0;
    for (int i = 0; i < plot->graphCount(); ++i) {
        QCPGraph* g = plot->graph(i);
        if (g->valueAxis() != valueAxis) continue;
        bool found = false;
        const QCPRange r = g->getValueRange(found, QCP::sdBoth, g->keyAxis()->range());
        if (found) best = std::max(best, r.upper);
    }
    return best;
}

void setTimeWindow(QCPAxis* timeAxis, const Moment* moment, double lastT, double window) {
    if (moment) {
        const double start = std::max(0.0, static_cast<double>(moment->sample.t_ns) / 1e9 - window / 2);
        timeAxis->setRange(start, start + window);
    } else {
        const double end = std::max(lastT, 0.0);
        timeAxis->setRange(std::max(0.0, end - window), std::max(window, end));
    }
}

void replotWhenShown(QCustomPlot* plot) {
    if (plot->isVisible() && !plot->visibleRegion().isEmpty()) {
        plot->setProperty("rsStale", false);
        plot->replot(QCustomPlot::rpQueuedReplot);
    } else {
        plot->setProperty("rsStale", true); // PlotThemer replots at the next paint
    }
}

void setMomentCursor(QCustomPlot* plot, const Moment* moment) {
    setMomentCursor(plot, moment ? std::optional<double>(static_cast<double>(moment->sample.t_ns) / 1e9) : std::nullopt);
}

namespace {
void applyTheme(QCustomPlot* plot) {
    const QPalette pal = plot->palette();
    const QColor bg = pal.color(QPalette::Base);
    const QColor fg = pal.color(QPalette::Text);
    QColor grid = fg;
    grid.setAlpha(45);
    plot->setBackground(bg);
    for (QCPAxis* a : plot->axisRect()->axes()) {
        a->setBasePen(QPen(fg));
        a->setTickPen(QPen(fg));
        a->setSubTickPen(QPen(fg));
        a->setTickLabelColor(fg);
        a->setLabelColor(fg);
        a->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    }
    plot->legend->setBrush(bg);
    plot->legend->setTextColor(fg);
    for (int r = 0; r < plot->plotLayout()->rowCount(); ++r)
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(r, 0))) title->setTextColor(fg);
}

class PlotThemer : public QObject {
public:
    explicit PlotThemer(QCustomPlot* plot) : QObject(plot), m_plot(plot) {}
    bool eventFilter(QObject* o, QEvent* e) override {
        if (o != m_plot) return false;
        if (e->type() == QEvent::PaletteChange) {
            applyTheme(m_plot);
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        } else if ((e->type() == QEvent::Paint || e->type() == QEvent::Show) && m_plot->property("rsStale").toBool()) {
            m_plot->setProperty("rsStale", false);
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return false;
    }

private:
    QCustomPlot* m_plot;
};
} // namespace

QString timeAxisLabel(bool host) {
    return host ? QCoreApplication::translate("PlotDecor", "time since watching began (s)")
                : QCoreApplication::translate("PlotDecor", "simulated time (s)");
}

QCustomPlot* makeTimeChart(QWidget* parent, const QString& title, int minimumHeight) {
    auto* plot = new QCustomPlot(parent);
    plot->setMinimumHeight(minimumHeight);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(parent->font().family(), 10, QFont::Bold)));
    plot->xAxis->setLabel(timeAxisLabel(false));
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(parent->font().family(), 8));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot->setNotAntialiasedElements(QCP::aeAll);
    installPlotTheme(plot);
    return plot;
}

void installPlotTheme(QCustomPlot* plot) {
    applyTheme(plot);
    plot->installEventFilter(new PlotThemer(plot));
}
