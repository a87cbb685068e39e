#include "MainWindow.h"

#include "sim/scenarios.h"

#include "ChartExport.h"
#include "SimulationController.h"
#include "TuningPanel.h"
#include "WatermarkPlot.h"
#include "SwapView.h"
#include "LruView.h"
#include "BigPictureView.h"
#include "CountersView.h"
#include "WatermarkView.h"
#include "util/units.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>

namespace {
constexpr int kSettingsVersion = 1;
constexpr int kMaxLogLines = 2000;
}

MainWindow::MainWindow(const rs::EngineConfig& config, const QString& explanation, bool autoplay, QWidget* parent)
    : QMainWindow(parent) {
    qRegisterMetaType<FramePtr>("FramePtr");
    qRegisterMetaType<rs::EngineConfig>("rs::EngineConfig");
    setWindowTitle("ReclaimScope");

    m_view = new WatermarkView(this);
    m_swapView = new SwapView(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_view, "Watermarks");
    m_tabs->addTab(m_swapView, "Swap");
    m_lruView = new LruView(this);
    m_tabs->addTab(m_lruView, "LRU");
    m_bigPicture = new BigPictureView(this);
    m_tabs->addTab(m_bigPicture, "Big Picture");
    m_counters = new CountersView(this);
    m_tabs->addTab(m_counters, "Counters");
    m_tabs->setTabToolTip(0, "Free pages of each zone against its min/low/high watermarks");
    m_tabs->setTabToolTip(1, "Swap slot maps (swap_map, clusters) and swap traffic");
    m_tabs->setTabToolTip(2, "LRU list sizes over time and the page flows between the lists (Ctrl+3)");
    m_tabs->setTabToolTip(3, "The reclaim call graph, lit by each kernel function's call rate (Ctrl+4)");
    m_tabs->setTabToolTip(4, "Live /proc/zoneinfo, vmstat, meminfo and swaps of the simulated kernel (Ctrl+5)");
    setCentralWidget(m_tabs);
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* go = new QAction(this);
        go->setShortcut(QKeySequence(QString("Ctrl+%1").arg(i + 1)));
        connect(go, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
        addAction(go);
    }
    m_tabs->setCurrentIndex(QSettings().value("view/tab", 0).toInt());
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        QSettings().setValue("view/tab", i);
        if (m_controller) m_controller->setProcTextsWanted(m_tabs->widget(i) == m_counters);
    });

    m_tuning = new TuningPanel(this);
    auto* tuningDock = new QDockWidget("Tuning", this);
    tuningDock->setObjectName("tuningDock");
    tuningDock->setWidget(m_tuning);
    addDockWidget(Qt::RightDockWidgetArea, tuningDock);

    m_eventLog = new QListWidget(this);
    m_eventLog->setToolTip("Events of the simulated kernel: kswapd waking and sleeping (wakeup_kswapd, "
                           "kswapd_try_to_sleep), allocations that waited, sysctl writes.");
    auto* logDock = new QDockWidget("Event log", this);
    logDock->setObjectName("eventLogDock");
    logDock->setWidget(m_eventLog);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);

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
    m_controller->setProcTextsWanted(m_tabs->currentWidget() == m_counters);
    m_controller->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_controller, &QObject::deleteLater);
    connect(m_controller, &SimulationController::frameReady, this, &MainWindow::onFrame, Qt::QueuedConnection);
    connect(m_controller, &SimulationController::errorOccurred, this, &MainWindow::onError, Qt::QueuedConnection);
    connect(m_swapView, &SwapView::swaponRequested, m_controller, &SimulationController::swapon, Qt::QueuedConnection);
    connect(m_swapView, &SwapView::swapoffRequested, m_controller, &SimulationController::swapoff, Qt::QueuedConnection);
    connect(m_tuning, &TuningPanel::sysctlRequested, m_controller, &SimulationController::writeSysctl,
            Qt::QueuedConnection);
    m_thread.setObjectName("simulation");
    m_thread.start();

    createActions();
    restoreSettings();

    QMetaObject::invokeMethod(m_controller, [c = m_controller, config, explanation] { c->load(config, explanation); },
                              Qt::QueuedConnection);
    const double speed = m_speedBox->currentData().toDouble();
    QMetaObject::invokeMethod(m_controller, [c = m_controller, speed] { c->setSpeed(speed); }, Qt::QueuedConnection);
    if (autoplay) togglePlay();
    m_fpsStartMs = QDateTime::currentMSecsSinceEpoch();
}

MainWindow::~MainWindow() {
    m_thread.quit();
    m_thread.wait();
}

void MainWindow::startScenario(const rs::EngineConfig& config, const QString& title, const QString& explanation) {
    m_eventLog->clear();
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
}

void MainWindow::createActions() {
    auto* fileMenu = menuBar()->addMenu("&File");
    auto* exportAction = fileMenu->addAction("&Export Chart\u2026", this, &MainWindow::exportChartDialog);
    exportAction->setShortcut(QKeySequence("Ctrl+E"));
    exportAction->setToolTip("Write the charts of the current view to a PNG, PDF or SVG file (Ctrl+E)");
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction("&Quit", this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* scenarioMenu = menuBar()->addMenu("Sce&narios");
    auto* open = scenarioMenu->addAction(style()->standardIcon(QStyle::SP_DialogOpenButton), "&Open Scenario File\u2026", this, [this] {
        const QString dir = QSettings().value("scenarios/dir").toString();
        const QString path = QFileDialog::getOpenFileName(this, "Open scenario", dir, "Scenarios (*.json);;All files (*)");
        if (!path.isEmpty()) openScenario(path);
    });
    open->setShortcut(QKeySequence::Open);
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
    m_playAction = simMenu->addAction(style()->standardIcon(QStyle::SP_MediaPlay), "&Play", this, &MainWindow::togglePlay);
    m_playAction->setShortcut(QKeySequence(Qt::Key_Space));
    m_playAction->setToolTip("Run or pause the simulated kernel (Space)");
    auto* reset = simMenu->addAction(style()->standardIcon(QStyle::SP_BrowserReload), "&Reset", this, [this] {
        QMetaObject::invokeMethod(m_controller, &SimulationController::reset, Qt::QueuedConnection);
        m_eventLog->clear();
    });
    reset->setShortcut(QKeySequence("Ctrl+R"));
    reset->setToolTip("Restart the scenario from time 0, keeping the sysctl values you set (Ctrl+R)");

    auto* help = menuBar()->addMenu("&Help");
    help->addAction("&About ReclaimScope", this, [this] {
        QMessageBox::about(this, "About ReclaimScope",
                           QString("<b>ReclaimScope %1</b><p>Simulates the Linux kernel's memory reclaim "
                                   "and shows it live. Watermarks follow mm/page_alloc.c "
                                   "(__setup_per_zone_wmarks), kswapd follows mm/vmscan.c.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    auto* tb = addToolBar("Transport");
    tb->setObjectName("transportToolbar");
    tb->addAction(m_playAction);
    tb->addAction(reset);
    tb->addSeparator();
    tb->addWidget(new QLabel(" Speed ", this));
    m_speedBox = new QComboBox(this);
    m_speedBox->setToolTip("Simulated seconds per wall-clock second");
    for (double s : {1.0, 2.0, 5.0, 10.0, 50.0}) m_speedBox->addItem(QString("%1\u00d7").arg(s), s);
    m_speedBox->addItem("As fast as possible", 0.0);
    tb->addWidget(m_speedBox);
    connect(m_speedBox, &QComboBox::currentIndexChanged, this, [this](int) {
        const double s = m_speedBox->currentData().toDouble();
        QMetaObject::invokeMethod(m_controller, [c = m_controller, s] { c->setSpeed(s); }, Qt::QueuedConnection);
        QSettings().setValue("simulation/speed", s);
    });
    tb->addSeparator();
    auto* fitAll = new QAction("Fit all data", this);
    fitAll->setCheckable(true);
    fitAll->setShortcut(QKeySequence("Ctrl+F"));
    fitAll->setToolTip("Scale the charts' y axes to all visible data instead of the band around "
                       "the watermarks (Ctrl+F)");
    connect(fitAll, &QAction::toggled, this, [this](bool on) {
        m_view->setFitAllData(on);
        QSettings().setValue("view/fitAllData", on);
    });
    fitAll->setChecked(QSettings().value("view/fitAllData", false).toBool());
    simMenu->addAction(fitAll);
    tb->addAction(fitAll);
    tb->addSeparator();
    tb->addAction(exportAction);
}

void MainWindow::restoreSettings() {
    QSettings s;
    if (s.value("window/version").toInt() == kSettingsVersion) {
        restoreGeometry(s.value("window/geometry").toByteArray());
        restoreState(s.value("window/state").toByteArray(), kSettingsVersion);
    } else {
        resize(1400, 900);
    }
    const double speed = s.value("simulation/speed", 1.0).toDouble();
    const int idx = m_speedBox->findData(speed);
    if (idx >= 0) m_speedBox->setCurrentIndex(idx);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings s;
    s.setValue("window/version", kSettingsVersion);
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState(kSettingsVersion));
    event->accept();
}

void MainWindow::togglePlay() {
    m_running = !m_running;
    if (m_running) QMetaObject::invokeMethod(m_controller, &SimulationController::play, Qt::QueuedConnection);
    else QMetaObject::invokeMethod(m_controller, &SimulationController::pause, Qt::QueuedConnection);
    m_playAction->setText(m_running ? "&Pause" : "&Play");
    m_playAction->setIcon(style()->standardIcon(m_running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void MainWindow::onFrame(const FramePtr& frame) {
    if (!frame) return;
    if (m_lastFrame && m_lastFrame->generation != frame->generation) m_eventLog->clear();
    m_lastFrame = frame;
    ++m_frames;
    m_view->onFrame(frame);
    m_swapView->onFrame(frame);
    m_lruView->onFrame(frame);
    m_bigPicture->onFrame(frame);
    m_counters->onFrame(frame);
    m_tuning->onFrame(frame);
    for (const auto& e : frame->events) {
        m_eventLog->addItem(QString("%1 s  %2").arg(static_cast<double>(e.t_ns) / 1e9, 10, 'f', 3)
                                .arg(QString::fromStdString(e.text)));
    }
    while (m_eventLog->count() > kMaxLogLines) delete m_eventLog->takeItem(0);
    if (!frame->events.empty()) m_eventLog->scrollToBottom();
    m_timeLabel->setText(QString("t = %1").arg(QString::fromStdString(rs::format_duration(frame->simTimeNs))));
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
    setWindowTitle(QString("ReclaimScope \u2014 %1").arg(QString::fromStdString(frame->title)));
    m_controller->frameConsumed(); // the next frame may come
}

void MainWindow::onError(const QString& message) {
    statusBar()->showMessage(message, 10000);
    m_lastError = message;
    // Window-modal but not blocking (open(), not exec()): the simulation and the charts go on.
    auto* box = new QMessageBox(QMessageBox::Warning, "ReclaimScope", message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString MainWindow::exportChart(const QString& path) {
    // The chart of the current tab: the watermarks or the swap view, as PNG, PDF or SVG.
    QList<QCustomPlot*> plots;
    QString title;
    if (m_tabs->currentWidget() == m_swapView) {
        plots.append(m_swapView->plot());
        title = "Swap usage and traffic";
    } else if (m_tabs->currentWidget() == m_lruView) {
        plots.append(m_lruView->plot());
        title = "LRU list sizes";
    } else {
        for (auto* p : m_view->plots()) plots.append(p);
        title = m_view->title();
    }
    if (m_lastFrame) title += QString("  (t = %1)").arg(QString::fromStdString(rs::format_duration(m_lastFrame->simTimeNs)));
    return exportPlots(plots, title, path);
}

void MainWindow::exportChartDialog() {
    QSettings s;
    const QString dir = s.value("export/dir", QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).toString();
    QString selected;
    QString path = QFileDialog::getSaveFileName(this, "Export chart", QDir(dir).filePath("watermarks.png"),
                                                "PNG images (*.png);;PDF documents (*.pdf);;SVG drawings (*.svg)", &selected);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += selected.contains("pdf") ? ".pdf" : selected.contains("svg") ? ".svg" : ".png";
    if (path.isEmpty()) return;
    s.setValue("export/dir", QFileInfo(path).absolutePath());
    const QString err = exportChart(path);
    if (!err.isEmpty()) onError(err);
    else statusBar()->showMessage(QString("Exported %1").arg(path), 5000);
}
