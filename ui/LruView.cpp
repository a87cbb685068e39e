#include "LruView.h"

#include "LruFlowWidget.h"
#include "PlotDecor.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

namespace {
// Bottom to top of the stack, and what each list is.
constexpr std::array<int, 5> kOrder = {4, 1, 0, 3, 2}; // unevictable, active anon, inactive anon, active file, inactive file
const char* kNames[5] = {QT_TRANSLATE_NOOP("LruView", "inactive anon"), QT_TRANSLATE_NOOP("LruView", "active anon"),
                         QT_TRANSLATE_NOOP("LruView", "inactive file"), QT_TRANSLATE_NOOP("LruView", "active file"),
                         QT_TRANSLATE_NOOP("LruView", "unevictable")};
const QColor kColors[5] = {QColor(255, 200, 150), QColor(250, 160, 100), QColor(170, 205, 240), QColor(110, 165, 225),
                           QColor(190, 190, 190)};

// The list sizes of `last` and the flow rates between two samples (pages per second).
LruFlows flowsBetween(const rs::Sample& first, const rs::Sample& last) {
    LruFlows f;
    for (const auto& n : last.nodes)
        for (std::size_t l = 0; l < 5; ++l) f.lru[l] += n.lru[l];
    const double dt = static_cast<double>(last.t_ns - first.t_ns) / 1e9;
    if (dt <= 0) return f;
    auto rate = [&](std::uint64_t rs::Sample::*field) { return static_cast<double>(last.*field - first.*field) / dt; };
    f.alloc = rate(&rs::Sample::pgalloc);
    f.activate = rate(&rs::Sample::pgactivate);
    f.deactivate = rate(&rs::Sample::pgdeactivate);
    f.rotate = rate(&rs::Sample::pgrotated);
    f.steal_file = rate(&rs::Sample::pgsteal_file);
    f.steal_anon = rate(&rs::Sample::pgsteal_anon);
    f.swap_out = rate(&rs::Sample::pswpout);
    f.swap_in = rate(&rs::Sample::pswpin);
    f.refault_file = rate(&rs::Sample::refault_file);
    f.refault_anon = rate(&rs::Sample::refault_anon);
    return f;
}
} // namespace

LruView::LruView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_plot = makeTimeChart(this, tr("LRU list sizes (stacked)"), 260);
    m_plot->yAxis->setLabel(tr("MiB"));
    QCPGraph* below = nullptr;
    for (int i : kOrder) {
        QCPGraph* g = m_plot->addGraph();
        g->setName(tr(kNames[i]));
        g->setPen(QPen(kColors[i].darker(130), 1.0));
        g->setBrush(kColors[i]);
        if (below) g->setChannelFillGraph(below);
        below = g;
        m_graphs[static_cast<std::size_t>(i)] = g;
    }
    m_plot->setToolTip(tr("nr_inactive_anon, nr_active_anon, nr_inactive_file, nr_active_file and nr_unevictable "
                       "of every node, stacked (as in /proc/vmstat), in MiB"));
    layout->addWidget(m_plot, 1);
    m_flows = new LruFlowWidget(this);
    layout->addWidget(m_flows, 1);
}

void LruView::onFrame(const FramePtr& frame) {
    if (!frame) return;
    if (frame->generation != m_generation) {
        m_generation = frame->generation;
        for (auto* g : m_graphs) g->data()->clear();
        m_plot->clearItems();
        m_moment.reset();
        m_lastT = -1;
        m_recent.clear();
    }
    for (int r = 0; r < frame->thin_rounds; ++r)
        for (auto* g : m_graphs) thinOlderHalf(g, static_cast<double>(frame->thin_before_ns) / 1e9);
    constexpr double kMiB = 4096.0 / (1 << 20);
    for (const auto& s : frame->samples) {
        const double t = static_cast<double>(s.t_ns) / 1e9;
        if (t < m_lastT) continue;
        std::array<double, 5> sum{};
        for (const auto& n : s.nodes)
            for (std::size_t l = 0; l < 5; ++l) sum[l] += static_cast<double>(n.lru[l]);
        double stacked = 0;
        for (int i : kOrder) {
            stacked += sum[static_cast<std::size_t>(i)] * kMiB;
            m_graphs[static_cast<std::size_t>(i)]->addData(t, stacked);
        }
        m_lastT = t;
    }
    for (const auto& e : frame->events)
        if (const auto m = eventMarker(e)) addEventMarker(m_plot, static_cast<double>(e.t_ns) / 1e9, *m);
    if (!frame->samples.empty()) {
        // Rates over the last simulated second (a single frame can fall between two of kswapd's
        // batches and show nothing).
        for (const auto& smp : frame->samples) m_recent.push_back(smp);
        while (m_recent.size() > 2 && m_recent.back().t_ns - m_recent[1].t_ns >= 1'000'000'000) m_recent.pop_front();
        if (!m_moment) m_flows->setFlows(flowsBetween(m_recent.front(), m_recent.back()));
    }
    fitAxes();
}

void LruView::setMoment(const MomentPtr& moment) {
    if (moment && moment->generation != m_generation) return;
    m_moment = moment;
    setMomentCursor(m_plot, moment.get());
    if (moment) m_flows->setFlows(flowsBetween(moment->secondBefore, moment->sample));
    else if (!m_recent.empty()) m_flows->setFlows(flowsBetween(m_recent.front(), m_recent.back()));
    fitAxes();
}

void LruView::fitAxes() {
    setTimeWindow(m_plot->xAxis, m_moment.get(), m_lastT);
    m_plot->yAxis->setRange(0, std::max(visibleMax(m_plot, m_plot->yAxis) * 1.05, 1.0));
    replotWhenShown(m_plot);
}
