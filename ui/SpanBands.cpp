#include "SpanBands.h"

#include <algorithm>

SpanBands::SpanBands(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPAbstractPlottable(keyAxis, valueAxis) {
    setPen(Qt::NoPen);
}

void SpanBands::add(double t, bool on) {
    if (on) {
        if (m_open) m_spans.back().second = t;
        else m_spans.emplace_back(t, t);
        m_open = true;
    } else if (m_open) {
        m_spans.back().second = t; // the span lasts until the state changed
        m_open = false;
    }
}

void SpanBands::clear() {
    m_spans.clear();
    m_open = false;
}

QCPRange SpanBands::getKeyRange(bool& foundRange, QCP::SignDomain) const {
    foundRange = !m_spans.empty();
    return foundRange ? QCPRange(m_spans.front().first, m_spans.back().second) : QCPRange();
}

QCPRange SpanBands::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const {
    foundRange = false; // full height: no value range of its own
    return {};
}

void SpanBands::draw(QCPPainter* painter) {
    QCPAxis* key = keyAxis();
    if (!key || m_spans.empty()) return;
    const QRect area = clipRect();
    const QCPRange visible = key->range();
    // The first span that ends in view.
    auto it = std::lower_bound(m_spans.begin(), m_spans.end(), visible.lower,
                               [](const std::pair<double, double>& s, double t) { return s.second < t; });
    const QBrush b = brush();
    double x0 = 0, x1 = -1; // the rectangle being merged (spans closer than a pixel draw as one)
    auto flush = [&] {
        if (x1 >= x0) painter->fillRect(QRectF(x0, area.top(), std::max(x1 - x0, 1.0), area.height()), b);
    };
    for (; it != m_spans.end() && it->first <= visible.upper; ++it) {
        double a = key->coordToPixel(it->first), c = key->coordToPixel(it->second);
        if (a > c) std::swap(a, c);
        a = std::max(a, static_cast<double>(area.left()));
        c = std::min(c, static_cast<double>(area.right()));
        if (x1 >= x0 && a - x1 < 1.0) {
            x1 = std::max(x1, c);
            continue;
        }
        flush();
        x0 = a;
        x1 = c;
    }
    flush();
}

void SpanBands::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    painter->fillRect(rect, brush());
}
