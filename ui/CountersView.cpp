#include "CountersView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        out.push_back(text.substr(0, nl));
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}
// A page of kernel text: monospaced, unwrapped, as the kernel lays it out.
QTextBrowser* textPage(QWidget* parent, const QString& tip) {
    auto* page = new QTextBrowser(parent);
    page->setFont(QFont("DejaVu Sans Mono", 9));
    page->setLineWrapMode(QTextEdit::NoWrap);
    page->setToolTip(tip);
    return page;
}
} // namespace

CountersView::CountersView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    const char* names[4] = {"/proc/zoneinfo", "/proc/vmstat", "/proc/meminfo", "/proc/swaps"};
    const QString tips[4] = {tr("Per zone: free pages, the min/low/high watermarks, spanned/present/managed, protection "
                           "(lowmem_reserve) and per-node LRU counters, as zoneinfo_show() prints them"),
                           tr("Node statistics and VM events (pgscan, pgsteal, allocstall, workingset, pswpin/out...) "
                           "in the kernel's order"),
                           tr("MemTotal, MemFree, MemAvailable (si_mem_available), the LRU and swap lines"),
                           tr("The swap areas, as swap_show() prints them")};
    for (int i = 0; i < 4; ++i) {
        auto* page = textPage(m_tabs, tr("%1. Lines that changed since the last frame are highlighted.").arg(tips[i]));
        m_pages[static_cast<std::size_t>(i)] = page;
        m_tabs->addTab(page, names[i]);
    }
    // The process list: a page with a chooser over the /proc/PID/status text.
    auto* statusTab = new QWidget(m_tabs);
    auto* statusLayout = new QVBoxLayout(statusTab);
    statusLayout->setContentsMargins(0, 4, 0, 0);
    auto* chooser = new QHBoxLayout;
    chooser->addWidget(new QLabel(tr("Process:"), statusTab));
    m_procList = new QComboBox(statusTab);
    m_procList->setToolTip(tr("The simulated processes (pid and comm), the ones with the most memory first when there are "
                           "more than 64; kernel threads have no status of their own here"));
    m_procList->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    chooser->addWidget(m_procList);
    chooser->addStretch(1);
    statusLayout->addLayout(chooser);
    m_status = textPage(statusTab, tr("proc_pid_status() with task_mem(): the lines the simulator models (Name, Pid, PPid, Uid, "
                         "VmPeak, VmSize, VmLck, VmRSS, RssAnon, RssFile, RssShmem, VmPTE, VmSwap); a dead process "
                      "has no Vm lines, as for a zombie"));
    statusLayout->addWidget(m_status, 1);
    m_tabs->addTab(statusTab, "/proc/PID/status");
    connect(m_procList, &QComboBox::currentIndexChanged, this, [this] { showStatus(); });
    m_momentPage = textPage(m_tabs, tr("The values the recorder kept for the moment chosen on the history slider: zone "
                             "free pages and watermarks, LRU sizes, kswapd's state and the cumulative vmstat "
                                    "counters. The /proc pages show the present."));
    m_momentPage->hide(); // a tab only while a moment is reviewed
    layout->addWidget(m_tabs);
    // A page that was hidden shows the newest text when it is chosen (highlights come with the
    // next change).
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        if (i >= 0 && i < 4) m_pages[static_cast<std::size_t>(i)]->setPlainText(QString::fromStdString(m_last[static_cast<std::size_t>(i)]));
    });
}

void CountersView::onFrame(const FramePtr& frame) {
    if (!frame) return;
    if (frame->proc_zoneinfo.empty()) return; // not asked for: the view is hidden
    m_frame = frame;
    // The list, kept on the chosen pid when the processes change.
    QStringList items;
    for (const auto& s : frame->proc_status) items << QString("%1 %2").arg(s.pid).arg(QString::fromStdString(s.comm));
    QStringList current;
    for (int i = 0; i < m_procList->count(); ++i) current << m_procList->itemText(i);
    if (items != current) {
        const int keep = m_procList->currentData().toInt();
        QSignalBlocker block(m_procList);
        m_procList->clear();
        for (qsizetype i = 0; i < items.size(); ++i) m_procList->addItem(items[i], frame->proc_status[static_cast<std::size_t>(i)].pid);
        const int at = m_procList->findData(keep);
        m_procList->setCurrentIndex(at >= 0 ? at : 0);
    }
    showStatus();
    const std::array<const std::string*, 4> texts = {&frame->proc_zoneinfo, &frame->proc_vmstat, &frame->proc_meminfo,
                                                     &frame->proc_swaps};
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string& now = *texts[i];
        if (now == m_last[i]) {
            m_changed[i] = 0;
            continue;
        }
        // Only the visible page is re-rendered; the others just remember the text.
        const auto cur = lines_of(now), old = lines_of(m_last[i]);
        QString html = "<pre style=\"margin:0\">";
        int changed = 0;
        for (std::size_t l = 0; l < cur.size(); ++l) {
            const QString line = QString::fromUtf8(cur[l].data(), static_cast<int>(cur[l].size())).toHtmlEscaped();
            const bool diff = !m_last[i].empty() && (l >= old.size() || old[l] != cur[l]);
            changed += diff;
            html += diff ? "<span style=\"background:#ffe98a; color:#000\">" + line + "</span>\n" : line + "\n";
        }
        html += "</pre>";
        m_changed[i] = changed;
        m_last[i] = now;
        if (m_tabs->currentIndex() == static_cast<int>(i) && isVisible()) {
            QTextBrowser* page = m_pages[i];
            const int scroll = page->verticalScrollBar()->value();
            page->setHtml(html);
            page->verticalScrollBar()->setValue(scroll);
        } else if (m_pages[i]->document()->isEmpty()) {
            m_pages[i]->setHtml(html);
        }
    }
}

void CountersView::showStatus() {
    if (!m_frame) return;
    const int pid = m_procList->currentData().toInt();
    for (const auto& s : m_frame->proc_status)
        if (s.pid == pid) {
            const QString text = QString::fromStdString(s.text);
            if (text != m_status->toPlainText()) m_status->setPlainText(text);
            return;
        }
    m_status->clear();
}

void CountersView::setMoment(const MomentPtr& moment) {
    if (!moment) {
        if (m_momentTab >= 0) {
            m_tabs->removeTab(m_momentTab);
            m_momentTab = -1;
            m_momentPage->hide();
        }
        m_momentPage->clear();
        return;
    }
    const int scroll = m_momentPage->verticalScrollBar()->value();
    m_momentPage->setPlainText(QString::fromStdString(moment->sampleText));
    m_momentPage->verticalScrollBar()->setValue(scroll);
    if (m_momentTab < 0) {
        m_momentTab = m_tabs->addTab(m_momentPage, tr("recorded moment"));
        m_tabs->setCurrentIndex(m_momentTab);
    }
    m_tabs->setTabText(m_momentTab, tr("recorded at %1 s").arg(static_cast<double>(moment->sample.t_ns) / 1e9, 0, 'f', 2));
}

QString CountersView::momentText() const { return m_momentTab >= 0 ? m_momentPage->toPlainText() : QString(); }
