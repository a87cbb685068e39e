#pragma once
// Sliders with exact entry for the watermark sysctls; changes go to the simulated kernel live.
#include "Frame.h"

#include <QWidget>

class SysctlEditor;

class TuningPanel : public QWidget {
    Q_OBJECT
public:
    explicit TuningPanel(QWidget* parent = nullptr);
    SysctlEditor* editor(const QString& sysctl) const;

public slots:
    void onFrame(const FramePtr& frame);

signals:
    void sysctlRequested(const QString& sysctl, const QString& value);

private:
    SysctlEditor* m_minFree;
    SysctlEditor* m_scale;
    SysctlEditor* m_swappiness;
    std::uint64_t m_totalram = 0;
};
