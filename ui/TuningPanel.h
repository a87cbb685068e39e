#pragma once
// A slider and an exact entry for each of the vm.* sysctls the simulated kernel models
// (rs::sysctl_table(), one row each); a change goes to the kernel live.
#include "Frame.h"

#include <QWidget>

#include <vector>

class SysctlEditor;
class QUndoStack;

class TuningPanel : public QWidget {
    Q_OBJECT
public:
    explicit TuningPanel(QWidget* parent = nullptr);
    SysctlEditor* editor(const QString& sysctl) const;
    const std::vector<SysctlEditor*>& editors() const { return m_editors; }

public slots:
    void onFrame(const FramePtr& frame);

signals:
    // The user asked for sysctl = value; `previous` is what the kernel held (for undo).
    void sysctlRequested(const QString& sysctl, const QString& value, const QString& previous);

private:
    std::vector<SysctlEditor*> m_editors;
    std::uint64_t m_totalram = 0;
    class QLabel* m_hint = nullptr;
    QString m_simHint;
    bool m_host = false; // showing this machine: read only
    bool m_recording = false; // showing a recording: no values
};
