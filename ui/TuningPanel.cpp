#include "TuningPanel.h"

#include "SysctlEditor.h"

#include "mm/sysctl.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {
// Slider spans: the kernel's range where it is small, a useful part of it where it is huge
// (the entry field always takes the kernel's whole range).
std::pair<qint64, qint64> sliderSpan(const rs::SysctlInfo& s) {
    const std::string_view n = s.name;
    if (s.is_list) return {0, 0};
    if (n == "vm.min_free_kbytes") return {0, 1 << 20}; // set to all of RAM once a frame arrives
    if (n == "vm.watermark_boost_factor") return {0, 30000};
    if (n == "vm.vfs_cache_pressure") return {0, 1000};
    if (n == "vm.zone_reclaim_mode") return {0, 7};
    return {s.min, s.max};
}

QString defaultText(const rs::SysctlInfo& s) {
    const rs::VmSysctl d;
    if (s.name == "vm.min_free_kbytes") return "computed at boot from RAM (init_per_zone_wmark_min)";
    if (s.name == "vm.lowmem_reserve_ratio") return "256 256 32 0 0 (DMA DMA32 Normal Movable Device)";
    return QString::fromStdString(rs::read_sysctl(d, s.name, rs::kMaxZoneTypes));
}
} // namespace

TuningPanel::TuningPanel(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* inner = new QWidget(scroll);
    auto* layout = new QVBoxLayout(inner);
    auto* hint = new QLabel(
        "Drag a slider or type a value and press Enter: the simulated kernel takes it as a write "
        "to /proc/sys/vm does, and every chart marks the moment. Ctrl+Z undoes a change.",
        inner);
    hint->setWordWrap(true);
    hint->setStyleSheet("font-style: italic;");
    layout->addWidget(hint);
    for (const auto& s : rs::sysctl_table()) {
        const auto [lo, hi] = sliderSpan(s);
        const QString name = QString::fromUtf8(s.name.data(), static_cast<qsizetype>(s.name.size()));
        const QString tip =
            QString("<b>%1</b><br>%2<br><br>Kernel handler: <tt>%3()</tt><br>Kernel range: %4<br>Default: %5")
                .arg(name, QString::fromUtf8(s.doc.data(), static_cast<qsizetype>(s.doc.size())).toHtmlEscaped(),
                     QString::fromUtf8(s.kernel_handler.data(), static_cast<qsizetype>(s.kernel_handler.size())),
                     s.is_list ? QString("each value %1..%2, one per zone").arg(s.min).arg(s.max)
                               : QString("%1..%2").arg(s.min).arg(s.max),
                     defaultText(s).toHtmlEscaped());
        auto* e = new SysctlEditor(name, lo, hi, QString::fromUtf8(s.unit.data(), static_cast<qsizetype>(s.unit.size())),
                                   tip, inner);
        layout->addWidget(e);
        m_editors.push_back(e);
        connect(e, &SysctlEditor::valueCommitted, this, [this, e](const QString& sysctl, const QString& value) {
            if (value != e->value()) emit sysctlRequested(sysctl, value, e->value());
        });
    }
    layout->addStretch(1);
    scroll->setWidget(inner);
    outer->addWidget(scroll);
    setMinimumWidth(330);
}

SysctlEditor* TuningPanel::editor(const QString& sysctl) const {
    for (auto* e : m_editors)
        if (e->sysctl() == sysctl) return e;
    return nullptr;
}

void TuningPanel::onFrame(const FramePtr& frame) {
    if (!frame) return;
    if (frame->totalram_pages != m_totalram) {
        m_totalram = frame->totalram_pages;
        // The slider spans up to all of RAM; the entry field accepts the kernel's full range.
        if (auto* e = editor("vm.min_free_kbytes")) e->setSliderRange(0, static_cast<qint64>(m_totalram * 4));
    }
    for (auto* e : m_editors)
        e->setCurrentValue(QString::fromStdString(rs::read_sysctl(frame->sysctl, e->sysctl().toStdString(), frame->nr_zone_types)));
}
