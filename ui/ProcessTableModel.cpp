#include "ProcessTableModel.h"

#include <QColor>

#include <array>
#include <map>

namespace {

using Row = ProcessTableModel::Row;
constexpr double kMiB = 4096.0 / (1 << 20);

const char* stateName(rs::ProcRow::State s) {
    switch (s) {
    case rs::ProcRow::State::Running: return QT_TRANSLATE_NOOP("ProcessTableModel", "running");
    case rs::ProcRow::State::Exited: return QT_TRANSLATE_NOOP("ProcessTableModel", "exited");
    case rs::ProcRow::State::OomKilled: return QT_TRANSLATE_NOOP("ProcessTableModel", "OOM-killed");
    case rs::ProcRow::State::KernelThread: return QT_TRANSLATE_NOOP("ProcessTableModel", "kernel thread");
    }
    return "";
}

struct Column {
    const char* header;
    const char* tip;
    bool live; // blank without an mm (kernel threads, dead processes, init): no figures, no rates
    int decimals;
    double (*value)(const Row&);
};

// The columns, in order. PID, name and state are text columns handled apart (value nullptr).
const std::array<Column, 13> kColumns{{
    {QT_TRANSLATE_NOOP("ProcessTableModel", "PID"), QT_TRANSLATE_NOOP("ProcessTableModel", "The pid (alloc_pid() order: init 1, kthreadd 2, the kernel threads, then the tasks in start order)"), false, 0,
     [](const Row& r) { return double(r.proc.pid); }},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "Name"), QT_TRANSLATE_NOOP("ProcessTableModel", "comm: the task's name, at most 15 characters (TASK_COMM_LEN)"), false, 0, nullptr},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "State"), QT_TRANSLATE_NOOP("ProcessTableModel", "running, exited, OOM-killed (by oom_kill_process()) or a kernel thread"), false, 0, nullptr},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "Anon MiB"), QT_TRANSLATE_NOOP("ProcessTableModel", "RssAnon in /proc/PID/status (MM_ANONPAGES): resident anonymous pages, MiB"), true, 1,
     [](const Row& r) { return r.proc.now.rss * kMiB; }},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "File MiB"), QT_TRANSLATE_NOOP("ProcessTableModel", "RssFile (MM_FILEPAGES): 0, the simulated tasks map no file pages (their page-cache reads are "
                       "not mapped)"), true, 1, [](const Row&) { return 0.0; }},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "Swap MiB"), QT_TRANSLATE_NOOP("ProcessTableModel", "VmSwap (MM_SWAPENTS): the process's pages that are out on swap"), true, 1,
     [](const Row& r) { return r.proc.now.swap * kMiB; }},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "VmSize MiB"), QT_TRANSLATE_NOOP("ProcessTableModel", "VmSize (mm->total_vm): what the process has mapped now"), true, 1,
     [](const Row& r) { return r.proc.now.vm * kMiB; }},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "Faults/s"), QT_TRANSLATE_NOOP("ProcessTableModel", "Page faults per simulated second (minflt + majflt of /proc/PID/stat)"), true, 0,
     [](const Row& r) { return r.minflt + r.majflt; }},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "Major/s"), QT_TRANSLATE_NOOP("ProcessTableModel", "majflt per second: faults that read from the swap device"), true, 0,
     [](const Row& r) { return r.majflt; }},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "Reclaim ms/s"), QT_TRANSLATE_NOOP("ProcessTableModel", "Milliseconds per second spent in direct reclaim (delay accounting's RECLAIM: "
                             "try_to_free_pages() in __perform_reclaim())"), true, 1,
     [](const Row& r) { return r.reclaimMs; }},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "Swap-in ms/s"), QT_TRANSLATE_NOOP("ProcessTableModel", "Milliseconds per second waiting for swap-in reads (delay accounting's SWAP: "
                            "swap_read_folio())"), true, 1, [](const Row& r) { return r.swapinMs; }},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "OOM score"), QT_TRANSLATE_NOOP("ProcessTableModel", "/proc/PID/oom_score: (1000 + oom_badness() * 1000 / totalpages) * 2 / 3, totalpages = RAM + swap; "
                  "0 for a task the OOM killer may not kill"), true, 0, [](const Row& r) { return double(r.proc.oom_score); }},
    {QT_TRANSLATE_NOOP("ProcessTableModel", "oom_score_adj"), QT_TRANSLATE_NOOP("ProcessTableModel", "/proc/PID/oom_score_adj: -1000 (never kill) .. 1000 (kill first)"), true, 0,
     [](const Row& r) { return double(r.proc.oom_score_adj); }},
}};

double perSecond(std::uint64_t now, std::uint64_t then, double dt) {
    return now >= then && dt > 0 ? static_cast<double>(now - then) / dt : 0.0;
}

} // namespace

int ProcessTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProcessTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(kColumns.size());
}

QVariant ProcessTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const Column& c = kColumns[static_cast<std::size_t>(index.column())];
    if (role == PidRole) return r.proc.pid;
    const bool blank = c.live && !r.proc.has_mm;
    if (role == Qt::DisplayRole) {
        if (index.column() == 1) return QString::fromStdString(r.proc.comm);
        if (index.column() == 2) return tr(stateName(r.proc.state));
        if (blank) return QString("—");
        return QString::number(c.value(r), 'f', c.decimals);
    }
    if (role == SortRole) {
        if (index.column() == 1) return QString::fromStdString(r.proc.comm);
        if (index.column() == 2) return static_cast<int>(r.proc.state);
        return blank ? -1.0 : c.value(r);
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == 1 || index.column() == 2 ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                                          : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && r.proc.state != rs::ProcRow::State::Running) return QColor(130, 130, 130);
    if (role == Qt::ToolTipRole) return tr(c.tip);
    return {};
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    if (role == Qt::DisplayRole) return tr(kColumns[static_cast<std::size_t>(section)].header);
    if (role == Qt::ToolTipRole) return tr(kColumns[static_cast<std::size_t>(section)].tip);
    return {};
}

void ProcessTableModel::update(const std::vector<rs::ProcRow>& procs, std::int64_t t_ns) {
    bool same = procs.size() == m_rows.size();
    for (std::size_t i = 0; same && i < procs.size(); ++i) same = procs[i].pid == m_rows[i].proc.pid;
    std::map<int, const Row*> oldRows; // by pid, only when the rows moved
    if (!same)
        for (const Row& o : m_rows) oldRows[o.proc.pid] = &o;
    std::vector<Row> rows(procs.size());
    for (std::size_t i = 0; i < procs.size(); ++i) {
        Row& r = rows[i];
        const auto old = oldRows.find(procs[i].pid);
        if (same) r = m_rows[i]; // the rates carry over until a second has passed
        else if (old != oldRows.end()) r = *old->second;
        r.proc = procs[i];
        auto [it, fresh] = m_base.try_emplace(r.proc.pid, Base{t_ns, r.proc.now});
        const double dt = static_cast<double>(t_ns - it->second.t_ns) / 1e9;
        if (!fresh && dt >= 1.0) {
            const rs::ProcSample& b = it->second.s;
            r.minflt = perSecond(r.proc.now.min_flt, b.min_flt, dt);
            r.majflt = perSecond(r.proc.now.maj_flt, b.maj_flt, dt);
            r.reclaimMs = static_cast<double>(r.proc.now.reclaim_ns - b.reclaim_ns) / 1e6 / dt;
            r.swapinMs = static_cast<double>(r.proc.now.swapin_ns - b.swapin_ns) / 1e6 / dt;
            it->second = Base{t_ns, r.proc.now};
        }
    }
    if (same) {
        m_rows = std::move(rows);
        if (!m_rows.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
}

void ProcessTableModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_base.clear();
    endResetModel();
}

const ProcessTableModel::Row* ProcessTableModel::rowOfPid(int pid) const {
    for (const Row& r : m_rows)
        if (r.proc.pid == pid) return &r;
    return nullptr;
}
