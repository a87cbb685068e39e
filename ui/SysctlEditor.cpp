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
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 4, 0, 4);
    auto* name = new QLabel(QString("<b>%1</b> <span style='color:palette(mid)'>(%2)</span>").arg(sysctl, unit), this);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, kSteps);
    m_edit = new QLineEdit(this);
    m_edit->setMaximumWidth(110);
    m_edit->setAlignment(Qt::AlignRight);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet("color: #c0392b;");
    m_error->hide();
    grid->addWidget(name, 0, 0, 1, 2);
    grid->addWidget(m_slider, 1, 0);
    grid->addWidget(m_edit, 1, 1);
    grid->addWidget(m_error, 2, 0, 1, 2);
    for (QWidget* w : {static_cast<QWidget*>(this), static_cast<QWidget*>(m_slider), static_cast<QWidget*>(m_edit)})
        w->setToolTip(tooltip);
    m_edit->setAccessibleName(sysctl);
    m_slider->setAccessibleName(sysctl + " slider");

    connect(m_edit, &QLineEdit::returnPressed, this, &SysctlEditor::commitFromEdit);
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
    setCurrentValue(m_value);
}

int SysctlEditor::toSlider(qint64 v) const {
    const double f = static_cast<double>(std::clamp(v, m_min, m_max) - m_min) / static_cast<double>(m_max - m_min);
    return static_cast<int>(std::lround(f * kSteps));
}

qint64 SysctlEditor::fromSlider(int pos) const {
    return m_min + static_cast<qint64>(std::llround(static_cast<double>(m_max - m_min) * pos / kSteps));
}

void SysctlEditor::setCurrentValue(qint64 v) {
    m_value = v;
    const QSignalBlocker b1(m_slider);
    m_slider->setValue(toSlider(v));
    if (!m_edit->hasFocus() || m_error->isHidden()) m_edit->setText(QString::number(v));
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
    emit valueCommitted(m_sysctl, QString::number(w->values.front()));
}

void SysctlEditor::commitFromSlider() {
    const qint64 v = fromSlider(m_slider->value());
    if (v == m_value) return;
    m_edit->setText(QString::number(v));
    commitFromEdit();
}
