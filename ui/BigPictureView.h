#pragma once
// The Big Picture: the reclaim call graph laid out like the seed chapter's diagram (from
// __alloc_pages down to shrink_folio_list and pageout, with kswapd, node_reclaim, the OOM path
// and the writeback path). Each node is a kernel function under its exact name; its colour
// and its incoming edge glow with its call rate over the last simulated second. Clicking a
// node shows what it does, its file and its counters.
#include "Frame.h"

#include <QWidget>

#include <array>
#include <deque>
#include <vector>

class QLabel;
class QPainter;

class BigPictureCanvas : public QWidget {
    Q_OBJECT
public:
    explicit BigPictureCanvas(QWidget* parent = nullptr);
    void setRates(const std::array<double, rs::NR_KFUNCS>& rates, const std::array<std::uint64_t, rs::NR_KFUNCS>& totals);
    double rate(rs::KFunc f) const { return m_rates[static_cast<std::size_t>(f)]; }
    const std::array<double, rs::NR_KFUNCS>& rates() const { return m_rates; }
    const std::array<std::uint64_t, rs::NR_KFUNCS>& totals() const { return m_totals; }
    int selected() const { return m_selected; }
    // The most recent reclaim path, traced from the latest call order (KFuncCounters::last).
    void setLastCalls(const std::array<std::uint64_t, rs::NR_KFUNCS>& last);
    const std::vector<rs::KFunc>& tracedPath() const { return m_path; }
    const std::array<std::uint64_t, rs::NR_KFUNCS>& lastCalls() const { return m_last; }
    void select(int f);
    // A real machine: functions lit from the counters that count them; those without one
    // (observed false) are drawn as not observable here.
    void setHost(bool host, const std::array<bool, rs::NR_KFUNCS>& observed);
    bool isHost() const { return m_host; }
    bool observed(int f) const { return !m_host || m_observed[static_cast<std::size_t>(f)]; }
    QSize sizeHint() const override { return {1000, 760}; }

signals:
    void nodeSelected(int f);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

private:
    QRectF nodeRect(int f) const;
    void drawLegend(QPainter& p);
    std::array<double, rs::NR_KFUNCS> m_rates{};
    std::array<std::uint64_t, rs::NR_KFUNCS> m_totals{};
    int m_selected = -1;
    std::array<std::uint64_t, rs::NR_KFUNCS> m_last{};
    std::vector<rs::KFunc> m_path; // caller first
    bool m_host = false;
    std::array<bool, rs::NR_KFUNCS> m_observed{};
};

// The most recent call path: from the latest call of any function off the allocator's fast
// path and the fault path (workingset_refault), up through each caller's latest call that came before it. Caller first.
std::vector<rs::KFunc> mostRecentPath(const std::array<std::uint64_t, rs::NR_KFUNCS>& last);
// Whether the diagram has an arrow from -> to.
bool isCallEdge(rs::KFunc from, rs::KFunc to);

class BigPictureView : public QWidget {
    Q_OBJECT
public:
    explicit BigPictureView(QWidget* parent = nullptr);
    BigPictureCanvas* canvas() const { return m_canvas; }
    QString details() const;

public slots:
    void onFrame(const FramePtr& frame);

private:
    void showDetails(int f);
    QString hostCounterText(rs::KFunc f, std::uint64_t total, double rate) const;
    BigPictureCanvas* m_canvas;
    QLabel* m_details;
    quint64 m_generation = 0;
    std::deque<std::pair<std::int64_t, std::array<std::uint64_t, rs::NR_KFUNCS>>> m_history; // the last second
};

// What a traced function does, in our words.
QString kfuncDescription(rs::KFunc f);
