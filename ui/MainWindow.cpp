#include "MainWindow.h"

#include "sim/scenarios.h"

#include "BigPictureView.h"
#include "ChartExport.h"
#include "CountersView.h"
#include "ExportDialog.h"
#include "LruView.h"
#include "ScenarioBrowser.h"
#include "SimulationController.h"
#include "SwapView.h"
#include "SysctlCommand.h"
#include "TransportBar.h"
#include "TuningPanel.h"
#include "WatermarkPlot.h"
#include "WatermarkView.h"
#include "util/units.h"

#include <qcustomplot.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QScreen>
#include <QStyle>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>

namespace {
constexpr int kMaxLogLines = 2000;
const char* kViewNames[MainWindow::kViewCount] = {"Watermarks", "Swap", "LRU", "Big Picture", "Counters"};
const char* kViewFileNames[MainWindow::kViewCount] = {"watermarks", "swap", "lru", "big-picture", "counters"};
const char* kViewTips[MainWindow::kViewCount] = {
    "Free pages of each zone against its min/low/high watermarks, kswapd's activity and direct reclaim (Ctrl+1)",
    "Swap slot maps (swap_map, clusters) and swap traffic (Ctrl+2)",
    "LRU list sizes over time and the page flows between the lists (Ctrl+3)",
    "The reclaim call graph, lit by each kernel function's call rate (Ctrl+4)",
    "Live /proc/zoneinfo, vmstat, meminfo and swaps of the simulated kernel (Ctrl+5)"};
} // namespace

MainWindow::MainWindow(const rs::EngineConfig& config, const QString& explanation, bool autoplay, QWidget* parent)
    : QMainWindow(parent) {
    qRegisterMetaType<FramePtr>("FramePtr");
    qRegisterMetaType<MomentPtr>("MomentPtr");
    qRegisterMetaType<rs::EngineConfig>("rs::EngineConfig");
    setWindowTitle("ReclaimScope");
    setTheme(themeFromString(QSettings().value("view/theme", "system").toString()));
    m_undo = new QUndoStack(this);

    createDocks();

    m_timeLabel = new QLabel(this);
    m_speedLabel = new QLabel(this);
    m_fpsLabel = new QLabel(this);
    m_timeLabel->setToolTip("Simulated time since the scenario started");
    m_speedLabel->setToolTip("Simulated seconds per wall-clock second, measured");
    m_fpsLabel->setToolTip("Frames the views received per second (at most 60)");
    statusBar()->addPermanentWidget(m_timeLabel);
    statusBar()->addPermanentWidget(m_speedLabel);
    statusBar()->addPermanentWidget(m_fpsLabel);

    // The engine lives on its own thread; everything crosses over as queued calls and frames.
    m_controller = new SimulationController;
    m_controller->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_controller, &QObject::deleteLater);
    connect(m_controller, &SimulationController::frameReady, this, &MainWindow::onFrame, Qt::QueuedConnection);
    connect(m_controller, &SimulationController::momentReady, this, &MainWindow::onMoment, Qt::QueuedConnection);
    connect(m_controller, &SimulationController::errorOccurred, this, &MainWindow::onError, Qt::QueuedConnection);
    connect(m_controller, &SimulationController::pausedAtLimit, this, [this] {
        m_running = false;
        m_transport->setRunning(false);
    }, Qt::QueuedConnection);
    connect(m_controller, &SimulationController::csvWritten, this, [this](const QString& path, const QString& error) {
        if (!error.isEmpty()) onError(error);
        else statusBar()->showMessage("Exported " + path, 5000);
        emit csvExported(path, error);
    }, Qt::QueuedConnection);
    connect(m_swapView, &SwapView::swaponRequested, m_controller, &SimulationController::swapon, Qt::QueuedConnection);
    connect(m_swapView, &SwapView::swapoffRequested, m_controller, &SimulationController::swapoff, Qt::QueuedConnection);
    connect(m_tuning, &TuningPanel::sysctlRequested, this, &MainWindow::requestSysctl);
    m_thread.setObjectName("simulation");
    m_thread.start();

    createActions();
    m_defaultLayout = saveState(kLayoutVersion);
    restoreSettings();
    m_controller->setProcTextsWanted(false); // until the counters view is shown (visibilityChanged)

    QMetaObject::invokeMethod(m_controller, [c = m_controller, config, explanation] { c->load(config, explanation); },
                              Qt::QueuedConnection);
    const double speed = m_transport->speed();
    QMetaObject::invokeMethod(m_controller, [c = m_controller, speed] { c->setSpeed(speed); }, Qt::QueuedConnection);
    if (autoplay) setRunning(true);
    m_fpsStartMs = QDateTime::currentMSecsSinceEpoch();
}

MainWindow::~MainWindow() {
    m_thread.quit();
    m_thread.wait();
    // ~QWidget hides the docks, which emit visibilityChanged into lambdas of a MainWindow that is
    // no longer one (UBSan: member access within a QWidget).
    for (QDockWidget* d : findChildren<QDockWidget*>()) d->disconnect(this);
    qApp->removeEventFilter(this);
}

void MainWindow::createDocks() {
    // No central widget: every view is a dock, so any of them can sit beside another, float
    // or close. By default they are tabbed together, left of the tuning panel.
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks | GroupedDragging);
    setTabPosition(Qt::AllDockWidgetAreas, QTabWidget::North);
    m_view = new WatermarkView(this);
    m_swapView = new SwapView(this);
    m_lruView = new LruView(this);
    m_bigPicture = new BigPictureView(this);
    m_counters = new CountersView(this);
    QWidget* widgets[kViewCount] = {m_view, m_swapView, m_lruView, m_bigPicture, m_counters};
    for (int i = 0; i < kViewCount; ++i) {
        auto* dock = new QDockWidget(kViewNames[i], this);
        dock->setObjectName(QString("view.%1").arg(kViewFileNames[i]));
        dock->setWidget(widgets[i]);
        dock->setToolTip(kViewTips[i]);
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                          QDockWidget::DockWidgetFloatable);
        addDockWidget(Qt::LeftDockWidgetArea, dock);
        if (i > 0) tabifyDockWidget(m_viewDocks[0], dock);
        m_viewDocks[i] = dock;
        const View v = static_cast<View>(i);
        connect(dock, &QDockWidget::visibilityChanged, this, [this, v](bool visible) {
            if (visible && m_layoutSettled) m_current = v; // a tab the user chose
            if (v == View::Counters && m_controller) m_controller->setProcTextsWanted(visible);
        });
    }
    m_viewDocks[0]->raise();
    // The view the user clicks in is the one Export Chart writes (focus is no guide: Qt may
    // hand it to a widget in any dock when the window first shows).
    qApp->installEventFilter(this);

    m_tuning = new TuningPanel(this);
    auto* tuningDock = addPanel("Tuning", "tuningDock", m_tuning, Qt::RightDockWidgetArea);

    m_browser = new ScenarioBrowser(this);
    auto* browserDock = addPanel("Scenarios", "scenariosDock", m_browser, Qt::RightDockWidgetArea);
    tabifyDockWidget(tuningDock, browserDock);
    tuningDock->raise();
    connect(m_browser, &ScenarioBrowser::builtinRequested, this, &MainWindow::loadBuiltin);
    connect(m_browser, &ScenarioBrowser::fileRequested, this, &MainWindow::openScenario);
    connect(m_browser, &ScenarioBrowser::openFileRequested, this, [this] { m_openAction->trigger(); });

    auto* undoView = new QUndoView(m_undo, this);
    undoView->setEmptyLabel("scenario as loaded");
    undoView->setToolTip("The sysctl changes you made, oldest first: click a line to go back to that state "
                         "(Ctrl+Z undoes the last, Ctrl+Shift+Z redoes).");
    auto* undoDock = addPanel("Changes", "changesDock", undoView, Qt::RightDockWidgetArea);
    resizeDocks({tuningDock, undoDock}, {600, 140}, Qt::Vertical);

    m_eventLog = new QListWidget(this);
    // One line per event: without uniform sizes the view measures (shapes) every line of the
    // log again whenever lines are added, 100+ ms per frame with a full log.
    m_eventLog->setUniformItemSizes(true);
    m_eventLog->setToolTip("Events of the simulated kernel: kswapd waking and sleeping (wakeup_kswapd, "
                           "kswapd_try_to_sleep), allocations that waited, sysctl writes, swapon/swapoff, OOM kills.");
    auto* logDock = addPanel("Event log", "eventLogDock", m_eventLog, Qt::BottomDockWidgetArea);
    resizeDocks({logDock}, {150}, Qt::Vertical);
}

QDockWidget* MainWindow::addPanel(const QString& title, const QString& objectName, QWidget* widget,
                                  Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // restoreState() finds docks by name
    dock->setWidget(widget);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::showView(View v) {
    QDockWidget* d = viewDock(v);
    d->show();
    d->raise();
    m_current = v;
}

void MainWindow::pauseAt(qint64 t_ns) {
    QMetaObject::invokeMethod(m_controller, [c = m_controller, t_ns] { c->setPauseAt(t_ns); }, Qt::QueuedConnection);
}

void MainWindow::setTheme(Theme theme) {
    applyTheme(theme);
    QSettings().setValue("view/theme", themeToString(theme));
}

void MainWindow::requestSysctl(const QString& sysctl, const QString& value, const QString& previous) {
    // Through the undo stack: push() runs redo(), which writes the value.
    m_undo->push(new SysctlCommand(
        [c = m_controller](const QString& name, const QString& v) {
            QMetaObject::invokeMethod(c, [c, name, v] { c->writeSysctl(name, v); }, Qt::QueuedConnection);
        },
        sysctl, value, previous));
}

void MainWindow::startScenario(const rs::EngineConfig& config, const QString& title, const QString& explanation) {
    m_eventLog->clear();
    m_undo->clear(); // the changes belonged to the scenario that is going away
    m_transport->resetHistory();
    statusBar()->showMessage("Scenario: " + title, 5000);
    QMetaObject::invokeMethod(m_controller, [c = m_controller, config, explanation] { c->load(config, explanation); },
                              Qt::QueuedConnection);
    if (m_running) QMetaObject::invokeMethod(m_controller, &SimulationController::play, Qt::QueuedConnection);
}

bool MainWindow::openScenario(const QString& path) {
    // Parsed and validated here, before anything reaches the running simulation.
    const auto sc = rs::load_scenario_file(path.toStdString());
    if (!sc) {
        onError(QString::fromStdString(sc.error()));
        return false;
    }
    QSettings settings;
    settings.setValue("scenarios/dir", QFileInfo(path).absolutePath());
    QStringList recent = settings.value("scenarios/recent").toStringList();
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    recent.prepend(QFileInfo(path).absoluteFilePath());
    while (recent.size() > 8) recent.removeLast();
    settings.setValue("scenarios/recent", recent);
    rebuildRecentMenu();
    startScenario(sc->config, QString::fromStdString(sc->title), QString::fromStdString(sc->explanation));
    statusBar()->showMessage("Loaded " + path, 5000);
    return true;
}

void MainWindow::loadBuiltin(const QString& name) {
    const auto* b = rs::find_builtin_scenario(name.toStdString());
    if (!b) {
        onError("No built-in scenario named " + name);
        return;
    }
    startScenario(b->config, QString::fromStdString(b->title), QString::fromStdString(b->explanation));
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("scenarios/recent").toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openScenario(path); })->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
    m_browser->refreshRecent();
}

void MainWindow::createActions() {
    m_transport = new TransportBar(this);
    addToolBar(Qt::TopToolBarArea, m_transport);
    connect(m_transport, &TransportBar::playRequested, this, [this] { setRunning(true); });
    connect(m_transport, &TransportBar::pauseRequested, this, [this] { setRunning(false); });
    connect(m_transport, &TransportBar::stepRequested, this, [this](qint64 ns) {
        setRunning(false);
        m_transport->goLive();
        QMetaObject::invokeMethod(m_controller, [c = m_controller, ns] { c->advance(ns); }, Qt::QueuedConnection);
    });
    connect(m_transport, &TransportBar::stepPassRequested, this, [this] {
        setRunning(false);
        m_transport->goLive();
        QMetaObject::invokeMethod(m_controller, &SimulationController::stepKswapdPass, Qt::QueuedConnection);
    });
    connect(m_transport, &TransportBar::resetRequested, this, [this] {
        m_transport->resetHistory();
        m_eventLog->clear();
        QMetaObject::invokeMethod(m_controller, &SimulationController::reset, Qt::QueuedConnection);
    });
    connect(m_transport, &TransportBar::speedChanged, this, [this](double s) {
        QMetaObject::invokeMethod(m_controller, [c = m_controller, s] { c->setSpeed(s); }, Qt::QueuedConnection);
    });
    connect(m_transport, &TransportBar::momentRequested, this, [this](qint64 t) {
        QMetaObject::invokeMethod(m_controller, [c = m_controller, t] { c->requestMoment(t); }, Qt::QueuedConnection);
    });
    connect(m_transport, &TransportBar::liveRequested, this, [this] { onMoment(nullptr); });
    connect(m_view, &WatermarkView::followingChanged, this, [this](bool following) {
        if (!following) statusBar()->showMessage("Charts held: drag to pan, wheel to zoom; End follows the newest data again", 6000);
    });

    auto* fileMenu = menuBar()->addMenu("&File");
    auto* exportAction = fileMenu->addAction("&Export Chart\u2026", this, [this] { exportChartDialog(false); });
    exportAction->setShortcut(QKeySequence("Ctrl+E"));
    exportAction->setToolTip("Write the charts of the current view to a PNG, PDF or SVG file at a chosen size (Ctrl+E)");
    auto* exportAll = fileMenu->addAction("Export &All Views\u2026", this, [this] { exportChartDialog(true); });
    exportAll->setShortcut(QKeySequence("Ctrl+Shift+E"));
    exportAll->setToolTip("Every view: one multi-page PDF, or one PNG or SVG file per view (Ctrl+Shift+E)");
    auto* exportData = fileMenu->addAction("Export &Data (CSV)\u2026", this, &MainWindow::exportCsvDialog);
    exportData->setShortcut(QKeySequence("Ctrl+Shift+C"));
    exportData->setToolTip("The recorded time series, of the whole run or of the charts' visible range, as CSV "
                           "(Ctrl+Shift+C)");
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction("&Quit", this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* editMenu = menuBar()->addMenu("&Edit");
    auto* undo = m_undo->createUndoAction(this, "&Undo");
    undo->setShortcut(QKeySequence::Undo);
    undo->setToolTip("Undo the last sysctl change: the old value is written back (Ctrl+Z)");
    auto* redo = m_undo->createRedoAction(this, "&Redo");
    redo->setShortcut(QKeySequence("Ctrl+Shift+Z"));
    redo->setToolTip("Write the undone sysctl value again (Ctrl+Shift+Z)");
    editMenu->addAction(undo);
    editMenu->addAction(redo);

    auto* scenarioMenu = menuBar()->addMenu("Sce&narios");
    auto* open = scenarioMenu->addAction(style()->standardIcon(QStyle::SP_DialogOpenButton), "&Open Scenario File\u2026", this, [this] {
        const QString dir = QSettings().value("scenarios/dir").toString();
        const QString path = QFileDialog::getOpenFileName(this, "Open scenario", dir, "Scenarios (*.json);;All files (*)");
        if (!path.isEmpty()) openScenario(path);
    });
    open->setShortcut(QKeySequence::Open);
    m_openAction = open;
    open->setToolTip("Load a scenario file (JSON, docs/scenario-format.md); an invalid file is reported and "
                     "the running simulation stays (Ctrl+O)");
    m_recentMenu = scenarioMenu->addMenu("Open &Recent");
    rebuildRecentMenu();
    scenarioMenu->addSeparator();
    for (const auto& b : rs::builtin_scenarios()) {
        auto* a = scenarioMenu->addAction(QString::fromStdString(b.title));
        a->setToolTip(QString::fromStdString(b.explanation));
        a->setStatusTip(QString::fromStdString(b.name));
        const QString name = QString::fromStdString(b.name);
        connect(a, &QAction::triggered, this, [this, name] { loadBuiltin(name); });
    }
    scenarioMenu->setToolTipsVisible(true);

    auto* simMenu = menuBar()->addMenu("&Simulation");
    for (QAction* a : {m_transport->playAction(), m_transport->stepAction(), m_transport->stepPassAction(),
                       m_transport->resetAction()})
        simMenu->addAction(a);
    simMenu->addSeparator();
    for (QAction* a : {m_transport->backAction(), m_transport->forwardAction(), m_transport->liveAction()})
        simMenu->addAction(a);
    simMenu->setToolTipsVisible(true);

    auto* viewMenu = menuBar()->addMenu("&View");
    for (int i = 0; i < kViewCount; ++i) {
        auto* go = viewMenu->addAction(kViewNames[i], this, [this, i] { showView(static_cast<View>(i)); });
        go->setShortcut(QKeySequence(QString("Ctrl+%1").arg(i + 1)));
        go->setToolTip(kViewTips[i]);
    }
    viewMenu->addSeparator();
    auto* panels = viewMenu->addMenu("&Panels");
    for (auto* dock : findChildren<QDockWidget*>()) panels->addAction(dock->toggleViewAction());
    panels->addAction(m_transport->toggleViewAction());
    viewMenu->addAction("Reset &Layout", this, [this] {
        restoreState(m_defaultLayout, kLayoutVersion);
        for (auto* d : m_viewDocks) d->show();
        showView(View::Watermarks);
    })->setToolTip("Put every panel back where it starts");
    viewMenu->addSeparator();
    auto* fitAll = viewMenu->addAction("Fit &All Data");
    fitAll->setCheckable(true);
    fitAll->setShortcut(QKeySequence("Ctrl+F"));
    fitAll->setToolTip("Scale the watermark charts' y axes to all visible data instead of the band around "
                       "the watermarks (Ctrl+F)");
    connect(fitAll, &QAction::toggled, this, [this](bool on) {
        m_view->setFitAllData(on);
        QSettings().setValue("view/fitAllData", on);
    });
    fitAll->setChecked(QSettings().value("view/fitAllData", false).toBool());
    auto* mib = viewMenu->addAction("Watermarks in &MiB");
    mib->setCheckable(true);
    mib->setShortcut(QKeySequence("Ctrl+M"));
    mib->setToolTip("The watermark charts' y axis in MiB instead of 4 KiB pages (Ctrl+M)");
    connect(mib, &QAction::toggled, this, [this](bool on) {
        m_view->setUnitMiB(on);
        QSettings().setValue("view/watermarksMiB", on);
    });
    mib->setChecked(QSettings().value("view/watermarksMiB", false).toBool());
    auto* themeMenu = viewMenu->addMenu("&Theme");
    auto* themes = new QActionGroup(this);
    const Theme current = themeFromString(QSettings().value("view/theme", "system").toString());
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
        auto* a = themeMenu->addAction(t == Theme::System ? "&System" : t == Theme::Light ? "&Light" : "&Dark");
        a->setCheckable(true);
        a->setChecked(t == current);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, t] { setTheme(t); });
    }

    auto* help = menuBar()->addMenu("&Help");
    help->addAction("&Keyboard Shortcuts", this, [this] {
        QMessageBox::information(
            this, "Keyboard shortcuts",
            "<table>"
            "<tr><td><b>Space</b></td><td>play / pause</td></tr>"
            "<tr><td><b>.</b></td><td>step one simulated millisecond</td></tr>"
            "<tr><td><b>Shift+.</b></td><td>step one kswapd reclaim pass</td></tr>"
            "<tr><td><b>Ctrl+Left / Ctrl+Right</b></td><td>review one second back / forward</td></tr>"
            "<tr><td><b>End</b></td><td>back to live</td></tr>"
            "<tr><td><b>Ctrl+R</b></td><td>reset the scenario</td></tr>"
            "<tr><td><b>Ctrl+1 \u2026 Ctrl+5</b></td><td>Watermarks, Swap, LRU, Big Picture, Counters</td></tr>"
            "<tr><td><b>Ctrl+Z / Ctrl+Shift+Z</b></td><td>undo / redo a sysctl change</td></tr>"
            "<tr><td><b>Ctrl+E</b></td><td>export the current view's charts</td></tr>"
            "<tr><td><b>Ctrl+Shift+E</b></td><td>export all views</td></tr>"
            "<tr><td><b>Ctrl+Shift+C</b></td><td>export the data as CSV</td></tr>"
            "<tr><td><b>Ctrl+M</b></td><td>watermarks in MiB / pages</td></tr>"
            "<tr><td><b>Ctrl+F</b></td><td>fit all data</td></tr>"
            "<tr><td><b>Ctrl+O</b></td><td>open a scenario file</td></tr>"
            "</table>");
    });
    help->addAction("&About ReclaimScope", this, [this] {
        QMessageBox::about(this, "About ReclaimScope",
                           QString("<b>ReclaimScope %1</b><p>Simulates the Linux kernel's memory reclaim "
                                   "and shows it live. Watermarks follow mm/page_alloc.c "
                                   "(__setup_per_zone_wmarks), kswapd follows mm/vmscan.c.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    m_transport->addSeparator();
    m_transport->addAction(exportAction);
}

void MainWindow::restoreSettings() {
    QSettings s;
    if (s.value("window/version").toInt() == kLayoutVersion) {
        restoreGeometry(s.value("window/geometry").toByteArray());
        restoreState(s.value("window/state").toByteArray(), kLayoutVersion);
    } else {
        // Roomy, but never larger than the screen.
        QSize size(1600, 1000);
        if (const QScreen* screen = this->screen()) size = size.boundedTo(screen->availableSize());
        resize(size);
    }
    const int current = s.value("view/current", 0).toInt();
    if (current >= 0 && current < kViewCount) showView(static_cast<View>(current));
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::MouseButtonPress && watched->isWidgetType())
        for (auto* w = static_cast<QWidget*>(watched); w; w = w->parentWidget())
            for (int i = 0; i < kViewCount; ++i)
                if (w == m_viewDocks[i]) {
                    m_current = static_cast<View>(i);
                    return false;
                }
    return false;
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    QTimer::singleShot(0, this, [this] { m_layoutSettled = true; });
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings s;
    s.setValue("window/version", kLayoutVersion);
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState(kLayoutVersion));
    s.setValue("view/current", static_cast<int>(m_current));
    event->accept();
}

void MainWindow::setRunning(bool running) {
    if (running) m_transport->goLive();
    m_running = running;
    if (running) QMetaObject::invokeMethod(m_controller, &SimulationController::play, Qt::QueuedConnection);
    else QMetaObject::invokeMethod(m_controller, &SimulationController::pause, Qt::QueuedConnection);
    m_transport->setRunning(running);
}

void MainWindow::onFrame(const FramePtr& frame) {
    if (!frame) return;
    if (m_lastFrame && m_lastFrame->generation != frame->generation) {
        m_eventLog->clear();
        m_transport->resetHistory();
        onMoment(nullptr);
    }
    m_lastFrame = frame;
    ++m_frames;
    m_view->onFrame(frame);
    m_swapView->onFrame(frame);
    m_lruView->onFrame(frame);
    m_bigPicture->onFrame(frame);
    m_counters->onFrame(frame);
    m_tuning->onFrame(frame);
    m_transport->setSimTime(frame->sim_time_ns);
    for (const auto& e : frame->events) {
        m_eventLog->addItem(QString("%1 s  %2").arg(static_cast<double>(e.t_ns) / 1e9, 10, 'f', 3)
                                .arg(QString::fromStdString(e.text)));
    }
    while (m_eventLog->count() > kMaxLogLines) delete m_eventLog->takeItem(0);
    if (!frame->events.empty()) m_eventLog->scrollToBottom();
    m_timeLabel->setText(QString("t = %1").arg(QString::fromStdString(rs::format_duration(frame->sim_time_ns))));
    m_speedLabel->setText(frame->running ? QString("%1\u00d7 real time").arg(frame->achievedSpeed, 0, 'f', 1)
                                         : QString("paused"));
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (nowMs - m_fpsStartMs >= 1000) {
        m_fpsLabel->setText(QString("%1 frames/s").arg(static_cast<double>(m_frames - m_framesAtLastFps) * 1000.0 /
                                                           static_cast<double>(nowMs - m_fpsStartMs),
                                                       0, 'f', 0));
        m_framesAtLastFps = m_frames;
        m_fpsStartMs = nowMs;
    }
    const QString title = QString("ReclaimScope \u2014 %1").arg(QString::fromStdString(frame->title));
    if (title != windowTitle()) {
        setWindowTitle(title);
        m_browser->setCurrent(QString::fromStdString(frame->title));
    }
    m_controller->frameConsumed(); // the next frame may come
}

void MainWindow::onMoment(const MomentPtr& moment) {
    // A late answer for a moment the user has already left is dropped.
    if (moment && !m_transport->moment()) return;
    m_lastMoment = moment;
    m_view->setMoment(moment);
    m_swapView->setMoment(moment);
    m_lruView->setMoment(moment);
    m_counters->setMoment(moment);
}

void MainWindow::onError(const QString& message) {
    statusBar()->showMessage(message, 10000);
    m_lastError = message;
    // Window-modal but not blocking (open(), not exec()): the simulation and the charts go on.
    auto* box = new QMessageBox(QMessageBox::Warning, "ReclaimScope", message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

std::pair<qint64, qint64> MainWindow::visibleRangeNs() const {
    if (m_view->plots().empty()) return {0, -1};
    const QCPRange r = m_view->plots().front()->xAxis->range();
    return {static_cast<qint64>(std::max(0.0, r.lower) * 1e9), static_cast<qint64>(r.upper * 1e9)};
}

QList<ExportPage> MainWindow::pagesOf(View v, QSize size) {
    QString when;
    if (m_lastFrame) when = QString("  (t = %1)").arg(QString::fromStdString(rs::format_duration(m_lastFrame->sim_time_ns)));
    const QString scenario = m_lastFrame ? QString::fromStdString(m_lastFrame->title) + " \u2014 " : QString();
    ExportPage page;
    switch (v) {
    case View::Watermarks:
        page.title = scenario + "free pages and watermarks" + when;
        for (auto* p : m_view->plots()) page.plots.append(p);
        break;
    case View::Swap:
        page.title = scenario + "swap usage and traffic" + when;
        page.plots.append(m_swapView->plot());
        break;
    case View::Lru:
        page.title = scenario + "LRU list sizes" + when;
        page.plots.append(m_lruView->plot());
        break;
    case View::BigPicture: {
        page.title = scenario + "the reclaim call graph, calls per second" + when;
        // A canvas outside any layout takes the export's size.
        auto* canvas = findChild<BigPictureCanvas*>("exportCanvas");
        if (!canvas) {
            canvas = new BigPictureCanvas(this);
            canvas->setObjectName("exportCanvas");
            canvas->hide();
        }
        canvas->setRates(m_bigPicture->canvas()->rates(), m_bigPicture->canvas()->totals());
        canvas->setLastCalls(m_bigPicture->canvas()->lastCalls());
        canvas->resize(size);
        page.widget = canvas;
        break;
    }
    case View::Counters:
        return {}; // text, not a chart: the CSV export carries these values
    }
    return {page};
}

QString MainWindow::exportChart(const QString& path, QSize size) {
    const QList<ExportPage> pages = pagesOf(m_current, size);
    if (pages.isEmpty())
        return QString("The %1 view has no chart to export; choose another view, or export the data as CSV.")
            .arg(kViewNames[static_cast<int>(m_current)]);
    const ExportPage& p = pages.front();
    if (p.widget) return exportWidget(p.widget, p.title, path, QSize(size.width(), std::max(size.height(), 600)));
    return exportPlots(p.plots, p.title, path, size.width(), size.height());
}

QString MainWindow::exportAllViews(const QString& path, QSize size) {
    QList<ExportPage> pages;
    for (int i = 0; i < kViewCount; ++i) pages.append(pagesOf(static_cast<View>(i), size));
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == "pdf") {
        // One page per view, every page the size of the tallest.
        int height = 600;
        for (const auto& p : pages) height = std::max(height, size.height() * static_cast<int>(std::max<qsizetype>(1, p.plots.size())));
        return exportPdfPages(pages, path, QSize(size.width(), height));
    }
    if (ext != "png" && ext != "svg")
        return QString("Cannot export to %1: the file name must end in .pdf, .png or .svg").arg(path);
    const QFileInfo fi(path);
    int page = 0;
    for (int i = 0; i < kViewCount; ++i) {
        const QList<ExportPage> one = pagesOf(static_cast<View>(i), size);
        if (one.isEmpty()) continue;
        const QString file = fi.dir().filePath(QString("%1-%2.%3").arg(fi.completeBaseName(), kViewFileNames[i], ext));
        const ExportPage& p = one.front();
        const QString err = p.widget ? exportWidget(p.widget, p.title, file, QSize(size.width(), std::max(size.height(), 600)))
                                     : exportPlots(p.plots, p.title, file, size.width(), size.height());
        if (!err.isEmpty()) return err;
        ++page;
    }
    return page ? QString() : QString("Nothing to export to %1").arg(path);
}

void MainWindow::exportCsv(const QString& path, qint64 fromNs, qint64 toNs) {
    QMetaObject::invokeMethod(m_controller, [c = m_controller, path, fromNs, toNs] { c->writeCsv(path, fromNs, toNs); },
                              Qt::QueuedConnection);
}

void MainWindow::exportChartDialog(bool allViews) {
    ExportDialog dialog(allViews, kViewNames[static_cast<int>(m_current)], this);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString path = dialog.path();
    const QString err = allViews ? exportAllViews(path, dialog.chartSize()) : exportChart(path, dialog.chartSize());
    if (!err.isEmpty()) onError(err);
    else statusBar()->showMessage(QString("Exported %1").arg(path), 5000);
}

void MainWindow::exportCsvDialog() {
    QSettings s;
    const QString dir = s.value("export/dir", QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    QString path = QFileDialog::getSaveFileName(this, "Export data", QDir(dir).filePath("reclaimscope.csv"), "CSV (*.csv)");
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += ".csv";
    s.setValue("export/dir", QFileInfo(path).absolutePath());
    const auto [from, to] = visibleRangeNs();
    QMessageBox ask(QMessageBox::Question, "Export data", "Which samples should the CSV hold?", QMessageBox::Cancel, this);
    auto* whole = ask.addButton("Whole run", QMessageBox::AcceptRole);
    auto* visible = ask.addButton(QString("Visible range (%1 \u2013 %2 s)").arg(static_cast<double>(from) / 1e9, 0, 'f', 2)
                                      .arg(static_cast<double>(to) / 1e9, 0, 'f', 2),
                                  QMessageBox::AcceptRole);
    ask.setDefaultButton(whole);
    ask.exec();
    if (ask.clickedButton() == whole) exportCsv(path);
    else if (ask.clickedButton() == visible) exportCsv(path, from, to);
}
