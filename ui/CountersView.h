#pragma once
// The counters view: the simulated kernel's /proc/zoneinfo, /proc/vmstat, /proc/meminfo and
// /proc/swaps, live, with the lines whose values changed since the last frame highlighted.
#include "Frame.h"

#include <QWidget>

#include <array>

class QComboBox;
class QTabWidget;
class QTextBrowser;

class CountersView : public QWidget {
    Q_OBJECT
public:
    explicit CountersView(QWidget* parent = nullptr);
    QTextBrowser* page(int i) const { return m_pages[static_cast<std::size_t>(i)]; }
    // Lines highlighted on page i in the last update.
    int changedLines(int i) const { return m_changed[static_cast<std::size_t>(i)]; }

    // The text of the recorded-moment page (empty when live).
    QString momentText() const;
    // The process list: /proc/PID/status of the process chosen in it.
    QComboBox* processList() const { return m_procList; }
    QTextBrowser* statusPage() const { return m_status; }

public slots:
    void onFrame(const FramePtr& frame);
    // A recorded moment: its values on their own page, shown; nullptr returns to the live pages.
    void setMoment(const MomentPtr& moment);

private:
    QTabWidget* m_tabs;
    std::array<QTextBrowser*, 4> m_pages{};
    std::array<std::string, 4> m_last;
    std::array<int, 4> m_changed{};
    void showStatus();
    QTextBrowser* m_momentPage = nullptr;
    QComboBox* m_procList = nullptr;
    QTextBrowser* m_status = nullptr;
    FramePtr m_frame; // the last frame with /proc texts
    int m_momentTab = -1;
};
