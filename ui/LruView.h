#pragma once
// The LRU view: the five list sizes over time, stacked, and the flow diagram of the last frame.
#include "Frame.h"

#include <QWidget>

#include <array>
#include <deque>

class QCustomPlot;
class QCPGraph;
class LruFlowWidget;

class LruView : public QWidget {
    Q_OBJECT
public:
    explicit LruView(QWidget* parent = nullptr);
    QCustomPlot* plot() const { return m_plot; }
    LruFlowWidget* flows() const { return m_flows; }

public slots:
    void onFrame(const FramePtr& frame);
    // A recorded moment (list sizes and flows of the second before it), or nullptr for live.
    void setMoment(const MomentPtr& moment);

private:
    QCustomPlot* m_plot;
    LruFlowWidget* m_flows;
    std::array<QCPGraph*, 5> m_graphs{};
    quint64 m_generation = 0;
    double m_lastT = -1;
    std::deque<rs::Sample> m_recent; // the last simulated second, for the flow rates
    MomentPtr m_moment;
    void fitAxes();
};
