#include "SwapView.h"

#include "LodGraph.h"
#include "PlotDecor.h"
#include "SlotMapWidget.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

SwapView::SwapView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* legend = new QHBoxLayout;
    for (auto [state, name] : {std::pair{rs::SlotState::Free, tr("free")}, {rs::SlotState::InUse, tr("in use")},
                               {rs::SlotState::InUseCached, tr("in use + swap cache")},
                               {rs::SlotState::CacheOnly, tr("swap cache only")}, {rs::SlotState::Bad, tr("bad / header")}}) {
        auto* swatch = new QLabel(this);
        swatch->setFixedSize(12, 12);
        swatch->setStyleSheet(QString("background:%1; border:1px solid #888;").arg(SlotMapWidget::colorOf(state).name()));
        legend->addWidget(swatch);
        legend->addWidget(new QLabel(name, this));
        legend->addSpacing(12);
    }
    legend->addStretch(1);
    // swapon / swapoff while the simulation runs.
    auto* on = m_swapon = new QPushButton(tr("Swap on…"), this);
    on->setToolTip(tr("Add a swap area now (sys_swapon): size, priority, kind (hdd, ssd, zram)."));
    connect(on, &QPushButton::clicked, this, &SwapView::askSwapon);
    legend->addWidget(on);
    m_device = new QComboBox(this);
    m_device->setToolTip(tr("The swap area that Swap off removes."));
    m_device->setMinimumContentsLength(12);
    legend->addWidget(m_device);
    m_swapoff = new QPushButton(tr("Swap off"), this);
    m_swapoff->setToolTip(tr("Remove the area now (sys_swapoff): a swapoff process reads every page back in "
                          "(try_to_unuse). Without the memory for them the OOM killer picks swapoff first, "
                          "and the area comes back (reinsert_swap_info)."));
    connect(m_swapoff, &QPushButton::clicked, this, [this] {
        if (m_device->currentIndex() >= 0) emit swapoffRequested(m_device->currentText());
    });
    legend->addWidget(m_swapoff);
    layout->addLayout(legend);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* inner = new QWidget(scroll);
    m_mapsLayout = new QVBoxLayout(inner);
    m_empty = new QLabel(noSwapText(), inner);
    m_empty->setWordWrap(true);
    m_mapsLayout->addWidget(m_empty);
    m_mapsLayout->addStretch(1);
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);

    m_plot = makeTimeChart(this, tr("Swap usage and traffic"), 220);
    m_plot->yAxis->setLabel(tr("swap in use (MiB)"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("swap-in / swap-out (pages/s)"));
    m_used = m_plot->addGraph();
    m_used->setName(tr("swap in use"));
    m_used->setPen(QPen(QColor(31, 119, 180), 1.8));
    m_cache = m_plot->addGraph();
    m_cache->setName(tr("swap cache"));
    m_cache->setPen(QPen(QColor(44, 160, 44), 1.4));
    m_out = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_out->setName(tr("pswpout rate"));
    m_out->setPen(QPen(QColor(214, 39, 40), 1.0));
    m_in = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_in->setName(tr("pswpin rate"));
    m_in->setPen(QPen(QColor(255, 127, 14), 1.0));
    for (QCPGraph* g : {m_used, m_cache, m_in, m_out}) m_lods.push_back(std::make_unique<LodGraph>(g));
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] {
        for (auto& l : m_lods) l->refresh();
    });
    layout->addWidget(m_plot);
}

SwapView::~SwapView() = default;

QString SwapView::noSwapText() {
    return tr("No swap device. Add one with --swap SIZE[,prio=N][,kind=hdd|ssd|zram] "
              "(e.g. reclaimscope --swap 1G --scenario mixed-pressure).");
}

void SwapView::setHighlightedProcess(int pid) {
    m_highlightPid = pid;
    for (auto* m : m_maps) m->setHighlightPid(pid);
}

void SwapView::onFrame(const FramePtr& frame) {
    if (!frame) return;
    if (frame->generation != m_generation) {
        m_generation = frame->generation;
        for (auto& l : m_lods) l->clear();
        m_plot->clearItems();
        m_moment.reset();
        m_lastT = -1;
        m_lastIn = m_lastOut = 0;
    }
    // Slot maps: one per device, rebuilt when the set of devices changes.
    if (m_maps.size() != frame->swap.size()) {
        for (auto* m : m_maps) delete m;
        for (auto* t : m_titles) delete t;
        m_maps.clear();
        m_titles.clear();
        for (std::size_t i = 0; i < frame->swap.size(); ++i) {
            auto* title = new QLabel(this);
            auto* map = new SlotMapWidget(this);
            map->setHighlightPid(m_highlightPid);
            m_mapsLayout->insertWidget(m_mapsLayout->count() - 1, title);
            m_mapsLayout->insertWidget(m_mapsLayout->count() - 1, map);
            m_titles.push_back(title);
            m_maps.push_back(map);
        }
    }
    if ((frame->host || frame->recording) != m_host) {
        m_host = frame->host || frame->recording;
        for (QWidget* w : std::initializer_list<QWidget*>{m_swapon, m_device, m_swapoff}) w->setVisible(!m_host);
    }
    if (frame->host) {
        // A real device's swap_map stays in the kernel: the areas and their totals are all /proc shows.
        m_empty->setText(tr("This machine's swap areas, as /proc/swaps shows them:") + "<pre>" +
                         QString::fromStdString(frame->proc_swaps).toHtmlEscaped() + "</pre>" +
                         tr("A real device's slots are not visible (the kernel keeps its swap_map to itself): "
                            "usage and traffic are in the chart below."));
    } else if (frame->recording) {
        m_empty->setText(tr("A recording holds swap usage and traffic (the chart below), not the slot maps."));
    } else if (m_empty->text() != noSwapText()) {
        m_empty->setText(noSwapText());
    }
    m_empty->setVisible(frame->swap.empty());
    // The areas Swap off can name: those still taking pages (SWP_WRITEOK).
    QStringList names;
    for (const auto& d : frame->swap)
        if (d.flags & rs::SWP_WRITEOK) names << QString::fromStdString(d.name);
    QStringList current;
    for (int i = 0; i < m_device->count(); ++i) current << m_device->itemText(i);
    if (names != current) {
        const QString keep = m_device->currentText();
        m_device->clear();
        m_device->addItems(names);
        if (names.contains(keep)) m_device->setCurrentText(keep);
    }
    m_swapoff->setEnabled(!names.isEmpty());
    for (std::size_t i = 0; i < frame->swap.size(); ++i) {
        const auto& s = frame->swap[i];
        m_maps[i]->setSnapshot(s);
        const QString cells = s.slot_states.empty()
                                  ? tr("a cell per 512-slot cluster; a process's slots are outlined only on areas of "
                                       "up to 65 536 slots")
                                  : tr("a cell per slot, lines between clusters");
        const QString swapoff = (s.flags & rs::SWP_WRITEOK) ? QString() : " <b>" + tr("swapoff in progress") + "</b>";
        m_titles[i]->setText(tr("<b>%1</b> (%2, priority %3): %4 of %5 slots in use (%6)")
                                 .arg(QString::fromStdString(s.name), QString::fromStdString(std::string(rs::swap_kind_name(s.kind))))
                                 .arg(s.prio).arg(s.inuse_pages).arg(s.pages)
                                 .arg(cells) + swapoff);
    }
    for (int r = 0; r < frame->thin_rounds; ++r)
        for (auto& l : m_lods) l->thinOlderHalf(static_cast<double>(frame->thin_before_ns) / 1e9);
    for (const auto& smp : frame->samples) {
        const double t = static_cast<double>(smp.t_ns) / 1e9;
        if (t <= m_lastT) continue;
        m_lods[0]->append(t, static_cast<double>(smp.swap_used) * 4.0 / 1024.0);
        m_lods[1]->append(t, static_cast<double>(smp.swap_cache) * 4.0 / 1024.0);
        if (m_lastT >= 0) {
            const double dt = t - m_lastT;
            m_lods[2]->append(t, static_cast<double>(smp.pswpin - m_lastIn) / dt);
            m_lods[3]->append(t, static_cast<double>(smp.pswpout - m_lastOut) / dt);
        }
        m_lastT = t;
        m_lastIn = smp.pswpin;
        m_lastOut = smp.pswpout;
    }
    for (const auto& e : frame->events)
        if (const auto m = eventMarker(e)) addEventMarker(m_plot, static_cast<double>(e.t_ns) / 1e9, *m);
    fitAxes();
}

void SwapView::setMoment(const MomentPtr& moment) {
    if (moment && moment->generation != m_generation) return;
    m_moment = moment;
    setMomentCursor(m_plot, moment.get());
    fitAxes();
}

void SwapView::fitAxes() {
    setTimeWindow(m_plot->xAxis, m_moment.get(), m_lastT);
    for (auto& l : m_lods) l->refresh(); // the points of the new range, for its y extent
    m_plot->yAxis->setRange(0, std::max(visibleMax(m_plot, m_plot->yAxis) * 1.1, 1.0));
    m_plot->yAxis2->setRange(0, std::max(visibleMax(m_plot, m_plot->yAxis2) * 1.1, 1.0));
    replotWhenShown(m_plot);
}

void SwapView::askSwapon() {
    bool ok = false;
    const QString spec = QInputDialog::getText(
        this, tr("Swap on"), tr("Swap area: SIZE[,prio=N][,kind=hdd|ssd|zram][,ratio=R][,name=NAME]\n"
                                "e.g. 1G,kind=ssd or 512M,prio=10,kind=zram,ratio=3"),
        QLineEdit::Normal, "1G,kind=ssd", &ok);
    if (ok && !spec.trimmed().isEmpty()) emit swaponRequested(spec.trimmed());
}
