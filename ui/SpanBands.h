#pragma once
// Shaded time spans over the whole height of a chart (kswapd balancing, kswapd napping), drawn
// as rectangles. A filled step graph does the same with a polygon of two vertices per
// transition, and the raster engine's scanline fill of thousands of vertical edges cost tens of
// milliseconds per replot; rectangles cost microseconds.
#include <qcustomplot.h>

#include <utility>
#include <vector>

class SpanBands : public QCPAbstractPlottable {
    Q_OBJECT
public:
    SpanBands(QCPAxis* keyAxis, QCPAxis* valueAxis);

    // The state from time t on (t must not decrease). An "on" state extends or opens a span.
    void add(double t, bool on);
    void clear();
    // [start, end] of every span, time order; the last may still be open (end = newest time).
    const std::vector<std::pair<double, double>>& spans() const { return m_spans; }

    double selectTest(const QPointF&, bool, QVariant* = nullptr) const override { return -1; }
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    std::vector<std::pair<double, double>> m_spans;
    bool m_open = false; // the last span is still on
};
