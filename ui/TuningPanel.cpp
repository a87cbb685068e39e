#include "TuningPanel.h"

#include "SysctlEditor.h"

#include "mm/sysctl.h"

#include <QCoreApplication>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
// A text of the core's vm_table, marked RS_TRANSLATE_NOOP("Sysctl", ...): in the interface's language.
QString trSysctl(std::string_view s) {
    return s.empty() ? QString() : QCoreApplication::translate("Sysctl", std::string(s).c_str());
}

// Slider spans: the kernel's range where it is small, the useful part of it (the row's
// useful_max) where it is huge; the entry field always takes the kernel's whole range.
std::pair<qint64, qint64> sliderSpan(const rs::ctl_table& t) {
    if (t.is_list()) return {0, 0};
    return {t.extra1, t.useful_max ? t.useful_max : t.extra2};
}

QString defaultText(const rs::ctl_table& t) {
    if (!t.default_note.empty()) return trSysctl(t.default_note);
    return QString::fromStdString(rs::read_sysctl(rs::VmSysctl{}, t.procname, rs::kMaxZoneTypes));
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
    m_simHint = tr("Drag a slider or type a value and press Enter: the simulated kernel takes it as a write "
                   "to /proc/sys/vm does, and every chart marks the moment. Ctrl+Z undoes a change.");
    auto* hint = new QLabel(m_simHint, inner);
    hint->setWordWrap(true);
    hint->setStyleSheet("font-style: italic;");
    layout->addWidget(hint);
    m_hint = hint;
    for (const auto& t : rs::sysctl_table()) {
        const auto [lo, hi] = sliderSpan(t);
        const QString name = qs(t.procname);
        const QString tip =
            tr("<b>%1</b><br>%2<br><br>Kernel handler: <tt>%3()</tt><br>Kernel range: %4<br>Default: %5")
                .arg(name, trSysctl(t.doc).toHtmlEscaped(), qs(t.proc_handler_name),
                     t.is_list() ? tr("each value %1..%2, one per zone").arg(t.extra1).arg(t.extra2)
                                 : QString("%1..%2").arg(t.extra1).arg(t.extra2),
                     defaultText(t).toHtmlEscaped());
        auto* e = new SysctlEditor(name, lo, hi, trSysctl(t.unit), tip, inner);
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
    if (frame->host != m_host || frame->recording != m_recording) {
        // This machine's values, shown and never written (the tool only reads a host); a
        // recording has none.
        m_host = frame->host;
        m_recording = frame->recording;
        m_hint->setText(m_host        ? tr("This machine's values, as /proc/sys/vm shows them (read again every second). "
                                           "Read only: ReclaimScope never writes to the host.")
                        : m_recording ? tr("A recording holds no sysctl values: the sliders show nothing of it.")
                                      : m_simHint);
        for (auto* e : m_editors) e->setEnabled(!m_host && !m_recording);
    }
    if (m_recording) return;
    if (frame->totalram_pages != m_totalram) {
        m_totalram = frame->totalram_pages;
        // The slider spans up to all of RAM; the entry field accepts the kernel's full range.
        if (auto* e = editor("vm.min_free_kbytes")) e->setSliderRange(0, static_cast<qint64>(m_totalram * 4));
    }
    for (auto* e : m_editors)
        e->setCurrentValue(QString::fromStdString(rs::read_sysctl(frame->sysctl, e->sysctl().toStdString(), frame->nr_zone_types)));
}
