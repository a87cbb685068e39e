#include "LodGraph.h"

void LodGraph::refresh() {
    const QCPRange range = m_graph->keyAxis()->range();
    const int width = std::max(1, m_graph->keyAxis()->axisRect()->width());
    if (!m_dirty && range == m_range && width == m_width) return;
    m_dirty = false;
    m_range = range;
    m_width = width;
    m_series.query(range.lower, range.upper, static_cast<std::size_t>(width), m_scratch);
    QVector<QCPGraphData> points;
    points.reserve(static_cast<qsizetype>(m_scratch.size()));
    for (const auto& [t, v] : m_scratch) points.append(QCPGraphData(t, v * m_scale));
    m_graph->data()->set(points, true);
}
