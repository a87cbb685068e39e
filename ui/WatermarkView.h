#pragma once
// The watermarks view: a chart per populated zone, fed by frames. The charts follow the
// newest data until the user pans or zooms (drag, wheel) or reviews a past moment.
#include "Frame.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

#include <map>
#include <vector>

class WatermarkPlot;
class PressurePlot;

class WatermarkView : public QWidget {
    Q_OBJECT
public:
    explicit WatermarkView(QWidget* parent = nullptr);

    void setWindowSeconds(double s) { m_window = s; }
    void setFitAllData(bool all);
    bool fitAllData() const { return m_fitAll; }
    void setUnitMiB(bool mib);
    bool unitMiB() const { return m_mib; }
    const std::vector<WatermarkPlot*>& plots() const { return m_plots; }
    // The memory-pressure chart, shown when the samples carry PSI (this machine's).
    PressurePlot* pressurePlot() const { return m_pressure; }
    QString title() const { return m_title; }
    // What the header says about the reviewed moment (empty when live).
    QString momentText() const { return m_momentText; }
    bool following() const { return m_follow; }

public slots:
    void onFrame(const FramePtr& frame);
    // A recorded moment to show, or nullptr to follow the newest data again.
    void setMoment(const MomentPtr& moment);
    void followLatest();
    // The process chosen in the Processes view: its direct reclaims are marked on the charts of
    // its node (pid 0: none).
    void setHighlightedProcess(int pid, int nid, const QString& name);

signals:
    // The user panned or zoomed: the charts stopped following the newest data.
    void followingChanged(bool following);

private:
    void rebuild(const Frame& frame);
    void refit();
    void updateHeader();
    void collectProcessReclaims(const std::vector<rs::Sample>& samples);
    void showProcessMarks();

    QVBoxLayout* m_layout = nullptr;
    QLabel* m_header = nullptr;
    std::vector<WatermarkPlot*> m_plots;
    PressurePlot* m_pressure = nullptr;
    quint64 m_generation = 0;
    double m_window = 30.0;
    bool m_fitAll = false;
    bool m_mib = false;
    bool m_follow = true;
    MomentPtr m_moment;
    // Per pid: the sample times at which its direct-reclaim count grew, and that count.
    std::map<int, QVector<double>> m_procReclaims;
    std::map<int, std::uint64_t> m_procReclaimCount;
    int m_highlightPid = 0, m_highlightNid = 0;
    QString m_highlightName;
    QString m_title, m_explanation, m_momentText;
};
