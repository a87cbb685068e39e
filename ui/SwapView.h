#pragma once
// The swap view: each device's slot map, and swap usage and swap-in/out rates over time.
#include "Frame.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QPushButton;
class QCustomPlot;
class QCPGraph;
class QLabel;
class QVBoxLayout;
class SlotMapWidget;

class SwapView : public QWidget {
    Q_OBJECT
public:
    explicit SwapView(QWidget* parent = nullptr);
    ~SwapView() override;
    QCustomPlot* plot() const { return m_plot; }
    const std::vector<SlotMapWidget*>& maps() const { return m_maps; }

public slots:
    void onFrame(const FramePtr& frame);
    // A recorded moment (the chart centred on it; the slot maps stay "now": they are not
    // recorded), or nullptr for live.
    void setMoment(const MomentPtr& moment);
    // The process chosen in the Processes view: its slots are outlined in the maps (0: none).
    void setHighlightedProcess(int pid);

signals:
    // sys_swapon with a --swap style spec ("1G,kind=ssd,name=/dev/sdc1"); sys_swapoff by name.
    void swaponRequested(const QString& spec);
    void swapoffRequested(const QString& name);

private:
    void askSwapon();
    QComboBox* m_device;
    QPushButton* m_swapoff;
    QVBoxLayout* m_mapsLayout;
    QLabel* m_empty;
    QPushButton* m_swapon = nullptr;
    bool m_host = false; // showing this machine: no slot maps, no swapon/swapoff
    static QString noSwapText();
    std::vector<SlotMapWidget*> m_maps;
    std::vector<QLabel*> m_titles;
    int m_highlightPid = 0;
    QCustomPlot* m_plot;
    QCPGraph* m_used;
    QCPGraph* m_cache;
    QCPGraph* m_in;
    QCPGraph* m_out;
    std::vector<std::unique_ptr<class LodGraph>> m_lods; // used, cache, in, out
    quint64 m_generation = 0;
    double m_lastT = -1;
    std::uint64_t m_lastIn = 0, m_lastOut = 0;
    MomentPtr m_moment;
    void fitAxes();
};
