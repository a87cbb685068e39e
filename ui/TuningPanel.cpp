#include "TuningPanel.h"

#include "SysctlEditor.h"

#include <QLabel>
#include <QVBoxLayout>

TuningPanel::TuningPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_minFree = new SysctlEditor(
        "vm.min_free_kbytes", 0, 1 << 20, "kB",
        "vm.min_free_kbytes: memory the kernel keeps free. min_free_kbytes_sysctl_handler() "
        "spreads it over the zones as their min watermarks (__setup_per_zone_wmarks), in "
        "proportion to each zone's managed pages. Kernel range 0..2147483647.",
        this);
    m_scale = new SysctlEditor(
        "vm.watermark_scale_factor", 1, 3000, "1/10000 of the zone",
        "vm.watermark_scale_factor: the gap min→low and low→high is the larger of min/4 and "
        "managed × factor / 10000 (__setup_per_zone_wmarks). Kernel range 1..3000, default 10.",
        this);
    m_swappiness = new SysctlEditor(
        "vm.swappiness", 0, 200, "0..200",
        "vm.swappiness: how get_scan_count() weighs anonymous against file pages: anon gets "
        "swappiness, file 200 - swappiness, each scaled by its recent reclaim cost. 0 scans anon "
        "only when the page cache is nearly gone (file_is_tiny). Needs swap to matter.",
        this);
    layout->addWidget(m_minFree);
    layout->addWidget(m_scale);
    layout->addWidget(m_swappiness);
    auto* hint = new QLabel(
        "Drag a slider or type a value and press Enter. The simulated kernel recomputes the "
        "watermarks as writing the sysctl does, and the charts' lines move.",
        this);
    hint->setWordWrap(true);
    hint->setStyleSheet("color: palette(mid);");
    layout->addWidget(hint);
    layout->addStretch(1);
    for (auto* e : {m_minFree, m_scale, m_swappiness})
        connect(e, &SysctlEditor::valueCommitted, this, &TuningPanel::sysctlRequested);
}

SysctlEditor* TuningPanel::editor(const QString& sysctl) const {
    if (sysctl == m_minFree->sysctl()) return m_minFree;
    if (sysctl == m_scale->sysctl()) return m_scale;
    if (sysctl == m_swappiness->sysctl()) return m_swappiness;
    return nullptr;
}

void TuningPanel::onFrame(const FramePtr& frame) {
    if (!frame) return;
    if (frame->totalram_pages != m_totalram) {
        m_totalram = frame->totalram_pages;
        // The slider spans up to all of RAM; the entry field accepts the kernel's full range.
        m_minFree->setSliderRange(0, static_cast<qint64>(m_totalram * 4));
    }
    m_minFree->setCurrentValue(frame->sysctl.min_free_kbytes);
    m_scale->setCurrentValue(frame->sysctl.watermark_scale_factor);
    m_swappiness->setCurrentValue(frame->sysctl.swappiness);
}
