#include "PressurePlot.h"

#include "PlotDecor.h"
#include "record/sample_fields.h"

namespace {
bool hasPsi(const rs::Sample& s) {
    for (const auto& f : rs::sample_fields())
        if (f.name == "psi_memory_some_us") return rs::sample_has(s, f);
    return false;
}
} // namespace

PressurePlot::PressurePlot(QWidget* parent) : QCustomPlot(parent) {
    setMinimumHeight(170);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, new QCPTextElement(this, tr("Memory pressure (PSI, /proc/pressure/memory)"),
                                                      QFont(font().family(), 10, QFont::Bold)));
    xAxis->setLabel(timeAxisLabel(false));
    yAxis->setLabel(tr("avg10 (%)"));
    yAxis2->setVisible(true);
    yAxis2->setLabel(tr("stalled (ms per s)"));
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), 8));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    setNotAntialiasedElements(QCP::aeAll);
    installPlotTheme(this);
    m_someAvg = addGraph();
    m_someAvg->setName(tr("some avg10"));
    m_someAvg->setPen(QPen(QColor(148, 103, 189), 1.8));
    m_fullAvg = addGraph();
    m_fullAvg->setName(tr("full avg10"));
    m_fullAvg->setPen(QPen(QColor(214, 39, 40), 1.8));
    m_someMs = addGraph(xAxis, yAxis2);
    m_someMs->setName(tr("some: stalled ms/s"));
    m_someMs->setPen(QPen(QColor(148, 103, 189), 1.0, Qt::DashLine));
    m_fullMs = addGraph(xAxis, yAxis2);
    m_fullMs->setName(tr("full: stalled ms/s"));
    m_fullMs->setPen(QPen(QColor(214, 39, 40), 1.0, Qt::DashLine));
    for (QCPGraph* g : {m_someAvg, m_fullAvg, m_someMs, m_fullMs}) m_lods.push_back(std::make_unique<LodGraph>(g));
    connect(this, &QCustomPlot::beforeReplot, this, [this] {
        for (auto& l : m_lods) l->refresh();
    });
    setToolTip(tr("Pressure stall information: \"some\" is the share of time at least one task waited for memory "
                  "(reclaim, swap-in, refaults of its working set), \"full\" the share when every non-idle task "
                  "did. avg10 is the kernel's 10-second average; the dashed lines are the stall time per second "
                  "between two readings."));
}

PressurePlot::~PressurePlot() = default;

void PressurePlot::clear() {
    for (auto& l : m_lods) l->clear();
    m_lastT = -1;
}

void PressurePlot::thin(int rounds, double before_s) {
    for (int r = 0; r < rounds; ++r)
        for (auto& l : m_lods) l->thinOlderHalf(before_s);
}

bool PressurePlot::appendSamples(const std::vector<rs::Sample>& samples) {
    bool any = false;
    for (const auto& s : samples) {
        if (!hasPsi(s)) continue;
        any = true;
        const double t = static_cast<double>(s.t_ns) / 1e9;
        if (t <= m_lastT) continue;
        m_lods[0]->append(t, static_cast<double>(s.psi_some_avg10) / 100.0);
        m_lods[1]->append(t, static_cast<double>(s.psi_full_avg10) / 100.0);
        if (m_lastT >= 0) {
            const double dt = t - m_lastT;
            m_lods[2]->append(t, static_cast<double>(s.psi_some_us - m_lastSome) / 1000.0 / dt);
            m_lods[3]->append(t, static_cast<double>(s.psi_full_us - m_lastFull) / 1000.0 / dt);
        }
        m_lastT = t;
        m_lastSome = s.psi_some_us;
        m_lastFull = s.psi_full_us;
    }
    return any;
}
