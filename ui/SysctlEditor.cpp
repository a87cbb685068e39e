#include "SysctlEditor.h"

#include "mm/sysctl.h"

#include <QGridLayout>
#include <QSignalBlocker>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kSteps = 1000;
}

SysctlEditor::SysctlEditor(const QString& sysctl, qint64 sliderMin, qint64 sliderMax, const QString& unit,
                           const QString& tooltip, QWidget* parent)
    : QWidget(parent), m_sysctl(sysctl), m_min(sliderMin), m_max(std::max(sliderMin + 1, sliderMax)) {
    const bool withSlider = sliderMin != sliderMax;
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 4, 0, 4);
    auto* name = new QLabel(QString("<b>%1</b> <small>(%2)</small>").arg(sysctl, unit.toHtmlEscaped()), this);
    name->setWordWrap(true);
    m_edit = new QLineEdit(this);
    m_edit->setFixedWidth(sliderMin == sliderMax ? 160 : 96);
    m_edit->setAlignment(Qt::AlignRight);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet("color: #c0392b;");
    m_error->hide();
    grid->addWidget(name, 0, 0, 1, 2);
    if (withSlider) {
        m_slider = new QSlider(Qt::Horizontal, this);
        m_slider->setRange(0, kSteps);
        grid->addWidget(m_slider, 1, 0);
        m_slider->setToolTip(tooltip);
        m_slider->setAccessibleName(sysctl + " slider");
    }
    grid->addWidget(m_edit, 1, withSlider ? 1 : 0, 1, withSlider ? 1 : 2, Qt::AlignLeft);
    grid->addWidget(m_error, 2, 0, 1, 2);
    setToolTip(tooltip);
    m_edit->setToolTip(tooltip);
    m_edit->setAccessibleName(sysctl);

    connect(m_edit, &QLineEdit::returnPressed, this, &SysctlEditor::commitFromEdit);
    if (!m_slider) return;
    connect(m_slider, &QSlider::sliderReleased, this, &SysctlEditor::commitFromSlider);
    // Keyboard and wheel moves of the slider (no press/release) commit too.
    connect(m_slider, &QSlider::actionTriggered, this, [this](int) {
        if (!m_slider->isSliderDown()) QMetaObject::invokeMethod(this, &SysctlEditor::commitFromSlider, Qt::QueuedConnection);
    });
    connect(m_slider, &QSlider::sliderMoved, this, [this](int pos) { m_edit->setText(QString::number(fromSlider(pos))); });
}

void SysctlEditor::setSliderRange(qint64 min, qint64 max) {
    m_min = min;
    m_max = std::max(min + 1, max);
    if (m_slider) {
        const QSignalBlocker b(m_slider);
        m_slider->setValue(toSlider(m_value.toLongLong()));
    }
}

int SysctlEditor::toSlider(qint64 v) const {
    const double f = static_cast<double>(std::clamp(v, m_min, m_max) - m_min) / static_cast<double>(m_max - m_min);
    return static_cast<int>(std::lround(f * kSteps));
}

qint64 SysctlEditor::fromSlider(int pos) const {
    return m_min + static_cast<qint64>(std::llround(static_cast<double>(m_max - m_min) * pos / kSteps));
}

void SysctlEditor::setCurrentValue(const QString& v) {
    if (v == m_value) return;
    m_value = v;
    if (m_slider) {
        const QSignalBlocker b1(m_slider);
        m_slider->setValue(toSlider(v.toLongLong()));
    }
    // Text the user is typing (focus) stays until Enter.
    if (!m_edit->hasFocus() || m_error->isHidden()) m_edit->setText(v);
}

void SysctlEditor::commitText(const QString& text) {
    m_edit->setText(text);
    commitFromEdit();
}

void SysctlEditor::commitFromEdit() {
    // The core checks the value against the kernel's range and names the problem.
    const auto w = rs::make_sysctl_write(m_sysctl.toStdString(), m_edit->text().toStdString(), rs::kMaxZoneTypes);
    if (!w) {
        m_error->setText(QString::fromStdString(w.error()));
        m_error->show();
        m_edit->setStyleSheet("border: 1px solid #c0392b;");
        return;
    }
    m_error->hide();
    m_error->clear();
    m_edit->setStyleSheet({});
    emit valueCommitted(m_sysctl, QString::fromStdString(rs::format_sysctl_value(w.value())));
}

void SysctlEditor::commitFromSlider() {
    const qint64 v = fromSlider(m_slider->value());
    if (QString::number(v) == m_value) return;
    m_edit->setText(QString::number(v));
    commitFromEdit();
}
