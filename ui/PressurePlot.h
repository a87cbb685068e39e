#pragma once
// Memory pressure as /proc/pressure/memory reports it (kernel/sched/psi.c): the share of time
// some task, or every non-idle task, was stalled on memory: avg10 in percent, and the stall
// time per second between readings. Shown under the watermark charts when the samples have it.
#include "LodGraph.h"
#include "record/recorder.h"

#include <qcustomplot.h>

#include <memory>
#include <vector>

class PressurePlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit PressurePlot(QWidget* parent = nullptr);
    ~PressurePlot() override;
    void clear();
    // Appends the samples that carry PSI; false when none of them does.
    bool appendSamples(const std::vector<rs::Sample>& samples);
    void thin(int rounds, double before_s);
    bool hasData() const { return m_lastT >= 0; }

private:
    QCPGraph *m_someAvg, *m_fullAvg, *m_someMs, *m_fullMs;
    std::vector<std::unique_ptr<LodGraph>> m_lods;
    double m_lastT = -1;
    std::uint64_t m_lastSome = 0, m_lastFull = 0;
};
