#include "WatermarkView.h"

#include "PlotDecor.h"
#include "PressurePlot.h"
#include "WatermarkPlot.h"

#include "util/units.h"

WatermarkView::WatermarkView(QWidget* parent) : QWidget(parent) {
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(4, 4, 4, 4);
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_layout->addWidget(m_header);
    m_pressure = new PressurePlot(this);
    m_pressure->hide(); // until samples carry PSI (this machine's /proc/pressure/memory)
    m_layout->addWidget(m_pressure, 2);
}

void WatermarkView::rebuild(const Frame& frame) {
    for (auto* p : m_plots) {
        m_layout->removeWidget(p);
        delete p;
    }
    m_plots.clear();
    for (const auto& z : frame.zones) {
        if (!z.populated || z.managed == 0) continue;
        auto* plot = new WatermarkPlot(z, this);
        plot->setUnitMiB(m_mib);
        // Pan and zoom in time; all zones keep the same window.
        plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
        plot->axisRect()->setRangeDrag(Qt::Horizontal);
        plot->axisRect()->setRangeZoom(Qt::Horizontal);
        auto hold = [this] {
            if (!m_follow) return;
            m_follow = false;
            emit followingChanged(false);
        };
        connect(plot, &QCustomPlot::mousePress, this, hold);
        connect(plot, &QCustomPlot::mouseWheel, this, hold);
        connect(plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this, plot](const QCPRange& r) {
            if (m_follow) return;
            for (auto* other : m_plots)
                if (other != plot && other->xAxis->range() != r) {
                    other->xAxis->setRange(r);
                    other->replot(QCustomPlot::rpQueuedReplot);
                }
        });
        // Small zones (ZONE_DMA) get less room than the zones that do the work.
        m_layout->addWidget(plot, z.managed < 65536 ? 1 : 3);
        m_plots.push_back(plot);
    }
    // The pressure chart stays under the zones' charts.
    m_layout->removeWidget(m_pressure);
    m_layout->addWidget(m_pressure, 2);
    m_pressure->clear();
    m_pressure->hide();
    m_procReclaims.clear();
    m_procReclaimCount.clear();
    m_title = QString::fromStdString(frame.title);
    m_explanation = QString::fromStdString(frame.explanation);
    m_generation = frame.generation;
    m_moment.reset();
    m_momentText.clear();
    updateHeader();
}

void WatermarkView::updateHeader() {
    QString html = QString("<b>%1</b><br>%2")
                       .arg(m_title.toHtmlEscaped(), m_explanation.toHtmlEscaped());
    if (!m_momentText.isEmpty()) html += "<br><span style='color:#e67800'><b>" + m_momentText.toHtmlEscaped() + "</b></span>";
    m_header->setText(html);
}

void WatermarkView::onFrame(const FramePtr& frame) {
    if (!frame) return;
    if (frame->generation != m_generation || m_plots.empty()) rebuild(*frame);
    if (frame->thin_rounds > 0)
        for (auto* p : m_plots) p->thin(frame->thin_rounds, static_cast<double>(frame->thin_before_ns) / 1e9);
    for (auto* p : m_plots) p->appendSamples(frame->samples);
    if (frame->thin_rounds > 0) m_pressure->thin(frame->thin_rounds, static_cast<double>(frame->thin_before_ns) / 1e9);
    if (m_pressure->appendSamples(frame->samples) && m_pressure->isHidden()) m_pressure->show();
    collectProcessReclaims(frame->samples);
    for (const auto& e : frame->events)
        if (const auto m = eventMarker(e))
            for (auto* p : m_plots) p->addEventMarker(static_cast<double>(e.t_ns) / 1e9, m->label, m->color);
    if (m_follow && !m_moment) refit();
    for (auto* p : m_plots) replotWhenShown(p);
    if (m_pressure->hasData()) replotWhenShown(m_pressure);
}

void WatermarkView::collectProcessReclaims(const std::vector<rs::Sample>& samples) {
    bool grew = false;
    for (const auto& s : samples)
        for (const auto& p : s.procs) {
            auto& count = m_procReclaimCount[p.pid];
            if (p.reclaim_count > count) {
                m_procReclaims[p.pid].append(static_cast<double>(s.t_ns) / 1e9);
                grew |= p.pid == m_highlightPid;
            }
            count = p.reclaim_count;
        }
    if (grew) showProcessMarks();
}

void WatermarkView::showProcessMarks() {
    static const QVector<double> none;
    const auto it = m_procReclaims.find(m_highlightPid);
    for (auto* p : m_plots) {
        const bool mine = m_highlightPid > 0 && p->zone().node == m_highlightNid;
        p->setProcessMarks(mine && it != m_procReclaims.end() ? it->second : none,
                           mine ? tr("direct reclaim by %1").arg(m_highlightName) : QString());
        p->replot(QCustomPlot::rpQueuedReplot);
    }
}

void WatermarkView::setHighlightedProcess(int pid, int nid, const QString& name) {
    m_highlightPid = pid;
    m_highlightNid = nid;
    m_highlightName = name;
    showProcessMarks();
}

void WatermarkView::refit() {
    const auto fit = m_fitAll ? WatermarkPlot::YFit::AllData : WatermarkPlot::YFit::WatermarkBand;
    for (auto* p : m_plots) {
        if (m_moment) p->showMoment(static_cast<double>(m_moment->t_ns) / 1e9, m_window, fit);
        else if (m_follow) p->followLatest(m_window, fit);
        p->replot(QCustomPlot::rpQueuedReplot);
    }
    if (m_pressure->hasData() && !m_plots.empty()) {
        m_pressure->xAxis->setRange(m_plots.front()->xAxis->range());
        bool found = false;
        QCPRange avg = m_pressure->graph(0)->getValueRange(found), full = m_pressure->graph(1)->getValueRange(found);
        m_pressure->yAxis->setRange(0, std::max({1.0, avg.upper, full.upper}) * 1.15);
        QCPRange ms = m_pressure->graph(2)->getValueRange(found);
        m_pressure->yAxis2->setRange(0, std::max(10.0, ms.upper) * 1.15);
        m_pressure->replot(QCustomPlot::rpQueuedReplot);
    }
}

void WatermarkView::setMoment(const MomentPtr& moment) {
    if (moment && moment->generation != m_generation) return;
    m_moment = moment;
    m_momentText.clear();
    if (moment) {
        // The recorded values of that moment, per zone, as the charts show them.
        QStringList parts;
        for (const auto& z : moment->zones) {
            const auto g = static_cast<std::size_t>(z.global);
            if (!z.populated || z.managed == 0 || g >= moment->sample.zones.size()) continue;
            const auto& zs = moment->sample.zones[g];
            parts << tr("%1 free %2 (min %3, low %4, high %5)")
                         .arg(QString::fromStdString(z.name)).arg(zs.free).arg(zs.min).arg(zs.low).arg(zs.high);
        }
        m_momentText = tr("Reviewing t = %1: %2")
                           .arg(QString::fromStdString(rs::format_duration(moment->sample.t_ns)), parts.join("; "));
    } else {
        m_follow = true;
        emit followingChanged(true);
    }
    updateHeader();
    refit();
}

void WatermarkView::followLatest() { setMoment(nullptr); }

void WatermarkView::setFitAllData(bool all) {
    m_fitAll = all;
    refit();
}

void WatermarkView::setUnitMiB(bool mib) {
    m_mib = mib;
    for (auto* p : m_plots) p->setUnitMiB(mib);
    refit();
}
