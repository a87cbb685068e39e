#include "WatermarkPlot.h"

#include "PlotDecor.h"

#include <algorithm>

namespace {
QCPGraph* makeLine(QCustomPlot* p, const QString& name, const QColor& c, Qt::PenStyle style, double width) {
    QCPGraph* g = p->addGraph();
    g->setName(name);
    QPen pen(c);
    pen.setWidthF(width);
    pen.setStyle(style);
    g->setPen(pen);
    g->setLineStyle(QCPGraph::lsStepLeft);
    g->setAdaptiveSampling(true);
    return g;
}
} // namespace

WatermarkPlot::WatermarkPlot(const rs::ZoneLabel& zone, QWidget* parent)
    : QCustomPlot(parent), m_zone(zone) {
    setMinimumHeight(180);
    // Live charts draw without antialiasing: an antialiased free-pages line of a few thousand
    // points cost 40 ms per replot at full engine speed (ui_bench's stall figure).
    setNotAntialiasedElements(QCP::aeAll); // exports turn it back on (ChartExport.cpp)
    setPlottingHint(QCP::phFastPolylines, true);
    plotLayout()->insertRow(0);
    auto* title = new QCPTextElement(
        this,
        tr("Node %1, zone %2 — free pages against watermarks").arg(zone.node).arg(QString::fromStdString(zone.name)),
        QFont(font().family(), 10, QFont::Bold));
    plotLayout()->addElement(0, 0, title);

    xAxis->setLabel(timeAxisLabel(false));
    yAxis->setLabel(tr("pages (4 KiB)"));
    yAxis->setNumberFormat("f");
    yAxis->setNumberPrecision(0);

    // kswapd activity first, so the lines draw over it: full-height shading while kswapd runs
    // balance_pgdat(), lighter while it naps in kswapd_try_to_sleep().
    m_kswapd = new SpanBands(xAxis, yAxis2);
    m_kswapd->setName(tr("kswapd reclaiming"));
    m_kswapd->setBrush(QColor(140, 110, 210, 90));
    m_nap = new SpanBands(xAxis, yAxis2);
    m_nap->setName(tr("kswapd napping"));
    m_nap->setBrush(QColor(140, 110, 210, 35));
    yAxis2->setRange(0, 1);
    yAxis2->setVisible(false);

    // Direct reclaim: a mark under the time axis wherever tasks reclaimed for themselves.
    m_direct = addGraph(xAxis, yAxis2);
    m_direct->setName(tr("direct reclaim"));
    m_direct->setLineStyle(QCPGraph::lsNone);
    m_direct->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, QColor(200, 30, 30), QColor(200, 30, 30), 7));

    // The selected process's direct reclaims (the Processes view): over the others, outlined.
    m_procDirect = addGraph(xAxis, yAxis2);
    m_procDirect->setLineStyle(QCPGraph::lsNone);
    m_procDirect->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, QPen(QColor(20, 20, 20), 1.5), QColor(255, 200, 0), 11));
    m_procDirect->removeFromLegend();

    m_free = makeLine(this, tr("free"), QColor(31, 119, 180), Qt::SolidLine, 1.6);
    m_freeLod = std::make_unique<LodGraph>(m_free);
    connect(this, &QCustomPlot::beforeReplot, this, [this] { m_freeLod->refresh(); });
    m_high = makeLine(this, tr("high"), QColor(44, 160, 44), Qt::DashLine, 1.4);
    m_low = makeLine(this, tr("low"), QColor(255, 127, 14), Qt::DashLine, 1.4);
    m_min = makeLine(this, tr("min"), QColor(214, 39, 40), Qt::DashLine, 1.4);

    // The legend sits in its own row under the title: inside the axis rect it would cover the
    // newest data, which is always at the right edge.
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), 8));
    legend->setBorderPen(Qt::NoPen);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    axisRect()->insetLayout()->take(legend);
    plotLayout()->insertRow(1);
    plotLayout()->addElement(1, 0, legend);
    plotLayout()->setRowStretchFactor(0, 0.001);
    plotLayout()->setRowStretchFactor(1, 0.001);
    installPlotTheme(this);
    setToolTip(tr("Zone %1 of node %2: %3 managed pages. Lines are the zone's watermarks "
                       "(include any boost) as /proc/zoneinfo prints them; shading shows kswapd "
                       "balancing the node (dark) or napping (light).")
                   .arg(QString::fromStdString(zone.name)).arg(zone.node).arg(zone.managed));
}

namespace {
// Series that change rarely (watermarks, kswapd's state) keep only their changes and a tail
// point at the newest time: the same picture with a handful of points instead of one per sample.
void appendStep(QCPGraph* g, double t, double v) {
    auto d = g->data();
    const int n = d->size();
    if (n >= 2) {
        auto last = d->end() - 1;
        if ((last - 1)->value == v && last->value == v) {
            last->key = t; // keys stay sorted: t is the newest
            return;
        }
    }
    g->addData(t, v);
}
} // namespace

void WatermarkPlot::appendSamples(const std::vector<rs::Sample>& samples) {
    const auto g = static_cast<std::size_t>(m_zone.global);
    const auto node = static_cast<std::size_t>(m_zone.node);
    for (const auto& s : samples) {
        const double t = static_cast<double>(s.t_ns) / 1e9;
        if (t < m_lastT || g >= s.zones.size()) continue;
        const auto& z = s.zones[g];
        m_freeLod->append(t, static_cast<double>(z.free));
        appendStep(m_min, t, static_cast<double>(z.min) * m_scale);
        appendStep(m_low, t, static_cast<double>(z.low) * m_scale);
        appendStep(m_high, t, static_cast<double>(z.high) * m_scale);
        const auto phase = node < s.nodes.size() ? s.nodes[node].kswapd_phase : rs::KswapdPhase::Sleeping;
        m_kswapd->add(t, phase == rs::KswapdPhase::Balancing);
        m_nap->add(t, phase == rs::KswapdPhase::Napping);
        if (node < s.nodes.size()) {
            const std::uint64_t direct = s.nodes[node].direct_reclaims;
            if (direct > m_lastDirect && m_lastT >= 0) m_direct->addData(t, 0.03);
            m_lastDirect = direct;
        }
        m_lastT = t;
    }
}

void WatermarkPlot::setProcessMarks(const QVector<double>& times, const QString& name) {
    m_procDirect->data()->clear();
    m_procDirect->removeFromLegend();
    if (name.isEmpty()) return;
    m_procDirect->setName(name);
    m_procDirect->addToLegend();
    for (const double t : times) m_procDirect->addData(t, 0.06);
}

void WatermarkPlot::addEventMarker(double t, const QString& label, const QColor& color) {
    ::addEventMarker(this, t, EventMarker{label, color});
}

void WatermarkPlot::thin(int rounds, double beforeT) {
    for (int r = 0; r < rounds; ++r) {
        m_freeLod->thinOlderHalf(beforeT);
        thinOlderHalf(m_direct, beforeT);
    }
}

void WatermarkPlot::setUnitMiB(bool mib) {
    const double scale = mib ? 4096.0 / (1 << 20) : 1.0;
    if (scale == m_scale) return;
    const double f = scale / m_scale;
    for (QCPGraph* g : {m_min, m_low, m_high})
        for (auto it = g->data()->begin(); it != g->data()->end(); ++it) it->value *= f;
    m_freeLod->setScale(scale);
    m_freeLod->refresh();
    m_scale = scale;
    yAxis->setLabel(mib ? tr("MiB") : tr("pages (4 KiB)"));
    yAxis->setNumberPrecision(mib ? 1 : 0);
    yAxis->setRange(yAxis->range().lower * f, yAxis->range().upper * f);
}

void WatermarkPlot::showMoment(double t, double windowSeconds, YFit fit) {
    const double start = std::max(0.0, t - windowSeconds / 2);
    xAxis->setRange(start, start + windowSeconds);
    setMomentCursor(this, t);
    fitY(fit);
}

void WatermarkPlot::followLatest(double windowSeconds, YFit fit) {
    const double end = std::max(m_lastT, 0.0);
    const double start = std::max(0.0, end - windowSeconds);
    xAxis->setRange(start, std::max(start + windowSeconds, end));
    setMomentCursor(this, std::nullopt);
    fitY(fit);
}

void WatermarkPlot::fitY(YFit fit) {
    m_freeLod->refresh(); // the points of the new range
    bool okFree = false, okHigh = false;
    const QCPRange free = m_free->getValueRange(okFree, QCP::sdBoth, xAxis->range());
    const QCPRange high = m_high->getValueRange(okHigh, QCP::sdBoth, xAxis->range());
    if (!okFree || !okHigh) return;
    double upper;
    if (fit == YFit::AllData) {
        upper = std::max(free.upper, high.upper) * 1.08;
    } else {
        // Keep the watermarks in the lower part of the chart and the free line in view where it
        // comes close to them; a free line far above simply leaves the chart at the top.
        upper = std::max({high.upper * 1.6, free.lower * 1.15, high.upper + 16.0 * m_scale});
    }
    yAxis->setRange(0, std::max(upper, 16.0 * m_scale));
}
