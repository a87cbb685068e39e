#pragma once
// The Processes view's table: one row per process of the frame (rs::ProcRow), with rates over
// the last simulated second, one column per entry of a table (header, tooltip, value).
#include "record/proc_sample.h"

#include <QAbstractTableModel>

#include <map>
#include <vector>

class ProcessTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1; // the number a column sorts by
    static constexpr int PidRole = Qt::UserRole + 2;

    struct Row {
        rs::ProcRow proc;
        // Per second over the last simulated second (or since the process was first seen).
        double minflt = 0, majflt = 0, reclaimMs = 0, swapinMs = 0;
    };

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    // The processes at simulated time t_ns. Rows keep their place when the set of pids is the
    // same (the selection and sort survive); rates advance once a simulated second has passed.
    void update(const std::vector<rs::ProcRow>& procs, std::int64_t t_ns);
    void clear();
    const Row* rowOfPid(int pid) const;
    const std::vector<Row>& rows() const { return m_rows; }

private:
    std::vector<Row> m_rows;
    struct Base {
        std::int64_t t_ns = 0;
        rs::ProcSample s;
    };
    std::map<int, Base> m_base; // per pid: the counters a second ago
};
