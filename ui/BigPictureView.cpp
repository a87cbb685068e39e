#include "BigPictureView.h"

#include "host/host_watch.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace rs;

namespace {

struct Pos {
    double col, row;
};

// Where each function sits: columns 0..6, rows 0..12 (the chapter's diagram, top to bottom).
Pos posOf(KFunc f) {
    switch (f) {
    case F___alloc_pages: return {2.5, 0};
    case F_get_page_from_freelist: return {0.6, 1.2};
    case F___alloc_pages_slowpath: return {2.5, 1.2};
    case F_wake_all_kswapds: return {4.2, 1.2};
    case F_wakeup_kswapd: return {4.2, 2.4};
    case F_kswapd: return {5.9, 2.4};
    case F_kswapd_try_to_sleep: return {5.9, 3.6};
    case F_node_reclaim: return {0.6, 4.8};
    case F___alloc_pages_direct_reclaim: return {2.0, 2.4};
    case F_should_reclaim_retry: return {0.6, 2.4};
    case F___alloc_pages_may_oom: return {3.3, 3.6};
    case F_out_of_memory: return {3.3, 4.8};
    case F_oom_kill_process: return {3.3, 6.0};
    case F_try_to_free_pages: return {2.0, 3.6};
    case F_do_try_to_free_pages: return {1.6, 4.8};
    case F_shrink_zones: return {1.6, 6.0};
    case F_balance_pgdat: return {5.2, 4.8};
    case F_kswapd_shrink_node: return {5.2, 6.0};
    case F_shrink_node: return {3.0, 7.2};
    case F_shrink_lruvec: return {2.4, 8.4};
    case F_shrink_slab: return {4.6, 8.4};
    case F_get_scan_count: return {0.8, 8.4};
    case F_shrink_list: return {2.4, 9.6};
    case F_shrink_active_list: return {1.2, 10.8};
    case F_shrink_inactive_list: return {3.6, 10.8};
    case F_isolate_lru_folios: return {1.2, 12.0};
    case F_shrink_folio_list: return {3.6, 12.0};
    case F_folio_check_references: return {2.4, 13.2};
    case F_pageout: return {3.6, 13.2};
    case F___remove_mapping: return {4.8, 13.2};
    case F_workingset_eviction: return {6.0, 13.2};
    case F_workingset_refault: return {6.0, 10.8};
    case F_balance_dirty_pages: return {6.0, 0};
    case F_wb_workfn: return {6.0, 1.2};
    default: return {0, 0};
    }
}

struct Edge {
    KFunc from, to;
};

constexpr Edge kEdges[] = {
    {F___alloc_pages, F_get_page_from_freelist},
    {F___alloc_pages, F___alloc_pages_slowpath},
    {F___alloc_pages_slowpath, F_wake_all_kswapds},
    {F_wake_all_kswapds, F_wakeup_kswapd},
    {F_wakeup_kswapd, F_kswapd},
    {F___alloc_pages_slowpath, F___alloc_pages_direct_reclaim},
    {F___alloc_pages_slowpath, F_should_reclaim_retry},
    {F___alloc_pages_slowpath, F___alloc_pages_may_oom},
    {F___alloc_pages_may_oom, F_out_of_memory},
    {F_out_of_memory, F_oom_kill_process},
    {F___alloc_pages_direct_reclaim, F_try_to_free_pages},
    {F_try_to_free_pages, F_do_try_to_free_pages},
    {F_do_try_to_free_pages, F_shrink_zones},
    {F_shrink_zones, F_shrink_node},
    {F_get_page_from_freelist, F_node_reclaim},
    {F_node_reclaim, F_shrink_node},
    {F_kswapd, F_balance_pgdat},
    {F_kswapd, F_kswapd_try_to_sleep},
    {F_balance_pgdat, F_kswapd_shrink_node},
    {F_kswapd_shrink_node, F_shrink_node},
    {F_shrink_node, F_shrink_lruvec},
    {F_shrink_node, F_shrink_slab},
    {F_shrink_lruvec, F_get_scan_count},
    {F_shrink_lruvec, F_shrink_list},
    {F_shrink_list, F_shrink_active_list},
    {F_shrink_list, F_shrink_inactive_list},
    {F_shrink_active_list, F_isolate_lru_folios},
    {F_shrink_inactive_list, F_isolate_lru_folios},
    {F_shrink_inactive_list, F_shrink_folio_list},
    {F_shrink_folio_list, F_folio_check_references},
    {F_shrink_folio_list, F_pageout},
    {F_shrink_folio_list, F___remove_mapping},
    {F___remove_mapping, F_workingset_eviction},
    {F_balance_dirty_pages, F_wb_workfn},
};

bool onPath(const std::vector<KFunc>& path, KFunc from, KFunc to) {
    for (std::size_t i = 1; i < path.size(); ++i)
        if (path[i - 1] == from && path[i] == to) return true;
    return false;
}

const QColor kTrace(80, 220, 255);

// 0 at rest, 1 at ten million calls per second.
double glow(double rate) { return rate <= 0 ? 0.0 : std::min(1.0, std::log10(1.0 + rate) / 7.0); }

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

QString rateText(double r) {
    if (r >= 1e6) return QString("%1M/s").arg(r / 1e6, 0, 'f', 1);
    if (r >= 1e3) return QString("%1k/s").arg(r / 1e3, 0, 'f', 1);
    return QString("%1/s").arg(r, 0, 'f', 0);
}

} // namespace

QString kfuncDescription(KFunc f) {
    switch (f) {
    case F___alloc_pages: return QCoreApplication::translate("BigPicture", "The page allocator's entry point. Tries the fast path at the low watermark and falls back to the slow path.");
    case F_get_page_from_freelist: return QCoreApplication::translate("BigPicture", "Walks the zonelist and takes a page from the first zone whose free pages pass the watermark check (with lowmem_reserve); may try node_reclaim first when zone_reclaim_mode is set.");
    case F___alloc_pages_slowpath: return QCoreApplication::translate("BigPicture", "The slow path: wakes kswapd, retries at the min watermark, reclaims directly, retries while should_reclaim_retry() sees progress, and finally calls the OOM killer.");
    case F_wake_all_kswapds: return QCoreApplication::translate("BigPicture", "Wakes the kswapd of every node in the zonelist, recording the order and highest zone asked for.");
    case F_wakeup_kswapd: return QCoreApplication::translate("BigPicture", "Wakes one node's kswapd unless the node is already balanced or kswapd has failed too often (kswapd_failures).");
    case F___alloc_pages_direct_reclaim: return QCoreApplication::translate("BigPicture", "The allocating task reclaims pages itself (a stall), then retries the free lists.");
    case F_try_to_free_pages: return QCoreApplication::translate("BigPicture", "Direct reclaim: may throttle the task when the node's reserves are low (throttle_direct_reclaim), then reclaims through do_try_to_free_pages().");
    case F_do_try_to_free_pages: return QCoreApplication::translate("BigPicture", "Reclaims at falling priority (DEF_PRIORITY 12 down to 0) until enough pages are freed.");
    case F_shrink_zones: return QCoreApplication::translate("BigPicture", "Shrinks every node of the zonelist's eligible zones, once per node.");
    case F_should_reclaim_retry: return QCoreApplication::translate("BigPicture", "Decides whether the slow path tries again: is there enough reclaimable memory that the watermark could still be met? Gives up after MAX_RECLAIM_RETRIES without progress.");
    case F___alloc_pages_may_oom: return QCoreApplication::translate("BigPicture", "The last resort before failing: takes the OOM lock and calls out_of_memory() if the allocation may not fail.");
    case F_out_of_memory: return QCoreApplication::translate("BigPicture", "Chooses the process with the highest badness (RSS + swap + page tables, adjusted by oom_score_adj; a swapoff in progress first) and kills it.");
    case F_oom_kill_process: return QCoreApplication::translate("BigPicture", "Kills the victim and frees its memory (the OOM reaper), logging 'Out of memory: Killed process'.");
    case F_node_reclaim: return QCoreApplication::translate("BigPicture", "With zone_reclaim_mode, reclaims from the local node before falling back to a remote one.");
    case F_kswapd: return QCoreApplication::translate("BigPicture", "The per-node reclaim thread: sleeps until woken, then balances the node and goes back to sleep after a 100 ms nap.");
    case F_balance_pgdat: return QCoreApplication::translate("BigPicture", "kswapd's main loop: reclaims at falling priority until some eligible zone is above its high watermark (pgdat_balanced), boost reclaim first.");
    case F_kswapd_shrink_node: return QCoreApplication::translate("BigPicture", "One round of kswapd reclaim on its node, aiming at the high watermark of the zones it balances.");
    case F_kswapd_try_to_sleep: return QCoreApplication::translate("BigPicture", "Naps 100 ms (HZ/10); if the node is still balanced, sleeps until the next wake-up, else goes back to balance_pgdat (kswapd_high_wmark_hit_quickly).");
    case F_shrink_node: return QCoreApplication::translate("BigPicture", "Reclaims from one node: the LRU lists (shrink_lruvec) and the slab caches (shrink_slab), checking reclaim progress.");
    case F_shrink_lruvec: return QCoreApplication::translate("BigPicture", "Splits the scan between the four evictable lists by get_scan_count() and scans them in batches of 32 until the target is met.");
    case F_get_scan_count: return QCoreApplication::translate("BigPicture", "Balances anonymous against file pages by swappiness and the recent cost of each (refaults, rotations); scans only file pages without swap or in cache-trim mode.");
    case F_shrink_list: return QCoreApplication::translate("BigPicture", "Dispatches one list: active lists are aged (deactivated) when their inactive list is low, inactive lists are reclaimed.");
    case F_shrink_active_list: return QCoreApplication::translate("BigPicture", "Moves pages from an active list to its inactive list; referenced executable file pages stay active.");
    case F_shrink_inactive_list: return QCoreApplication::translate("BigPicture", "Isolates a batch from the tail of an inactive list and reclaims it with shrink_folio_list().");
    case F_isolate_lru_folios: return QCoreApplication::translate("BigPicture", "Takes pages off the tail of an LRU list for reclaim, skipping pages of zones above the allocation's reach (pgskip).");
    case F_shrink_folio_list: return QCoreApplication::translate("BigPicture", "Decides each isolated page's fate: keep, activate, write out (pageout for swap), or free it (__remove_mapping).");
    case F_folio_check_references: return QCoreApplication::translate("BigPicture", "Were the page's PTEs or PG_referenced set since the last scan? Referenced pages are activated or kept.");
    case F_pageout: return QCoreApplication::translate("BigPicture", "Writes a dirty swap-backed page to its swap slot (file pages are written by the flusher, not here, since 6.x).");
    case F___remove_mapping: return QCoreApplication::translate("BigPicture", "Takes the page out of the page cache or swap cache, leaving a shadow entry, and frees it.");
    case F_shrink_slab: return QCoreApplication::translate("BigPicture", "Runs the shrinkers (dentries, inodes) in proportion to the LRU pages scanned, scaled by vfs_cache_pressure.");
    case F_workingset_eviction: return QCoreApplication::translate("BigPicture", "Records when the page was evicted (a shadow entry) so a refault can measure its distance.");
    case F_workingset_refault: return QCoreApplication::translate("BigPicture", "A page comes back soon after eviction: if its refault distance is shorter than the active list, it is activated at once.");
    case F_balance_dirty_pages: return QCoreApplication::translate("BigPicture", "Throttles a writer when dirty pages exceed the dirty limits and wakes the flusher above the background limit.");
    case F_wb_workfn: return QCoreApplication::translate("BigPicture", "The flusher: writes dirty page cache back to disk, oldest first.");
    default: return {};
    }
}

std::vector<KFunc> mostRecentPath(const std::array<std::uint64_t, NR_KFUNCS>& last) {
    // The fast path and the writeback path run all the time; the path worth tracing is the
    // latest one into reclaim or the OOM killer.
    int leaf = -1;
    for (int f = 0; f < NR_KFUNCS; ++f) {
        const auto k = static_cast<KFunc>(f);
        if (k == F___alloc_pages || k == F_get_page_from_freelist || k == F_balance_dirty_pages || k == F_wb_workfn ||
            k == F_workingset_refault) // the fault path, not reclaim
            continue;
        if (last[static_cast<std::size_t>(f)] && (leaf < 0 || last[static_cast<std::size_t>(f)] > last[static_cast<std::size_t>(leaf)]))
            leaf = f;
    }
    std::vector<KFunc> path;
    if (leaf < 0) return path;
    for (KFunc c = static_cast<KFunc>(leaf);;) {
        path.push_back(c);
        if (path.size() > NR_KFUNCS) break;
        // The caller: the latest parent called before c; failing that (tasks interleave, and
        // another task may have entered the caller since), the latest parent at all. kswapd is
        // a thread: its wake-up is no call.
        int before = -1, any = -1;
        for (const Edge& e : kEdges) {
            if (e.to != c || (e.from == F_wakeup_kswapd && e.to == F_kswapd)) continue;
            const auto lp = last[static_cast<std::size_t>(e.from)];
            if (!lp) continue;
            if (lp < last[static_cast<std::size_t>(c)] && (before < 0 || lp > last[static_cast<std::size_t>(before)]))
                before = e.from;
            if (any < 0 || lp > last[static_cast<std::size_t>(any)]) any = e.from;
        }
        const int parent = before >= 0 ? before : any;
        if (parent < 0) break;
        c = static_cast<KFunc>(parent);
    }
    // kswapd runs as a resumable thread (every step counts as a kswapd() call), so its loop is
    // always the caller of balance_pgdat and kswapd_try_to_sleep.
    if (path.back() == F_balance_pgdat || path.back() == F_kswapd_try_to_sleep) path.push_back(F_kswapd);
    std::reverse(path.begin(), path.end());
    return path;
}

bool isCallEdge(KFunc from, KFunc to) {
    for (const Edge& e : kEdges)
        if (e.from == from && e.to == to) return true;
    return false;
}

void BigPictureCanvas::setLastCalls(const std::array<std::uint64_t, NR_KFUNCS>& last) {
    m_last = last;
    m_path = mostRecentPath(last);
    update();
}

BigPictureCanvas::BigPictureCanvas(QWidget* parent) : QWidget(parent) {
    setMinimumSize(900, 640);
    setToolTip(tr("The reclaim call graph. Colour and edge width follow each function's calls per "
               "second over the last simulated second; the cyan outline traces the most recent path into "
               "reclaim or the OOM killer. Click a function for what it does."));
}

void BigPictureCanvas::setRates(const std::array<double, NR_KFUNCS>& rates, const std::array<std::uint64_t, NR_KFUNCS>& totals) {
    m_rates = rates;
    m_totals = totals;
    update();
}

void BigPictureCanvas::setHost(bool host, const std::array<bool, NR_KFUNCS>& observed) {
    if (host == m_host && observed == m_observed) return;
    m_host = host;
    m_observed = observed;
    update();
}

void BigPictureCanvas::select(int f) {
    m_selected = f;
    update();
    emit nodeSelected(f);
}

QRectF BigPictureCanvas::nodeRect(int f) const {
    const Pos p = posOf(static_cast<KFunc>(f));
    const double W = width(), H = height() - 26.0; // the legend's line below
    const double cw = W / 7.0, rh = H / 14.2;
    const double w = std::min(cw * 0.98, 230.0), h = std::min(rh * 0.80, 42.0);
    return QRectF(p.col * cw + cw / 2 - w / 2, p.row * rh + rh / 2 - h / 2 + 2, w, h);
}

void BigPictureCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), QColor(38, 38, 38)); // the chapter's dark diagram
    const QColor idle(90, 90, 90), hot(255, 170, 40);
    // Edges first: width and colour by the callee's rate.
    for (const Edge& e : kEdges) {
        const QRectF a = nodeRect(e.from), b = nodeRect(e.to);
        const double g = glow(m_rates[static_cast<std::size_t>(e.to)]);
        const bool traced = onPath(m_path, e.from, e.to);
        const QColor edgeColor = traced ? kTrace : mix(idle, hot, g);
        p.setPen(QPen(edgeColor, 1.0 + 5.0 * g + (traced ? 1.5 : 0.0)));
        const QPointF from(a.center().x(), a.bottom()), to(b.center().x(), b.top());
        QPointF start = from, end = to;
        if (std::abs(a.center().y() - b.center().y()) < 1) { // same row: side to side
            start = QPointF(a.center().x() < b.center().x() ? a.right() : a.left(), a.center().y());
            end = QPointF(a.center().x() < b.center().x() ? b.left() : b.right(), b.center().y());
        }
        p.drawLine(start, end);
        const QPointF d = end - start;
        const double len = std::hypot(d.x(), d.y());
        if (len > 0) {
            const QPointF u = d / len, n(-u.y(), u.x());
            QPolygonF head;
            head << end << end - u * 8 + n * 4 << end - u * 8 - n * 4;
            p.setBrush(edgeColor);
            p.setPen(Qt::NoPen);
            p.drawPolygon(head);
        }
    }
    // Nodes.
    QFont mono("DejaVu Sans Mono");
    mono.setPointSize(9);
    QFont small = mono;
    small.setPointSize(7);
    for (int f = 0; f < NR_KFUNCS; ++f) {
        const QRectF r = nodeRect(f);
        const double g = glow(m_rates[static_cast<std::size_t>(f)]);
        const bool seen = observed(f);
        p.setBrush(seen ? mix(QColor(55, 55, 55), QColor(120, 70, 0), g) : QColor(44, 44, 44));
        const bool traced = std::find(m_path.begin(), m_path.end(), static_cast<KFunc>(f)) != m_path.end();
        QColor border = traced ? kTrace : seen ? mix(QColor(200, 200, 200), hot, g) : QColor(120, 120, 120);
        if (f == m_selected) border = Qt::white;
        QPen pen(border, f == m_selected ? 3.0 : traced ? 2.2 : 1.2);
        if (!seen) pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.drawRect(r);
        p.setPen(seen ? QColor(Qt::white) : QColor(160, 160, 160));
        // The exact name, never cut: the font shrinks to fit the box.
        const QString name = QString::fromUtf8(kfunc_name(static_cast<KFunc>(f)).data(),
                                               static_cast<int>(kfunc_name(static_cast<KFunc>(f)).size()));
        QFont nf = mono;
        const double avail = r.width() - 12;
        const double need = QFontMetricsF(nf).horizontalAdvance(name);
        if (need > avail) nf.setPointSizeF(std::max(5.0, nf.pointSizeF() * avail / need));
        p.setFont(nf);
        p.drawText(r.adjusted(4, 1, -4, -r.height() / 2), Qt::AlignLeft | Qt::AlignVCenter, name);
        p.setFont(small);
        p.setPen(g > 0 ? QColor(255, 210, 130) : QColor(150, 150, 150));
        p.drawText(r.adjusted(4, r.height() / 2, -4, -1), Qt::AlignLeft | Qt::AlignVCenter,
                   seen ? rateText(m_rates[static_cast<std::size_t>(f)]) : tr("not observable here"));
    }
    drawLegend(p);
}

void BigPictureCanvas::drawLegend(QPainter& p) {
    QFont f = p.font();
    f.setPointSize(8);
    p.setFont(f);
    const QRectF box(8, height() - 24.0, width() - 16.0, 20);
    if (m_host) {
        p.setPen(QColor(170, 170, 170));
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter,
                   tr("dashed: not observable here (no /proc/vmstat counter)"));
        p.setPen(QColor(255, 170, 40));
        p.drawText(box, Qt::AlignRight | Qt::AlignVCenter,
                   tr("glow: this machine's counter per second (click for which)"));
        return;
    }
    p.setPen(kTrace);
    p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter,
               tr("■ cyan: the most recent path into reclaim or the OOM killer    "));
    p.setPen(QColor(255, 170, 40));
    p.drawText(box, Qt::AlignRight | Qt::AlignVCenter, tr("orange glow and width: calls per second over the last simulated second"));
}

void BigPictureCanvas::mousePressEvent(QMouseEvent* e) {
    for (int f = 0; f < NR_KFUNCS; ++f)
        if (nodeRect(f).contains(e->position())) {
            select(f);
            return;
        }
}

BigPictureView::BigPictureView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    m_canvas = new BigPictureCanvas(this);
    layout->addWidget(m_canvas, 4);
    m_details = new QLabel(tr("Click a function to see what it does, where it lives and how often it runs."), this);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumWidth(240);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_details, 1);
    connect(m_canvas, &BigPictureCanvas::nodeSelected, this, &BigPictureView::showDetails);
}

QString BigPictureView::details() const { return m_details->text(); }

namespace {
// "a b | c" (host_field_value()'s spec) as "a + b, or c".
QString specText(std::string_view spec) {
    QStringList alternatives = QString::fromUtf8(spec.data(), static_cast<int>(spec.size())).split(" | ");
    for (QString& a : alternatives) a.replace(" ", " + ");
    return alternatives.join(", " + BigPictureView::tr("or") + " ");
}
} // namespace

// On this machine: which /proc/vmstat counter lights the function, or that none does.
QString BigPictureView::hostCounterText(KFunc f, std::uint64_t total, double rate) const {
    for (const auto& c : rs::host_kfunc_counters()) {
        if (c.func != f) continue;
        if (!m_canvas->observed(f)) break;
        return tr("On this machine: /proc/vmstat %1 (%2), %3 in all, %4 over the last second.")
            .arg(specText(c.spec),
                 QString::fromUtf8(c.unit.data(), static_cast<int>(c.unit.size())))
            .arg(total)
            .arg(rateText(rate));
    }
    return tr("Not observable here: no /proc/vmstat counter counts it on this machine (and a recording keeps no "
              "calls). A trace shows it (trace-cmd record -e vmscan, docs/ftrace.md).");
}

void BigPictureView::showDetails(int f) {
    if (f < 0 || f >= NR_KFUNCS) return;
    const auto k = static_cast<KFunc>(f);
    const auto name = kfunc_name(k), file = kfunc_file(k);
    const std::uint64_t total = m_history.empty() ? 0 : m_history.back().second[static_cast<std::size_t>(f)];
    // The function's and file's names as the kernel spells them; only the prose is translated.
    QString calls = tr("Calls: %1 in all, %2 over the last simulated second.").arg(total).arg(rateText(m_canvas->rate(k)));
    if (m_canvas->isHost()) calls = hostCounterText(k, total, m_canvas->rate(k));
    m_details->setText(QString("<h3><tt>%1()</tt></h3><p><i>%2</i></p><p>%3</p><p>%4</p>")
                           .arg(QString::fromUtf8(name.data(), static_cast<int>(name.size())),
                                QString::fromUtf8(file.data(), static_cast<int>(file.size())),
                                kfuncDescription(k).toHtmlEscaped(), calls.toHtmlEscaped()));
}

void BigPictureView::onFrame(const FramePtr& frame) {
    if (!frame) return;
    m_canvas->setHost(frame->host || frame->recording, frame->kfunc_observed); // a recording: none observed
    if (frame->generation != m_generation) {
        m_generation = frame->generation;
        m_history.clear();
    }
    m_history.emplace_back(frame->sim_time_ns, frame->kfunc_calls);
    while (m_history.size() > 2 && m_history.back().first - m_history[1].first >= 1'000'000'000) m_history.pop_front();
    std::array<double, NR_KFUNCS> rates{};
    const auto& [t1, c1] = m_history.back();
    const auto& [t0, c0] = m_history.front();
    const double dt = static_cast<double>(t1 - t0) / 1e9;
    if (dt > 0)
        for (std::size_t i = 0; i < rates.size(); ++i) rates[i] = static_cast<double>(c1[i] - c0[i]) / dt;
    m_canvas->setRates(rates, c1);
    m_canvas->setLastCalls(frame->kfunc_last);
    if (m_canvas->selected() >= 0) showDetails(m_canvas->selected());
}
