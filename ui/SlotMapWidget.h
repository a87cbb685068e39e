#pragma once
// The slot map of one swap device: a cell per slot (small devices) or per cluster (large ones),
// coloured by state, with cluster borders and a tooltip for the cell under the mouse.
#include "record/swap_snapshot.h"

#include <QWidget>

class SlotMapWidget : public QWidget {
    Q_OBJECT
public:
    explicit SlotMapWidget(QWidget* parent = nullptr);
    void setSnapshot(const rs::SwapDeviceSnapshot& s);
    // Outline the slots whose entry a page table of this process holds (the snapshot's
    // slot_owner); 0: none.
    void setHighlightPid(int pid);
    int highlightPid() const { return m_highlightPid; }
    // Slots outlined now (for tests).
    int highlightedCells() const;
    const rs::SwapDeviceSnapshot& snapshot() const { return m_snap; }
    // Number of cells drawn and how many show a used slot (for tests).
    int cellCount() const;
    // The hover text of a cell: the slot, its state and its swap_map count (or a cluster summary).
    QString cellText(int cell) const;
    static QColor colorOf(rs::SlotState s);

protected:
    void paintEvent(QPaintEvent*) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    QSize sizeHint() const override { return {600, 220}; }

private:
    int columns() const;
    int cellAt(QPoint p) const;
    rs::SwapDeviceSnapshot m_snap;
    int m_highlightPid = 0;
};
