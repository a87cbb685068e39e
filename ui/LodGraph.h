#pragma once
// A QCPGraph fed from an rs::LodSeries: the graph holds only what its visible range needs at
// its pixel width (every point when they are few, else each bucket's min and max), refreshed
// when the range, the width or the data change. The full history stays in the series.
#include "record/lod_series.h"

#include <qcustomplot.h>

class LodGraph {
public:
    explicit LodGraph(QCPGraph* graph) : m_graph(graph) { graph->setAdaptiveSampling(false); }

    QCPGraph* graph() const { return m_graph; }
    const rs::LodSeries& series() const { return m_series; }
    void append(double t, double v) {
        m_series.append(t, v);
        m_dirty = true;
    }
    void clear() {
        m_series.clear();
        m_graph->data()->clear();
        m_dirty = true;
    }
    void thinOlderHalf(double t) {
        m_series.thin_older_half(t);
        m_dirty = true;
    }
    // Values are drawn times this factor (pages -> MiB).
    void setScale(double scale) {
        m_scale = scale;
        m_dirty = true;
    }
    // Puts the points for the key axis' current range into the graph (cheap when nothing changed).
    void refresh();

private:
    QCPGraph* m_graph;
    rs::LodSeries m_series;
    double m_scale = 1.0;
    bool m_dirty = true;
    QCPRange m_range;
    int m_width = 0;
    std::vector<std::pair<double, double>> m_scratch;
};
