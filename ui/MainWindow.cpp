#include "MainWindow.h"
#include "CrossThread.h"
#include "ReplayProgressLabel.h"

#include "host/host_scenario.h"
#include "scenario/builtin.h"
#include "util/file_io.h"

#include "BigPictureView.h"
#include "ExportPages.h"
#include "CountersView.h"
#include "PlotDecor.h"
#include "ProcessesView.h"
#include "ExportDialog.h"
#include "Language.h"
#include "LoadProgress.h"
#include "LruView.h"
#include "MainMenus.h"
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

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QScreen>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>

namespace {
constexpr int kMaxLogLines = 2000;
} // namespace

MainWindow::MainWindow(const rs::EngineConfig& config, const QString& explanation, bool autoplay, QWidget* parent)
    : QMainWindow(parent) {
    qRegisterMetaType<FramePtr>("FramePtr");
    qRegisterMetaType<MomentPtr>("MomentPtr");
    qRegisterMetaType<rs::EngineConfig>("rs::EngineConfig");
    setWindowTitle("ReclaimScope");
    setTheme(themeFromString(QSettings().value("view/theme", "system").toString()));
    m_undo = new QUndoStack(this);
    m_loader = new ScenarioLoader(this);
    m_loadProgress = new LoadProgress(m_loader, this);
    connect(m_loader, &ScenarioLoader::finished, this, &MainWindow::onScenarioLoaded);

    createDocks();

    m_timeLabel = new QLabel(this);
    m_speedLabel = new QLabel(this);
    m_fpsLabel = new QLabel(this);
    m_timeLabel->setToolTip(tr("Simulated time since the scenario started"));
    m_speedLabel->setToolTip(tr("Simulated seconds per wall-clock second, measured"));
    m_fpsLabel->setToolTip(tr("Frames the views received per second (at most 60)"));
    statusBar()->addPermanentWidget(m_timeLabel);
    statusBar()->addPermanentWidget(m_speedLabel);
    statusBar()->addPermanentWidget(m_fpsLabel);
    m_replayLabel = new ReplayProgressLabel(this);
    statusBar()->addPermanentWidget(m_replayLabel);

    // The engine lives on its own thread; everything crosses over as queued calls and frames.
    m_controller = new SimulationController;
    m_controller->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_controller, &QObject::deleteLater);
    // The thread's end, marked for TSan (CrossThread.h), which sees neither QThread::quit nor
    // QThread::wait: the window's destructor releases m_thread before quit(), the thread acquires
    // it here, after its event loop and before the controller and its connections are deleted;
    // then it releases the controller, acquired by the destructor after wait().
    connect(&m_thread, &QThread::finished, m_controller, [c = m_controller, t = &m_thread] {
        RS_TSAN_ACQUIRE(t);
        RS_TSAN_RELEASE(c);
    }, Qt::DirectConnection);
    connect(m_controller, &SimulationController::frameReady, this, &MainWindow::onFrame, Qt::QueuedConnection);
    connect(m_controller, &SimulationController::momentReady, this, &MainWindow::onMoment, Qt::QueuedConnection);
    connect(m_controller, &SimulationController::errorOccurred, this, &MainWindow::onError, Qt::QueuedConnection);
    connect(m_controller, &SimulationController::pausedAtLimit, this, [this] {
        m_running = false;
        m_transport->setRunning(false);
    }, Qt::QueuedConnection);
    connect(m_controller, &SimulationController::csvWritten, this, [this](const QString& path, const QString& error) {
        if (!error.isEmpty()) onError(error);
        else statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
        emit csvExported(path, error);
    }, Qt::QueuedConnection);
    // Calls to the controller go through postCall (CrossThread.h), strings included: a QString
    // queued as a signal argument is freed by Qt's code, its reference count invisible to TSan.
    connect(m_swapView, &SwapView::swaponRequested, this,
            [c = m_controller](const QString& spec) { postCall(c, [c, spec] { c->swapon(spec); }); });
    connect(m_swapView, &SwapView::swapoffRequested, this,
            [c = m_controller](const QString& name) { postCall(c, [c, name] { c->swapoff(name); }); });
    connect(m_tuning, &TuningPanel::sysctlRequested, this, &MainWindow::requestSysctl);
    m_thread.setObjectName("simulation");
    m_thread.start();

    createActions();
    m_defaultLayout = saveState(kLayoutVersion);
    restoreSettings();
    m_controller->setProcTextsWanted(false); // until the counters view is shown (visibilityChanged)

    postCall(m_controller, [c = m_controller, config, explanation] { c->load(config, explanation); });
    const double speed = m_transport->speed();
    postCall(m_controller, [c = m_controller, speed] { c->setSpeed(speed); });
    if (autoplay) setRunning(true);
    m_fpsStartMs = QDateTime::currentMSecsSinceEpoch();
}

MainWindow::~MainWindow() {
    // A load in flight: cancelled and waited for (within one trace block), its result dropped.
    m_loader->disconnect(this);
    delete m_loader;
    RS_TSAN_RELEASE(&m_thread); // the window is done with the controller's connections
    m_thread.quit();
    m_thread.wait();
    RS_TSAN_ACQUIRE(m_controller); // released when the thread finished (above) and in ~SimulationController
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
    m_processes = new ProcessesView(this);
    QWidget* widgets[kViewCount] = {m_view, m_swapView, m_lruView, m_bigPicture, m_counters, m_processes};
    connect(m_processes, &ProcessesView::processSelected, this, [this](int pid, int nid, const QString& name) {
        m_selectedPid = pid;
        m_view->setHighlightedProcess(pid, nid, name);
        m_swapView->setHighlightedProcess(pid);
        updateProcsWanted();
    });
    for (int i = 0; i < kViewCount; ++i) {
        auto* dock = new QDockWidget(viewInfo(i).title(), this);
        dock->setObjectName(QString("view.%1").arg(viewInfo(i).fileName));
        dock->setWidget(widgets[i]);
        dock->setToolTip(viewInfo(i).toolTip());
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                          QDockWidget::DockWidgetFloatable);
        addDockWidget(Qt::LeftDockWidgetArea, dock);
        if (i > 0) tabifyDockWidget(m_viewDocks[0], dock);
        m_viewDocks[i] = dock;
        const View v = static_cast<View>(i);
        connect(dock, &QDockWidget::visibilityChanged, this, [this, v](bool visible) {
            if (visible && m_layoutSettled) m_current = v; // a tab the user chose
            if (v == View::Counters && m_controller) m_controller->setProcTextsWanted(visible);
            if (v == View::Processes) {
                m_processesShown = visible;
                updateProcsWanted();
            }
        });
    }
    m_viewDocks[0]->raise();
    // The view the user clicks in is the one Export Chart writes (focus is no guide: Qt may
    // hand it to a widget in any dock when the window first shows).
    qApp->installEventFilter(this);

    m_tuning = new TuningPanel(this);
    auto* tuningDock = addPanel(tr("Tuning"), "tuningDock", m_tuning, Qt::RightDockWidgetArea);

    m_browser = new ScenarioBrowser(this);
    auto* browserDock = addPanel(tr("Scenarios"), "scenariosDock", m_browser, Qt::RightDockWidgetArea);
    tabifyDockWidget(tuningDock, browserDock);
    tuningDock->raise();
    connect(m_browser, &ScenarioBrowser::builtinRequested, this, &MainWindow::loadBuiltin);
    connect(m_browser, &ScenarioBrowser::fileRequested, this, &MainWindow::openScenario);
    connect(m_browser, &ScenarioBrowser::openFileRequested, this, [this] { m_menus->openAction()->trigger(); });

    auto* undoView = new QUndoView(m_undo, this);
    undoView->setEmptyLabel(tr("scenario as loaded"));
    undoView->setToolTip(tr("The sysctl changes you made, oldest first: click a line to go back to that state "
                         "(Ctrl+Z undoes the last, Ctrl+Shift+Z redoes)."));
    auto* undoDock = addPanel(tr("Changes"), "changesDock", undoView, Qt::RightDockWidgetArea);
    resizeDocks({tuningDock, undoDock}, {600, 140}, Qt::Vertical);

    m_eventLog = new QListWidget(this);
    // One line per event: without uniform sizes the view measures (shapes) every line of the
    // log again whenever lines are added, 100+ ms per frame with a full log.
    m_eventLog->setUniformItemSizes(true);
    m_eventLog->setToolTip(tr("Events of the simulated kernel: kswapd waking and sleeping (wakeup_kswapd, "
                           "kswapd_try_to_sleep), allocations that waited, sysctl writes, swapon/swapoff, OOM kills."));
    auto* logDock = addPanel(tr("Event log"), "eventLogDock", m_eventLog, Qt::BottomDockWidgetArea);
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

void MainWindow::updateProcsWanted() {
    // The table while the view is shown; the slot owners as long as a process is selected.
    if (m_controller) m_controller->setProcsWanted(m_processesShown || m_selectedPid > 0);
}

void MainWindow::showView(View v) {
    QDockWidget* d = viewDock(v);
    d->show();
    d->raise();
    m_current = v;
}

void MainWindow::pauseAt(qint64 t_ns) {
    postCall(m_controller, [c = m_controller, t_ns] { c->setPauseAt(t_ns); });
}

void MainWindow::setTheme(Theme theme) {
    applyTheme(theme);
    QSettings().setValue("view/theme", themeToString(theme));
}

void MainWindow::requestSysctl(const QString& sysctl, const QString& value, const QString& previous) {
    // Through the undo stack: push() runs redo(), which writes the value.
    m_undo->push(new SysctlCommand(
        [c = m_controller](const QString& name, const QString& v) {
            postCall(c, [c, name, v] { c->writeSysctl(name, v); });
        },
        sysctl, value, previous));
}

void MainWindow::startScenario(rs::EngineConfig config, const rs::LocalizedText& titles,
                               const rs::LocalizedText& explanations) {
    // Frames, the window's title and exported charts carry the title in the interface's language.
    const std::string lang = language::current().toStdString();
    config.title = titles.in(lang);
    const QString title = QString::fromStdString(config.title);
    const QString explanation = QString::fromStdString(explanations.in(lang));
    m_eventLog->clear();
    m_undo->clear(); // the changes belonged to the scenario that is going away
    m_transport->resetHistory();
    statusBar()->showMessage(tr("Scenario: %1").arg(title), 5000);
    postCall(m_controller, [c = m_controller, config, explanation] { c->load(config, explanation); });
    if (m_running) postCall(m_controller, [c = m_controller] { c->play(); });
}

void MainWindow::openScenario(const QString& path) {
    // Read, parsed and validated off the UI thread, before anything reaches the running
    // simulation; the answer comes back in onScenarioLoaded. A load in flight is cancelled:
    // the dialog is window-modal, so only a program (or a click in the first 300 ms) can open
    // another, and the newer request is the one wanted.
    if (m_loader->busy()) emit scenarioOpened(m_loader->path(), false, tr("Loading cancelled"));
    m_loader->start(path);
    m_loadProgress->begin();
}

QString MainWindow::newScenarioFromHost(const QString& path) {
    QString error;
    const auto text = rs::host_scenario_json();
    if (!text) error = tr("This machine could not be read: %1").arg(QString::fromStdString(text.error()));
    else if (auto bad = rs::write_output_file(path.toStdString(), *text))
        error = tr("The scenario of this machine was not written: %1").arg(QString::fromStdString(*bad));
    if (!error.isEmpty()) {
        onError(error);
        return error;
    }
    openScenario(path);
    return {};
}

void MainWindow::newScenarioFromHostDialog() {
    QSettings s;
    const QString dir = s.value("scenarios/dir", QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("New scenario from this machine"),
                                                QDir(dir).filePath("this-machine.json"), tr("Scenarios (*.json)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += ".json";
    s.setValue("scenarios/dir", QFileInfo(path).absolutePath());
    newScenarioFromHost(path);
}

void MainWindow::cancelLoading() { m_loader->cancel(); }

bool MainWindow::isLoading() const { return m_loader->busy(); }

void MainWindow::onScenarioLoaded(const QString& path, const ScenarioResultPtr& result, bool cancelled) {
    m_loadProgress->end();
    if (cancelled) {
        statusBar()->showMessage(tr("Loading cancelled"), 5000);
        emit scenarioOpened(path, false, tr("Loading cancelled"));
        return;
    }
    if (!*result) {
        const QString message = QString::fromStdString(result->error());
        onError(message);
        emit scenarioOpened(path, false, message);
        return;
    }
    const rs::Scenario& sc = result->value();
    rememberRecent(path);
    startScenario(sc.config, sc.title, sc.explanation);
    statusBar()->showMessage(tr("Loaded %1").arg(path), 5000);
    emit scenarioOpened(path, true, QString());
}

void MainWindow::rememberRecent(const QString& path) {
    QSettings settings;
    settings.setValue("scenarios/dir", QFileInfo(path).absolutePath());
    QStringList recent = settings.value("scenarios/recent").toStringList();
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    recent.prepend(QFileInfo(path).absoluteFilePath());
    while (recent.size() > 8) recent.removeLast();
    settings.setValue("scenarios/recent", recent);
    rebuildRecentMenu();
}

void MainWindow::loadBuiltin(const QString& name) {
    const auto* b = rs::find_builtin_scenario(name.toStdString());
    if (!b) {
        onError(tr("No built-in scenario named %1").arg(name));
        return;
    }
    startScenario(b->config, b->title, b->explanation);
}

void MainWindow::rebuildRecentMenu() {
    m_menus->rebuildRecentMenu();
    m_browser->refreshRecent();
}

void MainWindow::createActions() {
    createTransport();
    m_menus = new MainMenus(this);
    m_browser->refreshRecent();
    m_transport->addSeparator();
    m_transport->addAction(m_menus->exportAction());
}

void MainWindow::createTransport() {
    m_transport = new TransportBar(this);
    addToolBar(Qt::TopToolBarArea, m_transport);
    connect(m_transport, &TransportBar::playRequested, this, [this] { setRunning(true); });
    connect(m_transport, &TransportBar::pauseRequested, this, [this] { setRunning(false); });
    connect(m_transport, &TransportBar::stepRequested, this, [this](qint64 ns) {
        setRunning(false);
        m_transport->goLive();
        postCall(m_controller, [c = m_controller, ns] { c->advance(ns); });
    });
    connect(m_transport, &TransportBar::stepPassRequested, this, [this] {
        setRunning(false);
        m_transport->goLive();
        postCall(m_controller, [c = m_controller] { c->stepKswapdPass(); });
    });
    connect(m_transport, &TransportBar::resetRequested, this, [this] {
        m_transport->resetHistory();
        m_eventLog->clear();
        postCall(m_controller, [c = m_controller] { c->reset(); });
    });
    connect(m_transport, &TransportBar::speedChanged, this, [this](double s) {
        postCall(m_controller, [c = m_controller, s] { c->setSpeed(s); });
    });
    connect(m_transport, &TransportBar::momentRequested, this, [this](qint64 t) {
        postCall(m_controller, [c = m_controller, t] { c->requestMoment(t); });
    });
    connect(m_transport, &TransportBar::liveRequested, this, [this] { onMoment(nullptr); });
    connect(m_view, &WatermarkView::followingChanged, this, [this](bool following) {
        if (!following) statusBar()->showMessage(tr("Charts held: drag to pan, wheel to zoom; End follows the newest data again"), 6000);
    });
}

void MainWindow::resetLayout() {
    restoreState(m_defaultLayout, kLayoutVersion);
    for (auto* d : m_viewDocks) d->show();
    showView(View::Watermarks);
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

void MainWindow::watchHost(qint64 intervalNs) {
    cancelLoading();
    m_undo->clear(); // the simulation's sysctl changes do not apply to the host
    postCall(m_controller, [c = m_controller, intervalNs] { c->watchHost(intervalNs); });
    m_running = true;
    m_transport->goLive();
    m_transport->setRunning(true);
}

void MainWindow::openRecording(const QString& path) {
    cancelLoading();
    m_undo->clear();
    postCall(m_controller, [c = m_controller, path] { c->openRecording(path); });
    m_running = false;
    m_transport->setRunning(false);
}

void MainWindow::openRecordingDialog() {
    QSettings settings;
    const QString dir = settings.value("recordings/dir", QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Recording"), dir,
                                                      tr("ReclaimScope CSV (*.csv);;All files (*)"));
    if (path.isEmpty()) return;
    settings.setValue("recordings/dir", QFileInfo(path).absolutePath());
    openRecording(path);
}

// Controls that would change the machine or its clock have nothing to act on when it is real
// or recorded.
void MainWindow::setHostMode(bool host, bool recording) {
    m_host = host;
    m_recording = recording;
    const bool fixed = host || recording;
    for (QAction* a : {m_transport->stepAction(), m_transport->stepPassAction()}) a->setEnabled(!fixed);
    for (QAction* a : {m_transport->playAction(), m_transport->resetAction()}) a->setEnabled(!recording);
    m_transport->speedBox()->setEnabled(!fixed);
    m_undo->setActive(!fixed);
    m_timeLabel->setToolTip(host ? tr("Time since ReclaimScope began watching this machine")
                                 : tr("Simulated time since the scenario started"));
    m_speedLabel->setToolTip(host ? tr("The machine the views show, read through its /proc files (never written)")
                                  : tr("Simulated seconds per wall-clock second, measured"));
}

void MainWindow::setRunning(bool running) {
    if (running) m_transport->goLive();
    m_running = running;
    if (running) postCall(m_controller, [c = m_controller] { c->play(); });
    else postCall(m_controller, [c = m_controller] { c->pause(); });
    m_transport->setRunning(running);
}

void MainWindow::onFrame(const FramePtr& frame) {
    if (!frame) return;
    RS_TSAN_ACQUIRE(frame.get()); // built on the simulation thread (publish): CrossThread.h
    if (m_lastFrame && m_lastFrame->generation != frame->generation) {
        m_eventLog->clear();
        m_transport->resetHistory();
        onMoment(nullptr);
    }
    m_lastFrame = frame;
    ++m_frames;
    if (frame->host != m_host || frame->recording != m_recording) setHostMode(frame->host, frame->recording);
    m_replayLabel->onFrame(frame);
    m_view->onFrame(frame);
    m_swapView->onFrame(frame);
    m_lruView->onFrame(frame);
    m_bigPicture->onFrame(frame);
    m_counters->onFrame(frame);
    m_processes->onFrame(frame);
    m_tuning->onFrame(frame);
    if (frame->generation != m_labelledGeneration) {
        // The views have built this run's charts: their time axes say whose time it is.
        m_labelledGeneration = frame->generation;
        for (QCustomPlot* plot : findChildren<QCustomPlot*>())
            if (plot->xAxis->label() == timeAxisLabel(!frame->realTime)) plot->xAxis->setLabel(timeAxisLabel(frame->realTime));
    }
    m_transport->setSimTime(frame->sim_time_ns);
    for (const auto& e : frame->events) {
        m_eventLog->addItem(QString("%1 s  %2").arg(static_cast<double>(e.t_ns) / 1e9, 10, 'f', 3)
                                .arg(eventText(e)));
    }
    while (m_eventLog->count() > kMaxLogLines) delete m_eventLog->takeItem(0);
    if (!frame->events.empty()) m_eventLog->scrollToBottom();
    m_timeLabel->setText(tr("t = %1").arg(QString::fromStdString(rs::format_duration(frame->sim_time_ns))));
    if (frame->recording)
        m_speedLabel->setText(QString::fromStdString(frame->title));
    else if (frame->host)
        m_speedLabel->setText(frame->running ? QString::fromStdString(frame->title)
                                             : tr("%1 (paused)").arg(QString::fromStdString(frame->title)));
    else
        m_speedLabel->setText(frame->running ? tr("%1× real time").arg(frame->achievedSpeed, 0, 'f', 1)
                                             : tr("paused"));
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (nowMs - m_fpsStartMs >= 1000) {
        m_fpsLabel->setText(tr("%1 frames/s").arg(static_cast<double>(m_frames - m_framesAtLastFps) * 1000.0 /
                                                           static_cast<double>(nowMs - m_fpsStartMs),
                                                       0, 'f', 0));
        m_framesAtLastFps = m_frames;
        m_fpsStartMs = nowMs;
    }
    const QString title = QString("ReclaimScope — %1").arg(QString::fromStdString(frame->title));
    if (title != windowTitle()) {
        setWindowTitle(title);
        m_browser->setCurrent(QString::fromStdString(frame->title));
    }
    m_controller->frameConsumed(); // the next frame may come
}

void MainWindow::onMoment(const MomentPtr& moment) {
    // A late answer for a moment the user has already left is dropped.
    if (moment && !m_transport->moment()) return;
    if (moment) RS_TSAN_ACQUIRE(moment.get());
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

ExportSources MainWindow::exportSources() {
    // A canvas outside any layout takes the export's size.
    auto* canvas = findChild<BigPictureCanvas*>("exportCanvas");
    if (!canvas) {
        canvas = new BigPictureCanvas(this);
        canvas->setObjectName("exportCanvas");
        canvas->hide();
    }
    return {m_view, m_swapView, m_lruView, m_bigPicture, canvas, m_processes};
}

std::optional<ExportStamp> MainWindow::exportStamp() const {
    if (!m_lastFrame) return std::nullopt;
    return ExportStamp{QString::fromStdString(m_lastFrame->title), m_lastFrame->sim_time_ns};
}

QString MainWindow::exportChart(const QString& path, QSize size) {
    const QList<ExportPage> pages = exportPagesOf(m_current, exportSources(), exportStamp(), size);
    if (pages.isEmpty())
        return tr("The %1 view has no chart to export; choose another view, or export the data as CSV.")
            .arg(viewInfo(m_current).title());
    return exportPage(pages.front(), path, size, QSize(size.width(), std::max(size.height(), 600)));
}

QString MainWindow::exportAllViews(const QString& path, QSize size) {
    return exportAllViewPages(exportSources(), exportStamp(), path, size);
}

void MainWindow::exportCsv(const QString& path, qint64 fromNs, qint64 toNs) {
    postCall(m_controller, [c = m_controller, path, fromNs, toNs] { c->writeCsv(path, fromNs, toNs); });
}

void MainWindow::exportChartDialog(bool allViews) {
    ExportDialog dialog(allViews, viewInfo(m_current), this);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString path = dialog.path();
    const QString err = allViews ? exportAllViews(path, dialog.chartSize()) : exportChart(path, dialog.chartSize());
    if (!err.isEmpty()) onError(err);
    else statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

void MainWindow::exportCsvDialog() {
    QSettings s;
    const QString dir = s.value("export/dir", QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("Export data"), QDir(dir).filePath("reclaimscope.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += ".csv";
    s.setValue("export/dir", QFileInfo(path).absolutePath());
    const auto [from, to] = visibleRangeNs();
    QMessageBox ask(QMessageBox::Question, tr("Export data"), tr("Which samples should the CSV hold?"), QMessageBox::Cancel, this);
    auto* whole = ask.addButton(tr("Whole run"), QMessageBox::AcceptRole);
    auto* visible = ask.addButton(tr("Visible range (%1 – %2 s)").arg(static_cast<double>(from) / 1e9, 0, 'f', 2)
                                      .arg(static_cast<double>(to) / 1e9, 0, 'f', 2),
                                  QMessageBox::AcceptRole);
    ask.setDefaultButton(whole);
    ask.exec();
    if (ask.clickedButton() == whole) exportCsv(path);
    else if (ask.clickedButton() == visible) exportCsv(path, from, to);
}
