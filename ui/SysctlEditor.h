#pragma once
// A slider with an exact numeric entry for one sysctl (a list sysctl gets the entry only).
// Typed values are checked with the kernel's range by the core; a bad value is named in red
// under the field and not applied.
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QWidget>

class SysctlEditor : public QWidget {
    Q_OBJECT
public:
    // sliderMin == sliderMax: no slider (vm.lowmem_reserve_ratio takes one value per zone).
    SysctlEditor(const QString& sysctl, qint64 sliderMin, qint64 sliderMax, const QString& unit,
                 const QString& tooltip, QWidget* parent = nullptr);

    QString sysctl() const { return m_sysctl; }
    // The value the kernel holds, as /proc/sys prints it.
    QString value() const { return m_value; }
    void setSliderRange(qint64 min, qint64 max);
    // Shows the value the kernel holds now, without emitting.
    void setCurrentValue(const QString& v);
    // Applies a value as if the user had typed it and pressed Enter.
    void commitText(const QString& text);
    QSlider* slider() const { return m_slider; }
    QLineEdit* edit() const { return m_edit; }
    QString errorText() const { return m_error->text(); }

signals:
    // A checked value (normalised: "3000000", "256 4 32").
    void valueCommitted(const QString& sysctl, const QString& value);

private:
    void commitFromEdit();
    void commitFromSlider();
    int toSlider(qint64 v) const;
    qint64 fromSlider(int pos) const;

    QString m_sysctl;
    qint64 m_min, m_max;
    QString m_value;
    QSlider* m_slider = nullptr;
    QLineEdit* m_edit;
    QLabel* m_error;
};
