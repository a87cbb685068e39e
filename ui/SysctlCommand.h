#pragma once
// One sysctl change on the undo stack: redo writes the new value, undo writes the old one
// back (both through the simulated kernel's sysctl handler, as `sysctl -w` would).
#include <QUndoCommand>

#include <functional>

class SysctlCommand : public QUndoCommand {
public:
    using Writer = std::function<void(const QString& sysctl, const QString& value)>;
    SysctlCommand(Writer write, QString sysctl, QString value, QString previous)
        : m_write(std::move(write)), m_sysctl(std::move(sysctl)), m_value(std::move(value)),
          m_previous(std::move(previous)) {
        setText(QString("%1 = %2 (was %3)").arg(m_sysctl, m_value, m_previous));
    }
    void redo() override { m_write(m_sysctl, m_value); }
    void undo() override { m_write(m_sysctl, m_previous); }

private:
    Writer m_write;
    QString m_sysctl, m_value, m_previous;
};
