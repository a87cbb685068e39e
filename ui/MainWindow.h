#pragma once
// The main window: the watermarks view, the tuning panel, the transport and the event log.
#include "Frame.h"
#include "sim/engine.h"

#include <QMainWindow>
#include <QThread>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class SimulationController;
class TuningPanel;
class WatermarkView;
class SwapView;
class LruView;
class BigPictureView;
class CountersView;
class QTabWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(const rs::EngineConfig& config, const QString& explanation, bool autoplay,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    WatermarkView* watermarkView() const { return m_view; }
    SwapView* swapView() const { return m_swapView; }
    LruView* lruView() const { return m_lruView; }
    BigPictureView* bigPictureView() const { return m_bigPicture; }
    CountersView* countersView() const { return m_counters; }
    QTabWidget* tabs() const { return m_tabs; }
    TuningPanel* tuningPanel() const { return m_tuning; }
    SimulationController* controller() const { return m_controller; }
    QString lastError() const { return m_lastError; }
    FramePtr lastFrame() const { return m_lastFrame; }
    quint64 framesReceived() const { return m_frames; }
    // Export the current view's charts (PNG, PDF or SVG by extension) without a dialog; returns
    // an error message or an empty string.
    QString exportChart(const QString& path);
    // Loads a scenario file; a file that fails validation is reported and changes nothing.
    bool openScenario(const QString& path);
    // Switches to a built-in scenario.
    void loadBuiltin(const QString& name);

protected:
    void closeEvent(QCloseEvent* event) override;

private slots:
    void onFrame(const FramePtr& frame);
    void onError(const QString& message);
    void togglePlay();
    void exportChartDialog();

private:
    void createActions();
    void rebuildRecentMenu();
    void startScenario(const rs::EngineConfig& config, const QString& title, const QString& explanation);
    void restoreSettings();

    QThread m_thread;
    SimulationController* m_controller = nullptr;
    WatermarkView* m_view = nullptr;
    LruView* m_lruView = nullptr;
    BigPictureView* m_bigPicture = nullptr;
    CountersView* m_counters = nullptr;
    SwapView* m_swapView = nullptr;
    QTabWidget* m_tabs = nullptr;
    TuningPanel* m_tuning = nullptr;
    QListWidget* m_eventLog = nullptr;
    QAction* m_playAction = nullptr;
    QComboBox* m_speedBox = nullptr;
    QLabel* m_timeLabel = nullptr;
    QLabel* m_speedLabel = nullptr;
    QLabel* m_fpsLabel = nullptr;
    FramePtr m_lastFrame;
    class QMenu* m_recentMenu = nullptr;
    QString m_lastError;
    bool m_running = false;
    quint64 m_frames = 0;
    quint64 m_framesAtLastFps = 0;
    qint64 m_fpsStartMs = 0;
};
