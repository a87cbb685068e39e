#include "ProcessesView.h"

#include "PlotDecor.h"
#include "ProcessTableModel.h"

#include <qcustomplot.h>

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

constexpr double kMiB = 4096.0 / (1 << 20);

QCPGraph* addLine(QCustomPlot* plot, const QString& name, const QColor& color) {
    QCPGraph* g = plot->addGraph();
    g->setName(name);
    g->setPen(QPen(color, 1.6));
    return g;
}

// Drops every other point older than t from parallel series, as rs::Recorder thins its history.
void thinParallel(QVector<double>& keys, std::initializer_list<QVector<double>*> values, double t) {
    QVector<double> k;
    std::vector<QVector<double>> v(values.size());
    qsizetype older = 0;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const bool old = keys[i] < t;
        if (old && (older++ % 2)) continue;
        k.append(keys[i]);
        std::size_t j = 0;
        for (auto* vals : values) v[j++].append((*vals)[i]);
    }
    keys = k;
    std::size_t j = 0;
    for (auto* vals : values) *vals = v[j++];
}

} // namespace

ProcessesView::ProcessesView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    layout->addWidget(m_header);

    m_model = new ProcessTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ProcessTableModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(tr("Every process of the simulated kernel, as /proc/PID/status, /proc/PID/stat, "
                        "/proc/PID/oom_score and delay accounting (getdelays) report it. Click a header to sort; "
                        "select a process to chart it, mark its direct reclaims on the Watermarks charts and "
                        "outline its swap slots in the Swap view."));
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProcessesView::onSelectionChanged);

    m_memPlot = makeTimeChart(this, tr("Memory of the selected process"), 160);
    m_memPlot->yAxis->setLabel(tr("MiB"));
    m_rss = addLine(m_memPlot, tr("RSS (VmRSS)"), QColor(31, 119, 180));
    m_swap = addLine(m_memPlot, tr("swap (VmSwap)"), QColor(214, 39, 40));
    m_memPlot->setToolTip(tr("VmRSS and VmSwap of the selected process at each sample"));
    m_stallPlot = makeTimeChart(this, tr("Stalls of the selected process"), 160);
    m_stallPlot->yAxis->setLabel(tr("ms per second"));
    m_reclaim = addLine(m_stallPlot, tr("direct reclaim (RECLAIM)"), QColor(200, 30, 30));
    m_swapin = addLine(m_stallPlot, tr("swap-in wait (SWAP)"), QColor(140, 110, 210));
    m_stallPlot->setToolTip(tr("Delay accounting of the selected process per simulated second, over 100 ms steps: time "
                            "in try_to_free_pages() (RECLAIM) and waiting for swap-in reads (SWAP)"));

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    auto* charts = new QWidget(split);
    auto* chartsLayout = new QVBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(m_memPlot);
    chartsLayout->addWidget(m_stallPlot);
    split->addWidget(charts);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
}

void ProcessesView::onFrame(const FramePtr& frame) {
    if (!frame) return;
    if (frame->generation != m_generation) {
        m_generation = frame->generation;
        m_history.clear();
        m_model->clear();
        m_lastT = 0;
        choose(0);
    }
    for (int r = 0; r < frame->thin_rounds; ++r)
        for (auto& [pid, h] : m_history) {
            const double before = static_cast<double>(frame->thin_before_ns) / 1e9;
            thinParallel(h.t, {&h.rss, &h.swap}, before);
            thinParallel(h.rateT, {&h.reclaimMs, &h.swapinMs}, before);
        }
    collect(frame->samples);
    if (!frame->procs.empty()) {
        const int keep = m_pid;
        m_model->update(frame->procs, frame->sim_time_ns);
        if (keep && m_table->selectionModel()->selectedRows().isEmpty()) selectPid(keep); // a reset cleared it
        if (keep) choose(keep); // the name and node, once the table has the row
        m_header->setText(frame->nr_procs > frame->procs.size()
                              ? tr("%1 processes; the %2 with the most memory are listed.")
                                    .arg(frame->nr_procs).arg(frame->procs.size())
                              : tr("%1 processes (kernel threads included). Rates are per simulated second.")
                                    .arg(frame->nr_procs));
    }
    if (m_pid == 0 && !frame->samples.empty()) {
        // Nothing chosen yet: the process with the most memory, so the charts show something.
        const rs::ProcSample* best = nullptr;
        for (const auto& p : frame->samples.back().procs)
            if (!best || std::uint64_t{p.rss} + p.swap > std::uint64_t{best->rss} + best->swap) best = &p;
        if (best && best->rss + best->swap > 0) choose(best->pid);
    }
    showSelected();
}

void ProcessesView::collect(const std::vector<rs::Sample>& samples) {
    for (const auto& s : samples)
        for (const auto& p : s.procs) {
            History& h = m_history[p.pid];
            const double t = static_cast<double>(s.t_ns) / 1e9;
            h.t.append(t);
            h.rss.append(p.rss * kMiB);
            h.swap.append(p.swap * kMiB);
            if (h.baseT < 0) {
                h.baseT = s.t_ns, h.baseReclaim = p.reclaim_ns, h.baseSwapin = p.swapin_ns;
            } else if (s.t_ns - h.baseT >= 100'000'000) {
                const double dt = static_cast<double>(s.t_ns - h.baseT) / 1e9;
                h.rateT.append(t);
                h.reclaimMs.append(static_cast<double>(p.reclaim_ns - h.baseReclaim) / 1e6 / dt);
                h.swapinMs.append(static_cast<double>(p.swapin_ns - h.baseSwapin) / 1e6 / dt);
                h.baseT = s.t_ns, h.baseReclaim = p.reclaim_ns, h.baseSwapin = p.swapin_ns;
            }
            m_lastT = std::max(m_lastT, t);
        }
}

void ProcessesView::showSelected() {
    const auto it = m_history.find(m_pid);
    if (it == m_history.end()) {
        for (QCPGraph* g : {m_rss, m_swap, m_reclaim, m_swapin}) g->data()->clear();
    } else {
        const History& h = it->second;
        m_rss->setData(h.t, h.rss, true);
        m_swap->setData(h.t, h.swap, true);
        m_reclaim->setData(h.rateT, h.reclaimMs, true);
        m_swapin->setData(h.rateT, h.swapinMs, true);
    }
    const QString who = m_name;
    for (QCustomPlot* plot : {m_memPlot, m_stallPlot}) {
        auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
        if (title)
            title->setText(QString(plot == m_memPlot ? tr("Memory of %1") : tr("Stalls of %1"))
                               .arg(who.isEmpty() ? tr("the selected process") : who));
        plot->xAxis->setRange(0, std::max(1.0, m_lastT));
        plot->yAxis->setRange(0, std::max(plot == m_memPlot ? 1.0 : 0.1, visibleMax(plot, plot->yAxis) * 1.1));
        replotWhenShown(plot);
    }
}

void ProcessesView::choose(int pid) {
    // Without a table row (the table is sent only while wanted) the name waits for one.
    const auto* row = m_model->rowOfPid(pid);
    const QString name = row ? QString("%1 (%2)").arg(QString::fromStdString(row->proc.comm)).arg(pid)
                             : pid ? tr("pid %1").arg(pid) : QString();
    if (pid == m_pid && name == m_name) return;
    m_pid = pid;
    m_name = name;
    emit processSelected(pid, row ? row->proc.nid : 0, name);
    showSelected();
}

void ProcessesView::selectPid(int pid) {
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex i = m_proxy->index(r, 0);
        if (i.data(ProcessTableModel::PidRole).toInt() != pid) continue;
        m_table->selectionModel()->select(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(i);
        return;
    }
}

void ProcessesView::onSelectionChanged() {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) return; // a model reset cleared it; onFrame selects the row again
    choose(rows.front().data(ProcessTableModel::PidRole).toInt());
}
