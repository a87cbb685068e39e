#include "WatermarkView.h"

#include "WatermarkPlot.h"

WatermarkView::WatermarkView(QWidget* parent) : QWidget(parent) {
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(4, 4, 4, 4);
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_layout->addWidget(m_header);
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
        // Small zones (ZONE_DMA) get less room than the zones that do the work.
        m_layout->addWidget(plot, z.managed < 65536 ? 1 : 3);
        m_plots.push_back(plot);
    }
    m_title = QString::fromStdString(frame.title);
    m_header->setText(QString("<b>%1</b><br><span style='color:palette(mid)'>%2</span>")
                          .arg(m_title.toHtmlEscaped(), QString::fromStdString(frame.explanation).toHtmlEscaped()));
    m_generation = frame.generation;
}

void WatermarkView::onFrame(const FramePtr& frame) {
    if (!frame) return;
    if (frame->generation != m_generation || m_plots.empty()) rebuild(*frame);
    for (auto* p : m_plots) p->appendSamples(frame->samples);
    for (const auto& e : frame->events) {
        const double t = static_cast<double>(e.t_ns) / 1e9;
        if (e.type == rs::EventType::SysctlChange) {
            for (auto* p : m_plots) p->addEventMarker(t, QString::fromStdString(e.text), QColor(90, 90, 90));
        } else if (e.type == rs::EventType::OomKill) {
            // "Out of memory: Killed process 3 (hog) ..." -> "OOM kill: hog"
            QString text = QString::fromStdString(e.text);
            const int open = text.indexOf('('), close = text.indexOf(')');
            const QString label = open >= 0 && close > open ? "OOM kill: " + text.mid(open + 1, close - open - 1) : "OOM";
            for (auto* p : m_plots) p->addEventMarker(t, label, QColor(200, 30, 30));
        } else if (e.type == rs::EventType::Swap) {
            // "Adding 1048572k swap on /dev/sdc1. ..." -> "swapon /dev/sdc1";
            // "swapoff /dev/sdb1: done, ..." -> "swapoff /dev/sdb1: done"
            const QString text = QString::fromStdString(e.text);
            QString label = text.section(',', 0, 0);
            if (text.startsWith("Adding ")) label = "swapon " + text.section(' ', 4, 4).chopped(1);
            for (auto* p : m_plots) p->addEventMarker(t, label, QColor(40, 90, 170));
        }
    }
    for (auto* p : m_plots) {
        p->followLatest(m_window, m_fitAll ? WatermarkPlot::YFit::AllData : WatermarkPlot::YFit::WatermarkBand);
        p->replot(QCustomPlot::rpQueuedReplot);
    }
}

void WatermarkView::setFitAllData(bool all) {
    m_fitAll = all;
    for (auto* p : m_plots) {
        p->followLatest(m_window, m_fitAll ? WatermarkPlot::YFit::AllData : WatermarkPlot::YFit::WatermarkBand);
        p->replot(QCustomPlot::rpQueuedReplot);
    }
}
