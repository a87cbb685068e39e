#pragma once
// The Processes view: every process as the kernel sees it (pid, comm, RSS, swap, faults, the
// delay-accounting stalls, OOM score), live and sortable, and for the selected one its memory
// and stalls over time. Selecting a process marks its direct reclaims on the Watermarks charts
// and outlines its swap slots in the slot maps (processSelected).
#include "Frame.h"

#include <QWidget>

#include <map>

class QCustomPlot;
class QCPGraph;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class ProcessTableModel;

class ProcessesView : public QWidget {
    Q_OBJECT
public:
    explicit ProcessesView(QWidget* parent = nullptr);
    QTableView* table() const { return m_table; }
    ProcessTableModel* model() const { return m_model; }
    QCustomPlot* memoryPlot() const { return m_memPlot; }
    QCustomPlot* stallPlot() const { return m_stallPlot; }
    int selectedPid() const { return m_pid; }
    // Selects the process with this pid (0: none).
    void selectPid(int pid);

public slots:
    void onFrame(const FramePtr& frame);

signals:
    // The selection changed: pid 0 for none; nid its node; name "comm (pid)".
    void processSelected(int pid, int nid, const QString& name);

private:
    struct History {
        QVector<double> t, rss, swap; // MiB
        QVector<double> rateT, reclaimMs, swapinMs; // ms per second over >= 100 ms
        std::int64_t baseT = -1;
        std::int64_t baseReclaim = 0, baseSwapin = 0;
    };
    void collect(const std::vector<rs::Sample>& samples);
    void showSelected();
    void onSelectionChanged();
    void choose(int pid);

    QLabel* m_header;
    QTableView* m_table;
    ProcessTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QCustomPlot* m_memPlot;
    QCustomPlot* m_stallPlot;
    QCPGraph *m_rss, *m_swap, *m_reclaim, *m_swapin;
    std::map<int, History> m_history;
    quint64 m_generation = ~quint64{0};
    int m_pid = 0;
    QString m_name; // "comm (pid)", or "pid N" until the table names it
    double m_lastT = 0;
};
