#include "LruFlowWidget.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <cmath>

namespace {

QString rateText(double r) {
    if (r >= 1e6) return QString("%1M/s").arg(r / 1e6, 0, 'f', 1);
    if (r >= 1e3) return QString("%1k/s").arg(r / 1e3, 0, 'f', 1);
    return QString("%1/s").arg(r, 0, 'f', 0);
}

QString pagesText(std::int64_t p) {
    const double mib = static_cast<double>(p) * 4096.0 / (1 << 20);
    return mib >= 1024 ? QString("%1 GiB").arg(mib / 1024, 0, 'f', 2) : QString("%1 MiB").arg(mib, 0, 'f', 0);
}

// Arrow width: 1 px at rest, growing with the logarithm of the rate (1/s .. 10M/s -> 1..14 px).
double widthOf(double rate) { return rate <= 0 ? 0.0 : 1.0 + 13.0 * std::min(1.0, std::log10(1.0 + rate) / 7.0); }

void arrow(QPainter& p, QPointF a, QPointF b, double rate, const QColor& color, const QString& label, double bend = 0) {
    const double w = widthOf(rate);
    QColor c = color;
    if (w == 0) c.setAlpha(60);
    QPainterPath path(a);
    const QPointF mid = (a + b) / 2;
    const QPointF normal(-(b - a).y(), (b - a).x());
    const double len = std::hypot(normal.x(), normal.y());
    const QPointF ctrl = mid + (len > 0 ? normal / len * bend : QPointF());
    path.quadTo(ctrl, b);
    p.setPen(QPen(c, std::max(1.0, w), Qt::SolidLine, Qt::FlatCap));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    // Head.
    const QPointF dir = b - ctrl;
    const double dl = std::hypot(dir.x(), dir.y());
    if (dl > 0) {
        const QPointF u = dir / dl, n(-u.y(), u.x());
        const double h = 7 + w;
        QPolygonF head;
        head << b << b - u * h + n * h * 0.5 << b - u * h - n * h * 0.5;
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawPolygon(head);
    }
    // Label at the curve's middle: the name and the rate.
    const QPointF at = 0.25 * a + 0.5 * ctrl + 0.25 * b;
    p.setPen(QColor(40, 40, 40));
    QFont f = p.font();
    f.setPointSize(8);
    p.setFont(f);
    const QString text = label + "  " + rateText(rate);
    const QRectF box = p.fontMetrics().boundingRect(text).adjusted(-3, -1, 3, 1);
    QRectF r(at.x() - box.width() / 2, at.y() - box.height() / 2, box.width(), box.height());
    p.fillRect(r, QColor(255, 255, 255, 220));
    p.drawText(r, Qt::AlignCenter, text);
}

} // namespace

LruFlowWidget::LruFlowWidget(QWidget* parent) : QWidget(parent) {
    setMinimumSize(760, 260);
    setToolTip(tr("Pages moving between the LRU lists over the last simulated second (mm/vmscan.c): new pages "
               "(pgalloc), activation (pgactivate: a second access, folio_mark_accessed, or a refault "
               "with a short distance), deactivation by shrink_active_list (pgdeactivate), rotation "
               "(pgrotated), reclaim (pgsteal), swap-out and swap-in (pswpout, pswpin), refaults "
               "(workingset_refault). Arrow width grows with the rate."));
}

void LruFlowWidget::setFlows(const LruFlows& f) {
    m_f = f;
    update();
}

void LruFlowWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const double W = width(), H = height();
    const double bw = std::min(170.0, W * 0.17), bh = std::min(52.0, H * 0.18);
    auto box = [&](double cx, double cy, const QString& title, const QString& sub, const QColor& fill) {
        QRectF r(cx - bw / 2, cy - bh / 2, bw, bh);
        p.setPen(QPen(fill.darker(160), 1.2));
        p.setBrush(fill);
        p.drawRoundedRect(r, 6, 6);
        p.setPen(Qt::black);
        QFont f = p.font();
        f.setPointSize(9);
        f.setBold(true);
        p.setFont(f);
        p.drawText(r.adjusted(0, 4, 0, -bh / 2), Qt::AlignCenter, title);
        f.setBold(false);
        p.setFont(f);
        p.drawText(r.adjusted(0, bh / 2, 0, -4), Qt::AlignCenter, sub);
        return r;
    };
    // Columns: free | inactive | active | (swap / file on disk); rows: anon, file.
    const double xFree = W * 0.10, xIn = W * 0.38, xAct = W * 0.64, xOut = W * 0.90;
    const double yAnon = H * 0.24, yFile = H * 0.68, yUnev = H * 0.88, yMid = (yAnon + yFile) / 2;
    const auto& l = m_f.lru;
    const QRectF free = box(xFree, yMid, tr("free"), tr("buddy allocator"), QColor(235, 235, 235));
    const QRectF inA = box(xIn, yAnon, tr("inactive anon"), pagesText(l[0]), QColor(255, 200, 150));
    const QRectF actA = box(xAct, yAnon, tr("active anon"), pagesText(l[1]), QColor(250, 160, 100));
    const QRectF inF = box(xIn, yFile, tr("inactive file"), pagesText(l[2]), QColor(170, 205, 240));
    const QRectF actF = box(xAct, yFile, tr("active file"), pagesText(l[3]), QColor(110, 165, 225));
    box(xIn + (xAct - xIn) / 2, yUnev, tr("unevictable"), pagesText(l[4]), QColor(200, 200, 200));
    const QRectF swap = box(xOut, yAnon, tr("swap"), tr("swap devices"), QColor(210, 190, 235));
    const QRectF disk = box(xOut, yFile, tr("file on disk"), tr("the page cache's backing"), QColor(190, 220, 190));

    const QColor cNew(90, 90, 90), cAct(46, 125, 50), cDeact(230, 120, 30), cRecl(198, 40, 40), cSwap(120, 70, 170),
        cRot(100, 100, 180);
    // New pages enter the inactive lists (lru_cache_add).
    arrow(p, QPointF(free.right(), free.center().y()), QPointF(inF.left(), inF.center().y() - 8), m_f.alloc, cNew, tr("new"));
    // Activation and deactivation between the columns, drawn in the file row and the anon row.
    // /proc/vmstat counts activations and deactivations of both kinds together, so one pair of
    // arrows stands for both rows, between the columns.
    const double yCols = (yAnon + yFile) / 2;
    arrow(p, QPointF(inA.right(), yCols - 12), QPointF(actA.left(), yCols - 12), m_f.activate, cAct,
          tr("activate (anon+file)"), -14);
    arrow(p, QPointF(actA.left(), yCols + 12), QPointF(inA.right(), yCols + 12), m_f.deactivate, cDeact,
          tr("deactivate (anon+file)"), -14);
    // Reclaim: clean file pages are dropped (back to free), anonymous ones go out to swap.
    arrow(p, QPointF(inF.left(), inF.center().y() + 14), QPointF(free.right(), free.center().y() + 14), m_f.steal_file,
          cRecl, tr("reclaim file"), -30);
    arrow(p, QPointF(inA.left(), inA.center().y()), QPointF(free.right(), free.center().y() - 14), m_f.steal_anon, cRecl,
          tr("reclaim anon"), 30);
    // Swap-out leaves from the inactive anon list (shrink_folio_list -> pageout), over the active one.
    arrow(p, QPointF(inA.center().x(), inA.top()), QPointF(swap.center().x(), swap.top()), m_f.swap_out, cSwap,
          tr("swap-out"), -std::min(60.0, inA.top() - 4));
    arrow(p, QPointF(swap.left(), swap.bottom() - 10), QPointF(actA.right(), actA.bottom() - 10), m_f.swap_in, cSwap,
          tr("swap-in"), -20);
    arrow(p, QPointF(disk.left(), disk.center().y()), QPointF(actF.right(), actF.center().y()), m_f.refault_file, cAct,
          tr("refault file"));
    // Rotation: written-back pages go back to the tail of the inactive list.
    arrow(p, QPointF(inF.center().x() - 30, inF.bottom()), QPointF(inF.center().x() + 30, inF.bottom()), m_f.rotate, cRot,
          tr("rotate"), 30);
}
