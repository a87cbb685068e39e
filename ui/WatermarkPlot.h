#pragma once
// One zone's chart: free pages against the min/low/high watermarks over simulated time, with
// the periods kswapd is awake shaded and sysctl changes marked.
#include "Frame.h"

#include "LodGraph.h"
#include "SpanBands.h"

#include <qcustomplot.h>

#include <memory>

class WatermarkPlot : public QCustomPlot {
    Q_OBJECT
public:
    WatermarkPlot(const rs::ZoneLabel& zone, QWidget* parent = nullptr);

    const rs::ZoneLabel& zone() const { return m_zone; }
    // Appends this zone's values from the samples (older samples than the last one are ignored).
    void appendSamples(const std::vector<rs::Sample>& samples);
    void addEventMarker(double t, const QString& label, const QColor& color);
    // The recorder thinned its history: thin the per-sample series the same way (the step
    // series keep only their changes and stay small).
    void thin(int rounds, double beforeT);
    enum class YFit {
        WatermarkBand, // 0 .. a little above the high watermark and the lowest free value shown
        AllData,       // everything in the visible time window
    };
    // Follow the latest data with a window of the given length (seconds), fitting y to it.
    void followLatest(double windowSeconds, YFit fit);
    // Review a past moment: the window centred on t, with a cursor there.
    void showMoment(double t, double windowSeconds, YFit fit);
    // The y axis in pages (4 KiB) or in MiB; the data are converted in place.
    void setUnitMiB(bool mib);
    bool unitMiB() const { return m_scale != 1.0; }

    QCPGraph* freeGraph() const { return m_free; }
    // Every recorded free-pages value (the graph holds what the visible range needs).
    const rs::LodSeries& freeSeries() const { return m_freeLod->series(); }
    QCPGraph* minGraph() const { return m_min; }
    QCPGraph* lowGraph() const { return m_low; }
    QCPGraph* highGraph() const { return m_high; }
    SpanBands* kswapdSpans() const { return m_kswapd; }
    SpanBands* kswapdNapSpans() const { return m_nap; }
    QCPGraph* directReclaimGraph() const { return m_direct; }
    // One process's direct reclaims (times in s), drawn larger over the others; an empty name
    // removes them.
    void setProcessMarks(const QVector<double>& times, const QString& name);
    QCPGraph* processReclaimGraph() const { return m_procDirect; }
    double lastTime() const { return m_lastT; }

private:
    rs::ZoneLabel m_zone;
    QCPGraph* m_free = nullptr;
    std::unique_ptr<LodGraph> m_freeLod;
    QCPGraph* m_min = nullptr;
    QCPGraph* m_low = nullptr;
    QCPGraph* m_high = nullptr;
    SpanBands* m_kswapd = nullptr;
    SpanBands* m_nap = nullptr;
    QCPGraph* m_direct = nullptr;
    QCPGraph* m_procDirect = nullptr;
    std::uint64_t m_lastDirect = 0;
    double m_lastT = -1;
    double m_scale = 1.0; // y units per page
    void fitY(YFit fit);
};
