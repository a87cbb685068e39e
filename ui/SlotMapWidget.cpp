#include "SlotMapWidget.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kCell = 6; // pixels per cell
}

SlotMapWidget::SlotMapWidget(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setMinimumHeight(120);
}

QColor SlotMapWidget::colorOf(rs::SlotState s) {
    switch (s) {
    case rs::SlotState::Free: return QColor(235, 235, 235);
    case rs::SlotState::InUse: return QColor(31, 119, 180);
    case rs::SlotState::InUseCached: return QColor(148, 103, 189);
    case rs::SlotState::CacheOnly: return QColor(44, 160, 44);
    case rs::SlotState::Bad: return QColor(214, 39, 40);
    }
    return Qt::black;
}

void SlotMapWidget::setSnapshot(const rs::SwapDeviceSnapshot& s) {
    m_snap = s;
    const int rows = (cellCount() + columns() - 1) / std::max(1, columns());
    setMinimumHeight(std::min(600, rows * kCell + 4));
    update();
}

int SlotMapWidget::cellCount() const {
    return static_cast<int>(m_snap.slot_states.empty() ? m_snap.clusters.size() : m_snap.slot_states.size());
}

int SlotMapWidget::columns() const {
    // Per slot: one cluster (512 slots) is a whole number of rows of 64; per cluster: 64 a row.
    return 64;
}

int SlotMapWidget::cellAt(QPoint p) const {
    const int col = p.x() / kCell, row = p.y() / kCell;
    if (col < 0 || col >= columns() || row < 0) return -1;
    const int i = row * columns() + col;
    return i < cellCount() ? i : -1;
}

void SlotMapWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const int n = cellCount(), cols = columns();
    const bool perSlot = !m_snap.slot_states.empty();
    for (int i = 0; i < n; ++i) {
        const QRect r((i % cols) * kCell, (i / cols) * kCell, kCell - 1, kCell - 1);
        QColor c;
        if (perSlot) {
            c = colorOf(m_snap.slot_states[static_cast<std::size_t>(i)]);
        } else {
            // A cluster: blend free and used by how full it is; cached and bad tint it.
            const auto& u = m_snap.clusters[static_cast<std::size_t>(i)];
            const double total = std::max(1u, u.free + u.used + u.cached + u.bad);
            const double used = (u.used + u.cached) / total;
            const QColor a = colorOf(rs::SlotState::Free), b = colorOf(u.cached > u.used ? rs::SlotState::CacheOnly : rs::SlotState::InUse);
            c = QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * used, a.greenF() + (b.greenF() - a.greenF()) * used,
                                 a.blueF() + (b.blueF() - a.blueF()) * used);
            if (u.bad) c = c.darker(115);
        }
        p.fillRect(r, c);
    }
    if (perSlot && m_highlightPid > 0 && m_snap.slot_owner.size() == m_snap.slot_states.size()) {
        // The selected process's slots: a dark outline with a light one inside reads on every colour.
        for (int i = 0; i < n; ++i) {
            if (m_snap.slot_owner[static_cast<std::size_t>(i)] != m_highlightPid) continue;
            const QRect r((i % cols) * kCell, (i / cols) * kCell, kCell - 2, kCell - 2);
            p.setPen(QPen(QColor(20, 20, 20), 1));
            p.drawRect(r);
            p.setPen(QPen(QColor(255, 230, 80), 1));
            p.drawRect(r.adjusted(1, 1, -1, -1));
        }
    }
    if (perSlot) {
        // Cluster borders: every SWAPFILE_CLUSTER slots is 8 rows of 64.
        p.setPen(QPen(palette().text().color(), 1));
        const int rowsPerCluster = static_cast<int>(rs::SWAPFILE_CLUSTER) / cols;
        const int rows = (n + cols - 1) / cols;
        for (int r = 0; r <= rows; r += rowsPerCluster) p.drawLine(0, r * kCell - 1, cols * kCell, r * kCell - 1);
    }
}

void SlotMapWidget::setHighlightPid(int pid) {
    if (pid == m_highlightPid) return;
    m_highlightPid = pid;
    update();
}

int SlotMapWidget::highlightedCells() const {
    if (m_highlightPid <= 0) return 0;
    return static_cast<int>(std::count(m_snap.slot_owner.begin(), m_snap.slot_owner.end(), m_highlightPid));
}

void SlotMapWidget::mouseMoveEvent(QMouseEvent* e) {
    const int i = cellAt(e->position().toPoint());
    if (i < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(e->globalPosition().toPoint(), cellText(i), this);
}

QString SlotMapWidget::cellText(int i) const {
    if (i < 0 || i >= cellCount()) return {};
    QString text;
    if (!m_snap.slot_states.empty()) {
        const QString names[] = {tr("free"), tr("in use (swap_map count > 0)"), tr("in use and in the swap cache"),
                                 tr("only in the swap cache (SWAP_HAS_CACHE)"), tr("bad or header (SWAP_MAP_BAD)")};
        text = tr("%1, slot %2 (cluster %3): %4")
                   .arg(QString::fromStdString(m_snap.name)).arg(i).arg(i / static_cast<int>(rs::SWAPFILE_CLUSTER))
                   .arg(names[static_cast<int>(m_snap.slot_states[static_cast<std::size_t>(i)])]);
        if (static_cast<std::size_t>(i) < m_snap.swap_map.size()) {
            // swap_map: the low bits count the page tables (and the swap cache flag) referencing the slot.
            const std::uint8_t v = m_snap.swap_map[static_cast<std::size_t>(i)];
            text += tr("\nswap_map = 0x%1: count %2, %3").arg(v, 2, 16, QChar('0'))
                        .arg(v == rs::SWAP_MAP_BAD ? 0 : (v & ~rs::SWAP_HAS_CACHE))
                        .arg((v & rs::SWAP_HAS_CACHE) && v != rs::SWAP_MAP_BAD ? tr("SWAP_HAS_CACHE set") : tr("not in the swap cache"));
        }
        if (static_cast<std::size_t>(i) < m_snap.slot_owner.size() && m_snap.slot_owner[static_cast<std::size_t>(i)] > 0)
            text += tr("\nheld by the page table of pid %1").arg(m_snap.slot_owner[static_cast<std::size_t>(i)]);
    } else {
        const auto& u = m_snap.clusters[static_cast<std::size_t>(i)];
        text = tr("%1, cluster %2 (slots %3-%4): %5 free, %6 in use, %7 cache only, %8 bad")
                   .arg(QString::fromStdString(m_snap.name)).arg(i).arg(i * static_cast<int>(rs::SWAPFILE_CLUSTER))
                   .arg((i + 1) * static_cast<int>(rs::SWAPFILE_CLUSTER) - 1).arg(u.free).arg(u.used).arg(u.cached).arg(u.bad);
    }
    return text;
}
