#pragma once
// The LRU flow diagram: the five lists, free memory, swap and the files on disk as boxes, and
// the page flows between them as arrows whose width follows the rate (pages per second over
// the last simulated second), with the rate written on each.
#include <QWidget>

#include <array>

struct LruFlows {
    std::array<std::int64_t, 5> lru{}; // inactive anon, active anon, inactive file, active file, unevictable
    double alloc = 0;        // new pages (pgalloc)
    double activate = 0;     // pgactivate
    double deactivate = 0;   // pgdeactivate
    double rotate = 0;       // pgrotated
    double steal_file = 0;   // pgsteal_file: clean page cache dropped
    double steal_anon = 0;   // pgsteal_anon: anonymous pages reclaimed (through swap)
    double swap_out = 0;     // pswpout
    double swap_in = 0;      // pswpin
    double refault_file = 0; // workingset_refault_file
    double refault_anon = 0; // workingset_refault_anon
};

class LruFlowWidget : public QWidget {
    Q_OBJECT
public:
    explicit LruFlowWidget(QWidget* parent = nullptr);
    void setFlows(const LruFlows& f);
    const LruFlows& flows() const { return m_f; }
    QSize sizeHint() const override { return {900, 300}; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    LruFlows m_f;
};
