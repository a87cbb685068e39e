#pragma once
// The window's progress for a scenario load: a window-modal QProgressDialog that appears only
// when the load lasts longer than showAfterMs() (a quick load shows nothing), with what is read
// ("Reading trace big.trace: 120.0 of 512.0 MiB") refreshed by a timer from the loader's
// progress (no polling of the load itself: it runs on the pool). Cancel cancels the load.
#include "util/load_control.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QProgressBar;
class QProgressDialog;
class QWidget;
class ScenarioLoader;

class LoadProgress : public QObject {
    Q_OBJECT
public:
    LoadProgress(ScenarioLoader* loader, QWidget* window);
    ~LoadProgress() override;

    // A load started (a running one's progress goes on from the new one) and ended.
    void begin();
    void end();
    // The dialog while it is shown, else nullptr.
    QProgressDialog* dialog() const { return m_dialog; }
    int showAfterMs() const { return m_showAfterMs; }
    void setShowAfterMs(int ms) { m_showAfterMs = ms; } // tests: 0 shows it at once
    // The dialog's label for a progress.
    static QString label(const rs::LoadControl::Progress& p);

private:
    void show();
    void refresh();

    ScenarioLoader* m_loader;
    QWidget* m_window;
    QPointer<QProgressDialog> m_dialog; // made when it shows, deleted when the load ends
    QProgressBar* m_bar = nullptr;      // the dialog's
    QTimer m_showTimer;
    QTimer m_refreshTimer;
    int m_showAfterMs = 300;
};
