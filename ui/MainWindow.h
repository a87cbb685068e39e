#pragma once
// The main window: the views as dock widgets (tabbed by default, any layout remembered), the
// tuning panel with undo, the transport with the history slider, and the event log.
#include "Frame.h"
#include "ScenarioLoader.h"
#include "Theme.h"
#include "ViewList.h"
#include "sim/engine.h"

#include <QMainWindow>
#include <QThread>

#include <optional>

class QDockWidget;
class QLabel;
class QListWidget;
class QUndoStack;
class SimulationController;
class TransportBar;
class ScenarioBrowser;
class TuningPanel;
class WatermarkView;
class SwapView;
class LruView;
class BigPictureView;
class CountersView;
class ProcessesView;
class MainMenus;
class LoadProgress;
struct ExportSources;
struct ExportStamp;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(const rs::EngineConfig& config, const QString& explanation, bool autoplay,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // The views, in their menu order: Watermarks, Swap, LRU, Big Picture, Counters (ViewList.h).
    using View = ViewId;
    static constexpr int kViewCount = ::kViewCount;
    static constexpr int kLayoutVersion = 2; // bump when the docks change: older layouts are dropped

    WatermarkView* watermarkView() const { return m_view; }
    SwapView* swapView() const { return m_swapView; }
    LruView* lruView() const { return m_lruView; }
    BigPictureView* bigPictureView() const { return m_bigPicture; }
    CountersView* countersView() const { return m_counters; }
    ProcessesView* processesView() const { return m_processes; }
    QDockWidget* viewDock(View v) const { return m_viewDocks[static_cast<int>(v)]; }
    // Shows and raises a view (as Ctrl+1..5 do); it becomes the current view for export.
    void showView(View v);
    View currentView() const { return m_current; }
    TuningPanel* tuningPanel() const { return m_tuning; }
    ScenarioBrowser* scenarioBrowser() const { return m_browser; }
    TransportBar* transport() const { return m_transport; }
    QUndoStack* undoStack() const { return m_undo; }
    SimulationController* controller() const { return m_controller; }
    QString lastError() const { return m_lastError; }
    FramePtr lastFrame() const { return m_lastFrame; }
    MomentPtr lastMoment() const { return m_lastMoment; }
    quint64 framesReceived() const { return m_frames; }
    // Export the current view's charts (PNG, PDF or SVG by extension) without a dialog; returns
    // an error message or an empty string. `size`: the width and the height of each chart.
    QString exportChart(const QString& path, QSize size = QSize(1600, 420));
    // Every view: one multi-page PDF, or for PNG and SVG one file per view (NAME-watermarks.png,
    // ...). Returns an error message or an empty string.
    QString exportAllViews(const QString& path, QSize size = QSize(1600, 420));
    // The recorded data as CSV (rs::write_csv), of the whole run or of [fromNs, toNs]. Written by
    // the simulation thread, atomically; the result comes back through the status bar and
    // lastError().
    void exportCsv(const QString& path, qint64 fromNs = 0, qint64 toNs = -1);
    // Loads a scenario file off the UI thread (ScenarioLoader) and answers with scenarioOpened.
    // A file that fails validation is reported and changes nothing; so does a cancelled load.
    // An open while another is in flight cancels that one (the newer choice wins).
    void openScenario(const QString& path);
    // File > New Scenario from This Machine without its dialog: writes this machine's scenario
    // (rs::host_scenario_json: zones, sysctls, swap, no tasks) to `path`, whole or not at all,
    // then opens it as openScenario() does. Returns an error message naming the file (also shown
    // and kept in lastError()), or an empty string.
    QString newScenarioFromHost(const QString& path);
    // Stops the load in flight, as the progress dialog's Cancel does.
    void cancelLoading();
    bool isLoading() const;
    LoadProgress* loadProgress() const { return m_loadProgress; }
    // Switches to a built-in scenario.
    void loadBuiltin(const QString& name);
    // Shows this machine instead of a simulation (File > Watch This Machine, --host): read
    // through /proc every intervalNs, never written; opening a scenario goes back to simulating.
    void watchHost(qint64 intervalNs = 100'000'000);
    bool watchingHost() const { return m_host; }
    // Shows a CSV written by --csv or Export Data (a run or a --host recording) in every view,
    // with nothing running (File > Open Recording, --recording). Errors come as messages.
    void openRecording(const QString& path);
    void openRecordingDialog();
    // Sets the sysctl through the undo stack, as the tuning panel does.
    void requestSysctl(const QString& sysctl, const QString& value, const QString& previous);
    void setTheme(Theme theme);
    // Play until the simulated time t, then pause (the transport shows it).
    void pauseAt(qint64 t_ns);
    // The visible time range of the watermark charts, in ns (for "export the visible range").
    std::pair<qint64, qint64> visibleRangeNs() const;

    // Every panel back where it starts (View > Reset Layout).
    void resetLayout();

public slots:
    // The export dialogs of the File menu: the current view's charts or all views; the data.
    void exportChartDialog(bool allViews);
    void exportCsvDialog();
    // File > New Scenario from This Machine: a save dialog (in the scenarios' folder), then
    // newScenarioFromHost().
    void newScenarioFromHostDialog();

signals:
    void csvExported(const QString& path, const QString& error);
    // An openScenario() ended: ok, or the message the window showed (the loader's error, or
    // "Loading cancelled").
    void scenarioOpened(const QString& path, bool ok, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private slots:
    void onFrame(const FramePtr& frame);
    void onMoment(const MomentPtr& moment);
    void onError(const QString& message);

private:
    void updateProcsWanted();
    void createDocks();
    QDockWidget* addPanel(const QString& title, const QString& objectName, QWidget* widget, Qt::DockWidgetArea area);
    void createActions();
    void createTransport();
    void rebuildRecentMenu();
    void startScenario(rs::EngineConfig config, const rs::LocalizedText& titles, const rs::LocalizedText& explanations);
    void onScenarioLoaded(const QString& path, const ScenarioResultPtr& result, bool cancelled);
    void rememberRecent(const QString& path);
    void restoreSettings();
    void setRunning(bool running);
    void setHostMode(bool host, bool recording);
    ExportSources exportSources();
    std::optional<ExportStamp> exportStamp() const;

    QThread m_thread;
    SimulationController* m_controller = nullptr;
    WatermarkView* m_view = nullptr;
    LruView* m_lruView = nullptr;
    BigPictureView* m_bigPicture = nullptr;
    CountersView* m_counters = nullptr;
    ProcessesView* m_processes = nullptr;
    bool m_processesShown = false;
    int m_selectedPid = 0;
    SwapView* m_swapView = nullptr;
    QDockWidget* m_viewDocks[kViewCount] = {};
    View m_current = View::Watermarks;
    TuningPanel* m_tuning = nullptr;
    ScenarioBrowser* m_browser = nullptr;
    MainMenus* m_menus = nullptr;
    TransportBar* m_transport = nullptr;
    QUndoStack* m_undo = nullptr;
    ScenarioLoader* m_loader = nullptr;
    LoadProgress* m_loadProgress = nullptr;
    QListWidget* m_eventLog = nullptr;
    QLabel* m_timeLabel = nullptr;
    QLabel* m_speedLabel = nullptr;
    QLabel* m_fpsLabel = nullptr;
    class ReplayProgressLabel* m_replayLabel = nullptr;
    FramePtr m_lastFrame;
    MomentPtr m_lastMoment;
    QByteArray m_defaultLayout;
    QString m_lastError;
    bool m_running = false;
    bool m_host = false; // the frames are this machine's
    bool m_recording = false; // the frames are a recording's
    quint64 m_labelledGeneration = ~0ull; // the run whose charts' time axes are labelled
    bool m_layoutSettled = false; // after the first show: dock visibility changes are the user's
    quint64 m_frames = 0;
    quint64 m_framesAtLastFps = 0;
    qint64 m_fpsStartMs = 0;
};
